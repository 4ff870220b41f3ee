package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Redundancy, probes, labels, config roll-out and credentials of the product workloads. */
class WorkloadTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    static Map<String, Object> workload(Scenario s) {
        List<Map<String, Object>> w = Rendered.of(s).workloads();
        assertEquals(1, w.size(), s + ": one workload");
        return w.get(0);
    }

    static Map<String, Object> main(Scenario s) {
        return Yaml.list(workload(s), "spec.template.spec.containers").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void productContainerHasAllThreeProbes(Scenario s) {
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertNotNull(main(s).get(probe), s + " " + probe);
        }
        assertNotNull(Yaml.get(main(s), "lifecycle.preStop.sleep.seconds"), s + " graceful preStop");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void atLeastTwoPodsSpreadOverZonesWithABudget(Scenario s) {
        Rendered r = Rendered.of(s);
        Object replicas = Yaml.get(workload(s), "spec.replicas");
        int pods = replicas != null
                ? (Integer) replicas
                : (Integer) Yaml.get(r.ofKind("HorizontalPodAutoscaler").get(0), "spec.minReplicas");
        assertTrue(pods >= 2, s + " has " + pods + " pods");
        var spread = Yaml.list(workload(s), "spec.template.spec.topologySpreadConstraints");
        assertTrue(
                spread.stream().anyMatch(c -> "topology.kubernetes.io/zone".equals(c.get("topologyKey"))),
                s + " zone spread");
        var pdb = r.ofKind("PodDisruptionBudget");
        assertEquals(1, pdb.size(), s + " PDB");
        assertEquals(
                Yaml.get(workload(s), "spec.selector"),
                Yaml.get(pdb.get(0), "spec.selector"),
                s + " PDB selects the pods");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void selectorsAreNameAndInstanceAndPodLabelsCarryNoVersion(Scenario s) {
        Map<String, Object> selector = Yaml.map(workload(s), "spec.selector.matchLabels");
        assertEquals(Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance"), selector.keySet(), s.toString());
        Map<String, Object> podLabels = Yaml.map(workload(s), "spec.template.metadata.labels");
        assertFalse(
                podLabels.containsKey("helm.sh/chart") || podLabels.containsKey("app.kubernetes.io/version"),
                s.toString());
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), s + " pods match the selector");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void credentialsComeOnlyFromTheTwoSecrets(Scenario s) {
        Map<String, Object> values = Values.of(s);
        Set<Object> allowed =
                Set.of(Yaml.get(values, "database.existingSecret"), Yaml.get(values, "secrets.existingSecret"));
        var refs = Yaml.list(main(s), "env").stream()
                .map(e -> Yaml.get(e, "valueFrom.secretKeyRef.name"))
                .filter(n -> n != null)
                .toList();
        assertEquals(6, refs.size(), s + " DB user/password, admin user/password, keystore password, encryption key");
        assertTrue(allowed.containsAll(refs), s + " secret names " + refs);
        assertTrue(Rendered.of(s).ofKind("Secret").isEmpty(), s + " the chart renders no Secret");
    }

    @Test
    void changingTheConfigurationChangesThePodTemplateChecksum() {
        Scenario s = Scenario.named("api-gateway", "aws");
        Object before = Yaml.at(workload(s), "spec", "template", "metadata", "annotations", "checksum/config");
        Rendered changed = Rendered.render(s, c -> c.set("hostname", "api.other.example.com"));
        Object after =
                Yaml.at(changed.workloads().get(0), "spec", "template", "metadata", "annotations", "checksum/config");
        assertNotNull(before);
        assertNotEquals(before, after);
    }
}
