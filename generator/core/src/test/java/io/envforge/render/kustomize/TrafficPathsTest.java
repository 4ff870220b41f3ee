package io.envforge.render.kustomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateResult;
import io.envforge.pipeline.Scratch;
import io.envforge.render.Yaml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who can reach whom in a generated environment: the built overlay's NetworkPolicies evaluated by
 * {@link NetworkPolicyModel} (a model: no CNI runs here), and the namespace as the AWS Load Balancer Controller's
 * webhook selects it.
 */
class TrafficPathsTest {

    @TempDir
    static Path dir;

    static Scratch ws;
    static List<Map<String, Object>> aws;
    static List<Map<String, Object>> azure;

    @BeforeAll
    static void generate() throws Exception {
        ws = Scratch.in(dir)
                .spec(
                        "a",
                        "aws",
                        "10.20.0.0/20",
                        "  layers:\n    integration:\n      backends:\n"
                                + "        - cidr: 192.168.40.0/24\n          ports: [8443]\n")
                .spec("b", "azure", "10.20.16.0/20", "");
        GenerateResult result = ws.generate(true, "a", "b");
        assertFalse(result.report().hasErrors(), result.report().render());
        aws = Yaml.loadAll(kustomize(ws.root().resolve("overlays/a")));
        azure = Yaml.loadAll(kustomize(ws.root().resolve("overlays/b")));
    }

    @Test
    void nlbHealthChecksFromTheIngressSubnetsReachTheApiPodsOnTheServingPortsModel() {
        Map<String, Object> api = podLabels(aws, "StatefulSet");
        List<Integer> targets = lbTargetPorts(aws);
        assertEquals(List.of(8243, 8099, 9443), targets);
        // NLB nodes take addresses anywhere in their subnets (the fixed ones are the 10th); try a few.
        for (String nlb : List.of("10.20.14.10", "10.20.14.77", "10.20.15.10", "10.20.15.200")) {
            for (int port : targets) {
                assertTrue(NetworkPolicyModel.ingressAllowed(aws, api, nlb, port), nlb + " -> " + port);
            }
            assertFalse(NetworkPolicyModel.ingressAllowed(aws, api, nlb, 9611), nlb + " -> 9611 (peers only)");
        }
        assertFalse(NetworkPolicyModel.ingressAllowed(aws, api, "10.20.1.5", 8243), "workload subnet -> 8243");
        assertTrue(NetworkPolicyModel.ingressAllowed(aws, api, "10.0.3.4", 8243), "on-prem client -> 8243");
    }

    @Test
    void rollingUpdatesWaitForTheNlbOnAwsOnly() {
        // The controller's pod webhook: namespaceSelector key elbv2.k8s.aws/pod-readiness-gate-inject In [enabled]
        // (aws-load-balancer-controller config/webhook/pod_mutator_patch.yaml).
        assertEquals("enabled", namespaceLabels(aws).get("elbv2.k8s.aws/pod-readiness-gate-inject"));
        assertNull(namespaceLabels(azure).get("elbv2.k8s.aws/pod-readiness-gate-inject"), "no AWS controller");
    }

    @Test
    void theIntegrationLayerReachesOnPremAndItsDeclaredBackendsOnlyModel() {
        Map<String, Object> mi = podLabels(aws, "Deployment");
        assertTrue(NetworkPolicyModel.egressAllowed(aws, mi, "10.0.3.4", 443), "on-prem, any port");
        assertTrue(NetworkPolicyModel.egressAllowed(aws, mi, "172.16.9.9", 1521), "on-prem, any port");
        assertTrue(NetworkPolicyModel.egressAllowed(aws, mi, "192.168.40.7", 8443), "declared backend port");
        assertFalse(NetworkPolicyModel.egressAllowed(aws, mi, "192.168.40.7", 22), "undeclared port");
        assertFalse(NetworkPolicyModel.egressAllowed(aws, mi, "192.168.41.7", 8443), "undeclared network");
        assertFalse(NetworkPolicyModel.egressAllowed(aws, mi, "8.8.8.8", 443), "the internet");
        assertTrue(NetworkPolicyModel.egressAllowed(aws, mi, "10.20.8.20", 5432), "database");
        Map<String, Object> miAzure = podLabels(azure, "Deployment");
        assertTrue(NetworkPolicyModel.egressAllowed(azure, miAzure, "10.0.3.4", 443), "on-prem by default");
        assertFalse(NetworkPolicyModel.egressAllowed(azure, miAzure, "192.168.40.7", 8443), "not declared there");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podLabels(List<Map<String, Object>> objects, String kind) {
        Map<String, Object> workload = objects.stream()
                .filter(o -> kind.equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        return (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) ((Map<String, Object>) workload.get("spec")).get("template"))
                                .get("metadata"))
                .get("labels");
    }

    /** The container ports the internal load balancer Service sends to (its targetPorts, resolved by name). */
    @SuppressWarnings("unchecked")
    private static List<Integer> lbTargetPorts(List<Map<String, Object>> objects) {
        Map<String, Object> service = objects.stream()
                .filter(o -> "Service".equals(o.get("kind")))
                .filter(o -> "LoadBalancer".equals(((Map<String, Object>) o.get("spec")).get("type")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> sts = objects.stream()
                .filter(o -> "StatefulSet".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> containerPorts =
                (List<Map<String, Object>>) ((List<Map<String, Object>>) ((Map<String, Object>)
                                        ((Map<String, Object>) ((Map<String, Object>) sts.get("spec")).get("template"))
                                                .get("spec"))
                                .get("containers"))
                        .get(0)
                        .get("ports");
        List<Integer> out = new ArrayList<>();
        for (Map<String, Object> p :
                (List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")) {
            Object target = p.get("targetPort");
            out.add(
                    target instanceof Number n
                            ? n.intValue()
                            : containerPorts.stream()
                                    .filter(c -> target.equals(c.get("name")))
                                    .map(c -> ((Number) c.get("containerPort")).intValue())
                                    .findFirst()
                                    .orElseThrow());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> namespaceLabels(List<Map<String, Object>> objects) {
        Map<String, Object> ns = objects.stream()
                .filter(o -> "Namespace".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        return (Map<String, Object>) ((Map<String, Object>) ns.get("metadata")).get("labels");
    }

    private static String kustomize(Path overlay) throws Exception {
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
