package io.envforge.pipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools envforge starts do not inherit the GOGC the launcher set for Helm's Go runtime; a user's GOGC they do. */
class ProcessToolRunnerTest {

    @TempDir
    Path dir;

    private String gogcSeenBy(Map<String, String> environment) {
        ProcessToolRunner runner = new ProcessToolRunner(Map.of("sh", "/bin/sh"), environment);
        ToolRunner.Result result = runner.run(
                "sh",
                List.of("-c", "echo ${GOGC-unset} ${ENVFORGE_LAUNCHER_GOGC-unset}"),
                dir,
                Map.of(),
                dir.resolve("log"),
                true);
        assertEquals(0, result.exit());
        return result.stdout().strip();
    }

    @Test
    void theLaunchersGogcStaysWithEnvforge() {
        assertEquals(
                "unset unset",
                gogcSeenBy(Map.of("PATH", "/usr/bin:/bin", "GOGC", "400", ProcessToolRunner.LAUNCHER_GOGC, "1")));
        assertEquals("100 unset", gogcSeenBy(Map.of("PATH", "/usr/bin:/bin", "GOGC", "100")));
    }
}
