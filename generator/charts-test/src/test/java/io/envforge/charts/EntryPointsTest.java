package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The URLs API Manager advertises (deployment.toml) lead, through the internal load balancer, to the transport that
 * serves them: the portals' to the servlet transport (9443), the gateway's to the gateway (8243). The servlet
 * transport builds the portals' URLs and redirects from {@code [server] hostname} and {@code proxyPort} (or its own
 * port 9443 when none is set; API Manager docs, "Configuring the Proxy Server and the Load Balancer").
 */
class EntryPointsTest {

    private static final int SERVLET_HTTPS = 9443;
    private static final int GATEWAY_HTTPS = 8243;
    private static final int GATEWAY_WSS = 8099;

    static Stream<Scenario> withLoadBalancer() {
        return Scenario.of("api-gateway")
                .filter(s -> Boolean.TRUE.equals(Yaml.get(Values.of(s), "internalLoadBalancer.enabled")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withLoadBalancer")
    void portalUrlsReachTheServletTransportAndGatewayUrlsTheGateway(Scenario s) {
        for (Object value : DeploymentTomlTest.tomls(s).values()) {
            String toml = value.toString();
            String portalHost = first(toml, "(?m)^hostname = \"([^\"]+)\"");
            Matcher proxy = Pattern.compile("(?ms)^\\[transport\\.https\\.properties].*?^proxyPort = (\\d+)")
                    .matcher(toml);
            int portalPort = proxy.find() ? Integer.parseInt(proxy.group(1)) : SERVLET_HTTPS;
            assertEquals(
                    SERVLET_HTTPS,
                    containerPortBehind(s, portalPort),
                    s + ": portal URLs say https://" + portalHost + ":" + portalPort);
            URI devportal = URI.create(first(toml, "(?ms)^\\[apim\\.devportal]\\s*^url = \"([^\"]+)\""));
            assertEquals(portalHost, devportal.getHost(), s + " devportal host");
            assertEquals(SERVLET_HTTPS, containerPortBehind(s, devportal.getPort()), s + " devportal " + devportal);
            URI gateway = URI.create(first(toml, "(?m)^https_endpoint = \"([^\"]+)\""));
            int gatewayPort = gateway.getPort() < 0 ? 443 : gateway.getPort();
            assertEquals(GATEWAY_HTTPS, containerPortBehind(s, gatewayPort), s + " gateway " + gateway);
        }
    }

    @Test
    void gatewayAndPortalsHaveTheirOwnHostNames() {
        Scenario s = Scenario.named("api-gateway", "aws");
        String toml = DeploymentTomlTest.tomls(s).values().iterator().next().toString();
        String portalHost = first(toml, "(?m)^hostname = \"([^\"]+)\"");
        String gatewayHost =
                URI.create(first(toml, "(?m)^https_endpoint = \"([^\"]+)\"")).getHost();
        assertEquals("portal.dev1.apis.example.com", portalHost);
        assertEquals("api.dev1.apis.example.com", gatewayHost);
        assertNotEquals(portalHost, gatewayHost);
    }

    /**
     * Every endpoint the gateway advertises for its environment (deployment.toml [[apim.gateway.environment]]: http,
     * https, ws, wss) leads through the internal load balancer to the listener for it, and the NetworkPolicy admits
     * on-prem clients there: the HTTP(S) ones to the gateway's HTTPS transport, the WebSocket ones to its secure
     * WebSocket inbound endpoint (8099). Nothing advertised is a port that only exists inside the pod.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withLoadBalancer")
    void everyAdvertisedGatewayEndpointIsServedThroughTheLoadBalancer(Scenario s) {
        Map<String, Integer> listener = Map.of(
                "http_endpoint",
                GATEWAY_HTTPS,
                "https_endpoint",
                GATEWAY_HTTPS,
                "ws_endpoint",
                GATEWAY_WSS,
                "wss_endpoint",
                GATEWAY_WSS);
        List<Integer> admitted = onPremPorts(s);
        for (Object value : DeploymentTomlTest.tomls(s).values()) {
            String toml = value.toString();
            for (Map.Entry<String, Integer> e : listener.entrySet()) {
                URI url = URI.create(first(toml, "(?m)^" + e.getKey() + " = \"([^\"]+)\""));
                int port = url.getPort() >= 0
                        ? url.getPort()
                        : url.getScheme().equals("https") || url.getScheme().equals("wss") ? 443 : 80;
                int container = containerPortBehind(s, port);
                assertEquals(e.getValue(), container, s + " " + e.getKey() + " " + url);
                assertTrue(
                        admitted.contains(container),
                        s + " " + e.getKey() + ": the NetworkPolicy does not admit " + "on-prem clients on "
                                + container);
            }
        }
    }

    /** The ports the API layer's ingress NetworkPolicy opens to the on-prem CIDRs. */
    private static List<Integer> onPremPorts(Scenario s) {
        List<?> onPrem = (List<?>) Yaml.get(Values.of(s), "networkPolicy.onPremCidrs");
        Map<String, Object> policy = Rendered.of(s).one("NetworkPolicy", s.release() + "-ingress");
        return Yaml.list(policy, "spec.ingress").stream()
                .filter(rule ->
                        Yaml.list(rule, "from").stream().anyMatch(f -> onPrem.contains(Yaml.get(f, "ipBlock.cidr"))))
                .flatMap(rule -> Yaml.list(rule, "ports").stream())
                .map(p -> ((Number) p.get("port")).intValue())
                .toList();
    }

    /** The container port the internal load balancer sends its port {@code port} to (targetPort, by name or number). */
    private static int containerPortBehind(Scenario s, int port) {
        Rendered r = Rendered.of(s);
        Map<String, Object> lb = r.ofKind("Service").stream()
                .filter(svc -> "LoadBalancer".equals(Yaml.get(svc, "spec.type")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> servicePort = Yaml.list(lb, "spec.ports").stream()
                .filter(p -> ((Number) p.get("port")).intValue() == port)
                .findFirst()
                .orElseThrow(() -> new AssertionError(s + ": the load balancer has no port " + port));
        Object target = servicePort.get("targetPort");
        if (target instanceof Number n) {
            return n.intValue();
        }
        List<Map<String, Object>> ports = Yaml.list(
                Yaml.list(r.workloads().get(0), "spec.template.spec.containers").get(0), "ports");
        return ports.stream()
                .filter(p -> target.equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst()
                .orElseThrow();
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }
}
