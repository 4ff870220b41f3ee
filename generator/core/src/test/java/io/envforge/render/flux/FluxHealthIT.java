package io.envforge.render.flux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What kustomize-controller decides about the generated objects, computed by Flux's own code (FluxTools): whether
 * the platform Kustomization waits for External Secrets to sync, whether every custom kind has a health check, whether
 * the layers' timeout covers their rollout, whether pruning spares the namespace, and whether the bootstrap's
 * kustomization turns on the ExternalArtifact feature gate. It builds and runs that Go command and {@code kubectl
 * kustomize} as processes: an integration test, run by {@code mvn verify}.
 */
class FluxHealthIT {

    /** API groups whose kinds kstatus knows (built-in Kubernetes kinds). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of(
            "",
            "apps",
            "batch",
            "policy",
            "autoscaling",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "storage.k8s.io",
            "scheduling.k8s.io");

    @TempDir
    static Path dir;

    static Scratch ws;

    @BeforeAll
    static void generate() {
        // The runner digest is test input (the digest of a text, not of an image): it only makes the Job rendered.
        ws = Scratch.in(dir)
                .spec(
                        "a",
                        "aws",
                        "10.20.0.0/20",
                        "  layers:\n    integration:\n      replicas: 3\n" + "  preparation:\n    image: \"@sha256:"
                                + "0123456789abcdef".repeat(4) + "\"\n");
        GenerateResult result = ws.generate(true, "a");
        assertFalse(result.report().hasErrors(), result.report().render());
    }

    @Test
    void thePlatformIsReadyOnlyWhenExternalSecretsHaveSynced() throws Exception {
        Map<String, Object> platform = kustomization("a-platform");
        List<Map<String, Object>> objects = built(platform);
        List<Map<String, Object>> secrets = objects.stream()
                .filter(o -> Set.of("ExternalSecret", "SecretStore").contains(o.get("kind")))
                .toList();
        assertTrue(secrets.size() >= 2, "the platform overlay holds a SecretStore and ExternalSecrets");
        for (Map<String, Object> o : secrets) {
            String failure = "ExternalSecret".equals(o.get("kind")) ? "SecretSyncedError" : "InvalidProviderConfig";
            String what = o.get("kind") + " " + ((Map<?, ?>) o.get("metadata")).get("name");
            assertNotEquals("Current", status(platform, o, null), what + " before External Secrets saw it");
            assertEquals("InProgress", status(platform, o, Map.of()), what + " with an empty status");
            assertEquals("Failed", status(platform, o, ready("False", failure)), what + " that cannot sync");
            assertEquals("Current", status(platform, o, ready("True", "Valid")), what + " when synced");
        }
        Map<String, Object> external = secrets.stream()
                .filter(o -> "ExternalSecret".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "InProgress",
                status(platform, external, ready("False", "SecretMissing")),
                "a Secret the controller is recreating is not a failure");
    }

    @Test
    void certificatesAndIssuersAreHealthyOnlyWhenCertManagerSaysReady() throws Exception {
        Map<String, Object> platform = kustomization("a-platform");
        List<Map<String, Object>> objects = built(platform).stream()
                .filter(o -> Set.of("Certificate", "Issuer").contains(o.get("kind")))
                .toList();
        assertTrue(objects.size() >= 5, "the CA chain and the layers' Certificates");
        for (Map<String, Object> o : objects) {
            String what = o.get("kind") + " " + ((Map<?, ?>) o.get("metadata")).get("name");
            assertEquals("InProgress", status(platform, o, Map.of()), what + " with an empty status");
            assertEquals("Current", status(platform, o, ready("True", "Ready")), what + " when ready");
        }
        Map<String, Object> cert = objects.stream()
                .filter(o -> "Certificate".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> failed = new java.util.LinkedHashMap<>(ready("False", "DoesNotExist"));
        failed.put("lastFailureTime", "2026-11-26T12:00:00Z");
        assertEquals("Failed", status(platform, cert, failed), "a Certificate whose issuance failed");
        assertEquals("InProgress", status(platform, cert, ready("False", "DoesNotExist")), "one being issued");
        Map<String, Object> issuer = objects.stream()
                .filter(o -> "Issuer".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "InProgress",
                status(platform, issuer, ready("False", "ErrGetKeyPair")),
                "a CA Issuer whose CA Secret is still being issued");
        assertEquals("Failed", status(platform, issuer, ready("False", "ErrInvalidKeyPair")), "a broken CA");
    }

    @Test
    void everyCustomKindTheKustomizationsApplyHasAHealthCheck() throws Exception {
        for (String name : List.of("a-platform", "a-prepare", "a-layers")) {
            Map<String, Object> k = kustomization(name);
            for (Map<String, Object> verdict : FluxTools.health(spec(k).get("healthCheckExprs"), built(k))) {
                String kind = (String) verdict.get("kind");
                boolean custom = built(k).stream()
                        .filter(x -> kind.equals(x.get("kind")))
                        .map(FluxHealthIT::group)
                        .anyMatch(g -> !BUILT_IN_GROUPS.contains(g));
                if (custom) {
                    assertEquals("cel", verdict.get("reader"), name + ": " + kind + " is judged by kstatus alone");
                }
            }
        }
    }

    @Test
    void theLayersWaitForThePreparationJobToComplete() throws Exception {
        Map<String, Object> prepare = kustomization("a-prepare");
        assertEquals(List.of(Map.of("name", "a-platform")), spec(prepare).get("dependsOn"));
        assertEquals(
                List.of(Map.of("name", "a-prepare")),
                spec(kustomization("a-layers")).get("dependsOn"));
        assertEquals(true, spec(prepare).get("wait"));
        Map<String, Object> job = built(prepare).stream()
                .filter(o -> "Job".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        assertNotEquals("Current", status(prepare, job, Map.of()), "a Job that has not run");
        assertNotEquals("Current", status(prepare, job, Map.of("active", 1)), "a running Job");
        assertEquals("Current", status(prepare, job, job("Complete", 1, 0)), "a completed Job");
        assertEquals("Failed", status(prepare, job, job("Failed", 0, 3)), "a Job out of retries");
        long timeout = Duration.parse("PT" + ((String) spec(prepare).get("timeout")).toUpperCase())
                .toSeconds();
        assertTrue(timeout > num(spec(job).get("activeDeadlineSeconds")), "the Kustomization outwaits the Job");
    }

    private static Map<String, Object> job(String condition, int succeeded, int failed) {
        return Map.of(
                "succeeded",
                succeeded,
                "failed",
                failed,
                "conditions",
                List.of(Map.of(
                        "type",
                        condition,
                        "status",
                        "True",
                        "reason",
                        "test",
                        "lastTransitionTime",
                        "2026-01-01T00:00:00Z")));
    }

    @Test
    void theLayersTimeoutCoversEveryRollout() throws Exception {
        Map<String, Object> layers = kustomization("a-layers");
        long timeout = Duration.parse("PT" + ((String) spec(layers).get("timeout")).toUpperCase())
                .toSeconds();
        List<String> rollouts = new ArrayList<>();
        for (Map<String, Object> o : built(layers)) {
            if (!Set.of("Deployment", "StatefulSet").contains(o.get("kind"))) {
                continue;
            }
            Map<String, Object> spec = spec(o);
            Map<String, Object> pod = map(map(spec, "template"), "spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            Map<String, Object> startup = map(container, "startupProbe");
            Map<String, Object> readiness = map(container, "readinessProbe");
            long perPod = num(pod.get("terminationGracePeriodSeconds"))
                    + num(startup.get("periodSeconds")) * num(startup.get("failureThreshold"))
                    + num(readiness.get("periodSeconds"))
                    + num(spec.get("minReadySeconds"));
            long rollout = num(spec.get("replicas")) * perPod;
            rollouts.add(o.get("kind") + "=" + rollout + "s");
            assertTrue(
                    timeout >= rollout,
                    o.get("kind") + " may take " + rollout + " s to roll out one pod at a time; " + "timeout is "
                            + timeout + " s");
        }
        assertEquals(2, rollouts.size(), rollouts.toString());
    }

    @Test
    void pruningSparesTheNamespaceOnly() throws Exception {
        Map<String, Object> platform = kustomization("a-platform");
        for (Map<String, Object> verdict : FluxTools.health(spec(platform).get("healthCheckExprs"), built(platform))) {
            boolean namespace = "Namespace".equals(verdict.get("kind"));
            assertEquals(!namespace, verdict.get("prunable"), verdict.toString());
        }
    }

    @Test
    void theBootstrapTurnsOnTheExternalArtifactGate() throws Exception {
        Path bootstrap = dir.resolve("bootstrap");
        Files.createDirectories(bootstrap);
        Files.writeString(
                bootstrap.resolve("kustomization.yaml"), ws.read("clusters/a/flux-system/kustomization.yaml"));
        // What flux bootstrap writes beside it: the controllers (here kustomize-controller's own Deployment) and sync.
        Path controller = FluxTools.goModule("github.com/fluxcd/kustomize-controller@v1.9.4");
        Files.writeString(
                bootstrap.resolve("gotk-components.yaml"),
                Files.readString(controller.resolve("config/manager/deployment.yaml")));
        Files.writeString(
                bootstrap.resolve("gotk-sync.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n" + "  name: stand-in-for-gotk-sync\n");
        Map<String, Object> deployment = Yaml.loadAll(FluxTools.kustomize(bootstrap)).stream()
                .filter(d -> "Deployment".equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> container = ((List<Map<String, Object>>)
                        map(map(spec(deployment), "template"), "spec").get("containers"))
                .get(0);
        List<String> args = (List<String>) container.get("args");
        assertTrue(args.contains("--feature-gates=ExternalArtifact=true"), args.toString());
        assertTrue(args.contains("--watch-all-namespaces"), "the controller's own arguments stay: " + args);
        assertTrue(
                ws.read("clusters/a/flux-system/kustomization.yaml").contains("--components-extra=source-watcher"),
                "the header gives the bootstrap command that installs source-watcher");
    }

    private static String status(
            Map<String, Object> kustomization, Map<String, Object> object, Map<String, Object> status)
            throws Exception {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(object);
        if (status != null) {
            copy.put("status", status);
        }
        List<Map<String, Object>> verdicts =
                FluxTools.health(spec(kustomization).get("healthCheckExprs"), List.of(copy));
        return (String) verdicts.get(0).get("status");
    }

    private static Map<String, Object> ready(String status, String reason) {
        return Map.of(
                "conditions",
                List.of(Map.of(
                        "type",
                        "Ready",
                        "status",
                        status,
                        "reason",
                        reason,
                        "message",
                        "test",
                        "lastTransitionTime",
                        "2026-01-01T00:00:00Z")));
    }

    private static Map<String, Object> kustomization(String name) {
        return Yaml.loadAll(ws.read("clusters/a/envforge/sync.yaml")).stream()
                .filter(d -> "Kustomization".equals(d.get("kind")))
                .filter(d -> name.equals(((Map<?, ?>) d.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
    }

    /** The objects the Kustomization applies: its path, built by kustomize. */
    private static List<Map<String, Object>> built(Map<String, Object> kustomization) throws Exception {
        String path = ((String) spec(kustomization).get("path")).substring(2);
        return Yaml.loadAll(FluxTools.kustomize(ws.root().resolve(path)));
    }

    private static String group(Map<String, Object> o) {
        String apiVersion = (String) o.get("apiVersion");
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> doc, String key) {
        return (Map<String, Object>) doc.get(key);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
