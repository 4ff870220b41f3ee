package io.envforge.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A service quota that each environment uses up a part of, with the cloud's documented default. Each value is from
 * the page in {@link #source}; each per-environment use from the Terraform modules under
 * {@code terraform/modules/<cloud>/}. A platform whose quotas were raised says so in
 * {@code spec.accounts[].quotas.<key>}.
 */
public enum Quota {

    /** One {@code aws_vpc} per environment (modules/aws/network). */
    AWS_VPCS(
            Cloud.AWS,
            "vpcsPerRegion",
            "VPCs per Region",
            5,
            false,
            1,
            1,
            "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html"),
    /** In vpn mode one {@code aws_vpn_gateway} per environment (modules/aws/vpn/vpn.tf). */
    AWS_VPN_GATEWAYS(
            Cloud.AWS,
            "vpnGatewaysPerRegion",
            "virtual private gateways per Region",
            5,
            false,
            1,
            0,
            "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-limits.html"),
    /** In vpn mode one {@code aws_vpn_connection} per environment (modules/aws/vpn/vpn.tf). */
    AWS_VPN_CONNECTIONS(
            Cloud.AWS,
            "vpnConnectionsPerRegion",
            "Site-to-Site VPN connections per Region",
            50,
            false,
            1,
            0,
            "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-limits.html"),
    /** In vpn mode one {@code aws_customer_gateway} per environment (modules/aws/vpn/vpn.tf). */
    AWS_CUSTOMER_GATEWAYS(
            Cloud.AWS,
            "customerGatewaysPerRegion",
            "customer gateways per Region",
            50,
            false,
            1,
            0,
            "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-limits.html"),
    /**
     * Three {@code azurerm_private_dns_zone} per environment, each in the environment's resource group: the internal
     * zone (modules/azure/network/dns.tf) and the privatelink zones of PostgreSQL and Azure Files
     * (modules/azure/database, modules/azure/nfs). The quota counts every region of the subscription.
     */
    AZURE_PRIVATE_DNS_ZONES(
            Cloud.AZURE,
            "privateDnsZonesPerSubscription",
            "private DNS zones per subscription",
            1000,
            true,
            3,
            3,
            "https://learn.microsoft.com/en-us/azure/dns/private-dns-privatednszone"),
    /** One {@code azurerm_virtual_network} per environment (modules/azure/network). */
    AZURE_VNETS(
            Cloud.AZURE,
            "vnetsPerRegion",
            "virtual networks per region per subscription",
            1000,
            false,
            1,
            1,
            "https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/azure-subscription-service-limits"
                    + "#azure-networking-limits");

    private final Cloud cloud;
    private final String key;
    private final String label;
    private final int defaultLimit;
    private final boolean wholeAccount;
    private final int perVpnEnvironment;
    private final int perHubEnvironment;
    private final String source;

    Quota(
            Cloud cloud,
            String key,
            String label,
            int defaultLimit,
            boolean wholeAccount,
            int perVpnEnvironment,
            int perHubEnvironment,
            String source) {
        this.cloud = cloud;
        this.key = key;
        this.label = label;
        this.defaultLimit = defaultLimit;
        this.wholeAccount = wholeAccount;
        this.perVpnEnvironment = perVpnEnvironment;
        this.perHubEnvironment = perHubEnvironment;
        this.source = source;
    }

    public Cloud cloud() {
        return cloud;
    }

    /** The key under {@code spec.accounts[].quotas}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The cloud's default, from {@link #source}. */
    public int defaultLimit() {
        return defaultLimit;
    }

    /** True when the quota counts the whole account or subscription, not one region. */
    public boolean wholeAccount() {
        return wholeAccount;
    }

    /** How many of the resource one environment creates, in {@code connectivity} mode vpn or hub. */
    public int perEnvironment(String connectivity) {
        return "hub".equals(connectivity) ? perHubEnvironment : perVpnEnvironment;
    }

    public String source() {
        return source;
    }

    /** The quotas of {@code cloud}. */
    public static List<Quota> of(Cloud cloud) {
        return Arrays.stream(values()).filter(q -> q.cloud == cloud).toList();
    }

    /** The quota of {@code cloud} named {@code key}. */
    public static Optional<Quota> byKey(Cloud cloud, String key) {
        return of(cloud).stream().filter(q -> q.key.equals(key)).findFirst();
    }
}
