package io.envforge.render.helm;

import io.envforge.cache.DiskCache;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Helm, in one step: computes each layer's values ({@link HelmValues}), writes them as
 * {@code overlays/<env>/layers/<chart>.values.yaml} (the reviewed input of the render), renders the chart with them by
 * Helm itself, in process ({@link HelmEngine}: envforge's library of Helm's engine, or helm-java) and writes the
 * manifests as {@code overlays/<env>/layers/<chart>.yaml}: Helm's
 * own text, document by document, with its {@code # Source:} lines that tell a reviewer which template made what.
 * Helm hooks (such as the {@code helm test} pod) are dropped: a GitOps controller applying plain manifests would run
 * them as ordinary objects. Each document is parsed at most once, when the validator or the change summary first asks
 * for it. The values are checked against the chart's {@code values.schema.json} in Java, with the schema compiled once,
 * and Helm renders a copy of the chart without it (see {@link HelmChart}): Helm compiled the schema on every call.
 *
 * <p>Helm calls run concurrently, one per render thread. helm-java swaps Go's process-wide stdout/stderr around every
 * call, so concurrent calls may lose each other's captured console output; {@code template} writes none (the
 * manifests and the error come back in the call's result, and Helm's warnings go to the log's own stderr). Measured on
 * 2 cores: 2 threads render a chart in 9.3 ms per call against 16.6 ms on one, with identical output;
 * {@code HelmRendererTest} checks that concurrent calls give what a lone call gives.
 */
public final class HelmRenderer implements Renderer {

    private final Path chartsDir;
    /** Chosen when first needed (the unchanged check of a no-op run needs none): see {@link HelmEngine#select}. */
    private final Supplier<HelmEngine> engine;

    private final HelmOutputCache cache;
    /** Each chart read once per run: digest, compiled values schema, schema-less copy (see {@link HelmChart}). */
    private final Map<Path, HelmChart> charts = new ConcurrentHashMap<>();

    private final AtomicLong helmCalls = new AtomicLong();

    public HelmRenderer(Path chartsDir) {
        this(chartsDir, DiskCache.none());
    }

    /** Helm's output is kept in {@code cache} (see {@link HelmOutputCache}); a hit does not call Helm. */
    public HelmRenderer(Path chartsDir, DiskCache cache) {
        this(chartsDir, cache, HelmEngine::shared);
    }

    HelmRenderer(Path chartsDir, DiskCache cache, Supplier<HelmEngine> engine) {
        this.chartsDir = chartsDir;
        this.engine = engine;
        this.cache = new HelmOutputCache(cache, engine);
    }

    /** How many times this renderer called Helm (cache hits are not calls). */
    public long helmCalls() {
        return helmCalls.get();
    }

    @Override
    public String name() {
        return "helm";
    }

    /**
     * The two steps this one replaced, values then template (fingerprint schema v1): the committed inputs digests
     * hash these names.
     */
    @Override
    public List<String> fingerprintNames() {
        return List.of("helm-values", "helm-template");
    }

    /** The charts are read again in each run: another run's may have been another tree's (the publish loop). */
    @Override
    public void newRun() {
        charts.clear();
    }

    /** Loads Helm's native library (about half a second) while the pipeline is still reading specs. */
    @Override
    public void warmUp() {
        sweepStaleNativeCopies(
                Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(STALE_AFTER));
        engine.get().warmUp();
        // each chart's digest, compiled values schema and schema-less copy (a quarter of a second for the first
        // schema, mostly loading the validator's classes), while the unchanged check still runs
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(chartsDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                    charts.computeIfAbsent(dir, HelmChart::load);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the render loads the chart itself and reports what is wrong with it
        }
    }

    /** How old a left-over copy of Helm's native library must be before a run deletes it. */
    static final Duration STALE_AFTER = Duration.ofHours(6);

    /**
     * Deletes the copies of Helm's native library that killed runs left behind: helm-java extracts its 94 MB library
     * into a new {@code helm-java*} folder of {@code java.io.tmpdir} on every start and deletes it only on a normal JVM
     * exit ({@code File.deleteOnExit}, helm-java 0.0.21's {@code NativeLibrary.createTempDirectory}), so each run
     * killed with SIGKILL (a CI timeout, the OOM killer) leaves one; 333 of them once filled this machine's disk.
     * Only folders last modified before {@code before} that hold nothing but {@code helm-*.so} files are deleted: a
     * running process has loaded its copy long before (a deleted library stays mapped), and nothing else is touched.
     * Best effort: what cannot be read or deleted is left.
     */
    static int sweepStaleNativeCopies(Path tmp, Instant before) {
        int deleted = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "{helm-java,envforge-charts}*")) {
            for (Path dir : dirs) {
                try {
                    if (sweepOne(dir, before)) {
                        deleted++;
                    }
                } catch (IOException | UncheckedIOException | SecurityException e) {
                    // another user's, or being deleted by another run: the next folder
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the next run tries again
        }
        return deleted;
    }

    /**
     * Deletes {@code dir} if it was last modified before {@code before} and is a left-over: a {@code helm-java*}
     * folder holding nothing but {@code helm-*.so} files, or a process's folder of chart copies
     * ({@code envforge-charts*}, {@link SchemaLessCopy#base}).
     */
    private static boolean sweepOne(Path dir, Instant before) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || !Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
            return false;
        }
        if (dir.getFileName().toString().startsWith(SchemaLessCopy.PREFIX)) {
            SchemaLessCopy.delete(dir);
            return !Files.exists(dir);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.toList();
        }
        boolean onlyLibraries = files.stream()
                .allMatch(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                        && f.getFileName().toString().matches("helm-[a-z0-9-]+\\.so"));
        if (!onlyLibraries) {
            return false;
        }
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
        Files.deleteIfExists(dir);
        return true;
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        String header = Layout.header(env.name(), Layout.spec(env.name()));
        for (Layer layer : env.layers()) {
            Map<String, Object> values = HelmValues.forLayer(env, layer);
            String valuesText = header + Yaml.dump(values);
            out.put(Layout.chartValues(env.name(), layer.name()), valuesText, List.of(values));
            manifests(env, layer, values, valuesText, out);
        }
        return out.build();
    }

    /** The chart of {@code layer} rendered with {@code values}, hooks and empty documents left out. */
    private void manifests(
            Environment env, Layer layer, Map<String, Object> values, String valuesText, OutputTree.Builder out) {
        StringBuilder text = new StringBuilder(Layout.header(env.name(), "charts/" + layer.name()));
        List<String> kept = new ArrayList<>();
        for (String source : documents(template(env, layer, values, valuesText))) {
            if (mayBeHookOrEmpty(source)) {
                List<Map<String, Object>> parsed = Yaml.loadAll(source);
                if (parsed.isEmpty() || parsed.stream().anyMatch(HelmRenderer::isHook)) {
                    continue;
                }
            }
            kept.add(source);
            text.append("---\n").append(source);
        }
        out.putLazily(
                Layout.chartManifests(env.name(), layer.name()),
                text.toString(),
                () -> kept.stream()
                        .flatMap(source -> Yaml.loadAll(source).stream())
                        .toList());
    }

    /**
     * Helm's output cut at its document separators: lines that are exactly {@code ---} (inside a block scalar a line
     * is indented, so such a line is always a separator). Each piece ends with a newline.
     */
    static List<String> documents(String helmOutput) {
        List<String> out = new ArrayList<>();
        String carried = ""; // what followed "--- " on the separator line that began the current piece
        int piece = 0;
        int length = helmOutput.length();
        for (int line = 0; line < length; ) {
            int end = helmOutput.indexOf('\n', line);
            if (end < 0) {
                end = length;
            }
            if (helmOutput.startsWith("---", line) && (end == line + 3 || helmOutput.charAt(line + 3) == ' ')) {
                addIfNotBlank(out, carried, helmOutput.substring(piece, line));
                carried = end > line + 3 ? helmOutput.substring(line + 4, end) + "\n" : "";
                piece = Math.min(end + 1, length);
            }
            line = end + 1;
        }
        addIfNotBlank(out, carried, helmOutput.substring(piece));
        return out;
    }

    private static void addIfNotBlank(List<String> out, String carried, String rest) {
        String text = (carried + rest).stripTrailing();
        if (!text.isBlank()) {
            out.add(text + "\n");
        }
    }

    /**
     * Helm's output for {@code layer}: from the cache, or validated against the chart's values schema in Java (the
     * same values were validated when a cached output was made) and rendered by Helm from the chart's schema-less
     * copy.
     */
    private String template(Environment env, Layer layer, Map<String, Object> values, String valuesText) {
        HelmChart chart;
        try {
            chart = charts.computeIfAbsent(chartsDir.resolve(layer.name()), HelmChart::load);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new EnvforgeException(
                    new Problem(
                            "charts/" + layer.name(),
                            "",
                            null,
                            "cannot read the chart: " + e.getMessage(),
                            "check that charts/" + layer.name() + " is readable and java.io.tmpdir writable, then run"
                                    + " again"),
                    e);
        }
        String valuesFile = Layout.chartValues(env.name(), layer.name());
        try {
            return cache.get(chart.cacheKey(), layer.name(), env.namespace(), valuesText, () -> {
                List<ValuesSchema.Error> refused = chart.check(values);
                if (!refused.isEmpty()) {
                    throw new EnvforgeException(ValuesOrigin.problems(env, layer, refused, valuesFile));
                }
                helmCalls.incrementAndGet();
                return engine.get()
                        .template(chart.helmDir(), chart.cacheKey(), layer.name(), env.namespace(), valuesText);
            });
        } catch (IllegalStateException e) {
            throw new EnvforgeException(
                    new Problem(
                            "charts/" + layer.name(),
                            "",
                            null,
                            "helm template failed for environment " + env.name() + ": " + e.getMessage(),
                            "run helm lint charts/" + layer.name() + " -f " + valuesFile),
                    e);
        }
    }

    /**
     * Whether a document must be parsed to decide if it is kept: it names a Helm hook annotation, or it has no line
     * besides comments and blanks. Any other document is a manifest that is kept, and is parsed only when its
     * objects are asked for (a run whose validation comes from the cache does not ask).
     */
    static boolean mayBeHookOrEmpty(String source) {
        if (source.contains("helm.sh/hook")) {
            return true;
        }
        for (int line = 0; line < source.length(); ) {
            int end = source.indexOf('\n', line);
            if (end < 0) {
                end = source.length();
            }
            String t = source.substring(line, end).strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return false;
            }
            line = end + 1;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean isHook(Map<String, Object> doc) {
        Object metadata = doc.get("metadata");
        if (!(metadata instanceof Map<?, ?> m) || !(m.get("annotations") instanceof Map<?, ?> annotations)) {
            return false;
        }
        return ((Map<String, Object>) annotations).containsKey("helm.sh/hook");
    }
}
