package io.envforge.maven;

import io.envforge.pipeline.ProgressListener;
import io.envforge.pipeline.RunSummary;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.logging.Log;

/** Progress in the Maven log: a line at most every few seconds (Maven output is a log, not a terminal), a summary. */
final class LogProgress implements ProgressListener {

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final Log log;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long lastLine = System.nanoTime();

    LogProgress(Log log) {
        this.log = log;
    }

    @Override
    public void started(int selected, int toRender) {
        total = toRender;
        log.info("envforge: " + selected + " environment(s) selected, " + toRender + " to render, "
                + (selected - toRender) + " unchanged");
    }

    @Override
    public void environment(String name, Outcome outcome) {
        if (outcome == Outcome.UNCHANGED) {
            return;
        }
        int n = done.incrementAndGet();
        if (outcome == Outcome.FAILED) {
            log.error("envforge: " + name + " failed");
        }
        if (total > 1 && (System.nanoTime() - lastLine >= LINE_EVERY_NANOS || n == total)) {
            lastLine = System.nanoTime();
            log.info("envforge: rendered " + n + "/" + total);
        }
    }

    @Override
    public void finished(RunSummary summary) {
        log.info("envforge: " + summary.render());
    }
}
