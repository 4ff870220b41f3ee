package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ClusterIP Service of each layer and the API layer's internal load balancers. */
class ServicesTest {

    private static final String AWS = "service.beta.kubernetes.io/aws-load-balancer-";
    private static final String AZURE = "service.beta.kubernetes.io/azure-load-balancer-";
    private static final List<String> ON_PREM = List.of("10.0.0.0/16", "172.16.0.0/16");

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachLayerHasAClusterIpServiceNamedAfterTheRelease(Scenario s) {
        Map<String, Object> svc = Rendered.of(s).one("Service", s.release());
        assertEquals("ClusterIP", Yaml.str(svc, "spec.type"));
        assertEquals(
                Yaml.get(Rendered.of(s).workloads().get(0), "spec.selector.matchLabels"),
                Yaml.get(svc, "spec.selector"));
        assertEquals(
                Yaml.get(Values.of(s), "service.clusterIP").toString().isEmpty()
                        ? null
                        : Yaml.get(Values.of(s), "service.clusterIP"),
                Yaml.get(svc, "spec.clusterIP"),
                s + " fixed clusterIP");
    }

    static Stream<Arguments> loadBalancers() {
        return Stream.of(
                Arguments.of(Named.of("api-gateway defaults: none", Scenario.named("api-gateway", "defaults")), 0),
                Arguments.of(Named.of("api-gateway ha: none", Scenario.named("api-gateway", "ha")), 0),
                Arguments.of(Named.of("integration aws: none", Scenario.named("integration", "aws")), 0),
                Arguments.of(Named.of("api-gateway aws: one NLB", Scenario.named("api-gateway", "aws")), 1),
                Arguments.of(Named.of("api-gateway azure: one per IP", Scenario.named("api-gateway", "azure")), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loadBalancers")
    void internalLoadBalancerCount(Scenario s, int expected) {
        assertEquals(expected, loadBalancers(s).size());
        loadBalancers(s).forEach(lb -> assertEquals(ON_PREM, Yaml.get(lb, "spec.loadBalancerSourceRanges")));
    }

    @org.junit.jupiter.api.Test
    void awsNlbIsInternalWithTheTwoFixedAddressesInTheirSubnets() {
        Map<String, Object> a =
                Yaml.map(loadBalancers(Scenario.named("api-gateway", "aws")).get(0), "metadata.annotations");
        assertEquals("internal", a.get(AWS + "scheme"));
        assertEquals("external", a.get(AWS + "type"));
        assertEquals("ip", a.get(AWS + "nlb-target-type"));
        assertEquals("10.20.14.10,10.20.15.10", a.get(AWS + "private-ipv4-addresses"));
        assertEquals("dev1-ingress-a,dev1-ingress-b", a.get(AWS + "subnets"));
    }

    @org.junit.jupiter.api.Test
    void azureHasOneInternalServicePerAddressInItsSubnet() {
        List<Map<String, Object>> lbs = loadBalancers(Scenario.named("api-gateway", "azure"));
        List<String> ips = List.of("10.40.14.10", "10.40.15.10");
        List<String> subnets = List.of("tst2-ingress-a", "tst2-ingress-b");
        for (int i = 0; i < lbs.size(); i++) {
            Map<String, Object> a = Yaml.map(lbs.get(i), "metadata.annotations");
            assertEquals("true", a.get(AZURE + "internal"));
            assertEquals(ips.get(i), a.get(AZURE + "ipv4"));
            assertEquals(subnets.get(i), a.get(AZURE + "internal-subnet"));
            assertTrue(a.keySet().stream().noneMatch(k -> k.startsWith(AWS)), "no AWS annotations on Azure");
        }
    }

    static List<Map<String, Object>> loadBalancers(Scenario s) {
        return Rendered.of(s).ofKind("Service").stream()
                .filter(svc -> "LoadBalancer".equals(Yaml.str(svc, "spec.type")))
                .toList();
    }
}
