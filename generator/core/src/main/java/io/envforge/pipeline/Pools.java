package io.envforge.pipeline;

import io.envforge.network.PoolUsage;
import io.envforge.spec.EnvironmentSpec;
import io.envforge.spec.Ledger;
import io.envforge.spec.PlatformSpec;
import io.envforge.spec.SpecReader;
import java.nio.file.Path;
import java.util.List;

/** {@code envforge pools}: how full each address pool of a workspace is. Reads only. */
public final class Pools {

    private Pools() {}

    /**
     * Warnings before a cloud quota is reached (see {@code Capacity}), one line each, as {@code [WARNING] ...}:
     * per account and region, how much of each known quota the environments use.
     */
    public static List<String> warnings(Path workspace) {
        PlatformSpec platform = SpecReader.readPlatform(workspace);
        List<EnvironmentSpec> specs = SpecReader.listEnvironments(workspace).stream()
                .map(n -> SpecReader.readEnvironment(workspace, n))
                .toList();
        return Capacity.warnings(platform, specs).stream().map(f -> f.render()).toList();
    }

    /** Size, used and free blocks per pool, in the platform file's order. */
    public static List<PoolUsage> usage(Path workspace) {
        PlatformSpec platform = SpecReader.readPlatform(workspace);
        List<EnvironmentSpec> specs = SpecReader.listEnvironments(workspace).stream()
                .map(n -> SpecReader.readEnvironment(workspace, n))
                .toList();
        return Allocation.usage(platform, specs, Ledger.read(workspace).values());
    }

    /** {@link #usage} as the front-ends print it: one line per pool. */
    public static List<String> lines(Path workspace) {
        return usage(workspace).stream().map(PoolUsage::render).toList();
    }
}
