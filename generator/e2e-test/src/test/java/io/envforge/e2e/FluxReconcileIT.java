package io.envforge.e2e;

import static io.envforge.e2e.LocalProcess.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.TestWorkspace;
import io.envforge.testing.FreePort;
import io.envforge.testing.HttpsGitServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flux's own source-controller and kustomize-controller (built from their Go modules, v1.7.3 = Flux 2.7.3) reconcile
 * the generated repository, served over HTTPS with basic auth by a loopback Git server, into the real API server:
 * the generated GitRepository and the two Kustomizations reach Ready in order, a file deleted from the overlay is
 * pruned, and a broken Kustomization path fails with the controller's reason.
 *
 * <p>The environment uses {@code gitops.fluxArtifacts: false} (the GitRepository path): the ArtifactGenerator path
 * needs source-watcher, whose module {@code github.com/fluxcd/source-watcher/v2} the Go module proxy refuses here
 * (403 "This module version is not available"), so it cannot be built. The External Secrets Operator is replaced by
 * {@link ExternalSecretsStandIn} and cert-manager by {@link CertManagerStandIn}, said so in their names.
 */
@ExtendWith(RealCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FluxReconcileIT {

    private static final String ENV = "flux1";
    private static final String TOKEN = "e2e-token-" + System.nanoTime();

    private Path temp;
    private HttpsGitServer git;
    private TestWorkspace ws;
    private Path bare;
    private ExternalSecretsStandIn eso;
    private CertManagerStandIn certManager;
    private ExternalSecretsStandIn esoPrepare;

    @BeforeAll
    void serveAndStartFlux(ControlPlane cluster, @TempDir Path dir) throws Exception {
        temp = dir;
        Files.createDirectories(temp.resolve("git"));
        Files.createDirectories(temp.resolve("gitwork"));
        git = HttpsGitServer.start(temp.resolve("git"), temp.resolve("gitwork"), TOKEN);
        String url = git.url("envforge.git");
        ws = Generated.workspace(
                temp.resolve("ws"),
                platform -> platform.replace("https://git.example.com/platform/envforge.git", url)
                        .replace(
                                "    gitops:\n      controller: flux\n",
                                "    gitops:\n      controller: flux\n      fluxArtifacts: false\n"),
                Map.of("environments/" + ENV + ".yaml", """
                        apiVersion: envforge.io/v1alpha1
                        kind: Environment
                        metadata:
                          name: flux1
                        spec:
                          cloud: aws
                          network:
                            cidr: 10.40.0.0/20
                          # test input: the digest of a text, not of an image (kwok runs no container)
                          preparation:
                            image: "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                        """));
        bare = temp.resolve("git/envforge.git");
        Git.cloneRepository()
                .setURI(ws.root().toUri().toString())
                .setDirectory(bare.toFile())
                .setBare(true)
                .call()
                .close();

        int storage = FreePort.find();
        Files.createDirectories(temp.resolve("storage"));
        Map<String, String> env = Map.of("KUBECONFIG", cluster.kubeconfig().toString());
        LocalProcess source = cluster.spawn(
                "source-controller",
                env,
                args(
                        Components.bin("source-controller"),
                        "--storage-path=" + temp.resolve("storage"),
                        "--storage-addr=127.0.0.1:" + storage,
                        "--storage-adv-addr=127.0.0.1:" + storage,
                        "--metrics-addr=127.0.0.1:" + FreePort.find(),
                        "--health-addr=127.0.0.1:" + FreePort.find(),
                        "--events-addr="));
        // kustomize-controller fetches artifacts from the address source-controller advertises, rewritten to
        // SOURCE_CONTROLLER_LOCALHOST (internal/controller/kustomization_controller.go).
        LocalProcess kustomize = cluster.spawn(
                "kustomize-controller",
                Map.of(
                        "KUBECONFIG",
                        cluster.kubeconfig().toString(),
                        "SOURCE_CONTROLLER_LOCALHOST",
                        "127.0.0.1:" + storage),
                args(
                        Components.bin("kustomize-controller"),
                        "--metrics-addr=127.0.0.1:" + FreePort.find(),
                        "--health-addr=127.0.0.1:" + FreePort.find(),
                        "--events-addr="));

        Kubectl.sleep(3000);
        source.checkAlive();
        kustomize.checkAlive();
        Kubectl k = cluster.kubectl();
        k.ok("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n", "apply", "--server-side", "-f", "-");
        // The Git credentials the generated GitRepository names (secretRef envforge-git): the keys source-controller
        // reads for HTTPS basic auth and a private CA (docs: source/gitrepositories.md#basic-access-authentication).
        k.ok(
                null,
                "create",
                "secret",
                "generic",
                "envforge-git",
                "-n",
                "flux-system",
                "--from-literal=username=" + HttpsGitServer.USER,
                "--from-literal=password=" + TOKEN,
                "--from-literal=ca.crt=" + certificate(temp.resolve("gitwork/server.p12")));
        eso = new ExternalSecretsStandIn(k, ENV);
        certManager = new CertManagerStandIn(k, ENV);
        esoPrepare = new ExternalSecretsStandIn(k, ENV + "-prepare");
    }

    @AfterAll
    void stop() {
        if (esoPrepare != null) {
            esoPrepare.close();
        }
        if (eso != null) {
            eso.close();
        }
        if (certManager != null) {
            certManager.close();
        }
        if (git != null) {
            git.close();
        }
    }

    @Test
    @Order(1)
    void theGeneratedObjectsReconcileInOrder(ControlPlane cluster) throws Exception {
        Kubectl k = cluster.kubectl();
        String sync = Files.readString(ws.root().resolve("clusters/" + ENV + "/envforge/sync.yaml"));
        k.ok(sync, "apply", "--server-side", "--field-manager=envforge", "-f", "-");
        String head = ws.head();

        JsonNode repo = k.await(
                120,
                FluxReconcileIT::ready,
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "gitrepository",
                "envforge-" + ENV);
        assertTrue(
                repo.path("status").path("artifact").path("revision").asText().endsWith(head),
                "the artifact is the generated commit: " + repo.path("status").path("artifact"));

        JsonNode platform = k.await(
                300,
                FluxReconcileIT::ready,
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "kustomization",
                ENV + "-platform");
        // The preparation Job: kwok completes Job-owned Pods by itself (its default pod-complete stage), so Ready
        // here shows the ordering and kustomize-controller waiting for the Job, not the playbook.
        JsonNode prepare = k.await(
                300,
                FluxReconcileIT::ready,
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "kustomization",
                ENV + "-prepare");
        // Ready and the revision it applied: kustomize-controller was once seen (1 CI run in 3) with Ready=True and
        // no lastAppliedRevision yet in the object read; the check below wants both
        JsonNode layers = k.await(
                420,
                o -> ready(o)
                        && !o.path("status")
                                .path("lastAppliedRevision")
                                .asText()
                                .isEmpty(),
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "kustomization",
                ENV + "-layers");
        assertTrue(
                !readySince(prepare).isBefore(readySince(platform)),
                "prepare Ready at " + readySince(prepare) + ", not before platform at " + readySince(platform));
        assertTrue(
                !readySince(layers).isBefore(readySince(prepare)),
                "layers Ready at " + readySince(layers) + ", not before prepare at " + readySince(prepare));
        JsonNode jobs = k.json("get", "jobs", "-n", ENV + "-prepare");
        assertEquals(1, jobs.path("items").size(), jobs.toString());
        assertEquals(
                1,
                jobs.path("items").get(0).path("status").path("succeeded").asInt(),
                "prepare Ready means its Job succeeded: "
                        + jobs.path("items").get(0).path("status"));
        JsonNode firstPod = k.json("get", "pods", "-n", ENV, "--sort-by=.metadata.creationTimestamp")
                .path("items")
                .get(0);
        String completed =
                jobs.path("items").get(0).path("status").path("completionTime").asText();
        assertTrue(
                !java.time.Instant.parse(firstPod.path("metadata")
                                .path("creationTimestamp")
                                .asText())
                        .isBefore(java.time.Instant.parse(completed)),
                "the layers' first Pod is created after the Job completed at " + completed);
        assertEquals(
                repo.path("status").path("artifact").path("revision").asText(),
                layers.path("status").path("lastAppliedRevision").asText());
        int ready = 0;
        for (JsonNode w : k.json("get", "deployments,statefulsets", "-n", ENV).path("items")) {
            assertEquals(
                    w.path("spec").path("replicas").asInt(),
                    w.path("status").path("readyReplicas").asInt(),
                    "layers Ready means every replica Ready: "
                            + w.path("metadata").path("name"));
            ready += w.path("status").path("readyReplicas").asInt();
        }
        assertTrue(ready >= 4, "both layers, two or more replicas each: " + ready);
        Tally.environment(ENV);
        Tally.add("kustomizations", 3);
    }

    @Test
    @Order(2)
    void aFileDeletedFromTheOverlayIsPruned(ControlPlane cluster) throws Exception {
        Kubectl k = cluster.kubectl();
        assertTrue(k.json("get", "externalsecrets.external-secrets.io", "-n", ENV)
                        .path("items")
                        .size()
                > 0);
        Path overlay = ws.root().resolve("overlays/" + ENV + "/platform");
        Files.delete(overlay.resolve("external-secrets.yaml"));
        Path kustomization = overlay.resolve("kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization).replace("  - external-secrets.yaml\n", ""));
        String revision;
        try (Git repo = Git.open(ws.root().toFile())) {
            repo.add().addFilepattern("overlays").setUpdate(true).call();
            revision =
                    repo.commit().setMessage("drop the ExternalSecrets").call().name();
            repo.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        k.ok(
                null,
                "annotate",
                "--overwrite",
                "-n",
                "flux-system",
                "gitrepository",
                "envforge-" + ENV,
                "reconcile.fluxcd.io/requestedAt=" + Instant.now());
        k.await(
                180,
                o -> ready(o)
                        && o.path("status").path("lastAppliedRevision").asText().endsWith(revision),
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "kustomization",
                ENV + "-platform");
        assertEquals(
                0,
                k.json("get", "externalsecrets.external-secrets.io", "-n", ENV)
                        .path("items")
                        .size(),
                "the ExternalSecrets removed from Git are pruned from the cluster");
        assertEquals(
                ENV,
                k.json("get", "namespace", ENV).path("metadata").path("name").asText(),
                "the namespace stays");
    }

    @Test
    @Order(3)
    void aBrokenKustomizationPathFailsWithTheControllersReason(ControlPlane cluster) {
        Kubectl k = cluster.kubectl();
        k.ok("""
                apiVersion: kustomize.toolkit.fluxcd.io/v1
                kind: Kustomization
                metadata:
                  name: broken-path
                  namespace: flux-system
                spec:
                  interval: 10m
                  sourceRef: {kind: GitRepository, name: envforge-flux1}
                  path: ./overlays/no-such-env/platform
                  prune: true
                """, "apply", "--server-side", "-f", "-");
        JsonNode broken = k.await(
                120,
                o -> "False".equals(condition(o, "Ready").path("status").asText()),
                FluxReconcileIT::why,
                "-n",
                "flux-system",
                "get",
                "kustomization",
                "broken-path");
        String message = condition(broken, "Ready").path("message").asText();
        assertTrue(message.contains("overlays/no-such-env/platform") && message.contains("not found"), message);
    }

    private static boolean ready(JsonNode o) {
        return "True".equals(condition(o, "Ready").path("status").asText());
    }

    private static Instant readySince(JsonNode o) {
        return Instant.parse(condition(o, "Ready").path("lastTransitionTime").asText());
    }

    private static JsonNode condition(JsonNode o, String type) {
        for (JsonNode c : o.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String why(JsonNode o) {
        JsonNode c = condition(o, "Ready");
        return o.path("kind").asText() + " " + o.path("metadata").path("name").asText() + " Ready="
                + c.path("status").asText("unknown") + " (" + c.path("reason").asText() + "): "
                + c.path("message").asText();
    }

    private static String certificate(Path p12) throws IOException, java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, "changeit".toCharArray());
        }
        return ControlPlane.pem("CERTIFICATE", store.getCertificate("git").getEncoded());
    }
}
