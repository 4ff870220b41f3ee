package io.envforge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden files under {@code src/test/resources/golden/<case>/}; {@code -Dgolden.update=true} rewrites them. */
final class Golden {

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden").resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            if (!Boolean.getBoolean("golden.update")) {
                throw new AssertionError(file + " did not exist and was written: review it and run again");
            }
        }
        assertEquals(Files.readString(file), actual, name + " (rewrite with -Dgolden.update=true after review)");
    }
}
