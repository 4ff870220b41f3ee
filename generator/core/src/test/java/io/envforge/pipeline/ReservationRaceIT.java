package io.envforge.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.envforge.api.GenerateRequest;
import io.envforge.api.Publish;
import io.envforge.api.PublishResult;
import io.envforge.git.Credentials;
import io.envforge.git.GitRemote;
import io.envforge.git.PushStatus;
import io.envforge.network.Cidr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-click button pressed twice at once, for pull requests (push to {@code envforge/<env>}): two clones of one
 * bare remote, two threads released together, twenty rounds. Each run reserves its block on {@code main} (the address
 * ledger) before it creates its review branch. Without the ledger both runs compute the lowest free block from the
 * same specs and both review branches hold the same block (the failure this guards against). Forty full runs with
 * pushes (about 20 s): an integration test, run by {@code mvn verify}.
 */
class ReservationRaceIT {

    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void twentyRoundsOfTwoConcurrentButtonsNeverShareABlockAndLoseNoReservation() throws Exception {
        Path bare = seed(dir);
        try (Git alice = clone(bare, "alice");
                Git bob = clone(bare, "bob")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Cidr> handedOut = new ArrayList<>();
            int commitsBefore = history(bare).size();
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    String a = "a" + round;
                    String b = "b" + round;
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<PublishResult> first = pool.submit(() -> press(alice, a, start));
                    Future<PublishResult> second = pool.submit(() -> press(bob, b, start));
                    PublishResult ra = first.get(120, TimeUnit.SECONDS);
                    PublishResult rb = second.get(120, TimeUnit.SECONDS);
                    assertEquals(PushStatus.PUSHED, ra.status());
                    assertEquals(PushStatus.PUSHED, rb.status());
                    assertEquals("envforge/" + a, ra.branch());

                    Cidr blockA = Cidr.parse(cidr(read(bare, "envforge/" + a, "environments/" + a + ".yaml")));
                    Cidr blockB = Cidr.parse(cidr(read(bare, "envforge/" + b, "environments/" + b + ".yaml")));
                    assertNotEquals(blockA, blockB, "round " + round + ": both buttons got " + blockA);
                    for (Cidr earlier : handedOut) {
                        assertFalse(
                                earlier.overlaps(blockA) || earlier.overlaps(blockB),
                                "round " + round + " handed out a block of an earlier round: " + earlier);
                    }
                    handedOut.add(blockA);
                    handedOut.add(blockB);
                    // both reservations are on main, each as its own commit: no push overwrote the other
                    assertEquals(
                            blockA.toString(), cidr(read(bare, "main", "environments/.reservations/" + a + ".yaml")));
                    assertEquals(
                            blockB.toString(), cidr(read(bare, "main", "environments/.reservations/" + b + ".yaml")));
                    assertEquals(commitsBefore + 2 * round, history(bare).size(), "round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
            List<RevCommit> main = history(bare);
            for (int i = 0; i < 2 * ROUNDS; i++) {
                assertTrue(
                        main.get(i).getShortMessage().startsWith("envforge: reserve "),
                        main.get(i).getShortMessage());
                assertEquals(1, main.get(i).getParentCount(), "a straight line of fast-forwards, no merge");
            }
            for (int round = 1; round <= ROUNDS; round++) {
                for (String env : List.of("a" + round, "b" + round)) {
                    assertTrue(read(bare, "main", "environments/.reservations/" + env + ".yaml") != null, env);
                }
            }
        }
    }

    @Test
    void theLoserOfTheReservationPushFetchesAndTakesTheNextBlock() throws Exception {
        Path bare = seed(dir);
        try (Git alice = clone(bare, "alice");
                Git bob = clone(bare, "bob")) {
            AtomicBoolean once = new AtomicBoolean();
            Path b = bob.getRepository().getWorkTree().toPath();
            GenerateRequest request = request(b, "perf-b");
            int attempts;
            try (GitRemote remote = new GitRemote(b, "origin", Credentials.none())) {
                attempts = new Reservations(request, remote, () -> {
                            if (once.compareAndSet(false, true)) {
                                press(alice, "perf-a", null);
                            }
                        })
                        .reserveOn("main");
            }
            assertEquals(2, attempts, "bob's first push was rejected: alice reserved between his fetch and push");
            assertEquals("10.64.0.0/20", cidr(read(bare, "main", "environments/.reservations/perf-a.yaml")));
            assertEquals("10.64.16.0/20", cidr(read(bare, "main", "environments/.reservations/perf-b.yaml")));
            assertEquals(
                    "10.64.16.0/20",
                    cidr(Files.readString(b.resolve("environments/.reservations/perf-b.yaml"))),
                    "bob's work tree moved onto main with his reservation");
        }
    }

    @Test
    void theAccountAndRegionAreReservedWithTheBlock() throws Exception {
        Path bare = seed(
                dir,
                "  accounts:\n    - name: aws-a\n      cloud: aws\n      id: \"111111111111\"\n"
                        + "      regions: [eu-west-1, eu-central-1]\n      capacity: 1\n");
        try (Git alice = clone(bare, "alice");
                Git bob = clone(bare, "bob")) {
            AtomicBoolean once = new AtomicBoolean();
            Path b = bob.getRepository().getWorkTree().toPath();
            try (GitRemote remote = new GitRemote(b, "origin", Credentials.none())) {
                new Reservations(request(b, "perf-b"), remote, () -> {
                            if (once.compareAndSet(false, true)) {
                                press(alice, "perf-a", null);
                            }
                        })
                        .reserveOn("main");
            }
            String a = read(bare, "main", "environments/.reservations/perf-a.yaml");
            String reservedB = read(bare, "main", "environments/.reservations/perf-b.yaml");
            assertTrue(a.contains("  account: aws-a\n  region: eu-west-1\n"), a);
            assertTrue(
                    reservedB.contains("  account: aws-a\n  region: eu-central-1\n"),
                    "the last place of"
                            + " eu-west-1 went to alice, so bob's recomputed reservation is in eu-central-1: "
                            + reservedB);
            PublishResult pushed =
                    new PublishingRun(new Envforge(List.of(), List.of()), Credentials.none()).run(request(b, "perf-b"));
            String spec = read(bare, pushed.branch(), "environments/perf-b.yaml");
            assertTrue(spec.contains("account: aws-a") && spec.contains("region: eu-central-1"), spec);
        }
    }

    @Test
    void aReRunReusesTheReservationAndPushesNothingToMain() throws Exception {
        Path bare = seed(dir);
        try (Git alice = clone(bare, "alice")) {
            press(alice, "perf-a", null);
            int commits = history(bare).size();
            alice.reset()
                    .setMode(ResetCommand.ResetType.HARD)
                    .setRef("origin/main")
                    .call();
            alice.branchDelete()
                    .setBranchNames("envforge/perf-a")
                    .setForce(true)
                    .call();
            Path a = alice.getRepository().getWorkTree().toPath();
            try (GitRemote remote = new GitRemote(a, "origin", Credentials.none())) {
                assertEquals(1, new Reservations(request(a, "perf-a"), remote).reserveOn("main"));
            }
            assertEquals(commits, history(bare).size(), "the reservation was already there; main did not move");
            assertEquals("10.64.0.0/20", cidr(Files.readString(a.resolve("environments/.reservations/perf-a.yaml"))));
        }
    }

    /** One button press: a fresh checkout of main (as CI does), then generate and push envforge/{@code env}. */
    private static PublishResult press(Git git, String env, CyclicBarrier start) {
        try {
            git.reset()
                    .setMode(ResetCommand.ResetType.HARD)
                    .setRef("refs/remotes/origin/main")
                    .call();
            git.checkout().setName("main").call();
            Path ws = git.getRepository().getWorkTree().toPath();
            if (start != null) {
                start.await(60, TimeUnit.SECONDS);
            }
            // no renderers: the race is in allocation and publishing, which do not depend on what is rendered
            return new PublishingRun(new Envforge(List.of(), List.of()), Credentials.none()).run(request(ws, env));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GenerateRequest request(Path ws, String env) {
        return GenerateRequest.builder(ws)
                .environments(env)
                .publish(Publish.to("origin", Publish.Mode.BRANCH))
                .build();
    }

    private static Path seed(Path dir) throws Exception {
        return seed(dir, "");
    }

    /** A bare remote whose main holds dev1 and the platform file with {@code accounts} inserted before its pools. */
    private static Path seed(Path dir, String accounts) throws Exception {
        Path bare = dir.resolve("remote.git");
        Git.init()
                .setBare(true)
                .setDirectory(bare.toFile())
                .setInitialBranch("main")
                .call()
                .close();
        Path ws = Workspaces.create(dir.resolve("seed"), List.of("dev1=10.64.32.0/20"));
        try (Git seed = Git.open(ws.toFile())) {
            if (!accounts.isEmpty()) {
                Path platform = ws.resolve("environments/platform.yaml");
                Files.writeString(platform, Files.readString(platform).replace("  pools:\n", accounts + "  pools:\n"));
                seed.add().addFilepattern("environments/platform.yaml").call();
                seed.commit().setMessage("accounts").call();
            }
            seed.push().setRemote(bare.toUri().toString()).add("main").call();
        }
        return bare;
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

    /** The first-parent history of main on the remote, newest first. */
    private static List<RevCommit> history(Path bare) throws Exception {
        try (Git git = Git.open(bare.toFile())) {
            List<RevCommit> out = new ArrayList<>();
            git.log().add(git.getRepository().resolve("refs/heads/main")).call().forEach(out::add);
            return out;
        }
    }

    /** A file of a branch on the remote, or null. */
    private static String read(Path bare, String branch, String path) throws Exception {
        try (Git git = Git.open(bare.toFile());
                RevWalk walk = new RevWalk(git.getRepository())) {
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve("refs/heads/" + branch);
            if (head == null) {
                return null;
            }
            try (TreeWalk tree =
                    TreeWalk.forPath(repo, path, walk.parseCommit(head).getTree())) {
                if (tree == null) {
                    return null;
                }
                ObjectLoader blob = repo.open(tree.getObjectId(0));
                return new String(blob.getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static String cidr(String yaml) {
        Map<String, String> found = new HashMap<>();
        yaml.lines()
                .map(String::trim)
                .filter(l -> l.startsWith("cidr:"))
                .forEach(l -> found.put("cidr", l.substring("cidr:".length()).trim()));
        return found.get("cidr");
    }
}
