package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full output of every scenario, byte for byte. Review a golden diff like code;
 * {@code -Dgolden.update=true} rewrites the files.
 */
class GoldenTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void renderedOutputMatchesTheGoldenFile(Scenario s) throws IOException {
        Path golden = Repo.golden(s);
        String actual = Rendered.of(s).text();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(golden), "no golden file " + golden + "; run with -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                s + " differs from " + golden + "; if the change is intended, rerun with -Dgolden.update=true and review the diff");
    }
}
