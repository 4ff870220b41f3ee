package io.envforge.network;

import java.util.List;
import java.util.stream.Collectors;

/** The pools hold fewer free blocks than asked for. The message gives size, used and free blocks per pool. */
public final class PoolExhaustedException extends RuntimeException {

    private final transient List<PoolUsage> usage;

    public PoolExhaustedException(int wanted, List<PoolUsage> usage) {
        super(message(wanted, usage));
        this.usage = List.copyOf(usage);
    }

    private static String message(int wanted, List<PoolUsage> usage) {
        long free = usage.stream().mapToLong(PoolUsage::free).sum();
        if (usage.isEmpty()) {
            return "no address pool is declared, so " + wanted + " new environment(s) cannot get a block";
        }
        return (free == 0 ? "every pool is exhausted" : "the pools have only " + free + " free block(s)")
                + " and " + wanted + " new environment(s) need one each ("
                + usage.stream().map(PoolUsage::render).collect(Collectors.joining("; ")) + ")";
    }

    public List<PoolUsage> usage() {
        return usage;
    }
}
