package io.envforge.model;

import io.envforge.network.Cidr;
import java.util.List;

/** The on-premise side of the VPN: its networks, its gateway's public address and BGP ASN. */
public record OnPrem(List<Cidr> cidrs, String gatewayIp, long bgpAsn) {

    public OnPrem {
        cidrs = List.copyOf(cidrs);
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("onPrem.cidrs must not be empty");
        }
        Checks.notBlank("onPrem.gatewayIp", gatewayIp);
    }
}
