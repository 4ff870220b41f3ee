package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.render.Layout;
import io.envforge.testing.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main specification of behaviour: each case folder under {@code golden/} with an {@code input/} folder (its
 * specs) gives exactly the tree in {@code expected/}, byte for byte, or, when it has {@code expected-error.txt}, fails
 * with exactly that error report. {@code -Dgolden.update=true} rewrites the expected files ({@link GoldenFiles});
 * review their diff like code.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path temp;

    static List<String> cases() {
        return GoldenFiles.cases(GOLDEN, dir -> Files.isDirectory(dir.resolve("input")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatesTheExpectedTree(String name) throws IOException {
        Path input = GOLDEN.resolve(name).resolve("input");
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        GoldenFiles.read(input).forEach(ws::write);
        GenerateRequest request = GenerateRequest.builder(ws.root())
                .environments(List.of("all"))
                .schemas(TestWorkspace.SCHEMAS)
                .mode(GenerateRequest.Mode.WRITE)
                .build();
        Path errorFile = GOLDEN.resolve(name).resolve("expected-error.txt");
        if (Files.exists(errorFile) || !Files.isDirectory(GOLDEN.resolve(name).resolve("expected"))) {
            EnvforgeException e = assertThrows(
                    EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request));
            GoldenFiles.assertFile(errorFile, e.getMessage() + "\n");
            return;
        }
        Envforge.standard(ws.root()).generate(request);

        Map<String, String> actual = new TreeMap<>(ws.snapshot());
        actual.keySet().removeIf(p -> !isGenerated(p));
        GoldenFiles.assertTree(GOLDEN.resolve(name).resolve("expected"), actual);
    }

    private static boolean isGenerated(String path) {
        return Layout.GENERATED_ROOTS.stream().anyMatch(path::startsWith);
    }
}
