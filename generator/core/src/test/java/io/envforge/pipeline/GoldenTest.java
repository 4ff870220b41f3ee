package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.envforge.TestWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main specification of behaviour: for each case under {@code golden/<case>/}, the specs in {@code input/} give
 * exactly the tree in {@code expected/}, byte for byte. {@code -Dgolden.update=true} rewrites the expected trees;
 * review their diff like code.
 */
class GoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws-dev1", "azure-tst2", "aws-argocd-prod1"})
    void generatesTheExpectedTree(String name) throws IOException {
        Path input = GOLDEN.resolve(name).resolve("input");
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        Map<String, String> specs = read(input);
        specs.forEach(ws::write);
        GenerateRequest request = GenerateRequest.builder(ws.root()).environments(List.of("all"))
                .schemas(TestWorkspace.SCHEMAS).mode(GenerateRequest.Mode.WRITE).build();
        Envforge.standard(ws.root()).generate(request);

        Map<String, String> actual = new TreeMap<>(ws.snapshot());
        actual.keySet().removeIf(p -> !isGenerated(p));
        Path expectedDir = GOLDEN.resolve(name).resolve("expected");
        if (UPDATE) {
            rewrite(expectedDir, actual);
        }
        Map<String, String> expected = read(expectedDir);
        assertEquals(expected.keySet(), actual.keySet(), "generated file set");
        for (String path : expected.keySet()) {
            assertEquals(expected.get(path), actual.get(path), path);
        }
    }

    private static boolean isGenerated(String path) {
        return Stream.of("overlays/", "clusters/", "terraform/environments/", "ansible/inventories/")
                .anyMatch(path::startsWith);
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
    }
}
