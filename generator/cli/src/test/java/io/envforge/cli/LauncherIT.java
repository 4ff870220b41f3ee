package io.envforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code generator/cli/envforge} runs the built jar with the JVM settings measured for it
 * (docs/benchmark.md, "JVM settings"): C1 only, ParallelGC, a 1 GiB heap; the first run writes a class-data archive
 * that the next run maps; {@code ENVFORGE_JAVA_OPTS} comes after and wins.
 */
class LauncherIT {

    @TempDir
    Path cds;

    @Test
    void runsTheJarWithItsSettingsAndMapsTheArchiveTheFirstRunWrote() throws Exception {
        String flags = launch("-XX:+PrintFlagsFinal");
        assertTrue(flags.matches("(?s).*\\bTieredStopAtLevel\\s+= 1\\b.*"), "C1 only");
        assertTrue(flags.matches("(?s).*\\bUseParallelGC\\s+= true\\b.*"), "ParallelGC");
        assertTrue(flags.matches("(?s).*\\bMaxHeapSize\\s+= 1073741824\\b.*"), "-Xmx1g");
        assertTrue(flags.contains("envforge 0.1.0"), flags);
        List<Path> archives;
        try (Stream<Path> files = Files.list(cds)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("envforge-\\d+\\.jsa"), archives.toString());

        // -Xshare:on: the JVM stops if it cannot map the archive; the class log names where each class came from
        String second = launch("-Xshare:on -Xlog:class+load=info -Xmx512m -XX:+PrintFlagsFinal");
        assertTrue(second.contains("io.envforge.cli.Main source: shared objects file (top)"), "Main from the archive");
        assertTrue(second.matches("(?s).*\\bMaxHeapSize\\s+= 536870912\\b.*"), "ENVFORGE_JAVA_OPTS wins");
    }

    private String launch(String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "envforge", "--version").redirectErrorStream(true);
        pb.environment().put("ENVFORGE_CDS", cds.toString());
        pb.environment().put("ENVFORGE_JAVA_OPTS", javaOpts);
        pb.environment().remove("ENVFORGE_JAR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
