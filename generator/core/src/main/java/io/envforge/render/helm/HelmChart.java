package io.envforge.render.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chart as one run uses it, read once: its content digest (the render cache's key, see {@link HelmOutputCache}),
 * its values schema compiled for Java ({@link ValuesSchema}) and the folder Helm is given. Helm validates values only
 * when the loaded chart has a schema: {@code pkg/chart/loader/load.go} sets {@code Chart.Schema} from the file
 * {@code values.schema.json} at the chart's top, and {@code pkg/chartutil/jsonschema.go} {@code ValidateAgainstSchema}
 * skips a chart whose {@code Schema} is nil (Helm v3.21.0). helm-java 0.0.21 has no skip-schema-validation option, so
 * Helm gets a copy of the chart without that one file ({@link SchemaLessCopy}), and envforge validates in Java. A
 * chart with subcharts (a {@code charts/} folder or {@code dependencies} in Chart.yaml) is given to Helm as it is:
 * Helm then coalesces globals and subchart values, which {@link CoalescedValues} does not model. So is a chart whose
 * schema is not draft-07 ({@link ValuesSchema#isDraft07}) or whose values.yaml YAML 1.1 reads otherwise than YAML 1.2
 * ({@link ValuesSchema#readsAlike}).
 */
record HelmChart(String digest, Optional<ValuesSchema> schema, Path helmDir) {

    static final String SCHEMA = "values.schema.json";

    static HelmChart load(Path chart) {
        String digest = HelmOutputCache.chartDigest(chart);
        if (!Files.isRegularFile(chart.resolve(SCHEMA))
                || !ValuesSchema.isDraft07(chart)
                || hasSubcharts(chart)
                || !defaultsReadAlike(chart)) {
            return new HelmChart(digest, Optional.empty(), chart);
        }
        return new HelmChart(digest, Optional.of(ValuesSchema.load(chart)), SchemaLessCopy.of(chart, digest));
    }

    /**
     * What stands for the chart in the render cache's key: its digest, and when its values are checked here rather
     * than by Helm, the version of that check ({@link #VALUES_CHECK}). A cached output was made only after the values
     * passed the check; a later, stricter check must not take it as passed.
     */
    String cacheKey() {
        return schema.isPresent() ? digest + " " + VALUES_CHECK : digest;
    }

    /** The version of the values check in Java ({@link ValuesSchema}, {@link CoalescedValues}); raise it on a change. */
    static final String VALUES_CHECK = "values-check v1";

    /** What the schema refuses in {@code values} (Helm's view: coalesced with the chart's defaults); empty: fine. */
    List<ValuesSchema.Error> check(Map<String, Object> values) {
        return schema.map(s -> s.check(values)).orElse(List.of());
    }

    private static boolean defaultsReadAlike(Path chart) {
        Path values = chart.resolve("values.yaml");
        try {
            return !Files.isRegularFile(values) || ValuesSchema.readsAlike(Files.readString(values));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + values, e);
        }
    }

    private static boolean hasSubcharts(Path chart) {
        if (Files.isDirectory(chart.resolve("charts"))) {
            return true;
        }
        try {
            return Files.readAllLines(chart.resolve("Chart.yaml")).stream()
                    .anyMatch(line -> line.startsWith("dependencies:"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + chart.resolve("Chart.yaml"), e);
        }
    }
}
