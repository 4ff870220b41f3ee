package io.envforge.network;

import java.util.List;

/**
 * How an environment's block is carved. Lists hold one entry per zone, zone A first.
 *
 * @param cidr the environment's block
 * @param workload a subnet per zone for the cluster's nodes and pods
 * @param data a private subnet per zone for the NFS share and the database
 * @param ingress a subnet per zone holding the API layer's fixed private address
 * @param gateway the subnet for the VPN gateway (Azure {@code GatewaySubnet}; reserved on AWS)
 * @param apiAddresses the two fixed private IPs of the API layer's internal entry point, one per zone
 */
public record NetworkPlan(
        Cidr cidr, List<Cidr> workload, List<Cidr> data, List<Cidr> ingress, Cidr gateway, List<String> apiAddresses) {

    public static final int ZONES = 2;

    public NetworkPlan {
        workload = List.copyOf(workload);
        data = List.copyOf(data);
        ingress = List.copyOf(ingress);
        apiAddresses = List.copyOf(apiAddresses);
        for (List<?> perZone : List.of(workload, data, ingress, apiAddresses)) {
            if (perZone.size() != ZONES) {
                throw new IllegalArgumentException("a network plan has exactly " + ZONES + " zones");
            }
        }
        for (Cidr subnet : all(workload, data, ingress, gateway)) {
            if (!cidr.contains(subnet)) {
                throw new IllegalArgumentException(subnet + " lies outside " + cidr);
            }
        }
    }

    private static List<Cidr> all(List<Cidr> a, List<Cidr> b, List<Cidr> c, Cidr d) {
        return java.util.stream.Stream.of(a, b, c, List.of(d))
                .flatMap(List::stream)
                .toList();
    }
}
