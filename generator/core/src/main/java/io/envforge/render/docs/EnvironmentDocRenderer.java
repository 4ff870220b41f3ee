package io.envforge.render.docs;

import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.network.Cidr;
import io.envforge.network.NetworkPlan;
import io.envforge.render.Layout;
import io.envforge.render.OutputTree;
import io.envforge.render.Renderer;
import io.envforge.render.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code overlays/<env>/ENVIRONMENT.md}: the network plan, the fixed addresses and the DNS names, where a reviewer
 * reads them in the pull request.
 */
public final class EnvironmentDocRenderer implements Renderer {

    @Override
    public String name() {
        return "docs";
    }

    @Override
    public OutputTree render(Environment env) {
        OutputTree.Builder out = OutputTree.builder();
        Map<String, Object> context = context(env);
        context.putAll(ObservabilityDoc.context(env));
        out.put(
                Layout.overlay(env.name()) + "ENVIRONMENT.md",
                Templates.render("docs/environment.md.jinja", context)
                        + Templates.render("docs/observability.md.jinja", context));
        return out.build();
    }

    static Map<String, Object> context(Environment env) {
        NetworkPlan plan = env.network();
        List<Map<String, String>> subnets = new ArrayList<>();
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            String zone = env.zones().get(z);
            subnets.add(row("workload", zone, plan.workload().get(z), "nodes and pods"));
        }
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            subnets.add(row("data", env.zones().get(z), plan.data().get(z), "database and NFS (private)"));
        }
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            subnets.add(row(
                    "ingress",
                    env.zones().get(z),
                    plan.ingress().get(z),
                    "API entry point " + plan.apiAddresses().get(z)));
        }
        subnets.add(row("gateway", "-", plan.gateway(), "VPN gateway"));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("env", env.name());
        c.put("cloud", env.cloud().id());
        c.put("region", env.region());
        c.put("cidr", plan.cidr().toString());
        c.put("subnets", subnets);
        c.put("apiAddresses", plan.apiAddresses());
        c.put("apiHostname", env.apiHostname());
        c.put("portalHostname", env.portalHostname());
        c.put("onPrem", env.onPrem().cidrs().stream().map(Cidr::toString).toList());
        c.put("connectivity", env.connectivity());
        List<Map<String, String>> services = new ArrayList<>();
        for (Layer layer : env.layers()) {
            services.add(Map.of(
                    "name",
                    layer.name(),
                    "host",
                    layer.serviceHost(env.namespace()),
                    "replicas",
                    String.valueOf(layer.replicas()),
                    "image",
                    layer.image().repository() + ":" + layer.image().tag()));
        }
        c.put("layers", services);
        c.put("dbHost", env.database().host());
        c.put("dbEngine", env.database().engine() + " " + env.database().version());
        c.put("nfsHost", env.nfs().host());
        c.put("nfsPath", env.nfs().path());
        c.put("controller", env.gitops().controller());
        c.put("diagram", EnvironmentDiagram.mermaid(env));
        return c;
    }

    private static Map<String, String> row(String role, String zone, Cidr cidr, String use) {
        return Map.of("role", role, "zone", zone, "cidr", cidr.toString(), "use", use);
    }
}
