package io.envforge.maven;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.PublishingRun;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;

/** Prints a result the way every envforge goal does. */
final class Reports {

    private Reports() {}

    static void log(Log log, GenerateResult result) {
        log(log, new PublishingRun.Outcome(result, Optional.empty()));
    }

    static void log(Log log, PublishingRun.Outcome outcome) {
        GenerateResult result = outcome.generation();
        // Maven prints the level itself: the finding's own "[WARNING] " would double it.
        result.warningTexts().forEach(log::warn);
        result.noteTexts().forEach(log::info);
        outcome.lines().forEach(log::info);
        if (log.isDebugEnabled()) {
            result.timings().forEach((step, ms) -> log.debug("envforge: step " + step + " " + ms + " ms"));
        }
    }
}
