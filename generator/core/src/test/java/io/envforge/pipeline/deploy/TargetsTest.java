package io.envforge.pipeline.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which environments a change touches: one case per kind of path. */
class TargetsTest {

    private static final List<String> EXISTING = List.of("dev1", "dev2", "prod1");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("spec", List.of("environments/dev1.yaml"), List.of("dev1")),
                Arguments.of("decommission marker", List.of("environments/dev2.decommission"), List.of("dev2")),
                Arguments.of("overlay", List.of("overlays/dev2/layers/api/values.yaml"), List.of("dev2")),
                Arguments.of("controller objects", List.of("clusters/prod1/envforge/sync.yaml"), List.of("prod1")),
                Arguments.of(
                        "Terraform root",
                        List.of("terraform/environments/dev1/cluster-addons/main.tf"),
                        List.of("dev1")),
                Arguments.of("inventory", List.of("ansible/inventories/dev2/hosts.yml"), List.of("dev2")),
                Arguments.of("platform file: the whole fleet", List.of("environments/platform.yaml"), EXISTING),
                Arguments.of("a module: the whole fleet", List.of("terraform/modules/aws/database/main.tf"), EXISTING),
                Arguments.of(
                        "fleet files name no environment", List.of("clusters/argocd/applicationset.yaml"), List.of()),
                Arguments.of(
                        "docs and charts: none", List.of("README.md", "charts/api-gateway/values.yaml"), List.of()),
                Arguments.of(
                        "a removed environment is gone",
                        List.of("environments/dev9.yaml", "overlays/dev9/kustomization.yaml"),
                        List.of()),
                Arguments.of(
                        "several, sorted, once each",
                        List.of(
                                "overlays/prod1/a.yaml",
                                "environments/dev1.yaml",
                                "terraform/environments/prod1/main.tf"),
                        List.of("dev1", "prod1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void touched(String name, List<String> changed, List<String> expected) {
        assertEquals(expected, Targets.touched(changed, EXISTING));
    }
}
