package io.envforge.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envforge.api.ValidationFailedException;
import io.envforge.validate.Finding;
import io.envforge.validate.Report;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Maven prints the level of each line itself: a finding goes to the log at its level, without "[WARNING] " again. */
class ReportsTest {

    /** What Maven's console shows: its own level prefix, then the text. */
    static final class ConsoleLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            lines.add("[ERROR] " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("[WARNING] " + content);
        }

        @Override
        public void info(CharSequence content) {
            lines.add("[INFO] " + content);
        }
    }

    @Test
    void aFailedValidationPrintsOneLevelPrefixPerLine() {
        ConsoleLog log = new ConsoleLog();
        MojoFailureException e = Mojos.failure(
                new ValidationFailedException(new Report(List.of(
                        Finding.error("overlays/dev1/a.yaml", "Service/dev1/api", "bad"),
                        Finding.warning("environments/x.yaml", "", "environment x skipped"),
                        new Finding(Finding.Severity.INFO, "environment dev1", "", "validated 3 object(s)")))),
                log);
        assertEquals(
                List.of(
                        "[INFO] environment dev1: validated 3 object(s)",
                        "[WARNING] environments/x.yaml: environment x skipped",
                        "[ERROR] overlays/dev1/a.yaml: Service/dev1/api: bad"),
                log.lines);
        assertEquals("validation failed with 1 error(s); nothing was written", e.getMessage());
    }
}
