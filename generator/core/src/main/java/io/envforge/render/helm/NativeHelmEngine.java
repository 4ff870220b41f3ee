package io.envforge.render.helm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * envforge's own library of Helm ({@code tools/helm-engine}: Go, helm.sh/helm/v3 v3.21.0 built with the toolchain and
 * module versions of helm-java 0.0.21's library, by {@code tools/helm-engine/build.sh} into
 * {@code ~/.cache/envforge/tools/lib}), called through JNA. It renders as helm-java's {@code template} does, with
 * Helm's own code for every step, but keeps each chart loaded between calls and skips helm-java's per-call setup and
 * Helm's dry-run release machinery. One difference, by design: it never asks a cluster, so a chart's {@code lookup}
 * gets an empty map as in {@code helm template}, where helm-java's {@code template} builds a client from
 * {@code KUBECONFIG} on every call and reads the live cluster. {@code HelmEngineEquivalenceTest} holds the two to the
 * same bytes and the same failures. Its library (55 MB) is mapped from where it was built; helm-java unpacks 94 MB
 * into a new temporary folder on every start.
 */
final class NativeHelmEngine implements HelmEngine {

    static {
        Jna.utf8(); // JNA reads it once, when it first loads: helm-java may run in this process too
    }

    /** The protocol of {@code EnvforgeHelmRender}'s result; {@code tools/helm-engine/main.go} says the same. */
    static final String PROTOCOL = "envforge-helm-engine/2";

    /** The Helm version helm-java 0.0.21 embeds: the library must render with the same one. */
    static final String HELM_VERSION = "v3.21.0";

    /** The C functions of {@code tools/helm-engine/main.go}. */
    interface Lib extends Library {
        Pointer EnvforgeHelmRender(
                byte[] dir,
                int dirLen,
                byte[] key,
                int keyLen,
                byte[] release,
                int releaseLen,
                byte[] namespace,
                int namespaceLen,
                byte[] values,
                int valuesLen);

        void EnvforgeHelmFree(Pointer result);

        String EnvforgeHelmVersion();
    }

    private final Lib lib;
    /** What the library says it is: protocol, Helm's version and the digest of the sources it was built from. */
    private final String build;

    private NativeHelmEngine(Lib lib, String build) {
        this.lib = lib;
        this.build = build;
    }

    /** {@code $ENVFORGE_TOOLS/lib} or {@code ~/.cache/envforge/tools/lib}: where build.sh puts the library. */
    static Path defaultLibrary() {
        String tools = System.getenv("ENVFORGE_TOOLS");
        Path dir = tools != null && !tools.isBlank()
                ? Path.of(tools)
                : Path.of(System.getProperty("user.home"), ".cache", "envforge", "tools");
        return dir.resolve("lib").resolve("libenvforge-helm-engine.so");
    }

    /** The library at {@code file}, if it is there and speaks this protocol with Helm {@link #HELM_VERSION}. */
    static Optional<NativeHelmEngine> tryLoad(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(file));
        } catch (EnvforgeException e) {
            return Optional.empty();
        }
    }

    /** The library at {@code file}; an error names what is wrong with it. */
    static NativeHelmEngine load(Path file) {
        String version;
        Lib lib;
        try {
            lib = Native.load(file.toAbsolutePath().toString(), Lib.class);
            version = lib.EnvforgeHelmVersion();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // JNA lists every place it tried, one per line; the first two say what failed
            String why = String.join(
                    " ", String.valueOf(e.getMessage()).lines().limit(2).toList());
            throw refused(file, "cannot load it: " + why);
        }
        String expected = PROTOCOL + " helm " + HELM_VERSION + " sources ";
        if (version == null || !version.startsWith(expected)) {
            throw refused(file, "it is \"" + version + "\", not " + PROTOCOL + " with Helm " + HELM_VERSION);
        }
        return new NativeHelmEngine(lib, version);
    }

    private static EnvforgeException refused(Path file, String why) {
        return new EnvforgeException(
                new Problem(
                        file.toString(),
                        "",
                        null,
                        "envforge's Helm engine library: " + why,
                        "build it again: bash tools/helm-engine/build.sh; or render with helm-java: ENVFORGE_HELM_ENGINE=helm-java"));
    }

    @Override
    public void warmUp() {
        // loaded by select(): the library is mapped, and Go's runtime started
    }

    @Override
    public String cacheIdentity() {
        // Helm's version and the library's sources: a library built from other sources (a fix in manifests.Sort,
        // say) makes its own entries
        return build;
    }

    /** helm template's text, or an {@link IllegalStateException} with Helm's error. */
    @Override
    public String template(Path chart, String chartKey, String release, String namespace, String values) {
        byte[] dir = utf8(chart.toAbsolutePath().toString());
        byte[] key = utf8(chartKey);
        byte[] rel = utf8(release);
        byte[] ns = utf8(namespace);
        byte[] vals = utf8(values);
        Pointer result = lib.EnvforgeHelmRender(
                dir, dir.length, key, key.length, rel, rel.length, ns, ns.length, vals, vals.length);
        if (result == null) {
            throw new IllegalStateException("envforge-helm-engine returned nothing");
        }
        byte[] body;
        try {
            long length = ByteBuffer.wrap(result.getByteArray(0, 8))
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            body = result.getByteArray(8, Math.toIntExact(length));
        } finally {
            lib.EnvforgeHelmFree(result);
        }
        String text = new String(body, 1, body.length - 1, StandardCharsets.UTF_8);
        if (body[0] != 0) {
            throw new IllegalStateException(text);
        }
        return text;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
