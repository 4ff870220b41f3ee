package io.envforge.render.helm;

import io.envforge.cache.Digests;
import io.envforge.cache.DiskCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code helm template}'s output is a pure function of the chart's files, the release name, the namespace, the values
 * and Helm's version (no cluster is asked: {@code template} renders client-side, with the built-in capabilities of
 * its Helm version). So the output is kept in a {@link DiskCache} under the SHA-256 of exactly those five, and a
 * render with the same five does not call Helm. The chart digest covers every file under the chart's folder (not
 * only the ones Helm reads: a stray file costs a miss, never a wrong hit). Helm's version is asked once per run.
 */
final class HelmOutputCache {

    private final DiskCache cache;
    private final Supplier<HelmEngine> engine;

    /** {@code engine}: asked once per key, so it must be cheap (see {@link HelmEngine#shared}). */
    HelmOutputCache(DiskCache cache, Supplier<HelmEngine> engine) {
        this.cache = cache;
        this.engine = engine;
    }

    /** {@code chart}: the chart's {@link #chartDigest}, with what checks its values ({@link HelmChart#cacheKey}). */
    String get(String chart, String release, String namespace, String values, Supplier<String> render) {
        if (!cache.enabled()) {
            return render.get();
        }
        String key = Digests.key(
                "helm template v1",
                engine.get().cacheIdentity(),
                chart,
                release,
                namespace,
                Digests.of(values.getBytes(StandardCharsets.UTF_8)));
        return cache.get(key)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    String output = render.get();
                    cache.put(key, output.getBytes(StandardCharsets.UTF_8));
                    return output;
                });
    }

    /** SHA-256 over every regular file of the chart folder: relative path, length and bytes, in path order. */
    static String chartDigest(Path chart) {
        return chartDigest(chart, file -> true);
    }

    /** As {@link #chartDigest(Path)}, over the files {@code include} accepts. */
    static String chartDigest(Path chart, Predicate<Path> include) {
        MessageDigest sha = Digests.sha256();
        try (Stream<Path> walk = Files.walk(chart)) {
            List<Path> files =
                    walk.filter(Files::isRegularFile).filter(include).sorted().toList();
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                sha.update((chart.relativize(file).toString().replace('\\', '/') + "\0" + bytes.length + "\0")
                        .getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chart " + chart, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
