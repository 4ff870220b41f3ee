package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.envforge.error.EnvforgeException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectionTest {

    private static final List<String> EXISTING = List.of("dev1", "perf-001", "perf-002", "perf-010", "prod");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("all", "all", "dev1,perf-001,perf-002,perf-010,prod"),
                Arguments.of("glob star", "perf-*", "perf-001,perf-002,perf-010"),
                Arguments.of("glob question mark", "perf-00?", "perf-001,perf-002"),
                Arguments.of(
                        "names and a glob, sorted and distinct",
                        "prod,perf-0*,perf-001",
                        "perf-001,perf-002,perf-010,prod"),
                Arguments.of("new explicit names are selected", "perf-011,perf-012", "perf-011,perf-012"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selects(String name, String selectors, String expected) {
        assertEquals(
                Arrays.asList(expected.split(",")),
                Selection.resolve(Arrays.asList(selectors.split(",")), EXISTING, Optional.empty()));
    }

    @Test
    void aGlobMatchingNothingIsAnError() {
        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Selection.resolve(List.of("stage-*"), EXISTING, Optional.empty()));
        assertEquals(
                "-Denv \"stage-*\": matches no environment; list them with ls environments/",
                e.problems().get(0).render());
    }
}
