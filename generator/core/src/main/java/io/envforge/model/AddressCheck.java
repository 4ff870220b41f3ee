package io.envforge.model;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import io.envforge.network.NetworkPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Checks an environment's address block: well formed, private, carvable, and overlapping nothing else. */
public final class AddressCheck {

    private static final String EXAMPLE = "for example 10.20.0.0/20";

    private AddressCheck() {}

    /**
     * Returns the parsed block or throws a problem naming {@code file}, {@code path} and the value.
     *
     * @param others other environments' blocks by name (the environment itself is skipped)
     */
    public static Cidr check(
            String file,
            String path,
            String text,
            List<Cidr> onPrem,
            List<Cidr> reserved,
            SortedMap<String, Cidr> others,
            String self) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(file, path, text, e.getMessage(), EXAMPLE);
        }
        if (!cidr.isPrivate()) {
            throw fail(
                    file,
                    path,
                    text,
                    "is not a private (RFC 1918) range",
                    "use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, " + EXAMPLE);
        }
        if (cidr.prefix() > NetworkPlanner.MAX_PREFIX) {
            throw fail(
                    file,
                    path,
                    text,
                    "prefix /" + cidr.prefix() + " is too small to carve two zones of workload,"
                            + " data and ingress subnets",
                    "the largest allowed prefix is /" + NetworkPlanner.MAX_PREFIX + " (a /" + NetworkPlanner.MAX_PREFIX
                            + " or bigger block), " + EXAMPLE);
        }
        if (cidr.prefix() < NetworkPlanner.MIN_PREFIX) {
            throw fail(
                    file,
                    path,
                    text,
                    "prefix /" + cidr.prefix() + " is larger than a cloud network may be",
                    "use a prefix from /" + NetworkPlanner.MIN_PREFIX + " to /" + NetworkPlanner.MAX_PREFIX);
        }
        for (Cidr net : onPrem) {
            if (net.overlaps(cidr)) {
                throw fail(
                        file,
                        path,
                        text,
                        "overlaps the on-prem network " + net + " (environments/platform.yaml spec.onPrem.cidrs)",
                        outside(cidr, onPrem, reserved, others, self));
            }
        }
        for (Cidr net : reserved) {
            if (net.overlaps(cidr)) {
                throw fail(
                        file,
                        path,
                        text,
                        "overlaps the reserved block " + net + " (environments/platform.yaml spec.reserved)",
                        outside(cidr, onPrem, reserved, others, self));
            }
        }
        String first = null;
        for (String name : Index.of(others).overlapping(cidr)) {
            if (!name.equals(self) && (first == null || name.compareTo(first) < 0)) {
                first = name;
            }
        }
        if (first != null) {
            throw fail(
                    file,
                    path,
                    text,
                    "overlaps environment " + first + " (" + others.get(first) + ", environments/" + first + ".yaml)",
                    outside(cidr, onPrem, reserved, others, self));
        }
        return cidr;
    }

    /**
     * {@code choose a block outside it, for example 10.20.16.0/20 (the next free /20)}: the first block of the same
     * size after {@code cidr}, in the same private range, that overlaps nothing above; without one, the bare advice.
     */
    static String outside(
            Cidr cidr, List<Cidr> onPrem, List<Cidr> reserved, SortedMap<String, Cidr> others, String self) {
        String advice = "choose a block outside it";
        for (long base = cidr.base() + cidr.size(); base + cidr.size() - 1 <= 0xFFFFFFFFL; base += cidr.size()) {
            Cidr candidate = new Cidr(base, cidr.prefix());
            if (!candidate.isPrivate()) {
                return advice;
            }
            boolean free = onPrem.stream().noneMatch(candidate::overlaps)
                    && reserved.stream().noneMatch(candidate::overlaps)
                    && others.entrySet().stream()
                            .noneMatch(e ->
                                    !e.getKey().equals(self) && e.getValue().overlaps(candidate));
            if (free) {
                return advice + ", for example " + candidate + " (the next free /" + cidr.prefix() + ")";
            }
        }
        return advice;
    }

    /**
     * The other environments' blocks by base address, so that one check looks only at the blocks that can reach
     * the checked one (base within the largest block's size below it) instead of every block: a run resolves every
     * environment against all the others (the fleet files), which was quadratic — 10,000 environments took most of
     * a shard's Java time. Built once per map (a run passes one map, built once and not changed, to every check);
     * the overlapping environment reported is still the first by name, as a scan in name order finds it.
     */
    private record Index(Map<String, Cidr> source, int size, TreeMap<Long, List<String>> byBase, long maxSize) {

        private static volatile Index last;

        static Index of(SortedMap<String, Cidr> others) {
            Index index = last;
            if (index != null && index.source == others && index.size == others.size()) {
                return index;
            }
            TreeMap<Long, List<String>> byBase = new TreeMap<>();
            long max = 1;
            for (Map.Entry<String, Cidr> e : others.entrySet()) {
                byBase.computeIfAbsent(e.getValue().base(), k -> new ArrayList<>(1))
                        .add(e.getKey());
                max = Math.max(max, e.getValue().size());
            }
            index = new Index(others, others.size(), byBase, max);
            last = index;
            return index;
        }

        List<String> overlapping(Cidr cidr) {
            List<String> out = new ArrayList<>();
            byBase.subMap(cidr.base() - maxSize + 1, true, cidr.last(), true)
                    .values()
                    .forEach(names -> names.stream()
                            .filter(n -> source.get(n).overlaps(cidr))
                            .forEach(out::add));
            return out;
        }
    }

    private static EnvforgeException fail(String file, String path, String value, String message, String fix) {
        return new EnvforgeException(new Problem(file, path, value, message, fix));
    }
}
