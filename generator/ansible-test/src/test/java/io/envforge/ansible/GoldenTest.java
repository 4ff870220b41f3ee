package io.envforge.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.render.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The generated inventory of each environment, byte for byte, in {@code golden/<env>/}. Review a golden diff like
 * code; {@code -Dgolden.update=true} rewrites the files.
 */
class GoldenTest {

    static final Iterable<String> ENVS = Environments.NAMES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ENVS")
    void inventoryMatchesTheGoldenFiles(String env) throws IOException {
        Map<String, String> files = Environments.render(env).files();
        Path dir = Repo.golden().resolve(env);
        if (Boolean.getBoolean("golden.update")) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path golden = dir.resolve(f.getKey().substring(Layout.ansible(env).length()));
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, f.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertTrue(Files.isDirectory(dir), "no golden folder " + dir + "; run with -Dgolden.update=true");
        try (Stream<Path> expected = Files.walk(dir)) {
            assertEquals(expected.filter(Files::isRegularFile).count(), files.size(), "files of " + env);
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = dir.resolve(f.getKey().substring(Layout.ansible(env).length()));
            assertTrue(Files.isRegularFile(golden), "no golden file " + golden + "; run with -Dgolden.update=true");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), f.getValue(), f.getKey() + " differs from "
                    + golden + "; if intended, rerun with -Dgolden.update=true and review the diff");
        }
    }
}
