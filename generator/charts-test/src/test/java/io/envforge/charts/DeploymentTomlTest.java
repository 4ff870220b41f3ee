package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** deployment.toml: hosts and database URLs from values, secrets only as $env{...}, the API layer's peer mesh. */
class DeploymentTomlTest {

    private static final Pattern SECRET_LINE =
            Pattern.compile("(?m)^\\s*(\\S*password|key|username|user\\.name)\\s*=\\s*(.*)$");

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    static Map<String, Object> tomls(Scenario s) {
        Map<String, Object> data =
                new java.util.TreeMap<>(Yaml.map(Rendered.of(s).one("ConfigMap", s.release() + "-config"), "data"));
        data.keySet().removeIf(k -> !k.endsWith(".toml"));
        return data;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void credentialsAreEnvironmentReferences(Scenario s) {
        for (Object toml : tomls(s).values()) {
            Matcher m = SECRET_LINE.matcher(toml.toString());
            int found = 0;
            while (m.find()) {
                found++;
                assertTrue(
                        m.group(2).matches("\"\\$(env|ref)\\{[A-Za-z_.]+}\"|\"\\$\\{admin\\.(username|password)}\""),
                        s + ": literal credential in " + m.group());
            }
            assertTrue(found >= 6, s + ": expected the credential settings, found " + found);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void databaseUrlsUseTheEnvironmentsHostPortAndNames(Scenario s) {
        Map<String, Object> v = Values.of(s);
        String engine = "postgres".equals(Yaml.get(v, "database.type")) ? "postgresql" : "mysql";
        String prefix =
                "jdbc:" + engine + "://" + Yaml.get(v, "database.host") + ":" + Yaml.get(v, "database.port") + "/";
        List<String> names = s.chart().equals("api-gateway")
                ? List.of((String) Yaml.get(v, "database.apimDb"), (String) Yaml.get(v, "database.sharedDb"))
                : List.of((String) Yaml.get(v, "database.name"));
        for (Object toml : tomls(s).values()) {
            names.forEach(
                    n -> assertTrue(toml.toString().contains("url = \"" + prefix + n + "?"), s + " " + prefix + n));
        }
    }

    @Test
    void apiPeersKnowEveryOtherPeerButNotThemselves() {
        Scenario ha = Scenario.named("api-gateway", "ha");
        Map<String, Object> tomls = tomls(ha);
        assertEquals(
                List.of("deployment-0.toml", "deployment-1.toml", "deployment-2.toml"), List.copyOf(tomls.keySet()));
        for (int self = 0; self < 3; self++) {
            String toml = tomls.get("deployment-" + self + ".toml").toString();
            int me = self;
            List<String> others = IntStream.range(0, 3)
                    .filter(i -> i != me)
                    .mapToObj(i -> "\"tcp://" + peer(i) + ":5672\"")
                    .toList();
            assertTrue(toml.contains("event_duplicate_url = [" + String.join(",", others) + "]"), "peer " + self);
            IntStream.range(0, 3)
                    .forEach(i -> assertTrue(
                            toml.contains("traffic_manager_urls = [\"tcp://" + peer(i) + ":9611\"]"),
                            "peer " + me + " url_group " + i));
            assertTrue(toml.contains("hostname = \"api.ha.apis.example.com\""));
            assertTrue(
                    toml.contains("\"envforge.integration.url\" = \"http://integration.ha.svc.cluster.local:8290\""));
        }
    }

    @Test
    void peersResolveThroughAHeadlessServiceThatPublishesUnreadyPods() {
        Rendered r = Rendered.of(Scenario.named("api-gateway", "ha"));
        Map<String, Object> peers = r.one("Service", "api-gateway-peers");
        assertEquals("None", Yaml.get(peers, "spec.clusterIP"));
        assertEquals(true, Yaml.get(peers, "spec.publishNotReadyAddresses"));
        assertEquals("api-gateway-peers", Yaml.get(r.one("StatefulSet", "api-gateway"), "spec.serviceName"));
        assertEquals(3, Yaml.get(r.one("StatefulSet", "api-gateway"), "spec.replicas"));
    }

    @Test
    void sharedArtifactsAreMountedFromTheNfsClaim() {
        Map<String, String> expected = Map.of(
                "api-gateway", "/home/wso2carbon/wso2am-4.3.0/repository/deployment/server/synapse-configs",
                "integration", "/home/wso2carbon/wso2mi-4.3.0/repository/deployment/server/carbonapps");
        expected.forEach((chart, path) -> {
            Map<String, Object> pod = Yaml.map(
                    Rendered.of(Scenario.named(chart, "ha")).workloads().get(0), "spec.template.spec");
            assertTrue(
                    Yaml.list(pod, "volumes").stream()
                            .anyMatch(v -> "shared-nfs".equals(Yaml.get(v, "persistentVolumeClaim.claimName"))),
                    chart);
            assertTrue(
                    Yaml.list(Yaml.list(pod, "containers").get(0), "volumeMounts").stream()
                            .anyMatch(m -> "shared".equals(m.get("name")) && path.equals(m.get("mountPath"))),
                    chart + " " + path);
        });
    }

    static String peer(int i) {
        return "api-gateway-" + i + ".api-gateway-peers." + Rendered.NAMESPACE + ".svc.cluster.local";
    }
}
