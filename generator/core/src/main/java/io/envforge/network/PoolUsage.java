package io.envforge.network;

/**
 * How full a pool is.
 *
 * @param pool the pool
 * @param used blocks that overlap something taken (an environment, an on-prem network, a reserved block)
 * @param free blocks still available
 */
public record PoolUsage(Pool pool, long used, long free) {

    public long size() {
        return pool.blocks();
    }

    /** One line: {@code default 10.64.0.0/10 /20: 1024 blocks, 3 used, 1021 free}. */
    public String render() {
        return pool.name() + " " + pool.cidr() + " /" + pool.prefix() + ": " + size() + " blocks, " + used + " used, "
                + free + " free";
    }
}
