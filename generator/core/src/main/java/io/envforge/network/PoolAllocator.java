package io.envforge.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands out the lowest free block of the first pool that has one. A pure function of the pools and the blocks already
 * taken (on-prem networks, reserved blocks, every environment's block as recorded in its spec): the same inputs always
 * give the same blocks, so a run re-done on top of someone else's commit re-allocates around their blocks.
 */
public final class PoolAllocator {

    private final List<Pool> pools;
    private final List<Cidr> taken;

    /** {@code taken}: every block no new environment may overlap. */
    public PoolAllocator(List<Pool> pools, List<Cidr> taken) {
        this.pools = List.copyOf(pools);
        this.taken = new ArrayList<>(taken);
        this.taken.sort(null);
    }

    /**
     * Allocates {@code count} distinct blocks, lowest first, each overlapping nothing taken nor each other.
     *
     * @throws PoolExhaustedException when the pools hold fewer free blocks; its message gives the counts per pool
     */
    public List<Cidr> allocate(int count) {
        List<Cidr> out = new ArrayList<>();
        List<Cidr> busy = new ArrayList<>(taken);
        for (Pool pool : pools) {
            long base = pool.cidr().base();
            while (out.size() < count && base <= pool.cidr().last()) {
                Optional<Cidr> clash = firstOverlap(busy, new Cidr(base, pool.prefix()));
                if (clash.isEmpty()) {
                    Cidr block = new Cidr(base, pool.prefix());
                    out.add(block);
                    insert(busy, block);
                    base += pool.step();
                } else {
                    base = alignUp(clash.get().last() + 1, pool.step(), base);
                }
            }
        }
        if (out.size() < count) {
            throw new PoolExhaustedException(count, usage());
        }
        return out;
    }

    /** Size, used and free blocks of each pool, in declared order. */
    public List<PoolUsage> usage() {
        List<PoolUsage> out = new ArrayList<>();
        for (Pool pool : pools) {
            long free = 0;
            long base = pool.cidr().base();
            while (base <= pool.cidr().last()) {
                Optional<Cidr> clash = firstOverlap(taken, new Cidr(base, pool.prefix()));
                if (clash.isEmpty()) {
                    free++;
                    base += pool.step();
                } else {
                    base = alignUp(clash.get().last() + 1, pool.step(), base);
                }
            }
            out.add(new PoolUsage(pool, pool.blocks() - free, free));
        }
        return out;
    }

    /** The first address at or after {@code next} that starts a block; never behind {@code current}. */
    private static long alignUp(long next, long step, long current) {
        long aligned = (next + step - 1) / step * step;
        return Math.max(aligned, current + step);
    }

    private static Optional<Cidr> firstOverlap(List<Cidr> sorted, Cidr block) {
        Cidr found = null;
        for (Cidr c : sorted) {
            if (c.base() > block.last()) {
                break;
            }
            if (c.overlaps(block) && (found == null || c.last() > found.last())) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void insert(List<Cidr> sorted, Cidr block) {
        int at = java.util.Collections.binarySearch(sorted, block);
        sorted.add(at < 0 ? -at - 1 : at, block);
    }
}
