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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives new environments a block from the platform file's pools. Everything it needs is in the tree (the platform
 * file and the specs), which is the ledger: the blocks it hands out are written into the new specs and committed.
 */
final class Allocation {

    private Allocation() {
    }

    /** Blocks for {@code names} (new environments without a subnet), in the order given. */
    static Map<String, Cidr> allocate(PlatformSpec platform, Collection<EnvironmentSpec> existing,
            List<String> names) {
        Map<String, Cidr> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        try {
            List<Cidr> blocks = allocator(platform, existing).allocate(names.size());
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), blocks.get(i));
            }
            return out;
        } catch (PoolExhaustedException e) {
            throw new EnvforgeException(new Problem(platform.file(), "spec.pools", null, e.getMessage(),
                    "add a pool to spec.pools, remove unused environments, or give a block with -Dsubnet=CIDR"));
        }
    }

    /** Size, used and free blocks of every pool. */
    static List<PoolUsage> usage(PlatformSpec platform, Collection<EnvironmentSpec> existing) {
        return allocator(platform, existing).usage();
    }

    private static PoolAllocator allocator(PlatformSpec platform, Collection<EnvironmentSpec> existing) {
        ModelResolver resolver = new ModelResolver(platform);
        List<Cidr> taken = new ArrayList<>(resolver.onPremCidrs());
        taken.addAll(resolver.reserved());
        existing.forEach(spec -> taken.add(spec.block()));
        return new PoolAllocator(pools(platform), taken);
    }

    @SuppressWarnings("unchecked")
    private static List<Pool> pools(PlatformSpec platform) {
        List<Pool> out = new ArrayList<>();
        List<Map<String, Object>> raw = (List<Map<String, Object>>) platform.spec().getOrDefault("pools", List.of());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> p = raw.get(i);
            String path = "spec.pools[" + i + "]";
            Cidr cidr = parse(platform, path + ".cidr", String.valueOf(p.get("cidr")));
            try {
                out.add(new Pool(String.valueOf(p.get("name")), cidr, ((Number) p.get("prefix")).intValue()));
            } catch (IllegalArgumentException e) {
                throw new EnvforgeException(new Problem(platform.file(), path + ".prefix", String.valueOf(
                        p.get("prefix")), e.getMessage(), "for example prefix: 20 (4096 addresses per environment)"));
            }
        }
        return out;
    }

    private static Cidr parse(PlatformSpec platform, String path, String text) {
        try {
            return Cidr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem(platform.file(), path, text, e.getMessage(),
                    "for example 10.64.0.0/10"));
        }
    }
}
