package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.api.ProgressListener;
import io.envforge.api.RunOptions;
import io.envforge.render.helm.HelmRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Helm output cache in {@code .git/envforge/cache/helm}: a re-render whose chart, release, namespace, values and
 * Helm version are unchanged (what a generator upgrade that changes no values does) calls Helm zero times and writes
 * the same bytes; a changed value calls Helm for that chart only.
 */
class RenderCacheTest {

    @TempDir
    Path dir;

    private static GenerateRequest request(Path ws) {
        return GenerateRequest.builder(ws)
                .environments("all")
                .schemas(TestWorkspace.SCHEMAS)
                .build();
    }

    private static long helmCalls(Envforge envforge) {
        return envforge.renderers().stream()
                .filter(HelmRenderer.class::isInstance)
                .map(HelmRenderer.class::cast)
                .mapToLong(HelmRenderer::helmCalls)
                .sum();
    }

    private static Map<String, String> files(Path ws, String folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(ws.resolve(folder))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(ws.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    @Test
    void fullReRenderWithUnchangedValuesDoesNotCallHelmAndWritesTheSameBytes() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20", "b=10.64.16.0/20"));
        Envforge first = Envforge.standard(ws);
        first.generate(request(ws));
        assertEquals(4, helmCalls(first), "two charts for each of two environments");
        Map<String, String> before = files(ws, "overlays");

        Envforge upgrade = Envforge.standard(ws);
        GenerateResult again = upgrade.generate(request(ws), new RunOptions(true, ProgressListener.NONE));
        assertEquals(List.of("a", "b"), again.generated());
        assertEquals(0, helmCalls(upgrade), "every chart output came from the cache");
        assertTrue(again.commit().isEmpty(), "same bytes: nothing to commit");
        assertEquals(before, files(ws, "overlays"));

        Files.writeString(
                ws.resolve("environments/b.yaml"),
                Files.readString(ws.resolve("environments/b.yaml"))
                        + "  layers:\n    integration:\n      replicas: 3\n");
        Envforge changed = Envforge.standard(ws);
        changed.generate(request(ws));
        assertEquals(1, helmCalls(changed), "only b's integration values changed");
        assertTrue(Files.readString(ws.resolve("overlays/b/layers/integration.yaml"))
                .contains("replicas: 3"));
    }

    /**
     * One Envforge, two runs, the chart changed between them (what the publish loop does when it moves to the remote's
     * tree and generates again): the second run reads the chart again, so neither a stale digest (a wrong cache hit)
     * nor a stale schema-less copy renders the old templates.
     */
    @Test
    void aSecondRunReadsTheChangedChart() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge envforge = Envforge.standard(ws);
        envforge.generate(request(ws));
        Path template = ws.resolve("charts/integration/templates/configmap.yaml");
        Files.writeString(template, Files.readString(template) + "\n# chart changed between runs\n");
        envforge.generate(request(ws));
        assertTrue(
                Files.readString(ws.resolve("overlays/a/layers/integration.yaml"))
                        .contains("# chart changed between runs"),
                "the second run rendered the changed chart");
    }

    @Test
    void withoutTheCacheFolderHelmIsCalledAgain() throws IOException {
        Path ws = Workspaces.create(dir, List.of("a=10.64.0.0/20"));
        Envforge.standard(ws).generate(request(ws));
        Path cache = ws.resolve(".git/envforge/cache/helm");
        assertTrue(Files.isDirectory(cache));
        try (Stream<Path> walk = Files.walk(cache)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        Envforge again = Envforge.standard(ws);
        again.generate(request(ws), new RunOptions(true, ProgressListener.NONE));
        assertEquals(2, helmCalls(again));
    }
}
