package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.PublishResult;
import io.envforge.git.Credentials;
import io.envforge.git.PushStatus;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engineers allocate a block at the same time from clones of one repository. Both pick the same lowest block;
 * the first push wins, the second is rejected, and re-running generation on top of the winner's commit (what the
 * publish loop does) gives the loser the next block, because allocation is a pure function of the specs in the tree.
 * Played twice: with JGit by hand, and through {@link PublishingRun}.
 */
class ConcurrentAllocationTest {

    @TempDir
    Path dir;

    @Test
    void theLoserOfAPushRaceReallocatesOnTopOfTheWinner() throws Exception {
        Path bare = dir.resolve("remote.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        try (Git seed = Git.open(Workspaces.create(dir.resolve("seed"), List.of("dev1=10.20.0.0/20"))
                .toFile())) {
            seed.remoteAdd()
                    .setName("origin")
                    .setUri(new URIish(bare.toUri().toString()))
                    .call();
            seed.push().setRemote("origin").add("main").call();
        }
        try (Git alice = clone(bare, "alice");
                Git bob = clone(bare, "bob")) {
            Path a = alice.getRepository().getWorkTree().toPath();
            Path b = bob.getRepository().getWorkTree().toPath();
            generate(a, "perf-a");
            generate(b, "perf-b");
            assertEquals("10.64.0.0/20", Workspaces.cidrOf(a, "perf-a"));
            assertEquals("10.64.0.0/20", Workspaces.cidrOf(b, "perf-b"), "both saw the same free block");

            assertEquals(RemoteRefUpdate.Status.OK, push(alice));
            assertEquals(RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD, push(bob));

            bob.fetch().setRemote("origin").call();
            bob.reset()
                    .setMode(ResetCommand.ResetType.HARD)
                    .setRef("origin/main")
                    .call();
            generate(b, "perf-b");
            assertEquals("10.64.16.0/20", Workspaces.cidrOf(b, "perf-b"));
            assertNotEquals(Workspaces.cidrOf(b, "perf-a"), Workspaces.cidrOf(b, "perf-b"));
            assertEquals(RemoteRefUpdate.Status.OK, push(bob));
        }
    }

    @Test
    void thePublishLoopReallocatesWhenItsPushIsRejected() throws Exception {
        Path bare = dir.resolve("remote.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        try (Git seed =
                Git.open(Workspaces.create(dir.resolve("seed"), List.of()).toFile())) {
            seed.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        try (Git alice = clone(bare, "alice");
                Git bob = clone(bare, "bob")) {
            PublishResult first = publish(alice, "perf-a");
            PublishResult second = publish(bob, "perf-b");
            assertEquals(1, first.attempts());
            assertEquals(2, second.attempts(), "bob's first push lost the race and was generated again on top");
            Path b = bob.getRepository().getWorkTree().toPath();
            assertEquals("10.64.0.0/20", Workspaces.cidrOf(b, "perf-a"));
            assertEquals("10.64.16.0/20", Workspaces.cidrOf(b, "perf-b"));
            assertEquals(PushStatus.PUSHED, second.status());
        }
    }

    private static PublishResult publish(Git git, String env) {
        Path ws = git.getRepository().getWorkTree().toPath();
        GenerateRequest request = GenerateRequest.builder(ws)
                .environments(List.of(env))
                .build()
                .withPublish(Publish.to("origin", Publish.Mode.DIRECT));
        return new PublishingRun(Envforge.standard(ws), Credentials.none()).run(request);
    }

    private static Git clone(Path bare, String who) throws Exception {
        Git git = Git.cloneRepository()
                .setURI(bare.toUri().toString())
                .setDirectory(bare.resolveSibling(who).toFile())
                .call();
        git.getRepository().getConfig().setString("user", null, "name", who);
        git.getRepository().getConfig().setString("user", null, "email", who + "@localhost");
        return git;
    }

    private static void generate(Path ws, String env) {
        Envforge.standard(ws)
                .generate(GenerateRequest.builder(ws).environments(List.of(env)).build());
    }

    private static RemoteRefUpdate.Status push(Git git) throws Exception {
        Iterable<PushResult> results =
                git.push().setRemote("origin").add("main").call();
        return results.iterator().next().getRemoteUpdate("refs/heads/main").getStatus();
    }
}
