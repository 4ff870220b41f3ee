package io.envforge.network;

import java.util.Objects;

/**
 * An address pool of the platform file ({@code spec.pools[]}): environments without an explicit block get the lowest
 * free {@code /prefix} block inside {@code cidr}.
 *
 * @param name the pool's name, as in the platform file
 * @param cidr the range the pool hands out blocks from
 * @param prefix the prefix length of each environment's block, {@code /16}..{@code /23}
 */
public record Pool(String name, Cidr cidr, int prefix) {

    public Pool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
        if (prefix < cidr.prefix()) {
            throw new IllegalArgumentException("prefix /" + prefix + " is larger than the pool " + cidr + " itself;"
                    + " use a prefix from /" + Math.max(cidr.prefix(), NetworkPlanner.MIN_PREFIX) + " to /"
                    + NetworkPlanner.MAX_PREFIX);
        }
        if (prefix < NetworkPlanner.MIN_PREFIX || prefix > NetworkPlanner.MAX_PREFIX) {
            throw new IllegalArgumentException("prefix /" + prefix + " cannot be carved into the network plan; use a"
                    + " prefix from /" + NetworkPlanner.MIN_PREFIX + " to /" + NetworkPlanner.MAX_PREFIX);
        }
    }

    /** How many blocks of {@link #prefix} the pool holds. */
    public long blocks() {
        return 1L << (prefix - cidr.prefix());
    }

    /** The size of one block, in addresses. */
    long step() {
        return 1L << (32 - prefix);
    }
}
