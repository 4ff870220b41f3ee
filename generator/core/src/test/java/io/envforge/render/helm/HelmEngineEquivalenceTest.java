package io.envforge.render.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * envforge's Helm engine library ({@link NativeHelmEngine}) prints what helm-java's {@code helm template} prints, byte
 * for byte, and fails where it fails with the same message: on the example charts with every golden environment's
 * values, on a chart of awkward layouts, on a chart with one case per value where YAML, kinds, hooks or Helm's
 * capabilities could make two engines differ, and in the errors. helm-java (Helm v3.21.0) is the oracle. The one
 * difference by design, {@code lookup}, has its own test. The library is built by {@code tools/helm-engine/build.sh}
 * (.ci/setup runs it); without it this test fails and says so.
 */
class HelmEngineEquivalenceTest {

    private static final Path CHARTS = TestWorkspace.REPO.resolve("charts");
    private static final Path AWKWARD =
            Path.of("src/test/resources/helm-awkward").toAbsolutePath();
    private static final Path BAD =
            Path.of("src/test/resources/helm-awkward-bad").toAbsolutePath();

    private static NativeHelmEngine engine;

    @BeforeAll
    static void load() {
        Path library = NativeHelmEngine.defaultLibrary();
        assertTrue(
                Files.isRegularFile(library),
                library + " is missing: build it with bash tools/helm-engine/build.sh (.ci/setup does)");
        engine = NativeHelmEngine.load(library);
    }

    private static final Path CASES = Path.of("src/test/resources/helm-cases").toAbsolutePath();
    private static final Path DEPS = Path.of("src/test/resources/helm-deps").toAbsolutePath();

    private static String nativeText(Path chart, String release, String namespace, String values) {
        return engine.template(chart, "test " + chart, release, namespace, values);
    }

    /** What an engine made: its text, or "failed: " and its message. */
    private static String outcome(java.util.function.Supplier<String> render) {
        try {
            return render.get();
        } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static void assertSameOutcome(Path chart, String release, String namespace, String values) {
        String helmJava = outcome(() -> HelmJavaEngine.helmTemplate(chart, release, namespace, values));
        assertEquals(helmJava, outcome(() -> nativeText(chart, release, namespace, values)));
    }

    /** Every golden environment's values for both example charts. */
    static Stream<Arguments> goldenValues() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/golden"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".values.yaml"))
                    .sorted()
                    .toList()) {
                String chart = file.getFileName().toString().replace(".values.yaml", "");
                String env = file.getParent().getParent().getFileName().toString();
                out.add(Arguments.of(chart, env, file));
            }
        }
        assertFalse(out.isEmpty());
        return out.stream();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("goldenValues")
    void examplesRenderAsHelmJavaRendersThem(String chart, String env, Path valuesFile) throws IOException {
        String values = Files.readString(valuesFile);
        String expected = HelmJavaEngine.helmTemplate(CHARTS.resolve(chart), chart, env, values);
        assertEquals(expected, nativeText(CHARTS.resolve(chart), chart, env, values));
    }

    @ParameterizedTest(name = "count {0}")
    @ValueSource(ints = {0, 1, 3})
    void awkwardTemplatesPrintAsHelmPrintsThem(int count) {
        String values = "count: " + count + "\nlabel: x\nextra:\n  nested: [1, 2.5, \"three\"]\n";
        String expected = HelmJavaEngine.helmTemplate(AWKWARD, "rel", "ns-a", values);
        String actual = nativeText(AWKWARD, "rel", "ns-a", values);
        assertEquals(expected, actual);
        // the cases are there: the order is by kind, hooks are out, a partial and NOTES.txt are not printed
        assertTrue(actual.indexOf("kind: ServiceAccount") < actual.indexOf("kind: Deployment"), actual);
        assertTrue(actual.indexOf("kind: Deployment") < actual.indexOf("kind: Alpha"), actual);
        assertFalse(actual.contains("name: hook\n"), actual);
        assertFalse(actual.contains("unknown-hook"), actual);
        assertFalse(actual.contains("a partial's own text"), actual);
        assertFalse(actual.contains("Installed"), actual);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"list", "metadata", "broken", "dashes"})
    void headsHelmCannotReadFailInBoth(String badCase) {
        String values = "case: " + badCase + "\n";
        IllegalStateException helmJava =
                assertThrows(IllegalStateException.class, () -> HelmJavaEngine.helmTemplate(BAD, "rel", "ns", values));
        IllegalStateException ours =
                assertThrows(IllegalStateException.class, () -> nativeText(BAD, "rel", "ns", values));
        assertTrue(
                helmJava.getMessage().contains("YAML parse error on awkward-bad/templates/bad.yaml"),
                helmJava.getMessage());
        assertTrue(ours.getMessage().contains("YAML parse error on awkward-bad/templates/bad.yaml"), ours.getMessage());
    }

    /** sigs.k8s.io/yaml reads a number where Helm wants a string as that string: no error, and the same order. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fine", "number", "annotation"})
    void readableHeadsRenderInBoth(String goodCase) {
        String values = "case: " + goodCase + "\n";
        assertEquals(HelmJavaEngine.helmTemplate(BAD, "rel", "ns", values), nativeText(BAD, "rel", "ns", values));
    }

    @Test
    void valuesAndTemplateErrorsFailInBoth() {
        String notYaml = "count: [\n";
        assertThrows(IllegalStateException.class, () -> HelmJavaEngine.helmTemplate(AWKWARD, "rel", "ns", notYaml));
        assertThrows(IllegalStateException.class, () -> nativeText(AWKWARD, "rel", "ns", notYaml));
        String badRelease = "Not_A_Release";
        assertThrows(IllegalStateException.class, () -> HelmJavaEngine.helmTemplate(AWKWARD, badRelease, "ns", ""));
        assertThrows(IllegalStateException.class, () -> nativeText(AWKWARD, badRelease, "ns", ""));
    }

    /** The example charts' schemas: a value they refuse is refused by both (the native engine validates as Helm). */
    @Test
    void schemaRefusalsFailInBoth() throws IOException {
        Path chart = CHARTS.resolve("integration");
        String values = Files.readString(Path.of(
                        "src/test/resources/golden/aws-dev1/expected/overlays/dev1/layers/integration.values.yaml"))
                + "\nnoSuchKey: 1\n";
        assertThrows(
                IllegalStateException.class, () -> HelmJavaEngine.helmTemplate(chart, "integration", "dev1", values));
        IllegalStateException ours =
                assertThrows(IllegalStateException.class, () -> nativeText(chart, "integration", "dev1", values));
        assertTrue(ours.getMessage().contains("noSuchKey"), ours.getMessage());
    }

    /** The library is built from the Helm version helm-java embeds, and says so in its cache identity. */
    @Test
    void reportsHelmJavasVersion() {
        assertEquals(Helm.version().call(), NativeHelmEngine.HELM_VERSION);
        assertTrue(
                engine.cacheIdentity().contains(" helm " + Helm.version().call() + " sources "),
                engine.cacheIdentity());
    }

    /** A chart in {@code dir} with one template file, {@code templates/cm.yaml}. */
    private static Path chart(Path dir, String template) throws IOException {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(
                dir.resolve("Chart.yaml"), "apiVersion: v2\nname: " + dir.getFileName() + "\nversion: 0.1.0\n");
        Files.writeString(dir.resolve("templates/cm.yaml"), template);
        return dir;
    }

    /** A chart changed in place is loaded again when its key changes, and kept while it does not. */
    @Test
    void aChangedChartIsLoadedAgainUnderANewKey(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path chart = chart(tmp.resolve("c"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n");
        assertTrue(engine.template(chart, "k1", "r", "ns", "").contains("name: one"));
        Files.writeString(
                chart.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\n");
        assertTrue(engine.template(chart, "k1", "r", "ns", "").contains("name: one"), "same key: kept");
        assertTrue(engine.template(chart, "k2", "r", "ns", "").contains("name: two"), "new key: loaded again");
    }

    /** Concurrent calls on one loaded chart give what lone calls give. */
    @Test
    void concurrentRendersOfOneChartAgree() throws Exception {
        Path chart = CHARTS.resolve("api-gateway");
        String base = Files.readString(
                Path.of("src/test/resources/golden/aws-dev1/expected/overlays/dev1/layers/api-gateway.values.yaml"));
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            namespaces.add("env-" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String ns : namespaces) {
                futures.add(pool.submit(() -> nativeText(chart, "api-gateway", ns, base)));
            }
            for (int i = 0; i < namespaces.size(); i++) {
                String alone = nativeText(chart, "api-gateway", namespaces.get(i), base);
                assertEquals(alone, futures.get(i).get());
                assertTrue(alone.contains("namespace: " + namespaces.get(i)), alone.substring(0, 300));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The cases of charts/helm-cases: hooks reached through a merge key or a key in another case, kinds that are not
     * plain strings, duplicate keys, tags, a document-end marker, Unicode line breaks, an infinity and a null key
     * (Helm refuses both), bytes that are not UTF-8 (refused), Helm's capabilities with its Go version
     * and a semver constraint of 41 groups (semver v3.5.0 allows 32), a template's fail, a chart that renders nothing
     * or only a hook (helm-java returns null there; HelmJavaEngine makes it helm template's empty line), text that is
     * not ASCII (helm-java decodes it with JNA's encoding, which {@link Jna} fixes to UTF-8).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "merge-key-hook",
                "case-variant-keys",
                "kind-scalars",
                "yaml-edges",
                "infinity",
                "null-key",
                "invalid-utf8",
                "capabilities",
                "semver-groups",
                "template-error",
                "nothing",
                "hook-only",
                "non-ascii",
                "none"
            })
    void casesComeOutAsHelmJavasDo(String name) {
        assertSameOutcome(CASES, "rel", "ns", "case: " + name + "\n");
    }

    /** A subchart declared in Chart.yaml but missing from charts/: both refuse, with helm-java's message. */
    @Test
    void aMissingDependencyFailsInBoth() {
        String ours = outcome(() -> nativeText(DEPS, "rel", "ns", ""));
        assertTrue(ours.contains("found in Chart.yaml, but missing in charts/ directory: sub"), ours);
        assertSameOutcome(DEPS, "rel", "ns", "");
    }

    /**
     * The difference by design: the library never asks a cluster, so {@code lookup} gets an empty map, as in
     * {@code helm template}; helm-java would ask the cluster of {@code KUBECONFIG}.
     */
    @Test
    void lookupAsksNoCluster(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path chart = chart(
                tmp.resolve("lookup"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l\ndata:\n"
                        + "  ns: {{ lookup \"v1\" \"Namespace\" \"\" \"default\" | toJson | quote }}\n");
        assertTrue(nativeText(chart, "rel", "ns", "").contains("  ns: \"{}\"\n"));
    }

    /** A library that is named but cannot be used is a Problem naming it and the fix, every time it is asked for. */
    @Test
    void aNamedLibraryThatCannotLoadIsAProblem(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path notALibrary = Files.writeString(tmp.resolve("libenvforge-helm-engine.so"), "not a library");
        String before = System.getProperty("envforge.helm.engine");
        System.setProperty("envforge.helm.engine", notALibrary.toString());
        try {
            for (int i = 0; i < 2; i++) {
                io.envforge.error.EnvforgeException e =
                        assertThrows(io.envforge.error.EnvforgeException.class, HelmEngine::select);
                assertTrue(e.getMessage().contains(notALibrary.toString()), e.getMessage());
                assertTrue(e.getMessage().contains("tools/helm-engine/build.sh"), e.getMessage());
            }
            System.setProperty("envforge.helm.engine", "helm-java");
            assertTrue(HelmEngine.select() instanceof HelmJavaEngine);
        } finally {
            if (before == null) {
                System.clearProperty("envforge.helm.engine");
            } else {
                System.setProperty("envforge.helm.engine", before);
            }
        }
    }
}
