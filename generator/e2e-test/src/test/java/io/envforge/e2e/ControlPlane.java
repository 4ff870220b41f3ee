package io.envforge.e2e;

import static io.envforge.e2e.LocalProcess.args;

import io.envforge.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Kubernetes control plane on 127.0.0.1: etcd, kube-apiserver, kube-controller-manager, kube-scheduler (all
 * built from k8s.io/kubernetes and go.etcd.io/etcd by tools/build-components.sh) and kwok, whose simulated nodes
 * take the scheduled Pods to Running and Ready without a kubelet. Three nodes, one per zone, so that the charts'
 * zone spread constraints are satisfiable as on a cloud cluster. Flags follow each component's own reference
 * (kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver and siblings).
 */
final class ControlPlane implements AutoCloseable {

    static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");

    private final Path dir;
    private final List<LocalProcess> processes = new ArrayList<>();
    private final Kubectl kubectl;
    private final Path kubeconfig;

    private ControlPlane(Path dir) {
        this.dir = dir;
        this.kubeconfig = dir.resolve("kubeconfig");
        this.kubectl = new Kubectl(kubeconfig);
    }

    static ControlPlane start(Path dir) {
        ControlPlane plane = new ControlPlane(dir);
        try {
            plane.boot();
            return plane;
        } catch (RuntimeException | Error e) {
            plane.close();
            throw e;
        }
    }

    Kubectl kubectl() {
        return kubectl;
    }

    Path kubeconfig() {
        return kubeconfig;
    }

    Path dir() {
        return dir;
    }

    /** Starts another local process against this API server (a controller); stopped with the control plane. */
    LocalProcess spawn(String name, Map<String, String> env, List<String> command) {
        LocalProcess process = LocalProcess.start(name, dir, env, command);
        processes.add(process);
        return process;
    }

    private void boot() {
        try {
            Files.createDirectories(dir.resolve("pki"));
            String token = UUID.randomUUID().toString();
            Files.writeString(dir.resolve("tokens.csv"), token + ",envforge-e2e,envforge-e2e,system:masters\n");
            serviceAccountKeys();
            int etcdPort = FreePort.find();
            int peerPort = FreePort.find();
            int apiPort = FreePort.find();
            Files.writeString(kubeconfig, kubeconfig(apiPort, token));
            String etcdUrl = "http://127.0.0.1:" + etcdPort;
            String peerUrl = "http://127.0.0.1:" + peerPort;
            spawn(
                    "etcd",
                    Map.of(),
                    args(
                            Components.bin("etcd"),
                            "--name=e2e",
                            "--data-dir=" + dir.resolve("etcd"),
                            "--listen-client-urls=" + etcdUrl,
                            "--advertise-client-urls=" + etcdUrl,
                            "--listen-peer-urls=" + peerUrl,
                            "--initial-advertise-peer-urls=" + peerUrl,
                            "--initial-cluster=e2e=" + peerUrl,
                            "--unsafe-no-fsync=true",
                            "--log-level=warn"));
            spawn(
                    "kube-apiserver",
                    Map.of(),
                    args(
                            Components.bin("kube-apiserver"),
                            "--etcd-servers=" + etcdUrl,
                            "--bind-address=127.0.0.1",
                            "--advertise-address=127.0.0.1",
                            "--secure-port=" + apiPort,
                            "--cert-dir=" + dir.resolve("pki"),
                            "--token-auth-file=" + dir.resolve("tokens.csv"),
                            "--authorization-mode=RBAC",
                            "--service-cluster-ip-range=10.96.0.0/16",
                            // as on EKS and AKS, so that PodSecurity admission, not this flag, is what refuses
                            // privileged Pods
                            "--allow-privileged=true",
                            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                            "--service-account-key-file=" + dir.resolve("sa.pub"),
                            "--service-account-signing-key-file=" + dir.resolve("sa.key"),
                            "--api-audiences=https://kubernetes.default.svc.cluster.local"));
            awaitApiServer();
            String kc = "--kubeconfig=" + kubeconfig;
            spawn(
                    "kube-controller-manager",
                    Map.of(),
                    args(
                            Components.bin("kube-controller-manager"),
                            kc,
                            "--authentication-kubeconfig=" + kubeconfig,
                            "--authorization-kubeconfig=" + kubeconfig,
                            "--leader-elect=false",
                            "--bind-address=127.0.0.1",
                            "--secure-port=" + FreePort.find(),
                            "--service-account-private-key-file=" + dir.resolve("sa.key"),
                            "--root-ca-file=" + dir.resolve("pki/apiserver.crt"),
                            "--use-service-account-credentials=false",
                            "--controllers=*,-nodeipam,-cloud-node-lifecycle",
                            // The node lifecycle controller lifts the not-ready taint that admission puts on every new
                            // Node;
                            // a long grace period keeps it from marking kwok's nodes (and so their Pods) NotReady when
                            // a
                            // heartbeat is late on a loaded 2-core machine (kwok does not set a Pod Ready again).
                            "--node-monitor-grace-period=10m"));
            spawn(
                    "kube-scheduler",
                    Map.of(),
                    args(
                            Components.bin("kube-scheduler"),
                            kc,
                            "--authentication-kubeconfig=" + kubeconfig,
                            "--authorization-kubeconfig=" + kubeconfig,
                            "--leader-elect=false",
                            "--bind-address=127.0.0.1",
                            "--secure-port=" + FreePort.find()));
            spawn(
                    "kwok",
                    Map.of(),
                    args(
                            Components.bin("kwok"),
                            kc,
                            "--manage-all-nodes=true",
                            "--server-address=127.0.0.1:" + FreePort.find(),
                            "--node-ip=127.0.0.1",
                            "--cidr=10.244.0.0/16"));
            kubectl.ok(nodes(), "apply", "-f", "-");
            kubectl.await(
                    60,
                    n -> n.path("items").size() == ZONES.size() && readyNodes(n) == ZONES.size(),
                    n -> readyNodes(n) + " of " + ZONES.size() + " nodes Ready",
                    "get",
                    "nodes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int readyNodes(com.fasterxml.jackson.databind.JsonNode list) {
        int ready = 0;
        for (var node : list.path("items")) {
            for (var c : node.path("status").path("conditions")) {
                if ("Ready".equals(c.path("type").asText())
                        && "True".equals(c.path("status").asText())) {
                    ready++;
                }
            }
        }
        return ready;
    }

    private void awaitApiServer() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            processes.forEach(LocalProcess::checkAlive);
            Kubectl.Result ready = kubectl.run(null, "get", "--raw=/readyz");
            if (ready.ok()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("kube-apiserver not ready after 120 s: " + ready.err() + "\n"
                        + processes.get(1).tail(30));
            }
            Kubectl.sleep(500);
        }
    }

    private void serviceAccountKeys() throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(
                    dir.resolve("sa.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(
                    dir.resolve("sa.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static String kubeconfig(int port, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: e2e
                    cluster:
                      server: https://127.0.0.1:%d
                      insecure-skip-tls-verify: true
                users:
                  - name: e2e
                    user:
                      token: %s
                contexts:
                  - name: e2e
                    context: {cluster: e2e, user: e2e}
                current-context: e2e
                """.formatted(port, token);
    }

    /** kwok's documented fake node (kwok.sigs.k8s.io/docs/user/kwok-manage-nodes-and-pods), one per zone. */
    private static String nodes() {
        StringBuilder out = new StringBuilder();
        for (String zone : ZONES) {
            out.append("""
                    ---
                    apiVersion: v1
                    kind: Node
                    metadata:
                      name: kwok-%1$s
                      annotations:
                        kwok.x-k8s.io/node: fake
                      labels:
                        type: kwok
                        kubernetes.io/os: linux
                        kubernetes.io/arch: amd64
                        kubernetes.io/hostname: kwok-%1$s
                        topology.kubernetes.io/zone: %1$s
                    status:
                      allocatable: {cpu: "32", memory: 256Gi, pods: "110"}
                      capacity: {cpu: "32", memory: 256Gi, pods: "110"}
                    """.formatted(zone));
        }
        return out.toString();
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
