package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.GenerateResult;
import io.envforge.render.Yaml;
import io.envforge.validate.Finding;
import io.envforge.validate.SchemaRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The user's path: create dev1, re-run, add dev2, build the overlay with the stock kubectl kustomize. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    @TempDir
    static Path temp;

    private static TestWorkspace ws;

    private static GenerateResult generate(String env, String subnet) {
        if (ws == null) {
            ws = TestWorkspace.create(temp.resolve("ws"));
        }
        return Envforge.standard(ws.root())
                .generate(GenerateRequest.of(ws.root(), env, subnet).withSchemas(TestWorkspace.SCHEMAS));
    }

    @Test
    @Order(1)
    void firstRunCommitsExactlyTheGeneratedPaths() throws Exception {
        generate("dev1", "10.20.0.0/20");
        ws.write("notes.txt", "mine, not envforge's\n");
        ws.write("charts/README.local", "staged by the user\n");
        try (Git git = Git.open(ws.root().toFile())) {
            git.add().addFilepattern("charts/README.local").call();
        }
        String before = ws.head();
        generate("dev1", "10.20.0.0/20");
        assertEquals(before, ws.head(), "nothing changed, so no commit");
        Set<String> changed = changedPaths(before + "~1", before);
        assertTrue(changed.contains("environments/dev1.yaml"));
        assertTrue(changed.contains("overlays/dev1/kustomization.yaml"));
        assertTrue(
                changed.stream()
                        .allMatch(p -> p.equals("environments/dev1.yaml")
                                || p.startsWith("overlays/dev1/")
                                || p.startsWith("clusters/dev1/")
                                || p.startsWith("terraform/environments/dev1/")
                                || p.startsWith("ansible/inventories/dev1/")),
                changed.toString());
        try (Git git = Git.open(ws.root().toFile())) {
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertTrue(head.getFullMessage().startsWith("envforge: generate dev1"), head.getFullMessage());
            var status = git.status().call();
            assertEquals(Set.of("charts/README.local"), status.getAdded(), "the user's staged file stays staged");
            assertEquals(Set.of("notes.txt"), status.getUntracked());
            assertTrue(status.getModified().isEmpty() && status.getChanged().isEmpty(), "generated tree is clean");
        }
    }

    @Test
    @Order(2)
    void secondEnvironmentTouchesOnlyItsOwnPaths() throws Exception {
        String before = ws.head();
        generate("dev2", "10.21.0.0/20");
        Set<String> changed = changedPaths(before, ws.head());
        assertFalse(changed.isEmpty());
        assertTrue(changed.stream().allMatch(p -> p.contains("dev2")), changed.toString());
    }

    @Test
    @Order(3)
    void staleGeneratedFilesAreRemoved() throws Exception {
        ws.write("overlays/dev1/layers/old-chart.yaml", "kind: Leftover\n");
        try (Git git = Git.open(ws.root().toFile())) {
            git.add().addFilepattern("overlays/dev1/layers/old-chart.yaml").call();
            git.commit()
                    .setMessage("a leftover")
                    .setOnly("overlays/dev1/layers/old-chart.yaml")
                    .call();
        }
        String before = ws.head();
        GenerateResult result = generate("dev1", null);
        assertEquals(
                List.of("overlays/dev1/layers/old-chart.yaml"), result.write().removed());
        assertEquals(Set.of("overlays/dev1/layers/old-chart.yaml"), changedPaths(before, ws.head()));
        assertFalse(Files.exists(ws.root().resolve("overlays/dev1/layers/old-chart.yaml")));
    }

    @Test
    @Order(4)
    void stockKustomizeBuildsTheOverlayAndEveryObjectValidates() throws Exception {
        String built = kustomize(ws.root().resolve("overlays/dev1"));
        List<Map<String, Object>> docs = Yaml.loadAll(built);
        List<Finding> findings = new ArrayList<>();
        new SchemaRule(TestWorkspace.SCHEMAS).check("kustomize-build", docs, Map.of(), findings);
        assertEquals(List.of(), findings);
        Set<String> kinds = new TreeSet<>();
        docs.forEach(d -> kinds.add(String.valueOf(d.get("kind"))));
        assertTrue(
                kinds.containsAll(Set.of(
                        "Namespace",
                        "PersistentVolume",
                        "PersistentVolumeClaim",
                        "Service",
                        "ExternalSecret",
                        "SecretStore",
                        "ConfigMap",
                        "NetworkPolicy",
                        "PodDisruptionBudget")),
                kinds.toString());
        long clusterIps = docs.stream()
                .filter(d -> "Service".equals(d.get("kind")))
                .filter(d -> "ClusterIP".equals(((Map<?, ?>) d.get("spec")).get("type"))
                        || ((Map<?, ?>) d.get("spec")).get("type") == null)
                .count();
        assertTrue(clusterIps >= 2, "a ClusterIP Service per layer");
        for (Map<String, Object> d : docs) {
            if (Set.of("Deployment", "StatefulSet").contains(d.get("kind"))) {
                Object replicas = ((Map<?, ?>) d.get("spec")).get("replicas");
                assertTrue(((Number) replicas).intValue() >= 2, d.get("kind") + " replicas " + replicas);
            }
            assertFalse("Secret".equals(d.get("kind")), "no Secret object in Git");
        }
    }

    static String kustomize(Path overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Set<String> changedPaths(String from, String to) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Git git = Git.open(ws.root().toFile());
                ObjectReader reader = git.getRepository().newObjectReader()) {
            CanonicalTreeParser a =
                    new CanonicalTreeParser(null, reader, git.getRepository().resolve(from + "^{tree}"));
            CanonicalTreeParser b =
                    new CanonicalTreeParser(null, reader, git.getRepository().resolve(to + "^{tree}"));
            for (DiffEntry e : git.diff().setOldTree(a).setNewTree(b).call()) {
                out.add(e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath());
            }
        }
        return out;
    }

    @Test
    @Order(5)
    void readdressingNeedsForce() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                io.envforge.error.EnvforgeException.class, () -> generate("dev2", "10.22.0.0/20"));
        assertTrue(e.getMessage().contains("add -Dforce=true"), e.getMessage());
        var bad = org.junit.jupiter.api.Assertions.assertThrows(
                io.envforge.error.EnvforgeException.class, () -> generate("dev2", "10.22.0.0/33"));
        assertEquals(
                "-Dsubnet \"10.22.0.0/33\": prefix must be 0..32; for example 10.20.0.0/20; or drop -Dsubnet to"
                        + " keep dev2's block 10.21.0.0/20",
                bad.getMessage());
        Envforge.standard(ws.root())
                .generate(GenerateRequest.of(ws.root(), "dev2", "10.22.0.0/20").withForce(true));
        assertTrue(Optional.ofNullable(ws.snapshot().get("environments/dev2.yaml"))
                .orElse("")
                .contains("cidr: 10.22.0.0/20"));
    }
}
