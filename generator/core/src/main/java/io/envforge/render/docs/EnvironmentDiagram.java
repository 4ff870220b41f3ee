package io.envforge.render.docs;

import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.network.Cidr;
import io.envforge.network.NetworkPlan;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Mermaid flowchart of one environment, which GitHub and GitLab draw in Markdown: on-prem and its VPN, the cloud
 * network with its two zones and their subnets, the fixed API addresses and DNS names, both layers, NFS and the
 * database. Labels are quoted and never contain a double quote, so every value is safe.
 */
public final class EnvironmentDiagram {

    private EnvironmentDiagram() {}

    public static String mermaid(Environment env) {
        NetworkPlan plan = env.network();
        StringBuilder m = new StringBuilder("flowchart LR\n");
        String onPrem = env.onPrem().cidrs().stream().map(Cidr::toString).collect(Collectors.joining(", "));
        m.append("  subgraph onprem[\"On-prem ")
                .append(label(onPrem))
                .append("\"]\n")
                .append("    clients[\"API clients\"]\n")
                .append("    onpremgw[\"VPN gateway ")
                .append(label(env.onPrem().gatewayIp()))
                .append("<br/>static routes\"]\n")
                .append("  end\n");
        m.append("  subgraph cloud[\"")
                .append(env.cloud().id().toUpperCase(java.util.Locale.ROOT))
                .append(' ')
                .append(label(env.region()))
                .append(" network ")
                .append(plan.cidr())
                .append("\"]\n");
        m.append("    gw[\"VPN gateway subnet ").append(plan.gateway()).append("\"]\n");
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            zone(m, env, z);
        }
        m.append("    subgraph k8s[\"Kubernetes namespace ")
                .append(label(env.namespace()))
                .append("\"]\n");
        for (Layer layer : env.layers()) {
            m.append("      ")
                    .append(id(layer))
                    .append("[\"")
                    .append(label(layer.name()))
                    .append(" x")
                    .append(layer.replicas())
                    .append("<br/>")
                    .append(label(layer.image().repository()))
                    .append(':')
                    .append(label(layer.image().tag()))
                    .append("<br/>")
                    .append(label(layer.serviceHost(env.namespace())))
                    .append("\"]\n");
        }
        m.append("    end\n");
        m.append("    nfs[(\"NFS ")
                .append(env.nfs().sizeGi())
                .append("Gi<br/>")
                .append(label(env.nfs().host()))
                .append(':')
                .append(label(env.nfs().path()))
                .append("\")]\n");
        m.append("    db[(\"")
                .append(label(env.database().engine()))
                .append(' ')
                .append(label(env.database().version()))
                .append(" multi-zone<br/>")
                .append(label(env.database().host()))
                .append(':')
                .append(env.database().port())
                .append("\")]\n");
        m.append("  end\n");
        edges(m, env, plan);
        return m.toString();
    }

    private static void zone(StringBuilder m, Environment env, int z) {
        NetworkPlan plan = env.network();
        String n = String.valueOf(z + 1);
        m.append("    subgraph zone")
                .append(n)
                .append("[\"zone ")
                .append(label(env.zones().get(z)))
                .append("\"]\n")
                .append("      ingress")
                .append(n)
                .append("[\"ingress ")
                .append(plan.ingress().get(z))
                .append("<br/>API ")
                .append(label(plan.apiAddresses().get(z)))
                .append("\"]\n")
                .append("      workload")
                .append(n)
                .append("[\"workload ")
                .append(plan.workload().get(z))
                .append("\"]\n")
                .append("      data")
                .append(n)
                .append("[\"data ")
                .append(plan.data().get(z))
                .append("\"]\n")
                .append("    end\n");
    }

    private static void edges(StringBuilder m, Environment env, NetworkPlan plan) {
        m.append("  clients -->|\"").append(label(env.apiHostname())).append("\"| onpremgw\n");
        m.append("  onpremgw <-->|\"").append(link(env)).append("\"| gw\n");
        for (int z = 1; z <= NetworkPlan.ZONES; z++) {
            m.append("  gw --> ingress").append(z).append('\n');
            m.append("  ingress").append(z).append(" --> api\n");
        }
        m.append("  api --> integration\n");
        List<String> layers = List.of("api", "integration");
        for (String layer : layers) {
            m.append("  ").append(layer).append(" --> nfs\n");
            m.append("  ").append(layer).append(" --> db\n");
        }
        m.append("  workload1 -.- k8s\n  workload2 -.- k8s\n  data1 -.- db\n  data2 -.- db\n  data1 -.- nfs\n");
    }

    /**
     * The on-prem link as the Terraform modules build it: static routes on both clouds (AWS
     * {@code static_routes_only}, Azure local network gateway address space without BGP), two IPsec tunnels (AWS:
     * one per VPN endpoint; Azure: one per instance of the active-active gateway), or the shared hub.
     */
    private static String link(Environment env) {
        if ("hub".equals(env.connectivity())) {
            return env.cloud() == Cloud.AWS
                    ? "shared hub: Transit Gateway attachment"
                    : "shared hub: VNet peering, hub gateway";
        }
        return "IPsec VPN, 2 tunnels, static routes";
    }

    private static String id(Layer layer) {
        return Layer.API.equals(layer.name()) ? "api" : "integration";
    }

    /** Mermaid labels in double quotes: a double quote would end them. */
    private static String label(String text) {
        return String.valueOf(text).replace("\"", "#quot;");
    }
}
