package io.envforge.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Flux cluster reads: the ArtifactGenerator's artifact holds exactly the environment's overlay, the
 * Kustomizations find their paths in it, and a change to another environment leaves the artifact's content — hence
 * its revision, and so the Kustomizations — untouched. The copy is modelled as source-watcher documents it: the files
 * matching {@code from}'s glob, by their path below the glob's fixed prefix, under {@code to}.
 */
class FluxDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void eachClusterFollowsAnArtifactOfItsOwnOverlay() {
        Scratch ws = Scratch.in(dir).spec("a", "aws", "10.20.0.0/20", "").spec("b", "azure", "10.20.16.0/20", "");
        GenerateResult first = ws.generate(true, "all");
        assertFalse(first.report().hasErrors(), first.report().render());
        String before = artifactDigest(ws, "a");
        String beforeB = artifactDigest(ws, "b");

        Map<String, Object> generator = object(ws, "a", "ArtifactGenerator");
        Map<String, Object> artifact = first(list(spec(generator), "artifacts"));
        assertNull(artifact.get("revision"), "revision must default to the content digest");
        assertNull(artifact.get("originRevision"), "originRevision ties the artifact to the Git commit again");
        assertEquals(
                List.of(Map.of("alias", "repo", "kind", "GitRepository", "name", "envforge-a")),
                list(spec(generator), "sources"));

        SortedMap<String, String> content = artifact(ws, "a");
        assertTrue(
                content.keySet().stream().allMatch(p -> p.startsWith("overlays/a/")),
                content.keySet().toString());
        for (Map<String, Object> k : objects(ws, "a", "Kustomization")) {
            assertEquals(Map.of("kind", "ExternalArtifact", "name", artifact.get("name")), spec(k).get("sourceRef"));
            String path = ((String) spec(k).get("path")).substring(2);
            assertTrue(content.containsKey(path + "/kustomization.yaml"), path + " in the artifact");
        }

        ws.spec("b", "azure", "10.20.16.0/20", "  layers:\n    api:\n      replicas: 3\n");
        ws.generate(true, "all");
        assertEquals(before, artifactDigest(ws, "a"), "a change to b must not change a's artifact");
        assertNotEquals(beforeB, artifactDigest(ws, "b"));
    }

    @Test
    void withoutArtifactsTheKustomizationsReadTheGitRepository() {
        Scratch ws = Scratch.in(dir).spec("a", "aws", "10.20.0.0/20", "  gitops:\n    fluxArtifacts: false\n");
        GenerateResult result = ws.generate(true, "all");
        assertFalse(result.report().hasErrors(), result.report().render());
        assertEquals(List.of(), objects(ws, "a", "ArtifactGenerator"));
        for (Map<String, Object> k : objects(ws, "a", "Kustomization")) {
            assertEquals(Map.of("kind", "GitRepository", "name", "envforge-a"), spec(k).get("sourceRef"));
        }
    }

    /** The files source-watcher would copy into {@code env}'s artifact: artifact path to content. */
    private static SortedMap<String, String> artifact(Scratch ws, String env) {
        Map<String, Object> copy =
                first(list(first(list(spec(object(ws, env, "ArtifactGenerator")), "artifacts")), "copy"));
        String from = ((String) copy.get("from")).substring("@repo/".length());
        String to = ((String) copy.get("to")).substring("@artifact/".length());
        String base = from.substring(0, from.indexOf('*'));
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + from);
        SortedMap<String, String> out = new TreeMap<>();
        ws.files().forEach((path, text) -> {
            if (glob.matches(Path.of(path))) {
                out.put(to + path.substring(base.length()), text);
            }
        });
        assertFalse(out.isEmpty(), "the glob " + from + " matches nothing");
        return out;
    }

    private static String artifactDigest(Scratch ws, String env) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            artifact(ws, env).forEach((path, text) -> {
                digest.update((path + "\0" + text + "\0").getBytes(StandardCharsets.UTF_8));
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> objects(Scratch ws, String env, String kind) {
        assertTrue(Files.exists(ws.root().resolve("clusters/" + env + "/envforge/sync.yaml")));
        return Yaml.loadAll(ws.read("clusters/" + env + "/envforge/sync.yaml")).stream()
                .filter(d -> kind.equals(d.get("kind")))
                .toList();
    }

    private static Map<String, Object> object(Scratch ws, String env, String kind) {
        List<Map<String, Object>> found = objects(ws, env, kind);
        assertEquals(1, found.size(), kind + " in " + env);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    private static Map<String, Object> first(List<Map<String, Object>> list) {
        return list.get(0);
    }
}
