package io.envforge.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Argo CD ApplicationSet harness ({@code tools/argocd-appset}, Argo CD v3.6.1's own repo-server, Git generator
 * and template rendering, built by {@code tools/argocd-appset/build.sh}) as a process. Missing binary: the test fails
 * and says how to build it, unless {@code -Denvforge.realComponents=false} turns the real-component tier off.
 */
final class ArgoCdHarness {

    static final Path BINARY = Path.of(System.getProperty(
                    "envforge.tools.bin", System.getProperty("user.home") + "/.cache/envforge/tools/bin"))
            .resolve("argocd-appset");

    private ArgoCdHarness() {}

    /** Fails (or, with the tier off, skips) when the harness is not built. */
    static void require() {
        assumeFalse(
                "false".equals(System.getProperty("envforge.realComponents")),
                "real-component tier off (-Denvforge.realComponents=false)");
        if (!Files.isExecutable(BINARY)) {
            fail("Argo CD ApplicationSet harness not found at " + BINARY + ": build it with "
                    + "`bash tools/argocd-appset/build.sh` (or run .ci/setup), or pass -Denvforge.realComponents=false "
                    + "to leave out the real-component tier");
        }
    }

    /**
     * Expands {@code appSet} (checked against {@code project}, with {@code clusters} registered as name=server) and
     * returns the harness's JSON: {@code applications}, {@code errors} per Application (the controllers' refusals and
     * the repo-server's manifest generation errors), {@code params}, {@code manifests} (per Application, each
     * generated object's kind, name, namespace and sync wave).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expand(Path appSet, Path project, Path work, String... clusters) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "-appset",
                appSet.toString(),
                "-project",
                project.toString(),
                "-params",
                "-manifests"));
        for (String c : clusters) {
            command.add("-cluster");
            command.add(c);
        }
        return (Map<String, Object>) run(command, work);
    }

    private static Object run(List<String> command, Path work) throws Exception {
        Path out = Files.createTempFile(work, "argocd-appset", ".json");
        Path err = Files.createTempFile(work, "argocd-appset", ".log");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "argocd-appset did not finish in 120 s");
        assertEquals(0, p.exitValue(), "argocd-appset " + String.join(" ", command) + ":\n" + Files.readString(err));
        return new ObjectMapper().readValue(out.toFile(), Object.class);
    }
}
