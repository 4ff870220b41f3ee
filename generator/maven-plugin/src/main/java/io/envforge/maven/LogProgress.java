package io.envforge.maven;

import io.envforge.api.LineProgress;
import org.apache.maven.plugin.logging.Log;

/**
 * Progress in the Maven log ({@link LineProgress}): a line at most every few seconds (Maven output is a log, not a
 * terminal), a line per failed environment, a summary.
 */
final class LogProgress extends LineProgress {

    LogProgress(Log log) {
        super(log::info, log::error, false, 2);
    }
}
