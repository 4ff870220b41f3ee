package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paths envforge must not read or write through: a symbolic link anywhere on the way to a file it reads or writes
 * (which reached outside the workspace), and a spec that is no regular file (a FIFO hung the run, {@code /dev/zero} ran
 * it out of memory). Each case fails with one problem naming the path, and changes nothing inside or outside.
 */
class UnsafePathTest {

    /** Prepares the workspace; {@code outside} is a folder beside it that links may point to. */
    interface Setup {
        void prepare(Path ws, Path outside) throws Exception;
    }

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                link("overlays/<env> is a link", "overlays/dev1", "overlays/dev1: is a symbolic link"),
                link("overlays is a link", "overlays", "overlays: is a symbolic link"),
                link(
                        "terraform/environments/<env> is a link",
                        "terraform/environments/dev1",
                        "terraform/environments/dev1: is a symbolic link"),
                link(
                        "clusters/<env>/envforge is a link",
                        "clusters/dev1/envforge",
                        "clusters/dev1/envforge: is a symbolic link"),
                link("ansible/inventories is a link", "ansible/inventories", "ansible/inventories: is a symbolic link"),
                Arguments.of(
                        "environments is a link",
                        (Setup) (ws, outside) -> {
                            Files.move(ws.resolve("environments"), outside.resolve("environments"));
                            Files.createSymbolicLink(ws.resolve("environments"), outside.resolve("environments"));
                        },
                        "dev1",
                        "10.20.0.0/20",
                        "environments: is a symbolic link"),
                Arguments.of(
                        "platform file is a link",
                        (Setup) (ws, outside) -> {
                            Files.move(ws.resolve("environments/platform.yaml"), outside.resolve("platform.yaml"));
                            Files.createSymbolicLink(
                                    ws.resolve("environments/platform.yaml"), outside.resolve("platform.yaml"));
                        },
                        "dev1",
                        "10.20.0.0/20",
                        "environments/platform.yaml: is a symbolic link"),
                Arguments.of(
                        "spec file is a link",
                        (Setup) (ws, outside) -> {
                            Files.createDirectories(outside.resolve("environments"));
                            Workspaces.writeSpec(outside, "dev1", "aws", "10.20.0.0/20");
                            Files.createSymbolicLink(
                                    ws.resolve("environments/dev1.yaml"), outside.resolve("environments/dev1.yaml"));
                        },
                        "dev1",
                        null,
                        "environments/dev1.yaml: is a symbolic link"),
                Arguments.of(
                        "a generated file is a link",
                        (Setup) (ws, outside) -> {
                            Envforge.standard(ws).generate(GenerateRequest.of(ws, "dev1", "10.20.0.0/20"));
                            Path file = ws.resolve("overlays/dev1/platform/namespace.yaml");
                            Files.writeString(outside.resolve("namespace.yaml"), "kind: Namespace\n");
                            Files.delete(file);
                            Files.createSymbolicLink(file, outside.resolve("namespace.yaml"));
                        },
                        "dev1",
                        null,
                        "overlays/dev1/platform/namespace.yaml: is a symbolic link"),
                Arguments.of(
                        "charts is a link",
                        (Setup) (ws, outside) -> {
                            Files.move(ws.resolve("charts"), outside.resolve("charts"));
                            Files.createSymbolicLink(ws.resolve("charts"), outside.resolve("charts"));
                        },
                        "dev1",
                        "10.20.0.0/20",
                        "charts: is a symbolic link"),
                Arguments.of(
                        "a chart template is a link",
                        (Setup) (ws, outside) -> {
                            Path template = ws.resolve("charts/api-gateway/templates/NOTES.txt");
                            Files.copy(template, outside.resolve("NOTES.txt"));
                            Files.delete(template);
                            Files.createSymbolicLink(template, outside.resolve("NOTES.txt"));
                        },
                        "dev1",
                        "10.20.0.0/20",
                        "charts/api-gateway/templates/NOTES.txt: is a symbolic link"),
                Arguments.of(
                        "spec is a FIFO",
                        (Setup) (ws, outside) -> {
                            Process p = new ProcessBuilder(
                                            "mkfifo",
                                            ws.resolve("environments/dev9.yaml").toString())
                                    .start();
                            assertEquals(0, p.waitFor());
                        },
                        "dev9",
                        null,
                        "environments/dev9.yaml: is not a regular file but a FIFO, socket or device"),
                Arguments.of(
                        "spec is a link to /dev/zero",
                        (Setup) (ws, outside) ->
                                Files.createSymbolicLink(ws.resolve("environments/dev9.yaml"), Path.of("/dev/zero")),
                        "dev9",
                        null,
                        "environments/dev9.yaml: is a symbolic link (to /dev/zero)"),
                Arguments.of(
                        "spec is a folder",
                        (Setup) (ws, outside) -> Files.createDirectories(ws.resolve("environments/dev9.yaml")),
                        "dev9",
                        null,
                        "environments/dev9.yaml: is not a regular file but a folder"));
    }

    /** {@code path} (a folder of the output tree) is a link to a folder outside. */
    private static Arguments link(String label, String path, String message) {
        return Arguments.of(
                label,
                (Setup) (ws, outside) -> {
                    Path target = outside.resolve("target");
                    Files.createDirectories(target);
                    Files.createDirectories(ws.resolve(path).getParent());
                    Files.createSymbolicLink(ws.resolve(path), target);
                },
                "dev1",
                "10.20.0.0/20",
                message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refusesAndChangesNothing(String label, Setup setup, String env, String subnet, String message)
            throws Exception {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        setup.prepare(ws.root(), outside);
        Map<String, String> before = ws.snapshot();
        Map<String, String> outsideBefore = files(outside);
        String head = ws.head();
        GenerateRequest request = GenerateRequest.builder(ws.root())
                .environments(List.of(env))
                .subnet(subnet)
                .build();

        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith(message), "expected \"" + message + "\" in: " + e.getMessage());
        assertEquals(head, ws.head(), "no commit may be made");
        assertEquals(before, ws.snapshot(), "no file may change");
        assertEquals(outsideBefore, files(outside), "nothing may be written outside the workspace");
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
