package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.Publish.Mode;
import io.envforge.api.PublishResult;
import io.envforge.error.EnvforgeException;
import io.envforge.git.PushStatus;
import io.envforge.testing.GitServer;
import io.envforge.testing.Repos;
import io.envforge.testing.Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generate, commit and push to real Git servers on 127.0.0.1; the remote moving meanwhile; a separate repository. */
class PublishingRunIT {

    private static final String OVERLAY = "overlays/dev1/kustomization.yaml";

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

    private static synchronized String name(String transport) {
        return transport + "-" + (++counter) + ".git";
    }

    /** A bare GitOps repository holding platform.yaml and the charts, as the seed commit on main. */
    private Path bare(String name) {
        Path seed = work.resolve("seed");
        copy(Path.of(System.getProperty("envforge.repo"), "charts"), seed.resolve("charts"));
        copy(
                Path.of(System.getProperty("envforge.repo"), "environments", "platform.yaml"),
                seed.resolve("environments/platform.yaml"));
        return Repos.seededBare(servers.root(), name, seed);
    }

    /** A working clone of {@code bare} whose {@code origin} goes through {@code transport}. */
    private Git workspace(Path bare, String transport, String name) throws IOException {
        Git local = Repos.cloneOf(bare, work.resolve("ws"));
        local.getRepository()
                .getConfig()
                .setString("remote", "origin", "url", servers.get(transport).url(name));
        local.getRepository().getConfig().save();
        return local;
    }

    private static PublishingRun run(GitServer server) {
        return new PublishingRun(
                Envforge.standard(Path.of(System.getProperty("envforge.repo"))),
                server.credentials(),
                servers.sshHome().toFile());
    }

    private static GenerateRequest dev1(Path workspace, Publish publish) {
        return GenerateRequest.of(workspace, "dev1", "10.20.0.0/20").withPublish(publish);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file", "git", "ssh", "https"})
    void directModeAdvancesTheTargetBranch(String transport) throws Exception {
        String name = name(transport);
        Path bare = bare(name);
        ObjectId seed = Repos.head(bare, "main");
        try (Git local = workspace(bare, transport, name)) {
            PublishResult result = run(servers.get(transport))
                    .run(dev1(local.getRepository().getWorkTree().toPath(), Publish.to("origin", Mode.DIRECT)));

            assertEquals(PushStatus.PUSHED, result.status());
            assertEquals("main", result.branch());
            assertEquals(1, result.attempts());
            assertEquals(ObjectId.fromString(result.generation().commit().orElseThrow()), Repos.head(bare, "main"));
            assertEquals(List.of("envforge: generate dev1", "seed"), Repos.subjects(bare, "main"));
            assertTrue(Repos.hasFile(bare, "main", OVERLAY));
            assertTrue(Repos.hasFile(bare, "main", "environments/dev1.yaml"));
            assertTrue(!seed.equals(Repos.head(bare, "main")));
        }
    }

    @Test
    void branchModeReservesOnTheTargetAndPushesTheFilesToEnvforgeEnv() throws Exception {
        String name = name("git");
        Path bare = bare(name);
        try (Git local = workspace(bare, "git", name)) {
            Path ws = local.getRepository().getWorkTree().toPath();
            PublishResult result = run(servers.get("git")).run(dev1(ws, Publish.to("origin", Mode.BRANCH)));

            assertEquals("envforge/dev1", result.branch());
            // the target only gets the address reservation, pushed before the review branch
            assertEquals(List.of("envforge: reserve 10.20.0.0/20 for dev1", "seed"), Repos.subjects(bare, "main"));
            assertTrue(Repos.hasFile(bare, "main", "environments/.reservations/dev1.yaml"));
            assertTrue(!Repos.hasFile(bare, "main", OVERLAY));
            assertEquals(
                    List.of("envforge: generate dev1", "envforge: reserve 10.20.0.0/20 for dev1", "seed"),
                    Repos.subjects(bare, "envforge/dev1"));
            assertTrue(Repos.hasFile(bare, "envforge/dev1", OVERLAY));

            PublishResult again = run(servers.get("git")).run(dev1(ws, Publish.to("origin", Mode.BRANCH)));
            assertEquals(PushStatus.UP_TO_DATE, again.status(), "a re-run with no input change pushes nothing");
        }
    }

    @Test
    void severalEnvironmentsGoToOneCountedBranch() {
        assertEquals(
                "envforge/3-environments", Publish.to("origin", Mode.BRANCH).branchFor("main", List.of("a", "b", "c")));
        assertEquals("release", Publish.to("origin", Mode.DIRECT).branchFor("release", List.of("a", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"git", "https"})
    void aConcurrentCommitIsKeptAndTheGenerationReappliedOnTop(String transport) throws Exception {
        String name = name(transport);
        Path bare = bare(name);
        try (Git local = workspace(bare, transport, name);
                Git other = Repos.cloneOf(bare, work.resolve("other"))) {
            RevCommit concurrent = Repos.commit(other, "docs/notes.md", "pushed meanwhile\n", "someone else's change");
            other.push().call();
            PublishResult result = run(servers.get(transport))
                    .run(dev1(local.getRepository().getWorkTree().toPath(), Publish.to("origin", Mode.DIRECT)));

            assertEquals(2, result.attempts());
            assertEquals(
                    List.of("envforge: generate dev1", "someone else's change", "seed"),
                    Repos.subjects(bare, "main"),
                    "the concurrent commit is kept, generation on top of it");
            assertTrue(Repos.hasFile(bare, "main", "docs/notes.md"));
            assertTrue(Repos.hasFile(bare, "main", OVERLAY));
            assertEquals(
                    Repos.head(bare, "main"),
                    Repos.head(local.getRepository().getWorkTree().toPath(), "main"));
            assertEquals(
                    concurrent.getId(),
                    local.getRepository()
                            .parseCommit(Repos.head(bare, "main"))
                            .getParent(0)
                            .getId());
        }
    }

    @Test
    void aConcurrentAllocationOfTheSameBlockMakesTheSecondRunFail() throws Exception {
        String name = name("file");
        Path bare = bare(name);
        Git cloneBefore = workspace(bare, "file", name);
        cloneBefore.close();
        try (Git other = Repos.cloneOf(bare, work.resolve("other"))) {
            Repos.commit(
                    other,
                    "environments/dev2.yaml",
                    "apiVersion: envforge.io/v1alpha1\nkind: Environment\n"
                            + "metadata:\n  name: dev2\nspec:\n  cloud: aws\n  network:\n    cidr: 10.20.0.0/20\n",
                    "add dev2");
            other.push().call();
        }
        ObjectId remoteHead = Repos.head(bare, "main");
        Path ws = work.resolve("ws");

        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> run(servers.get("file")).run(dev1(ws, Publish.to("origin", Mode.DIRECT))));

        assertTrue(e.getMessage().contains("overlaps environment dev2"), e.getMessage());
        assertEquals(remoteHead, Repos.head(bare, "main"), "the loser pushed nothing");
    }

    @Test
    void givesUpWithAClearMessageAfterTheLastAttempt() throws Exception {
        String name = name("file");
        Path bare = bare(name);
        Git local = workspace(bare, "file", name);
        local.close();
        try (Git other = Repos.cloneOf(bare, work.resolve("other"))) {
            Repos.commit(other, "docs/notes.md", "x\n", "meanwhile");
            other.push().call();
        }
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> run(servers.get("file"))
                        .run(dev1(
                                work.resolve("ws"),
                                Publish.to("origin", Mode.DIRECT).withAttempts(1))));

        assertTrue(e.getMessage().contains("gave up after 1 attempt(s)"), e.getMessage());
        assertEquals(List.of("meanwhile", "seed"), Repos.subjects(bare, "main"));
    }

    @Test
    void localCommitsThatWereNeverPushedAreNotThrownAway() throws Exception {
        String name = name("file");
        Path bare = bare(name);
        try (Git local = workspace(bare, "file", name);
                Git other = Repos.cloneOf(bare, work.resolve("other"))) {
            RevCommit mine = Repos.commit(local, "docs/mine.md", "mine\n", "my unpushed change");
            Repos.commit(other, "docs/notes.md", "x\n", "meanwhile");
            other.push().call();
            Path ws = local.getRepository().getWorkTree().toPath();

            EnvforgeException e = assertThrows(
                    EnvforgeException.class,
                    () -> run(servers.get("file")).run(dev1(ws, Publish.to("origin", Mode.DIRECT))));

            assertTrue(e.getMessage().contains("git pull --rebase origin main"), e.getMessage());
            assertEquals(
                    mine.getId(),
                    local.getRepository()
                            .parseCommit(Repos.head(ws, "main"))
                            .getParent(0)
                            .getId(),
                    "the local branch still holds the unpushed commit under the generated one");
            assertEquals(List.of("meanwhile", "seed"), Repos.subjects(bare, "main"));
        }
    }

    @Test
    void aSeparateGitOpsRepositoryIsClonedGeneratedIntoAndPushed() throws Exception {
        String name = name("git");
        Path fleet = Repos.seededBare(servers.root(), name, work.resolve("fleet-seed"), "README.md", "fleet\n");
        Path ws = Files.createDirectories(work.resolve("source"));
        copy(
                Path.of(System.getProperty("envforge.repo"), "environments", "platform.yaml"),
                ws.resolve("environments/platform.yaml"));
        Path cache = work.resolve("cache");
        Publish publish = Publish.to(servers.get("git").url(name), Mode.DIRECT).withWorkDir(cache);

        PublishResult result = run(servers.get("git")).run(dev1(ws, publish));

        assertEquals(PushStatus.PUSHED, result.status());
        assertEquals(List.of("envforge: generate dev1", "seed"), Repos.subjects(fleet, "main"));
        assertTrue(Repos.hasFile(fleet, "main", OVERLAY));
        assertTrue(Files.isRegularFile(ws.resolve("environments/dev1.yaml")), "the new spec is kept in the source");
        assertFalse(Files.exists(ws.resolve("overlays")), "nothing generated lands in the source workspace");

        PublishResult again =
                run(servers.get("git")).run(GenerateRequest.of(ws, "dev1", null).withPublish(publish));
        assertEquals(PushStatus.UP_TO_DATE, again.status(), "the cached clone is reused; no input change, no commit");
    }

    /**
     * The roots call {@code ../../modules/<cloud>/<module>}: in a separate repository those folders are shipped with
     * them, so every module source of every generated root resolves inside that repository; the allocated spec is
     * committed there too.
     */
    @Test
    void aSeparateGitOpsRepositoryGetsTheModulesItsRootsCallAndTheAllocatedSpec() throws Exception {
        String name = name("git");
        Path fleet = Repos.seededBare(servers.root(), name, work.resolve("modules-seed"), "README.md", "fleet\n");
        Path ws = Files.createDirectories(work.resolve("modules-source"));
        Path repo = Path.of(System.getProperty("envforge.repo"));
        copy(repo.resolve("environments/platform.yaml"), ws.resolve("environments/platform.yaml"));
        copy(repo.resolve("terraform/modules"), ws.resolve("terraform/modules"));
        Publish publish = Publish.to(servers.get("git").url(name), Mode.DIRECT).withWorkDir(work.resolve("mcache"));

        PublishResult result =
                run(servers.get("git")).run(GenerateRequest.of(ws, "dev7", null).withPublish(publish));

        assertEquals(PushStatus.PUSHED, result.status());
        Path check = work.resolve("modules-check");
        try (Git clone = Repos.cloneOf(fleet, check)) {
            assertTrue(
                    Files.readString(check.resolve("environments/dev7.yaml")).contains("cidr: 10.64.0.0/20"),
                    "the allocated spec is committed in the GitOps repository");
            java.util.regex.Pattern source = java.util.regex.Pattern.compile("source\\s*=\\s*\"(\\.\\.[^\"]+)\"");
            int resolved = 0;
            try (Stream<Path> roots = Files.walk(check.resolve("terraform/environments/dev7"))) {
                for (Path tf : roots.filter(p -> p.toString().endsWith(".tf")).toList()) {
                    java.util.regex.Matcher m = source.matcher(Files.readString(tf));
                    while (m.find()) {
                        Path module = tf.getParent().resolve(m.group(1)).normalize();
                        assertTrue(
                                Files.isRegularFile(module.resolve("main.tf")),
                                tf + " calls " + m.group(1) + ", which is not in the GitOps repository");
                        resolved++;
                    }
                }
            }
            assertTrue(resolved >= 5, "module calls found: " + resolved);
        }
    }

    @Test
    void aDryRunCannotPush() {
        EnvforgeException e = assertThrows(
                EnvforgeException.class,
                () -> run(servers.get("file"))
                        .run(dev1(work, Publish.to("origin", Mode.DIRECT)).withMode(GenerateRequest.Mode.DRY_RUN)));
        assertTrue(e.getMessage().contains("pushing needs a commit"), e.getMessage());
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
