package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.Publish.Mode;
import io.envforge.error.EnvforgeException;
import io.envforge.git.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Remotes that would leak a token are refused before anything is generated, committed or sent: credentials in a
 * {@code -Denvforge.remote} URL, and a token over plain {@code http://}; so is a clone folder Git cannot clone into.
 * No server is needed: nothing may connect.
 */
class RefusedRemoteTest {

    private static final String SECRET = "tok-S3CRET-value";
    /** Instead of an origin URL: the clone folder is a file, or a folder with other files. */
    private static final String CLONE_IS_FILE = "clone-is-a-file";

    private static final String CLONE_NOT_EMPTY = "clone-not-empty";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        Credentials none = Credentials.none();
        Credentials token = Credentials.token("bot", SECRET);
        return Stream.of(
                Arguments.of(
                        "remote URL with user and token",
                        "https://bot:" + SECRET + "@127.0.0.1:1/x.git",
                        none,
                        null,
                        List.of(
                                "-Denvforge.remote \"https://***@127.0.0.1:1/x.git\"",
                                "carries credentials",
                                "put the token in ENVFORGE_GIT_TOKEN")),
                Arguments.of(
                        "remote URL with a token as the user",
                        "https://" + SECRET + "@127.0.0.1:1/x.git",
                        none,
                        null,
                        List.of("-Denvforge.remote", "carries credentials")),
                Arguments.of(
                        "SSH remote URL with a password",
                        "ssh://git:" + SECRET + "@127.0.0.1:1/x.git",
                        none,
                        null,
                        List.of("-Denvforge.remote", "a password or token")),
                Arguments.of(
                        "token over a plain http URL",
                        "http://127.0.0.1:1/x.git",
                        token,
                        null,
                        List.of(
                                "http://127.0.0.1:1/x.git",
                                "refusing to send ENVFORGE_GIT_TOKEN over plain http://",
                                "https://")),
                Arguments.of(
                        "token over a plain http origin",
                        "origin",
                        token,
                        "http://127.0.0.1:1/x.git",
                        List.of("http://127.0.0.1:1/x.git", "refusing to send ENVFORGE_GIT_TOKEN over plain http://")),
                Arguments.of(
                        "clone folder is a file",
                        "file:///nonexistent/x.git",
                        none,
                        CLONE_IS_FILE,
                        List.of("clone: is a file, not a folder to clone into", "--clone-dir")),
                Arguments.of(
                        "clone folder holds other files",
                        "file:///nonexistent/x.git",
                        none,
                        CLONE_NOT_EMPTY,
                        List.of("clone: is a folder that is neither empty nor a Git clone", "--clone-dir")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesBeforeCommitting(
            String label, String remote, Credentials credentials, String originUrl, List<String> expected)
            throws IOException {
        TestWorkspace ws = TestWorkspace.create(dir.resolve("ws"));
        if (CLONE_IS_FILE.equals(originUrl)) {
            Files.writeString(dir.resolve("clone"), "a file\n");
        } else if (CLONE_NOT_EMPTY.equals(originUrl)) {
            Files.createDirectories(dir.resolve("clone"));
            Files.writeString(dir.resolve("clone/notes.txt"), "a file\n");
        } else if (originUrl != null) {
            setOrigin(ws.root(), originUrl);
        }
        Map<String, String> before = ws.snapshot();
        String head = ws.head();
        GenerateRequest request = GenerateRequest.of(ws.root(), "dev1", "10.20.0.0/20")
                .withPublish(Publish.to(remote, Mode.BRANCH).withWorkDir(dir.resolve("clone")));

        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> new PublishingRun(Envforge.standard(ws.root()), credentials).run(request));

        assertEquals(1, e.problems().size(), e.getMessage());
        expected.forEach(f -> assertTrue(e.getMessage().contains(f), "expected \"" + f + "\" in: " + e.getMessage()));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertEquals(head, ws.head(), "no commit may be made");
        assertEquals(before, ws.snapshot(), "no file may change");
    }

    private static void setOrigin(Path root, String url) {
        try (Git git = Git.open(root.toFile())) {
            git.getRepository().getConfig().setString("remote", "origin", "url", url);
            git.getRepository().getConfig().save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
