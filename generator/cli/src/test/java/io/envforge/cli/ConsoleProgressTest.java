package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.ProgressListener.Outcome;
import io.envforge.api.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String run(boolean bar) {
        ConsoleProgress progress = new ConsoleProgress(out, bar);
        progress.started(3, 2);
        progress.environment("a", Outcome.UNCHANGED);
        progress.environment("b", Outcome.GENERATED);
        progress.environment("c", Outcome.FAILED);
        progress.finished(new RunSummary(1, 1, 1, 1234));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logLinesInCi() {
        assertEquals(
                "envforge: 3 environment(s) selected, 2 to render, 1 unchanged\n"
                        + "envforge: rendered 2/2, 1 failed\n"
                        + "envforge: 1 generated, 1 unchanged, 1 failed in 1.2 s\n",
                run(false));
    }

    @Test
    void aRedrawnBarOnATerminal() {
        String text = run(true);
        assertTrue(text.contains("\r[###############               ] 1/2"), text);
        assertTrue(text.contains("\r[##############################] 2/2"), text);
        assertTrue(text.endsWith("envforge: 1 generated, 1 unchanged, 1 failed in 1.2 s\n"), text);
    }
}
