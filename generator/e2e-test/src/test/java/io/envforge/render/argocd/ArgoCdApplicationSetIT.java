package io.envforge.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.testing.HttpGitServer;
import io.envforge.testing.Repos;
import io.envforge.validate.Finding;
import io.envforge.validate.SchemaRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The fleet ApplicationSet expanded by Argo CD v3.6.1's own code ({@link ArgoCdHarness}): a fleet of three Argo CD
 * environments (AWS and Azure; one without self-heal, one without prune) and one Flux environment is generated,
 * committed and served over plain HTTP ({@code git http-backend}) on 127.0.0.1; the platform file names that server
 * as the repository, so the generated ApplicationSet and AppProject are used exactly as generated (git:// would not
 * do: Flux's GitRepository schema admits only http, https and ssh). Argo CD's repo-server fetches the commit,
 * its Git files generator reads the parameter files and its renderer fills the template, and the repo-server generates
 * each Application's manifests from its source (kustomize). The Applications must then be one per Argo CD
 * environment, point at the environment's overlay in that commit, at its cluster and namespace, in the project that
 * admits them, with the environment's sync policy; their manifests must carry the sync waves that order namespace,
 * storage and secret store, ExternalSecrets, then the layers, all in the destination namespace.
 */
class ArgoCdApplicationSetIT {

    static final List<String> ARGO = List.of("argo-a", "argo-b", "argo-c");

    @TempDir
    static Path dir;

    static HttpGitServer server;
    static Path bare;
    static String url;
    static Scratch ws;
    static Map<String, Object> expanded;

    @BeforeAll
    static void generateCommitServeExpand() throws Exception {
        ArgoCdHarness.require();
        Path repos = Files.createDirectories(dir.resolve("repos"));
        server = HttpGitServer.start(repos);
        url = server.url("fleet.git");
        ws = Scratch.in(Files.createDirectories(dir.resolve("ws")));
        String platform = ws.read("environments/platform.yaml");
        String served = platform.replace("url: https://git.example.com/platform/envforge.git", "url: " + url);
        assertFalse(served.equals(platform), "platform file's git url not found");
        ws.write("environments/platform.yaml", served)
                .spec("argo-a", "aws", "10.20.0.0/20", "  gitops:\n    controller: argocd\n")
                .spec("argo-b", "azure", "10.20.16.0/20", "  gitops:\n    controller: argocd\n    selfHeal: false\n")
                .spec("argo-c", "aws", "10.20.32.0/20", "  gitops:\n    controller: argocd\n    prune: false\n")
                .spec("flux-a", "aws", "10.20.48.0/20", "  gitops:\n    controller: flux\n");
        GenerateResult result = ws.generate(true, "all");
        assertFalse(result.report().hasErrors(), result.report().render());
        ws.commitAll("fleet");
        bare = repos.resolve("fleet.git");
        try (Git ignored = Git.init()
                        .setBare(true)
                        .setInitialBranch("main")
                        .setDirectory(bare.toFile())
                        .call();
                Git work = Git.open(ws.root().toFile())) {
            work.push()
                    .setRemote(bare.toUri().toString())
                    .setRefSpecs(new RefSpec("main:refs/heads/main"))
                    .call();
        }
        expanded = expand(ws.root().resolve("clusters/argocd/applicationset.yaml"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneApplicationPerArgoCdEnvironmentAndEveryCheckPasses() {
        assertEquals(
                ARGO,
                applications(expanded).stream()
                        .map(a -> metadata(a).get("name"))
                        .toList());
        assertEquals(Map.of(), expanded.get("errors"), "what Argo CD's controllers refuse");
    }

    @Test
    void applicationsAreRight() throws Exception {
        assertRight(expanded);
        ARGO.forEach(io.envforge.e2e.Tally::environment);
        io.envforge.e2e.Tally.add("applications", applications(expanded).size());
    }

    @Test
    void applicationsPassTheArgoCdSchema() {
        SchemaRule schemas = new SchemaRule(Scratch.SHARED.resolve("schemas"));
        for (Map<String, Object> app : applications(expanded)) {
            List<Finding> findings = new ArrayList<>();
            schemas.check("argocd-appset-output", List.of(app), Map.of(), findings);
            assertEquals(List.of(), findings, "Application " + metadata(app).get("name"));
        }
    }

    @Test
    void theGeneratedManifestsCarryTheSyncWavesInOrder() {
        for (Map<String, Object> app : applications(expanded)) {
            String env = (String) metadata(app).get("name");
            String namespace = (String) map(spec(app).get("destination")).get("namespace");
            List<Map<String, Object>> waves = manifests(expanded).get(env);
            assertTrue(waves != null && !waves.isEmpty(), "no manifests for " + env + ": " + expanded.get("errors"));
            int namespaceWave = wave(waves, "Namespace");
            int storeWave = wave(waves, "SecretStore");
            int claimWave = wave(waves, "PersistentVolumeClaim");
            int secretWave = wave(waves, "ExternalSecret");
            int layerWave = wave(waves, "StatefulSet");
            assertEquals(layerWave, wave(waves, "Deployment"), "both layers in one wave in " + env);
            assertTrue(
                    namespaceWave < storeWave
                            && storeWave == claimWave
                            && claimWave < secretWave
                            && secretWave < layerWave,
                    "waves namespace < store = claim < ExternalSecrets < layers in " + env + ": " + waves);
            // Argo CD checks each resource's namespace against the project's destinations for the Application's
            // cluster (AppProject spec.destinations), not only against the Application's own namespace.
            String cluster = (String) map(spec(app).get("destination")).get("name");
            List<String> allowed = projectNamespaces(cluster);
            // kube-system only in envforge-kube-system (ConfigMaps only, ArgoCdFleetTest), never in the main project
            assertFalse(allowed.contains("kube-system"), "the main project admits kube-system on " + cluster);
            for (Map<String, Object> w : waves) {
                assertTrue(
                        w.get("namespace") == null
                                || namespace.equals(w.get("namespace"))
                                || allowed.contains(w.get("namespace")),
                        w + " outside the destination namespace " + namespace + " and the project's " + allowed);
            }
        }
    }

    /** The namespaces the generated AppProject lets Applications on {@code cluster} write to. */
    @SuppressWarnings("unchecked")
    private static List<String> projectNamespaces(String cluster) {
        try {
            Map<String, Object> project = new org.yaml.snakeyaml.Yaml()
                    .load(Files.readString(ws.root().resolve("clusters/argocd/appproject.yaml")));
            List<String> out = new ArrayList<>();
            for (Object d : (List<Object>) map(project.get("spec")).get("destinations")) {
                Map<String, Object> dest = map(d);
                if (cluster != null && cluster.equals(dest.get("name"))) {
                    out.add((String) dest.get("namespace"));
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Today's template before the fix, {@code path: '{{.path}}'}: Argo CD fills it with its own map of the parameter
     * file's location, and the checks above fail on it.
     */
    @Test
    void theOldPathTemplateGivesArgoCdsPathMapAndFails() throws Exception {
        String set = ws.read("clusters/argocd/applicationset.yaml");
        assertTrue(set.contains("path: '{{.overlay}}'"), set);
        Path old = dir.resolve("old-applicationset.yaml");
        Files.writeString(old, set.replace("path: '{{.overlay}}'", "path: '{{.path}}'"));
        Map<String, Object> before = expand(old);
        for (Map<String, Object> app : applications(before)) {
            String path = (String) map(spec(app).get("source")).get("path");
            assertTrue(path.startsWith("map[") && path.contains("filename:argocd.json"), path);
            // The repo-server's own refusal, as the Application's ComparisonError would show it.
            assertTrue(
                    String.valueOf(map(before.get("errors"))
                                    .get("argocd/" + metadata(app).get("name")))
                            .contains("app path does not exist"),
                    String.valueOf(before.get("errors")));
        }
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertRight(before));
        assertTrue(failure.getMessage().contains("source path"), failure.getMessage());
    }

    /** Everything an Application of the fleet must say, checked against the committed repository. */
    static void assertRight(Map<String, Object> out) throws Exception {
        List<Map<String, Object>> apps = applications(out);
        assertEquals(ARGO.size(), apps.size());
        for (Map<String, Object> app : apps) {
            String env = (String) metadata(app).get("name");
            assertEquals("argocd", metadata(app).get("namespace"));
            assertEquals(
                    Map.of("app.kubernetes.io/part-of", "envforge", "envforge.io/environment", env),
                    metadata(app).get("labels"));
            Map<String, Object> spec = spec(app);
            assertEquals(ArgoCdFleetRenderer.PROJECT, spec.get("project"), env);
            Map<String, Object> source = map(spec.get("source"));
            String path = (String) source.get("path");
            assertEquals("overlays/" + env, path, "source path of " + env);
            assertTrue(
                    Repos.hasFile(bare, "main", path + "/kustomization.yaml"),
                    "source path " + path + " has no kustomization.yaml in the served commit");
            assertEquals(url, source.get("repoURL"), env);
            assertEquals("main", source.get("targetRevision"), env);
            assertEquals(Map.of("name", "envforge-" + env, "namespace", env), spec.get("destination"), env);
            Map<String, Object> sync = map(spec.get("syncPolicy"));
            assertEquals(
                    Map.of("prune", !env.equals("argo-c"), "selfHeal", !env.equals("argo-b")),
                    sync.get("automated"),
                    env);
            assertEquals(List.of("PrunePropagationPolicy=foreground", "PruneLast=true"), sync.get("syncOptions"));
            assertEquals(5, map(sync.get("retry")).get("limit"), env);
        }
    }

    private static Map<String, Object> expand(Path appSet) throws Exception {
        List<String> clusters = ARGO.stream()
                .map(e -> "envforge-" + e + "=https://" + e + ".k8s.example.com")
                .toList();
        return ArgoCdHarness.expand(
                appSet, ws.root().resolve("clusters/argocd/appproject.yaml"), dir, clusters.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> manifests(Map<String, Object> out) {
        Object manifests = out.get("manifests");
        return manifests == null ? Map.of() : (Map<String, List<Map<String, Object>>>) manifests;
    }

    private static int wave(List<Map<String, Object>> waves, String kind) {
        List<Integer> found = waves.stream()
                .filter(w -> kind.equals(w.get("kind")))
                .map(w -> ((Number) w.get("wave")).intValue())
                .distinct()
                .toList();
        assertEquals(1, found.size(), "one wave for every " + kind + ": " + waves);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> applications(Map<String, Object> out) {
        return (List<Map<String, Object>>) out.get("applications");
    }

    static Map<String, Object> metadata(Map<String, Object> doc) {
        return map(doc.get("metadata"));
    }

    static Map<String, Object> spec(Map<String, Object> doc) {
        return map(doc.get("spec"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
