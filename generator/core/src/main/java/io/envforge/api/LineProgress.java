package io.envforge.api;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Progress as log lines ({@link ProgressLines}): the start, a {@code rendered n/total} line at most every
 * {@value #LINE_EVERY_NANOS} ns and at the end, optionally a line per failed environment and per disk or Git phase,
 * and the summary. For a log or a CI console, not a terminal. Thread-safe.
 */
public class LineProgress implements ProgressListener {

    /** At most one {@code rendered} line per five seconds: a log, not a terminal. */
    public static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final Consumer<String> info;
    private final Consumer<String> failures;
    private final boolean steps;
    private final int fromTotal;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int total;
    private volatile long lastLine = System.nanoTime();

    /**
     * @param info where lines go
     * @param failures where a failed environment's line goes; null: none
     * @param steps print a line as a disk or Git phase begins ({@code envforge: write ...})
     * @param fromTotal print {@code rendered} lines only when at least this many environments render
     */
    public LineProgress(Consumer<String> info, Consumer<String> failures, boolean steps, int fromTotal) {
        this.info = info;
        this.failures = failures;
        this.steps = steps;
        this.fromTotal = fromTotal;
    }

    @Override
    public void started(int selected, int toRender) {
        total = toRender;
        info.accept(ProgressLines.started(selected, toRender));
    }

    @Override
    public void environment(String name, Outcome outcome) {
        if (outcome == Outcome.UNCHANGED) {
            return;
        }
        if (outcome == Outcome.FAILED) {
            failed.incrementAndGet();
            if (failures != null) {
                failures.accept(ProgressLines.failed(name));
            }
        }
        int n = done.incrementAndGet();
        rendered(n, total, failed.get());
    }

    /** One environment more is done: {@code n} of {@code total}, {@code failedSoFar} of them failed. */
    protected void rendered(int n, int total, int failedSoFar) {
        if (total >= fromTotal && (System.nanoTime() - lastLine >= LINE_EVERY_NANOS || n == total)) {
            lastLine = System.nanoTime();
            info.accept(ProgressLines.rendered(n, total, failedSoFar));
        }
    }

    /** How many environments render in this run. */
    protected int total() {
        return total;
    }

    @Override
    public void step(String name) {
        if (steps) {
            info.accept(ProgressLines.step(name));
        }
    }

    @Override
    public void finished(RunSummary summary) {
        info.accept(ProgressLines.finished(summary));
    }
}
