package io.envforge.model;

import io.envforge.network.Cidr;
import java.util.List;

/**
 * The on-premise side of the VPN: its networks, its gateway's public address and BGP ASN, and the DNS server the API
 * names are registered in ({@code null} when the platform sets none).
 */
public record OnPrem(List<Cidr> cidrs, String gatewayIp, long bgpAsn, OnPremDns dns) {

    public OnPrem {
        cidrs = List.copyOf(cidrs);
        if (cidrs.isEmpty()) {
            throw new IllegalArgumentException("onPrem.cidrs must not be empty");
        }
        Checks.notBlank("onPrem.gatewayIp", gatewayIp);
    }
}
