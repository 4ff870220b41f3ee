package io.envforge.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/** `helm lint --strict` per scenario and `helm package` per chart, with Helm itself. */
class ChartToolingTest {

    static Stream<Scenario> scenarios() {
        return Scenario.all().stream();
    }

    static Stream<String> charts() {
        return Repo.charts().stream();
    }

    /**
     * helm-java's lint takes no values file, so the scenario's effective values become the values.yaml
     * of a copy of the chart; lint still checks them against values.schema.json.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lintStrictIsClean(Scenario s) throws IOException {
        Path copy = ChartCopy.of(s.chart());
        Files.writeString(
                copy.resolve("values.yaml"), new Dump(DumpSettings.builder().build()).dumpToString(Values.of(s)));
        LintResult result = new Helm(copy).lint().strict().call();
        assertFalse(result.isFailed(), s + ": " + result.getMessages());
        assertTrue(
                result.getMessages().stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                s + ": " + result.getMessages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void chartPackages(String chart) throws IOException {
        Path out = Path.of(System.getProperty("charts.packageDir", "target/charts"));
        Files.createDirectories(out);
        new Helm(Repo.chartDir(chart)).packageIt().withDestination(out).call();
        var chartYaml = Values.read(Repo.chartDir(chart).resolve("Chart.yaml"));
        Path tgz = out.resolve(chart + "-" + chartYaml.get("version") + ".tgz");
        assertTrue(Files.size(tgz) > 1000, tgz + " written");
        assertEquals(chart, chartYaml.get("name"));
    }
}
