package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envforge.render.Yaml;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Helm's coalescing of given values over a chart's defaults (Helm v3.21.0 pkg/chartutil/coalesce.go, merge off), one
 * case per rule; ValuesSchemaTest checks the same rules against Helm itself on a real chart.
 */
class CoalescedValuesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("given wins", "a: 2\n", "a: 1\nb: 1\n", "a: 2\nb: 1\n"),
                Arguments.of("maps merge", "m: {x: 2}\n", "m: {x: 1, y: 1}\n", "m: {x: 2, y: 1}\n"),
                Arguments.of("lists replace", "l: [3]\n", "l: [1, 2]\n", "l: [3]\n"),
                Arguments.of("a top-level null removes the key", "a: null\n", "a: 1\nb: 1\n", "b: 1\n"),
                Arguments.of("a top-level null removes a null default too", "a: null\n", "a: null\n", "{}\n"),
                Arguments.of("a top-level null the chart lacks stays", "z: null\n", "a: 1\n", "z: null\na: 1\n"),
                Arguments.of("a nested null removes a default", "m: {x: null}\n", "m: {x: 1, y: 1}\n", "m: {y: 1}\n"),
                Arguments.of(
                        "a nested null over a null default stays",
                        "m: {x: null}\n",
                        "m: {x: null}\n",
                        "m: {x: null}\n"),
                Arguments.of(
                        "a nested null the chart lacks stays", "m: {z: null}\n", "m: {x: 1}\n", "m: {z: null, x: 1}\n"),
                Arguments.of("a map does not replace a scalar default", "m: {x: 1}\n", "m: 5\n", "m: {x: 1}\n"),
                Arguments.of("a scalar replaces a map default", "m: 5\n", "m: {x: 1}\n", "m: 5\n"),
                Arguments.of(
                        "deep maps merge",
                        "a: {b: {c: 2}}\n",
                        "a: {b: {c: 1, d: 1}, e: 1}\n",
                        "a: {b: {c: 2, d: 1}, e: 1}\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coalescesAsHelmDoes(String name, String given, String defaults, String expected) {
        Map<String, Object> g = load(given);
        Map<String, Object> d = load(defaults);
        assertEquals(load(expected), CoalescedValues.of(g, d));
        assertEquals(load(given), g, "given values unchanged");
        assertEquals(load(defaults), d, "defaults unchanged");
    }

    private static Map<String, Object> load(String yaml) {
        return Yaml.loadAll(yaml).get(0);
    }
}
