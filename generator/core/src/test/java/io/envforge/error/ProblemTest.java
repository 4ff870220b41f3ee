package io.envforge.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A problem renders as one line whatever its value holds, with long values cut. */
class ProblemTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("plain", "10.20.0.0/20", "10.20.0.0/20"),
                Arguments.of("trailing newline", "eu-west-1\n", "eu-west-1\\n"),
                Arguments.of("CR LF inside", "a\r\nb", "a\\r\\nb"),
                Arguments.of("tab", "a\tb", "a\\tb"),
                Arguments.of("other control character", "a\u0000b\u001bc", "a\\u0000b\\u001bc"),
                Arguments.of("201 characters", "x".repeat(201), "x".repeat(200) + "... (201 characters)"),
                Arguments.of("200 characters", "y".repeat(200), "y".repeat(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void rendersOneLine(String label, String value, String shown) {
        assertEquals(
                "environments/dev1.yaml: spec.region \"" + shown + "\": is wrong; fix it",
                new Problem("environments/dev1.yaml", "spec.region", value, "is wrong", "fix it").render());
    }
}
