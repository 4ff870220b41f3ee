package io.envforge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.TestWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every object of each generated overlay goes through the real API server by server-side apply (admission, CRD
 * schemas, PodSecurity "restricted" on the namespace the overlay creates, "baseline" on its preparation namespace),
 * and every Pod that the controllers create from the Deployments, StatefulSets and the preparation Job is scheduled by
 * the real scheduler onto kwok's nodes and becomes Ready (the Job's: Succeeded, by kwok).
 */
@ExtendWith(RealCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlayApplyIT {

    private TestWorkspace ws;

    @BeforeAll
    void generate(@TempDir Path temp) {
        ws = Generated.workspace(temp.resolve("ws"), p -> p, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev1", "tst2", "prod1"})
    void everyObjectIsAcceptedAndEveryPodBecomesReady(String env, ControlPlane cluster) {
        Kubectl k = cluster.kubectl();
        String manifests = k.ok(
                null, "kustomize", ws.root().resolve("overlays").resolve(env).toString());
        String applied = k.ok(manifests, "apply", "--server-side", "--field-manager=envforge", "-f", "-");
        int objects = (int)
                applied.lines().filter(l -> l.endsWith(" serverside-applied")).count();
        assertEquals(manifests.split("(?m)^---$").length, objects, "objects applied:\n" + applied);
        Tally.environment(env);
        Tally.add("objects", objects);

        JsonNode ns = k.json("get", "namespace", env);
        assertEquals(
                "restricted",
                ns.path("metadata")
                        .path("labels")
                        .path("pod-security.kubernetes.io/enforce")
                        .asText(),
                "the overlay's namespace enforces PodSecurity restricted");

        List<String> workloads = new ArrayList<>();
        for (JsonNode w : k.json("get", "deployments,statefulsets", "-n", env).path("items")) {
            workloads.add(w.path("kind").asText().toLowerCase() + "/"
                    + w.path("metadata").path("name").asText());
        }
        assertTrue(workloads.size() >= 2, "both layers' workloads: " + workloads);
        int ready = 0;
        for (String workload : workloads) {
            JsonNode w = k.await(
                    300,
                    OverlayApplyIT::allReplicasReady,
                    o -> whyNotReady(o) + podProblems(k, env),
                    "-n",
                    env,
                    "get",
                    workload);
            ready += w.path("status").path("readyReplicas").asInt();
        }
        JsonNode pods = k.json("get", "pods", "-n", env);
        assertEquals(ready, pods.path("items").size(), "every Pod of the namespace is a Ready replica");
        Tally.add("pods", ready);

        // The preparation: its namespace enforces baseline, and the job controller's Pod (uid 0, CHOWN, FOWNER,
        // DAC_OVERRIDE) is admitted there and scheduled. kwok then completes it: its default pod-complete stage sets
        // Job-owned Pods Succeeded (kwok kustomize/stage/pod/fast), so "Complete" here says nothing about Ansible.
        String prepare = env + "-prepare";
        assertEquals(
                "baseline",
                k.json("get", "namespace", prepare)
                        .path("metadata")
                        .path("labels")
                        .path("pod-security.kubernetes.io/enforce")
                        .asText());
        JsonNode jobs = k.json("get", "jobs", "-n", prepare);
        assertEquals(1, jobs.path("items").size(), "one preparation Job: " + jobs);
        String job = jobs.path("items").get(0).path("metadata").path("name").asText();
        k.await(
                180,
                OverlayApplyIT::complete,
                j -> "not Complete: " + j.path("status") + podProblems(k, prepare),
                "-n",
                prepare,
                "get",
                "job",
                job);
        Tally.add("jobs", 1);
    }

    @Test
    void thePreparationJobIsRefusedInARestrictedNamespace(ControlPlane cluster) throws Exception {
        Kubectl k = cluster.kubectl();
        String job = java.nio.file.Files.readString(ws.root().resolve("overlays/dev1/prepare/job.yaml"))
                .replace("namespace: dev1-prepare", "namespace: prepare-restricted");
        k.ok(
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prepare-restricted\n  labels:\n"
                        + "    pod-security.kubernetes.io/enforce: restricted\n",
                "apply",
                "--server-side",
                "-f",
                "-");
        k.ok(job, "apply", "--server-side", "--field-manager=envforge", "-f", "-");
        JsonNode events = k.await(
                60,
                e -> !failedCreate(e).isEmpty(),
                e -> "no FailedCreate yet: " + e,
                "-n",
                "prepare-restricted",
                "get",
                "events");
        String why = failedCreate(events);
        assertTrue(why.contains("violates PodSecurity \"restricted:latest\""), why);
        assertTrue(why.contains("runAsNonRoot") && why.contains("CHOWN"), why);
        assertEquals(
                0,
                k.json("get", "pods", "-n", "prepare-restricted").path("items").size());
    }

    private static String failedCreate(JsonNode events) {
        for (JsonNode e : events.path("items")) {
            if ("FailedCreate".equals(e.path("reason").asText())) {
                return e.path("message").asText();
            }
        }
        return "";
    }

    private static boolean complete(JsonNode job) {
        for (JsonNode c : job.path("status").path("conditions")) {
            if ("Complete".equals(c.path("type").asText())
                    && "True".equals(c.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theControllerObjectsOfEveryEnvironmentAreAccepted(ControlPlane cluster) throws Exception {
        Kubectl k = cluster.kubectl();
        k.ok(
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n---\n"
                        + "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: argocd\n",
                "apply",
                "--server-side",
                "-f",
                "-");
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(ws.root().resolve("clusters"))) {
            // kustomization.yaml there is the bootstrap's own kustomize file (flux-system), not an object
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 3, "Flux objects of dev1 and tst2, the Argo CD fleet files: " + files);
        int objects = 0;
        for (Path file : files) {
            String applied = k.ok(
                    null,
                    "apply",
                    "--server-side",
                    "--field-manager=envforge",
                    "--dry-run=server",
                    "-f",
                    file.toString());
            objects += (int) applied.lines()
                    .filter(l -> l.contains(" serverside-applied"))
                    .count();
        }
        assertTrue(objects >= 9, objects + " controller objects");
        Tally.add("objects", objects);
    }

    @Test
    void aPodThatBreaksPodSecurityRestrictedIsRefused(ControlPlane cluster) {
        Kubectl k = cluster.kubectl();
        String fixture = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: pss-broken
                  labels:
                    pod-security.kubernetes.io/enforce: restricted
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: privileged
                  namespace: pss-broken
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: privileged}}
                  template:
                    metadata: {labels: {app: privileged}}
                    spec:
                      containers:
                        - name: app
                          image: registry.example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000
                          securityContext: {privileged: true}
                """;
        k.ok(fixture, "apply", "--server-side", "--field-manager=envforge", "-f", "-");
        JsonNode rs = k.await(
                60,
                list -> !failure(list).isEmpty(),
                list -> "no FailedCreate yet: " + list,
                "-n",
                "pss-broken",
                "get",
                "replicasets");
        assertTrue(failure(rs).contains("violates PodSecurity \"restricted:latest\""), failure(rs));
        assertTrue(failure(rs).contains("privileged"), failure(rs));
        assertEquals(0, k.json("get", "pods", "-n", "pss-broken").path("items").size());
    }

    /** The scheduler's, kwok's and the controllers' own reasons: Pod conditions that are not True, and Warnings. */
    private static String podProblems(Kubectl k, String ns) {
        StringBuilder out = new StringBuilder();
        for (JsonNode pod : k.json("get", "pods", "-n", ns).path("items")) {
            for (JsonNode c : pod.path("status").path("conditions")) {
                if (!"True".equals(c.path("status").asText())) {
                    out.append("\n  pod ")
                            .append(pod.path("metadata").path("name").asText())
                            .append(" ")
                            .append(c.path("type").asText())
                            .append("=")
                            .append(c.path("status").asText())
                            .append(" (")
                            .append(c.path("reason").asText())
                            .append("): ")
                            .append(c.path("message").asText());
                }
            }
        }
        for (JsonNode e : k.json("get", "events", "-n", ns, "--field-selector=type=Warning")
                .path("items")) {
            out.append("\n  event ")
                    .append(e.path("involvedObject").path("kind").asText())
                    .append("/")
                    .append(e.path("involvedObject").path("name").asText())
                    .append(" ")
                    .append(e.path("reason").asText())
                    .append(": ")
                    .append(e.path("message").asText());
        }
        return out.toString();
    }

    private static String failure(JsonNode replicaSets) {
        for (JsonNode rs : replicaSets.path("items")) {
            for (JsonNode c : rs.path("status").path("conditions")) {
                if ("ReplicaFailure".equals(c.path("type").asText())) {
                    return c.path("message").asText();
                }
            }
        }
        return "";
    }

    private static boolean allReplicasReady(JsonNode w) {
        int want = w.path("spec").path("replicas").asInt(1);
        return want > 0 && w.path("status").path("readyReplicas").asInt() == want;
    }

    private static String whyNotReady(JsonNode w) {
        return w.path("kind").asText() + " " + w.path("metadata").path("name").asText() + ": "
                + w.path("status").path("readyReplicas").asInt() + " of "
                + w.path("spec").path("replicas").asInt()
                + " replicas Ready; status " + w.path("status");
    }
}
