package io.envforge.pipeline;

import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.git.BranchFiles;
import io.envforge.git.GitPublisher;
import io.envforge.git.GitRemote;
import io.envforge.git.PushStatus;
import io.envforge.model.AddressCheck;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.Reservation;
import io.envforge.spec.SpecReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reserves the blocks of a pull-request run on the target branch before the run's own branch exists: the blocks are
 * computed from the target branch as it is on the remote (specs and ledger), the ledger files are committed on top of
 * it without touching the work tree, and pushed to the target branch directly, as a fast-forward. When the remote
 * moved meanwhile (another button reserved first), it is fetched and the blocks computed again, a bounded number of
 * times with a random pause, so two runs never hold the same block and neither reservation is lost. A block already
 * reserved for the same environment is reused, so a re-run changes nothing. Finally the local branch moves forward
 * onto the target branch, where the generation then finds its reservation.
 */
final class Reservations {

    /** Fetch-and-retry rounds when the target branch keeps moving. */
    static final int ATTEMPTS = 12;
    /**
     * Upper bound of the random pause before a retry, in milliseconds: the pause is drawn between a quarter of and
     * the whole of a bound that starts at 100 ms and doubles per attempt, so racing runs spread out.
     */
    static final long MAX_PAUSE_MS = 2_000;

    private final GenerateRequest request;
    private final GitRemote remote;
    private final BranchFiles files;
    private final Runnable beforePush;

    Reservations(GenerateRequest request, GitRemote remote) {
        this(request, remote, () -> {});
    }

    /** {@code beforePush} runs between computing the blocks and each push (tests let another run win there). */
    Reservations(GenerateRequest request, GitRemote remote, Runnable beforePush) {
        this.request = request;
        this.remote = remote;
        this.files = new BranchFiles(request.outputDirectory());
        this.beforePush = beforePush;
    }

    /** The environments of the request that need a block: new here, or given one with {@code -Dsubnet}. */
    List<String> wanted() {
        List<String> existing = SpecReader.listEnvironments(request.workspace());
        List<String> selected = Selection.resolve(request.environments(), existing, request.shard());
        if (request.subnet().isPresent()) {
            return selected.size() == 1 ? selected : List.of();
        }
        return selected.stream().filter(n -> !existing.contains(n)).toList();
    }

    /**
     * Reserves on {@code target}, then moves the local branch onto it. Nothing happens when no block is wanted.
     *
     * @return how many times the target branch was fetched (1 when the first push went through); 0 when no block was
     *     wanted
     */
    int reserveOn(String target) {
        List<String> names = wanted();
        if (names.isEmpty()) {
            return 0;
        }
        Optional<Pushed> reserved = push(target, names);
        if (reserved.isEmpty()) {
            return 0;
        }
        Pushed pushed = reserved.get();
        String head = pushed.head();
        GitPublisher git = new GitPublisher(request.outputDirectory());
        Optional<String> local = git.head();
        if (local.isPresent() && git.isAncestor(head, local.get())) {
            return pushed.attempts();
        }
        if (local.isPresent() && !git.isAncestor(local.get(), head)) {
            throw new EnvforgeException(new Problem(
                    remote.url(),
                    "refs/heads/" + target,
                    head,
                    "the blocks are"
                            + " reserved there, but the local branch has commits the target branch does not contain",
                    "run the button from an up-to-date " + target + " (git pull " + target + "); the reservation"
                            + " stays and is reused"));
        }
        git.moveTo(head);
        return pushed.attempts();
    }

    /** The target branch's head after reserving, and the attempts it took. */
    private record Pushed(String head, int attempts) {}

    /** Empty when the remote has no target branch yet: there is nothing to reserve against, nor to review into. */
    private Optional<Pushed> push(String target, List<String> names) {
        for (int attempt = 1; ; attempt++) {
            Optional<String> fetched = remote.fetch(target);
            if (fetched.isEmpty()) {
                return Optional.empty();
            }
            String head = fetched.get();
            TargetSnapshot snapshot =
                    TargetSnapshot.of(files.read(head, SpecReader.DIRECTORY + "/"), request.workspace());
            Map<String, Cidr> writes = blocks(snapshot, names);
            if (writes.isEmpty()) {
                return Optional.of(new Pushed(head, attempt));
            }
            Map<String, Placement.Place> placed = places(snapshot, writes);
            Map<String, byte[]> ledger = new TreeMap<>();
            writes.forEach((name, block) -> {
                Placement.Place place = placed.get(name);
                Reservation moved = snapshot.ledger().get(name);
                ledger.put(
                        Ledger.fileOf(name),
                        place != null
                                ? Ledger.format(name, block, place.account().name(), place.region())
                                : moved != null
                                        ? Ledger.format(name, block, moved.account(), moved.region())
                                        : Ledger.format(name, block));
            });
            String commit = files.commitOnto(head, ledger, List.of(), message(writes, target));
            beforePush.run();
            PushStatus status = remote.push(commit, target);
            if (status != PushStatus.REJECTED) {
                return Optional.of(new Pushed(commit, attempt));
            }
            if (attempt >= ATTEMPTS) {
                throw new EnvforgeException(new Problem(
                        remote.url(),
                        "refs/heads/" + target,
                        null,
                        "the target branch kept moving; gave up reserving after " + attempt + " attempts",
                        "run again; nothing was reserved and no branch was pushed"));
            }
            pause(attempt);
        }
    }

    /** The ledger entries to write: a new block, or a moved one; empty when the target already holds them all. */
    private Map<String, Cidr> blocks(TargetSnapshot snapshot, List<String> names) {
        Map<String, Cidr> out = new TreeMap<>();
        if (request.subnet().isPresent()) {
            String name = names.get(0);
            EnvironmentSpec spec = snapshot.specs().get(name);
            ModelResolver resolver = new ModelResolver(snapshot.platform());
            Cidr block = AddressCheck.check(
                    SpecReader.fileOf(name),
                    "spec.network.cidr",
                    request.subnet().get(),
                    resolver.onPremCidrs(),
                    resolver.reserved(),
                    snapshot.blocks(),
                    name);
            if (spec != null && !spec.block().equals(block) && !request.force()) {
                return out;
            }
            Allocation.checkSubnet(name, block, snapshot.ledger(), request.force());
            boolean held = snapshot.ledger().containsKey(name)
                    ? snapshot.ledger().get(name).block().equals(block)
                    : spec != null;
            if (!held) {
                out.put(name, block);
            }
            return out;
        }
        List<String> fresh = new ArrayList<>();
        for (String name : names) {
            if (!snapshot.specs().containsKey(name) && !snapshot.ledger().containsKey(name)) {
                fresh.add(name);
            }
        }
        SortedMap<String, EnvironmentSpec> specs = snapshot.specs();
        out.putAll(Allocation.allocate(snapshot.platform(), specs.values(), snapshot.ledger(), fresh));
        return out;
    }

    /**
     * The account and region of each new environment among {@code writes} (one with no spec on the target), so that
     * the place is reserved with the block; a moved reservation keeps its place.
     */
    private Map<String, Placement.Place> places(TargetSnapshot snapshot, Map<String, Cidr> writes) {
        List<String> fresh = writes.keySet().stream()
                .filter(n ->
                        !snapshot.specs().containsKey(n) && !snapshot.ledger().containsKey(n))
                .toList();
        return Placement.place(
                snapshot.platform(),
                snapshot.specs().values(),
                snapshot.ledger(),
                Inputs.clouds(request, snapshot.platform(), fresh));
    }

    private static String message(Map<String, Cidr> writes, String target) {
        StringBuilder out = new StringBuilder("envforge: reserve ");
        out.append(String.join(
                ", ",
                writes.entrySet().stream()
                        .map(e -> e.getValue() + " for " + e.getKey())
                        .toList()));
        out.append("\n\nAddress ledger (environments/.reservations/), pushed to ")
                .append(target)
                .append(" before the pull request's branch is created,\nso that no other run hands out the same"
                        + " block. Released by envforge remove.\n");
        return out.toString();
    }

    private static void pause(int attempt) {
        long bound = Math.min(MAX_PAUSE_MS, 50L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 4, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnvforgeException(
                    new Problem("-Denvforge.push", "", "branch", "interrupted while reserving", "run again"), e);
        }
    }
}
