package io.envforge.cli;

import io.envforge.pipeline.ProgressListener;
import io.envforge.pipeline.RunSummary;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints progress: a redrawn bar on an interactive terminal, a plain line at most every few seconds elsewhere (CI logs,
 * detected by {@code CI} being set or no console), and a summary line at the end.
 */
final class ConsoleProgress implements ProgressListener {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean bar;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile int total;
    private volatile long lastLine = System.nanoTime();

    ConsoleProgress(PrintStream out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    /** A bar when attached to a terminal and not in CI. */
    static ConsoleProgress forThisProcess() {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").equalsIgnoreCase("false");
        return new ConsoleProgress(System.out, System.console() != null && !ci);
    }

    @Override
    public void started(int selected, int toRender) {
        total = toRender;
        out.println("envforge: " + selected + " environment(s) selected, " + toRender + " to render, "
                + (selected - toRender) + " unchanged");
    }

    @Override
    public void environment(String name, Outcome outcome) {
        if (outcome == Outcome.UNCHANGED) {
            return;
        }
        if (outcome == Outcome.FAILED) {
            failed.incrementAndGet();
        }
        int n = done.incrementAndGet();
        if (bar) {
            synchronized (this) {
                int filled = total == 0 ? WIDTH : n * WIDTH / total;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total);
                out.flush();
            }
        } else if (System.nanoTime() - lastLine >= LINE_EVERY_NANOS || n == total) {
            lastLine = System.nanoTime();
            out.println("envforge: rendered " + n + "/" + total + (failed.get() > 0 ? ", " + failed.get()
                    + " failed" : ""));
        }
    }

    @Override
    public void step(String name) {
        if (bar && total > 0) {
            out.println();
        }
        out.println("envforge: " + name + " ...");
    }

    @Override
    public void finished(RunSummary summary) {
        out.println("envforge: " + summary.render());
    }
}
