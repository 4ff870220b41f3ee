package io.envforge.api;

/**
 * Hears how a run goes, so a front-end can draw a bar on a terminal or print a line every few seconds in a CI log.
 * Called from several threads at once: implementations must be thread-safe. Every method has an empty default.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {};

    /** What happened to one environment. */
    enum Outcome {
        GENERATED,
        UNCHANGED,
        FAILED
    }

    /**
     * The run starts.
     *
     * @param selected environments selected
     * @param toRender how many of them have changed inputs (the rest are {@link Outcome#UNCHANGED})
     */
    default void started(int selected, int toRender) {}

    /** One environment is done: rendered and validated, skipped as unchanged, or failed. */
    default void environment(String name, Outcome outcome) {}

    /** A step over the whole fleet begins ({@code write}, {@code commit}). */
    default void step(String name) {}

    /** The run ends, successfully or not. */
    default void finished(RunSummary summary) {}
}
