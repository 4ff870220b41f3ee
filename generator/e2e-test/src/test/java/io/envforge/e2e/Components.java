package io.envforge.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real components live: {@code tools/build-components.sh} builds them from their Go modules into
 * {@code ${envforge.tools}/bin} and copies the controllers' CRDs into {@code ${envforge.tools}/crds}. A missing
 * binary fails the test with the command that builds it; the tier is never skipped silently.
 */
final class Components {

    static final Path HOME =
            Path.of(System.getProperty("envforge.tools", System.getProperty("user.home") + "/.cache/envforge/tools"));

    private Components() {}

    static Path bin(String name) {
        Path file = HOME.resolve("bin").resolve(name);
        if (!Files.isExecutable(file)) {
            throw new IllegalStateException("real component " + name + " is not built at " + file
                    + ": run `bash tools/build-components.sh` (or `bash .ci/setup`) first");
        }
        return file;
    }

    static Path crds(String name) {
        Path dir = HOME.resolve("crds").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("CRDs of " + name + " are not at " + dir
                    + ": run `bash tools/build-components.sh` (or `bash .ci/setup`) first");
        }
        return dir;
    }
}
