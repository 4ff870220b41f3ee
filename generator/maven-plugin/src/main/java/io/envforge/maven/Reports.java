package io.envforge.maven;

import io.envforge.pipeline.GenerateResult;
import io.envforge.pipeline.PublishingRun;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** Prints a result the way every envforge goal does. */
final class Reports {

    private Reports() {
    }

    static void log(Log log, GenerateResult result) {
        log(log, new PublishingRun.Outcome(result, Optional.empty()));
    }

    /** A failed validation: each finding at its own level, without a second level prefix. */
    static void failed(Log log, Report report) {
        for (Finding f : report.findings()) {
            switch (f.severity()) {
                case ERROR -> log.error(f.text());
                case WARNING -> log.warn(f.text());
                default -> log.info(f.text());
            }
        }
    }

    static void log(Log log, PublishingRun.Outcome outcome) {
        GenerateResult result = outcome.generation();
        // Maven prints the level itself: the finding's own "[WARNING] " would double it.
        for (Finding f : result.report().findings()) {
            if (f.severity() == Finding.Severity.WARNING) {
                log.warn(f.text());
            } else {
                log.info(f.text());
            }
        }
        outcome.lines().forEach(log::info);
        if (log.isDebugEnabled()) {
            result.timings().forEach((step, ms) -> log.debug("envforge: step " + step + " " + ms + " ms"));
        }
    }
}
