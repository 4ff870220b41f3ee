package io.envforge.maven;

import io.envforge.api.Failure;
import io.envforge.api.ValidationFailedException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What every goal does with a failure: logs it as the core tells it ({@link Failure}) and fails the build. */
final class Mojos {

    private Mojos() {}

    /** The failure to throw for {@code e}: findings logged as errors, the summary or the problems as the message. */
    static MojoFailureException failure(RuntimeException e, Log log) {
        Failure failure = Failure.of(e).orElseThrow(() -> e);
        if (e instanceof ValidationFailedException v) {
            // each finding at its own level; Maven prints the level itself, so without the finding's own prefix
            v.leveledTexts().forEach(f -> {
                switch (f.getKey()) {
                    case "ERROR" -> log.error(f.getValue());
                    case "WARNING" -> log.warn(f.getValue());
                    default -> log.info(f.getValue());
                }
            });
        } else {
            failure.findings().forEach(log::error);
        }
        return new MojoFailureException(
                failure.findings().isEmpty() ? String.join("\n", failure.problems()) : failure.summary());
    }
}
