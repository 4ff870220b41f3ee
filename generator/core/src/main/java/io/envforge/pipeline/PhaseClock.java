package io.envforge.pipeline;

import io.envforge.api.ProgressListener;
import io.envforge.api.RunSummary;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one wrapper around every {@link Phase} of a run: times it ({@code phase: <name>}, wall clock), announces the
 * ones that touch disk or Git to the progress listener, and reports the run's end with its counts.
 */
final class PhaseClock {

    private final long start = System.nanoTime();
    private final Timings timings = new Timings();
    private final ProgressListener progress;

    PhaseClock(ProgressListener progress) {
        this.progress = progress;
    }

    <T> T run(Phase phase, Supplier<T> work) {
        if (phase.announced()) {
            progress.step(phase.label());
        }
        return timings.time("phase: " + phase.label(), work);
    }

    void run(Phase phase, Runnable work) {
        run(phase, () -> {
            work.run();
            return null;
        });
    }

    /** The per-environment step timings (summed over threads), for the renderers and the per-environment work. */
    Timings timings() {
        return timings;
    }

    ProgressListener progress() {
        return progress;
    }

    /** Tells the listener the run ended with these counts. */
    void finished(int generated, int unchanged, int failed) {
        progress.finished(new RunSummary(generated, unchanged, failed, (System.nanoTime() - start) / 1_000_000));
    }

    /** Milliseconds per step, with {@code phase: total}. */
    Map<String, Long> millis() {
        timings.add("phase: total", System.nanoTime() - start);
        return timings.millis();
    }
}
