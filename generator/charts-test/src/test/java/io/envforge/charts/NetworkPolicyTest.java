package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Deny by default; open on-prem -> API, API -> integration, data subnets and DNS. */
class NetworkPolicyTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void defaultDenyCoversTheLayersPods(Scenario s) {
        Map<String, Object> deny = Rendered.of(s).one("NetworkPolicy", s.release() + "-default-deny");
        assertEquals(List.of("Ingress", "Egress"), Yaml.get(deny, "spec.policyTypes"));
        assertFalse(Yaml.map(deny, "spec").containsKey("ingress")
                || Yaml.map(deny, "spec").containsKey("egress"));
        assertEquals(Yaml.get(Rendered.of(s).workloads().get(0), "spec.selector"), Yaml.get(deny, "spec.podSelector"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void egressAllowsDnsInKubeSystem(Scenario s) {
        var rules = egress(s);
        assertTrue(
                rules.stream()
                        .anyMatch(r -> "kube-system"
                                        .equals(Yaml.at(
                                                Yaml.list(r, "to").get(0),
                                                "namespaceSelector",
                                                "matchLabels",
                                                "kubernetes.io/metadata.name"))
                                && ports(r).containsAll(List.of("53/UDP", "53/TCP"))),
                s.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void egressToDataSubnetsOnlyOnDatabaseAndNfsPorts(Scenario s) {
        Object cidrs = Yaml.get(Values.of(s), "networkPolicy.dataCidrs");
        var dataRules = egress(s).stream()
                .filter(r -> Yaml.list(r, "to").stream()
                        .anyMatch(t ->
                                t.containsKey("ipBlock") && ((List<?>) cidrs).contains(Yaml.get(t, "ipBlock.cidr"))))
                .toList();
        if (((List<?>) cidrs).isEmpty()) {
            assertTrue(dataRules.isEmpty(), s.toString());
            return;
        }
        assertEquals(1, dataRules.size(), s.toString());
        String dbPort = Yaml.get(Values.of(s), "database.port") + "/TCP";
        assertEquals(List.of(dbPort, "2049/TCP"), ports(dataRules.get(0)), s.toString());
    }

    @Test
    void onPremReachesOnlyTheApiLayer() {
        var from = ingress(Scenario.named("api-gateway", "aws")).stream()
                .filter(r -> Yaml.list(r, "from").stream().anyMatch(f -> f.containsKey("ipBlock")))
                .toList();
        assertEquals(3, from.size(), "on-prem clients, the load balancer's health checks and the metrics collector");
        assertEquals(
                List.of("10.0.0.0/16", "172.16.0.0/16"),
                Yaml.list(from.get(0), "from").stream()
                        .map(f -> Yaml.get(f, "ipBlock.cidr"))
                        .toList());
        assertEquals(
                List.of("10.20.14.0/24", "10.20.15.0/24"),
                Yaml.list(from.get(1), "from").stream()
                        .map(f -> Yaml.get(f, "ipBlock.cidr"))
                        .toList());
        assertEquals(
                List.of("8243/TCP", "8099/TCP", "9443/TCP"),
                ports(from.get(1)),
                "the load balancer's target ports only");
        assertEquals(List.of("9404/TCP"), ports(from.get(2)), "the collector: the metrics port only");
        // The integration layer admits networks only on its metrics port (the collector, metrics.scrapers).
        assertTrue(ingress(Scenario.named("integration", "aws")).stream()
                .filter(r -> Yaml.list(r, "from").stream().anyMatch(f -> f.containsKey("ipBlock")))
                .allMatch(r -> ports(r).equals(List.of("9201/TCP"))));
    }

    @Test
    void apiLayerMayCallTheIntegrationLayerWhichAdmitsIt() {
        var out = egress(Scenario.named("api-gateway", "aws")).stream()
                .filter(r -> "integration"
                        .equals(Yaml.at(
                                Yaml.list(r, "to").get(0), "podSelector", "matchLabels", "app.kubernetes.io/name")))
                .toList();
        assertEquals(List.of("8290/TCP"), ports(out.get(0)));
        var in = ingress(Scenario.named("integration", "aws")).stream()
                .filter(r -> "api-gateway"
                        .equals(Yaml.at(
                                Yaml.list(r, "from").get(0), "podSelector", "matchLabels", "app.kubernetes.io/name")))
                .toList();
        assertTrue(ports(in.get(0)).contains("8290/TCP"));
    }

    static List<Map<String, Object>> egress(Scenario s) {
        return Yaml.list(Rendered.of(s).one("NetworkPolicy", s.release() + "-egress"), "spec.egress");
    }

    static List<Map<String, Object>> ingress(Scenario s) {
        return Yaml.list(Rendered.of(s).one("NetworkPolicy", s.release() + "-ingress"), "spec.ingress");
    }

    static List<String> ports(Map<String, Object> rule) {
        return Yaml.list(rule, "ports").stream()
                .map(p -> p.get("port") + "/" + p.get("protocol"))
                .toList();
    }
}
