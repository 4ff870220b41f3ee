package io.envforge.render.helm;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * helm-java 0.0.21 (Helm v3.21.0 in a native library it unpacks into {@code java.io.tmpdir} on every start): the engine
 * when envforge's own library is not built.
 */
final class HelmJavaEngine implements HelmEngine {

    static {
        Jna.utf8(); // before helm-java's first call loads JNA
    }

    /**
     * One values file per render thread, rewritten in place for each call: a new temporary file per call cost an
     * inode allocation and a delete each (2,000 in a fleet run), which ext4 makes slow after many deletes.
     */
    private static final ThreadLocal<Path> VALUES_FILE = ThreadLocal.withInitial(() -> {
        try {
            Path file = Files.createTempFile("envforge-values-", ".yaml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    private volatile String version;

    /** Helm's version as helm-java prints it ({@code v3.21.0}); the first call loads its native library. */
    String helmVersion() {
        String v = version;
        if (v == null) {
            v = Helm.version().call();
            version = v;
        }
        return v;
    }

    @Override
    public void warmUp() {
        helmVersion(); // loads the native library (about half a second)
    }

    @Override
    public String template(Path chart, String chartKey, String release, String namespace, String values) {
        return helmTemplate(chart, release, namespace, values);
    }

    @Override
    public String cacheIdentity() {
        return "helm-java " + helmVersion();
    }

    /** {@code helm template <release> <chart> --namespace <namespace> -f <values>}; safe to call concurrently. */
    static String helmTemplate(Path chart, String release, String namespace, String values) {
        Path file = VALUES_FILE.get();
        try {
            Files.writeString(file, values, StandardCharsets.UTF_8);
            String text = new Helm(chart)
                    .template()
                    .withName(release)
                    .withNamespace(namespace)
                    .withValuesFile(file)
                    .call();
            // helm-java's C string is NULL for a text of only white space (native/main.go toCString): its Template
            // printed "\n", as helm template does when a chart renders nothing
            return text == null ? "\n" : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
