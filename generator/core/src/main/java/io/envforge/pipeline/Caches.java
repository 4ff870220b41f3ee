package io.envforge.pipeline;

import io.envforge.cache.DiskCache;
import io.envforge.git.GitPublisher;
import java.nio.file.Path;

/**
 * Where the local caches live: {@code envforge/cache/helm} and {@code envforge/cache/schema} in the workspace's Git
 * folder (never committed, never in the work tree; like {@code envforge/output-stamps}). Outside a Git repository, or
 * with {@code -Denvforge.cache=false}, nothing is kept. {@code -Denvforge.cache.maxMb} bounds each folder (default
 * 1,024 MiB; a 1,000-environment fleet keeps about 45 MiB of Helm output and 3 MiB of schema findings).
 */
final class Caches {

    static final long DEFAULT_MAX_MB = 1024;

    private Caches() {}

    static DiskCache helm(Path workspace) {
        return open(workspace, "helm");
    }

    static DiskCache schema(Path workspace) {
        return open(workspace, "schema");
    }

    private static DiskCache open(Path workspace, String name) {
        if ("false".equals(System.getProperty("envforge.cache"))) {
            return DiskCache.none();
        }
        long maxMb = Long.getLong("envforge.cache.maxMb", DEFAULT_MAX_MB);
        return GitPublisher.gitDir(workspace)
                .map(git -> DiskCache.at(git.resolve("envforge/cache").resolve(name), maxMb * 1024 * 1024))
                .orElse(DiskCache.none());
    }
}
