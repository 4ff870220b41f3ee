package io.envforge.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.error.EnvforgeException;
import io.envforge.testing.GitServer;
import io.envforge.testing.Repos;
import io.envforge.testing.Servers;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Push and fetch against real Git servers on 127.0.0.1, one per transport. */
class GitRemoteIT {

    @TempDir
    static Path dir;

    static Servers servers;
    static int counter;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        servers = new Servers(dir);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    /** A fresh seeded bare repository and a clone of it whose remote {@code target} goes through {@code transport}. */
    private Git setUp(String transport, String name) {
        Repos.seededBare(servers.root(), name, work.resolve("seed"), "README.md", "seed\n");
        Git local = Repos.cloneOf(servers.root().resolve(name), work.resolve("local"));
        Repos.addRemote(local, "target", servers.get(transport).url(name));
        return local;
    }

    private GitRemote remote(Git local, Credentials credentials) {
        return new GitRemote(
                local.getRepository().getWorkTree().toPath(),
                "target",
                credentials,
                servers.sshHome().toFile());
    }

    private static void setUrl(Git local, String url) {
        try {
            local.getRepository().getConfig().setString("remote", "target", "url", url);
            local.getRepository().getConfig().save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static synchronized String name(String transport) {
        return transport + "-" + (++counter) + ".git";
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "git", "ssh", "https"})
    void pushesHeadToANewBranchThenReportsUpToDate(String transport) {
        String name = name(transport);
        GitServer server = servers.get(transport);
        try (Git local = setUp(transport, name);
                GitRemote remote = remote(local, server.credentials())) {
            RevCommit commit = Repos.commit(local, "overlays/dev1/a.yaml", "a: 1\n", "generate dev1");

            assertEquals(PushStatus.PUSHED, remote.push("envforge/dev1"));
            assertEquals(commit.getId(), Repos.head(servers.root().resolve(name), "envforge/dev1"));
            assertEquals(PushStatus.UP_TO_DATE, remote.push("envforge/dev1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "git", "ssh", "https"})
    void rejectsANonFastForwardWithoutForcingAndFetchesTheRemoteHead(String transport) {
        String name = name(transport);
        Path bare = servers.root().resolve(name);
        try (Git local = setUp(transport, name);
                GitRemote remote = remote(local, servers.get(transport).credentials());
                Git other = Repos.cloneOf(bare, work.resolve("other"))) {
            RevCommit concurrent = Repos.commit(other, "docs/other.md", "other\n", "someone else");
            other.push().call();
            Repos.commit(local, "overlays/dev1/a.yaml", "a: 1\n", "generate dev1");

            assertEquals(PushStatus.REJECTED, remote.push("main"));
            assertEquals(concurrent.getId(), Repos.head(bare, "main"), "the remote branch was not overwritten");
            assertEquals(Optional.of(concurrent.getId().name()), remote.fetch("main"));
            assertEquals(Optional.empty(), remote.fetch("no-such-branch"));
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssh", "https"})
    void aWrongCredentialFailsClearlyWithoutShowingTheSecret(String transport) {
        String name = name(transport);
        GitServer server = servers.get(transport);
        try (Git local = setUp(transport, name);
                GitRemote remote = remote(local, server.wrongCredentials())) {
            Repos.commit(local, "overlays/dev1/a.yaml", "a: 1\n", "generate dev1");

            EnvforgeException e = assertThrows(EnvforgeException.class, () -> remote.push("main"));

            assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
            assertTrue(e.getMessage().contains(server.url(name)), e.getMessage());
            if (server.wrongSecret() != null) {
                assertFalse(e.getMessage().contains(server.wrongSecret()), e.getMessage());
            }
            assertEquals(null, Repos.head(servers.root().resolve(name), "envforge/dev1"));
        }
    }

    @Test
    void anUnknownSshHostKeyIsRefusedClearly() throws Exception {
        String name = name("ssh");
        Path knownHosts = work.resolve("empty_known_hosts");
        java.nio.file.Files.writeString(knownHosts, "");
        Credentials trustsNothing =
                Credentials.sshKey(servers.get("ssh").credentials().sshKey().orElseThrow(), knownHosts);
        try (Git local = setUp("ssh", name);
                GitRemote remote = remote(local, trustsNothing)) {
            Repos.commit(local, "a.txt", "a\n", "a");

            EnvforgeException e = assertThrows(EnvforgeException.class, () -> remote.push("main"));

            assertTrue(e.getMessage().contains("host key"), e.getMessage());
            assertTrue(e.getMessage().contains(Credentials.KNOWN_HOSTS_VARIABLE), e.getMessage());
        }
    }

    @Test
    void aTokenInTheRemoteUrlIsNeverShown() {
        String name = name("https");
        String secret = "url-embedded-" + Servers.TOKEN;
        String url = servers.get("https").url(name).replace("https://", "https://bot:" + secret + "@");
        try (Git local = setUp("https", name);
                GitRemote remote = remote(local, Credentials.none())) {
            setUrl(local, url);
            Repos.commit(local, "a.txt", "a\n", "a");

            EnvforgeException e = assertThrows(EnvforgeException.class, () -> remote.push("main"));

            assertFalse(e.getMessage().contains(secret), e.getMessage());
            assertTrue(e.getMessage().contains("https://bot:***@127.0.0.1"), e.getMessage());
            assertFalse(remote.url().contains(secret));
        }
    }

    @Test
    void anUnknownRemoteNameSaysHowToAddIt() {
        String name = name("file");
        try (Git local = setUp("file", name);
                GitRemote remote =
                        new GitRemote(local.getRepository().getWorkTree().toPath(), "upstream", Credentials.none())) {
            EnvforgeException e = assertThrows(EnvforgeException.class, () -> remote.push("main"));
            assertTrue(e.getMessage().contains("git remote add upstream"), e.getMessage());
        }
    }

    @Test
    void noCommitIsLostWhenTheRemoteIsUnreachable() {
        String name = name("file");
        try (Git local = setUp("file", name);
                GitRemote remote = remote(local, Credentials.none())) {
            setUrl(local, "git://127.0.0.1:1/none.git");
            ObjectId head = Repos.commit(local, "a.txt", "a\n", "a").getId();

            EnvforgeException e = assertThrows(EnvforgeException.class, () -> remote.push("main"));

            assertTrue(
                    e.getMessage().startsWith("git://127.0.0.1:1/none.git: refs/heads/main: push to target failed"),
                    e.getMessage());
            assertEquals(head, Repos.head(local.getRepository().getWorkTree().toPath(), "main"));
        }
    }
}
