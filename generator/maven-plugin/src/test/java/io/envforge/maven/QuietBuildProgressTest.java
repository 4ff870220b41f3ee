package io.envforge.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -q -f generator/pom.xml install} (the README's first command) prints errors only, so a fresh machine saw
 * nothing for minutes; each module now says on standard output what its build is doing. Runs Maven itself on the
 * parent alone ({@code -N validate}, offline: the outer build has the plugin already).
 */
class QuietBuildProgressTest {

    @Test
    void aQuietBuildSaysWhatItIsDoing() throws Exception {
        Path generator = Path.of(System.getProperty("envforge.repo"), "generator");
        Process p = new ProcessBuilder(
                        "mvn",
                        "-q",
                        "-o",
                        "-B",
                        "-N",
                        "-f",
                        generator.resolve("pom.xml").toString(),
                        "validate")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(
                out.contains("envforge: envforge (envforge-parent): starting (compile, test, package; a first build"
                        + " also downloads its dependencies)"),
                out);
    }
}
