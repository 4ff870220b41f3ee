package io.envforge.charts;

import io.envforge.testing.GoldenFiles;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full output of every scenario, byte for byte. Review a golden diff like code;
 * {@code -Dgolden.update=true} rewrites the files ({@link GoldenFiles}).
 */
class GoldenTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void renderedOutputMatchesTheGoldenFile(Scenario s) {
        GoldenFiles.assertFile(Repo.golden(s), Rendered.of(s).text());
    }
}
