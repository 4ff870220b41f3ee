package io.envforge.model;

import io.envforge.network.Cidr;
import java.util.List;
import java.util.Objects;

/**
 * A network the integration layer calls: its egress NetworkPolicy admits {@code cidr} on {@code ports} (TCP), or on
 * every port when {@code ports} is empty.
 *
 * @param cidr the destination network
 * @param ports TCP ports, 1..65535; empty means every port
 */
public record Backend(Cidr cidr, List<Integer> ports) {

    public Backend {
        Objects.requireNonNull(cidr, "backend.cidr");
        ports = List.copyOf(ports);
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("backend.ports: " + port + " is not a port (1..65535)");
            }
        }
    }
}
