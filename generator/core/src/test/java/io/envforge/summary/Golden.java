package io.envforge.summary;

import io.envforge.testing.GoldenFiles;
import java.nio.file.Path;

/** Golden files under {@code src/test/resources/golden/<case>/}, through {@link GoldenFiles}. */
final class Golden {

    private Golden() {}

    static void check(String name, String actual) {
        GoldenFiles.assertFile(Path.of("src/test/resources/golden").resolve(name), actual);
    }
}
