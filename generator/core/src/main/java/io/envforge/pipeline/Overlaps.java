package io.envforge.pipeline;

import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every pair of address blocks that overlap, among the specs, the ledger, the on-prem networks and the reserved
 * blocks: one problem per pair, on the later file. An environment's spec and its own reservation are one block when
 * equal; when they differ the reservation is stale, which is a problem of its own.
 */
final class Overlaps {

    /**
     * One block and where it is written.
     *
     * @param owner the environment, or empty for on-prem networks and reserved blocks
     * @param file the file that holds it
     * @param path the YAML path in that file
     * @param block the block
     */
    record Entry(String owner, String file, String path, Cidr block) {

        /** How the block is named in a message about another one. */
        String describe() {
            return (owner.isEmpty()
                            ? "the block " + block
                            : (file.contains("/.reservations/")
                                    ? "the block " + block + " reserved for environment " + owner
                                    : "environment " + owner + " (" + block + ")"))
                    + " (" + file + " " + path + ")";
        }
    }

    private Overlaps() {}

    /** The problems, and every environment involved in one (its generated files cannot be checked). */
    record Found(List<Problem> problems, Set<String> involved) {}

    static Found find(List<Entry> entries) {
        Set<String> involved = new TreeSet<>();
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((Entry e) -> e.block().base()).thenComparing(Entry::file));
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry a = sorted.get(i);
            for (int j = i + 1;
                    j < sorted.size()
                            && sorted.get(j).block().base() <= a.block().last();
                    j++) {
                Entry b = sorted.get(j);
                if (a.owner().equals(b.owner())) {
                    continue;
                }
                Entry later =
                        a.owner().isEmpty() || (!b.owner().isEmpty() && b.file().compareTo(a.file()) > 0) ? b : a;
                involved.add(a.owner());
                involved.add(b.owner());
                out.add(new Problem(
                        later.file(),
                        later.path(),
                        later.block().toString(),
                        "overlaps " + (later == a ? b : a).describe(),
                        "choose a block outside it"));
            }
        }
        Map<String, List<Entry>> byOwner = new TreeMap<>();
        entries.stream()
                .filter(e -> !e.owner().isEmpty())
                .forEach(e -> byOwner.computeIfAbsent(e.owner(), k -> new ArrayList<>())
                        .add(e));
        byOwner.values().stream()
                .filter(l -> l.size() == 2 && !l.get(0).block().equals(l.get(1).block()))
                .forEach(l -> out.add(stale(l.get(0), l.get(1))));
        involved.remove("");
        return new Found(out, involved);
    }

    /** An environment's spec and its reservation disagree: the reservation holds a block nobody uses. */
    private static Problem stale(Entry a, Entry b) {
        Entry reservation = a.file().contains("/.reservations/") ? a : b;
        Entry spec = reservation == a ? b : a;
        return new Problem(
                reservation.file(),
                reservation.path(),
                reservation.block().toString(),
                "differs from the block of environment " + spec.owner() + " (" + spec.block() + ", " + spec.file()
                        + ")",
                "set it to " + spec.block() + " (generate with -Dsubnet=" + spec.block()
                        + " -Dforce=true moves it), or delete it if the spec is right");
    }
}
