package io.envforge.cli;

import io.envforge.api.LineProgress;
import io.envforge.api.ProgressLines;
import java.io.PrintStream;

/**
 * Prints progress: a redrawn bar on an interactive terminal, a plain line at most every few seconds elsewhere (CI logs,
 * detected by {@code CI} being set or no console), and a summary line at the end. The lines are the core's
 * ({@link LineProgress}, {@link ProgressLines}); only the bar is drawn here.
 */
final class ConsoleProgress extends LineProgress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean bar;

    ConsoleProgress(PrintStream out, boolean bar) {
        super(out::println, null, true, 1);
        this.out = out;
        this.bar = bar;
    }

    /** A bar when attached to a terminal and not in CI. */
    static ConsoleProgress forThisProcess() {
        boolean ci = System.getenv("CI") != null && !System.getenv("CI").equalsIgnoreCase("false");
        return new ConsoleProgress(System.out, System.console() != null && !ci);
    }

    @Override
    protected void rendered(int n, int total, int failedSoFar) {
        if (!bar) {
            super.rendered(n, total, failedSoFar);
            return;
        }
        synchronized (this) {
            int filled = total == 0 ? WIDTH : n * WIDTH / total;
            out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total);
            out.flush();
        }
    }

    @Override
    public void step(String name) {
        if (bar && total() > 0) {
            out.println();
        }
        super.step(name);
    }
}
