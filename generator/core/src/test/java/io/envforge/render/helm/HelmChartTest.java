package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm renders a copy of the chart without its values.schema.json, and the schema is checked in Java instead. The
 * fixture chart's schema refuses {@code count: 5}: Helm renders the copy with it (so Helm did not see the schema), Helm
 * refuses it on the chart itself, and the Java check refuses it.
 */
class HelmChartTest {

    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path chart = dir.resolve("tiny");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: tiny\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("values.yaml"), "count: 1\n");
        Files.writeString(chart.resolve(".helmignore"), "*.bak\n");
        Files.writeString(
                chart.resolve("values.schema.json"),
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"type\": \"object\","
                        + " \"additionalProperties\": false,"
                        + " \"properties\": {\"count\": {\"type\": \"integer\", \"maximum\": 1}}}\n");
        Files.writeString(
                chart.resolve("templates/cm.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n"
                        + "  count: {{ .Values.count | quote }}\n");
        return chart;
    }

    @Test
    void helmRendersTheSchemaLessCopyAndJavaChecksTheSchema() throws IOException {
        Path chart = fixture();
        HelmChart loaded = HelmChart.load(chart);

        assertNotEquals(chart, loaded.helmDir());
        assertEquals(List.of(".helmignore", "Chart.yaml", "templates/cm.yaml", "values.yaml"), files(loaded.helmDir()));
        for (String file : files(loaded.helmDir())) {
            assertArrayEquals(
                    Files.readAllBytes(chart.resolve(file)),
                    Files.readAllBytes(loaded.helmDir().resolve(file)));
        }
        assertEquals(HelmOutputCache.chartDigest(chart), loaded.digest());

        String rendered = HelmJavaEngine.helmTemplate(loaded.helmDir(), "t", "ns", "count: 5\n");
        assertTrue(rendered.contains("count: \"5\""), rendered);
        IllegalStateException helm = assertThrows(
                IllegalStateException.class, () -> HelmJavaEngine.helmTemplate(chart, "t", "ns", "count: 5\n"));
        assertTrue(helm.getMessage().contains("maximum"), helm.getMessage());

        List<ValuesSchema.Error> refused = loaded.check(Map.of("count", 5));
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("/count", refused.get(0).pointer());
        assertEquals("5", refused.get(0).value());
        assertEquals("#/properties/count/maximum", refused.get(0).rule());
        assertEquals(List.of(), loaded.check(Map.of("count", 1)));
        assertEquals(List.of(), loaded.check(Map.of()), "the chart's default count: 1 fills in");
    }

    @Test
    void aChartWithoutSchemaIsGivenToHelmAsItIs() throws IOException {
        Path chart = fixture();
        Files.delete(chart.resolve("values.schema.json"));
        HelmChart loaded = HelmChart.load(chart);
        assertEquals(chart, loaded.helmDir());
        assertEquals(List.of(), loaded.check(Map.of("count", 5)));
    }

    @Test
    void aChartWhoseDefaultsYaml11ReadsOtherwiseIsGivenToHelmAsItIs() throws IOException {
        Path chart = fixture();
        Files.writeString(chart.resolve("values.yaml"), "count: 1\nflag: on\n");
        HelmChart loaded = HelmChart.load(chart);
        assertEquals(chart, loaded.helmDir());
        assertEquals(List.of(), loaded.check(Map.of("count", 5)));
    }

    @Test
    void aSchemaOfAnotherDraftIsLeftToHelm() throws IOException {
        Path chart = fixture();
        Path schema = chart.resolve("values.schema.json");
        Files.writeString(schema, Files.readString(schema).replace("draft-07/schema#", "draft/2020-12/schema"));
        assertEquals(chart, HelmChart.load(chart).helmDir());
        Files.writeString(
                schema,
                Files.readString(schema).replace("\"$schema\": \"http://json-schema.org/draft/2020-12/schema\",", ""));
        assertFalse(Files.readString(schema).contains("$schema"));
        assertEquals(chart, HelmChart.load(chart).helmDir(), "no $schema: Helm reads 2020-12");
    }

    @Test
    void tellsWhereYaml11ReadsOtherwise() {
        assertTrue(ValuesSchema.readsAlike(
                "a: 1\nb: [x, \"on\", '0777', 1.5, -3, true, false, null, 512Mi, 250m, 30s, nginx:1.27, a.b-c_d]\n"
                        + "c: \"n\"\nd:\n"));
        for (String yaml : List.of(
                "a: on",
                "n: 1",
                "a: [1, 0777]",
                "a: 1_000",
                "a: 1:30",
                "a: {b: No}",
                "a: 0b11",
                "a: True",
                "a: FALSE",
                "a: Null",
                "a: ~",
                "a: +5432",
                "a: 0x1f",
                "a: 0o17",
                "a: 1e3",
                "a: .5",
                "a: 1.",
                "a: .inf",
                "a: 2001-12-14",
                "a: &x {b: 1}\nc:\n  <<: *x\n")) {
            assertFalse(ValuesSchema.readsAlike(yaml), yaml);
        }
    }

    /** The repository's charts take the fast path: every plain scalar of their values.yaml reads alike. */
    @Test
    void theRepositorysChartsReadAlike() throws IOException {
        for (String chart : List.of("api-gateway", "integration")) {
            Path values = io.envforge.TestWorkspace.REPO
                    .resolve("charts")
                    .resolve(chart)
                    .resolve("values.yaml");
            assertTrue(ValuesSchema.readsAlike(Files.readString(values)), chart);
        }
    }

    @Test
    void aDamagedCopyIsMadeAgain() throws IOException {
        Path chart = fixture();
        Path base = dir.resolve("base");
        Path copy = SchemaLessCopy.of(chart, "d1", base);
        Files.delete(copy.resolve("templates/cm.yaml"));
        assertEquals(copy, SchemaLessCopy.of(chart, "d1", base));
        assertEquals(files(chart).size() - 1, files(copy).size());
        assertEquals(SchemaLessCopy.withoutSchema(chart), HelmOutputCache.chartDigest(copy));
    }

    @Test
    void concurrentRunsShareOneWholeCopy() throws Exception {
        Path chart = fixture();
        Path base = dir.resolve("base");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> copies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                copies.add(pool.submit(() -> SchemaLessCopy.of(chart, "d1", base)));
            }
            for (Future<Path> copy : copies) {
                assertEquals(base.resolve("d1/tiny"), copy.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SchemaLessCopy.withoutSchema(chart), HelmOutputCache.chartDigest(base.resolve("d1/tiny")));
        try (Stream<Path> left = Files.list(base)) {
            assertEquals(List.of(base.resolve("d1")), left.toList(), "the losers' temporary folders are gone");
        }
    }

    @Test
    void makingACopyDeletesCopiesUnusedForAWeek() throws IOException {
        Path chart = fixture();
        Path base = dir.resolve("base");
        Path old = SchemaLessCopy.of(chart, "old", base).getParent();
        Path recent = SchemaLessCopy.of(chart, "recent", base).getParent();
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(SchemaLessCopy.UNUSED.plusHours(1))));
        SchemaLessCopy.of(chart, "new", base);
        assertFalse(Files.exists(old));
        assertTrue(Files.isDirectory(recent));
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
