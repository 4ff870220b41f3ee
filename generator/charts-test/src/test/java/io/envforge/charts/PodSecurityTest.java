package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pod Security Standard "restricted", resources and writable volumes on every pod of every scenario. */
class PodSecurityTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodIsRestricted(Scenario s) {
        List<Map<String, Object>> pods = Rendered.of(s).podSpecs();
        assertEquals(2, pods.size(), s + ": one workload and one helm test pod");
        for (Map<String, Object> pod : pods) {
            assertEquals(true, Yaml.get(pod, "securityContext.runAsNonRoot"), s + " pod runAsNonRoot");
            assertEquals("RuntimeDefault", Yaml.str(pod, "securityContext.seccompProfile.type"), s + " pod seccomp");
            assertEquals(false, pod.get("automountServiceAccountToken"), s + " no API token");
            assertFalse(pod.containsKey("hostNetwork") || pod.containsKey("hostPID"), s + " no host namespaces");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyContainerIsRestrictedAndSized(Scenario s) {
        for (Map<String, Object> c : containers(s)) {
            String where = s + " container " + c.get("name");
            assertEquals(false, Yaml.get(c, "securityContext.allowPrivilegeEscalation"), where);
            assertEquals(List.of("ALL"), Yaml.get(c, "securityContext.capabilities.drop"), where);
            assertEquals(true, Yaml.get(c, "securityContext.readOnlyRootFilesystem"), where);
            assertEquals(true, Yaml.get(c, "securityContext.runAsNonRoot"), where);
            for (String r : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                assertNotNull(Yaml.get(c, "resources." + r), where + " resources." + r);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void onlyVolumeTypesTheRestrictedProfileAllows(Scenario s) {
        // Pod Security Standards, "Restricted" - Volume Types: configMap, csi, downwardAPI, emptyDir, ephemeral,
        // persistentVolumeClaim, projected, secret. Used here: the secret is the keystore Secret (read-only).
        for (Map<String, Object> pod : Rendered.of(s).podSpecs()) {
            for (Map<String, Object> v : Yaml.list(pod, "volumes")) {
                assertTrue(
                        v.containsKey("emptyDir")
                                || v.containsKey("configMap")
                                || v.containsKey("persistentVolumeClaim")
                                || v.containsKey("secret"),
                        s + " volume " + v);
            }
        }
    }

    static List<Map<String, Object>> containers(Scenario s) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> pod : Rendered.of(s).podSpecs()) {
            all.addAll(Yaml.list(pod, "initContainers"));
            all.addAll(Yaml.list(pod, "containers"));
        }
        return all;
    }
}
