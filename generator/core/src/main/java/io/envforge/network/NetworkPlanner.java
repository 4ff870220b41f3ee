package io.envforge.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Carves an environment block deterministically. The block is cut into eighths:
 *
 * <pre>
 *   eighths 0-3  workload A (quarter 0), workload B (quarter 1)
 *   eighth  4    data A          eighth 5  data B
 *   eighth  6    gateway (/27 at its start; the rest is spare)
 *   eighth  7    ingress A (first half), ingress B (second half); API address = 10th address of each
 * </pre>
 *
 * The same block always gives the same plan, so re-running never moves an address.
 */
public final class NetworkPlanner {

    /** The largest block an environment may have: a /16. */
    public static final int MIN_PREFIX = 16;
    /** The smallest block that still gives an ingress subnet of /27, the least a cloud load balancer accepts. */
    public static final int MAX_PREFIX = 23;
    /** Offset of the fixed API address inside each ingress subnet (clouds reserve the first four). */
    public static final int API_ADDRESS_OFFSET = 10;

    private static final int GATEWAY_PREFIX = 27;

    private NetworkPlanner() {}

    public static NetworkPlan plan(Cidr cidr) {
        if (cidr.prefix() < MIN_PREFIX || cidr.prefix() > MAX_PREFIX) {
            throw new IllegalArgumentException("prefix /" + cidr.prefix() + " cannot be carved into the network plan;"
                    + " use a prefix from /" + MIN_PREFIX + " to /" + MAX_PREFIX);
        }
        int p = cidr.prefix();
        List<Cidr> workload = new ArrayList<>();
        List<Cidr> data = new ArrayList<>();
        List<Cidr> ingress = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int zone = 0; zone < NetworkPlan.ZONES; zone++) {
            workload.add(cidr.subnet(p + 2, zone));
            data.add(cidr.subnet(p + 3, 4 + zone));
            Cidr in = cidr.subnet(p + 4, 14 + zone);
            ingress.add(in);
            addresses.add(in.address(API_ADDRESS_OFFSET));
        }
        Cidr gateway = cidr.subnet(p + 3, 6).subnet(GATEWAY_PREFIX, 0);
        return new NetworkPlan(cidr, workload, data, ingress, gateway, addresses);
    }
}
