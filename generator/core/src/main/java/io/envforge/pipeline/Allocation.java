package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.model.ModelResolver;
import io.envforge.network.Cidr;
import io.envforge.network.Pool;
import io.envforge.network.PoolAllocator;
import io.envforge.network.PoolExhaustedException;
import io.envforge.network.PoolUsage;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.Reservation;
import io.envforge.spec.SpecReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives new environments a block from the platform file's pools. Everything it needs is in the tree: the platform
 * file, the specs, and the address ledger ({@code environments/.reservations/}), which holds the blocks handed out on
 * the target branch to environments whose pull request is not merged yet. A block reserved for a new environment is
 * its block; every other reserved block is taken.
 */
final class Allocation {

    private Allocation() {}

    /**
     * Blocks for {@code names} (new environments without a subnet), in the order given: the block reserved for a name
     * in {@code ledger}, else the next free one.
     */
    static Map<String, Cidr> allocate(
            PlatformSpec platform,
            Collection<EnvironmentSpec> existing,
            Map<String, Reservation> ledger,
            List<String> names) {
        Map<String, Cidr> out = new LinkedHashMap<>();
        List<String> fresh = names.stream().filter(n -> !ledger.containsKey(n)).toList();
        names.stream()
                .filter(ledger::containsKey)
                .forEach(n -> out.put(n, ledger.get(n).block()));
        if (fresh.isEmpty()) {
            return order(out, names);
        }
        try {
            List<Cidr> blocks = allocator(platform, existing, ledger.values()).allocate(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                out.put(fresh.get(i), blocks.get(i));
            }
            return order(out, names);
        } catch (PoolExhaustedException e) {
            throw new EnvforgeException(new Problem(
                    platform.file(),
                    "spec.pools",
                    null,
                    e.getMessage(),
                    "add a pool to spec.pools, remove unused environments, or give a block with -Dsubnet=CIDR"));
        }
    }

    private static Map<String, Cidr> order(Map<String, Cidr> blocks, List<String> names) {
        Map<String, Cidr> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n, blocks.get(n)));
        return out;
    }

    /**
     * {@code block}, given with {@code -Dsubnet} for {@code name}, against the ledger: it may not overlap a block
     * reserved for another environment, and an environment that has a reservation gets that block (or, forced, a
     * new one: the reservation then moves with it).
     */
    static void checkSubnet(String name, Cidr block, Map<String, Reservation> ledger, boolean force) {
        for (Reservation r : ledger.values()) {
            if (!r.name().equals(name) && r.block().overlaps(block)) {
                throw new EnvforgeException(new Problem(
                        SpecReader.fileOf(name),
                        "spec.network.cidr",
                        block.toString(),
                        "overlaps the block " + r.block() + " reserved for environment " + r.name() + " (" + r.file()
                                + ", its pull request is not merged yet)",
                        "choose a block outside" + " it, or leave -Dsubnet out to take the next free block"));
            }
        }
        Reservation own = ledger.get(name);
        if (own != null && !own.block().equals(block) && !force) {
            throw new EnvforgeException(new Problem(
                    own.file(),
                    "spec.cidr",
                    own.cidr(),
                    "is the block reserved" + " for " + name + ", and -Dsubnet=" + block + " differs",
                    "drop -Dsubnet to use the reserved"
                            + " block, or add -Dforce=true to move the reservation with the environment"));
        }
    }

    /** Size, used and free blocks of every pool; reserved blocks count as used. */
    static List<PoolUsage> usage(
            PlatformSpec platform, Collection<EnvironmentSpec> existing, Collection<Reservation> ledger) {
        return allocator(platform, existing, ledger).usage();
    }

    private static PoolAllocator allocator(
            PlatformSpec platform, Collection<EnvironmentSpec> existing, Collection<Reservation> ledger) {
        ModelResolver resolver = new ModelResolver(platform);
        List<Cidr> taken = new ArrayList<>(resolver.onPremCidrs());
        taken.addAll(resolver.reserved());
        existing.forEach(spec -> taken.add(spec.block()));
        ledger.forEach(r -> taken.add(r.block()));
        return new PoolAllocator(pools(platform), taken);
    }

    @SuppressWarnings("unchecked")
    private static List<Pool> pools(PlatformSpec platform) {
        List<Pool> out = new ArrayList<>();
        List<Map<String, Object>> raw =
                (List<Map<String, Object>>) platform.spec().getOrDefault("pools", List.of());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> p = raw.get(i);
            String path = "spec.pools[" + i + "]";
            Cidr cidr = parse(platform, path + ".cidr", String.valueOf(p.get("cidr")));
            try {
                out.add(new Pool(String.valueOf(p.get("name")), cidr, ((Number) p.get("prefix")).intValue()));
            } catch (IllegalArgumentException e) {
                throw new EnvforgeException(new Problem(
                        platform.file(),
                        path + ".prefix",
                        String.valueOf(p.get("prefix")),
                        e.getMessage(),
                        "for example prefix: 20 (4096 addresses per environment)"));
            }
        }
        return out;
    }

    private static Cidr parse(PlatformSpec platform, String path, String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(
                    new Problem(platform.file(), path, text, e.getMessage(), "for example 10.64.0.0/10"));
        }
    }
}
