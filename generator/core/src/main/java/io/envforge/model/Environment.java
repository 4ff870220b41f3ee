package io.envforge.model;

import io.envforge.network.NetworkPlan;
import java.util.List;

/**
 * Everything the renderers need to know about one environment, resolved from the platform file, the spec and the
 * network plan. Immutable; renderers read it and nothing else.
 *
 * @param name the environment's name, also its namespace
 * @param cloud AWS or Azure
 * @param region the cloud region
 * @param zones the two availability zones, zone A first (AWS {@code eu-west-1a}, Azure {@code 1})
 * @param network the carved network plan
 * @param onPrem the on-premise side of the VPN
 * @param connectivity {@code vpn} (a site-to-site VPN per environment) or {@code hub} (attach to a shared hub)
 * @param internalZone the private DNS zone of the environment ({@code dev1.envforge.internal})
 * @param apiHostname the API layer's host name as on-prem clients know it
 * @param api the API layer
 * @param integration the integration layer
 * @param nfs the shared file system
 * @param database the managed database
 * @param secretStore how the cluster reads secrets
 * @param gitops the delivery controller and repository
 * @param names cloud resource names derived from the environment's name
 * @param state where the environment's Terraform state lives
 * @param account the platform's cloud account and shared hub
 * @param backends what the integration layer may call: the on-prem networks (every port), then the spec's
 *        {@code layers.integration.backends}
 * @param nodes the cluster's node pool
 * @param observability where logs and metrics go and how long logs are kept
 * @param egress how the private subnets reach the cloud's APIs and registries: {@code endpoints} (private endpoints,
 *        no internet path; the default) or {@code nat} (a NAT gateway, where the platform's policy allows it)
 * @param preparation the Job that prepares the NFS share and the database before the layers
 */
public record Environment(
        String name,
        Cloud cloud,
        String region,
        List<String> zones,
        NetworkPlan network,
        OnPrem onPrem,
        String connectivity,
        String internalZone,
        String apiHostname,
        Layer api,
        Layer integration,
        Nfs nfs,
        Database database,
        SecretStore secretStore,
        GitOps gitops,
        CloudNames names,
        TerraformState state,
        CloudAccount account,
        List<Backend> backends,
        ClusterNodes nodes,
        Observability observability,
        String egress,
        Preparation preparation) {

    /** {@link #egress}: private endpoints only. */
    public static final String EGRESS_ENDPOINTS = "endpoints";
    /** {@link #egress}: a NAT gateway. */
    public static final String EGRESS_NAT = "nat";

    public Environment {
        Checks.notBlank("name", name);
        zones = List.copyOf(zones);
        backends = List.copyOf(backends);
        if (zones.size() != NetworkPlan.ZONES) {
            throw new IllegalArgumentException("zones must list exactly " + NetworkPlan.ZONES + " zones");
        }
        if (!"vpn".equals(connectivity) && !"hub".equals(connectivity)) {
            throw new IllegalArgumentException("connectivity must be vpn or hub, not " + connectivity);
        }
        if (!EGRESS_ENDPOINTS.equals(egress) && !EGRESS_NAT.equals(egress)) {
            throw new IllegalArgumentException("egress must be endpoints or nat, not " + egress);
        }
    }

    /**
     * The portals' (publisher, devportal, admin) host name: {@code portal.<env>.<apiDomain>} beside the gateway's
     * {@link #apiHostname} {@code api.<env>.<apiDomain>}. Both name the same load balancer addresses; the gateway is
     * served on 443, the portals on 9443.
     */
    public String portalHostname() {
        return "portal" + apiHostname.substring(apiHostname.indexOf('.'));
    }

    /** The namespace both layers run in. */
    public String namespace() {
        return name;
    }

    /**
     * A subnet's name: its AWS {@code Name} tag ({@code envforge-dev1-ingress-a}) or its Azure name
     * ({@code snet-ingress-a}); Azure's gateway subnet must be called {@code GatewaySubnet}.
     *
     * @param role {@code workload}, {@code data}, {@code ingress} or {@code gateway}
     * @param zone the zone's index, 0 for zone A; ignored for the gateway
     */
    public String subnetName(String role, int zone) {
        String suffix = role.equals("gateway") ? role : role + "-" + (char) ('a' + zone);
        if (cloud == Cloud.AWS) {
            return names.prefix() + "-" + suffix;
        }
        return role.equals("gateway") ? "GatewaySubnet" : "snet-" + suffix;
    }

    /** Both layers, API first. */
    public List<Layer> layers() {
        return List.of(api, integration);
    }
}
