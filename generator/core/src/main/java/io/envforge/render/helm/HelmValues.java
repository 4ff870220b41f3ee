package io.envforge.render.helm;

import static io.envforge.render.Yaml.map;

import io.envforge.model.ApiEntry;
import io.envforge.model.Backend;
import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.network.Cidr;
import java.util.List;
import java.util.Map;

/**
 * The values each chart gets for an environment, exactly the keys of {@code docs/values-contract.md}. Chart defaults
 * cover the rest.
 */
public final class HelmValues {

    private HelmValues() {}

    public static Map<String, Object> forLayer(Environment env, Layer layer) {
        return layer.name().equals(Layer.API) ? api(env) : integration(env);
    }

    static Map<String, Object> api(Environment env) {
        Layer api = env.api();
        Map<String, Object> values = common(env, api);
        values.put("hostname", env.apiHostname());
        values.put("portalHostname", env.portalHostname());
        Map<String, Object> db = database(env, api);
        db.put("apimDb", api.databases().get(0));
        db.put("sharedDb", api.databases().get(1));
        values.put("database", db);
        values.put(
                "integration",
                map(
                        "host",
                        env.integration().serviceHost(env.namespace()),
                        "port",
                        env.integration().port()));
        Map<String, Object> lb = map(
                "enabled", true,
                "cloud", env.cloud().id(),
                "addresses", env.network().apiAddresses(),
                "subnets", ingressSubnetNames(env),
                "sourceRanges", strings(env.onPrem().cidrs()),
                "gatewayPort", ApiEntry.GATEWAY_PORT);
        if (env.cloud() == Cloud.AWS) {
            // The security group Terraform creates for the entry point (vpn module), by its Name tag.
            lb.put("securityGroups", List.of(env.names().apiEntrySecurityGroup()));
        }
        values.put("internalLoadBalancer", lb);
        Map<String, Object> policy = networkPolicy(env);
        policy.put("onPremCidrs", strings(env.onPrem().cidrs()));
        if (env.cloud() == Cloud.AWS) {
            // The NLB targets the pods' IPs and health-checks them from its own addresses in the ingress subnets
            // (AWS Load Balancer Controller docs/guide/service/nlb.md, "Health Check Traffic: NLB Subnet CIDRs").
            // Azure's internal load balancer probes the node (externalTrafficPolicy: Local), not the pod.
            policy.put("loadBalancerCidrs", strings(env.network().ingress()));
        }
        values.put("networkPolicy", policy);
        values.put("metrics", map("enabled", true, "scrapers", scrapers(env)));
        return values;
    }

    static Map<String, Object> integration(Environment env) {
        Layer mi = env.integration();
        Map<String, Object> values = common(env, mi);
        Map<String, Object> db = database(env, mi);
        db.put("name", mi.databases().get(0));
        values.put("database", db);
        Map<String, Object> policy = networkPolicy(env);
        policy.put("backends", env.backends().stream().map(HelmValues::backend).toList());
        values.put("networkPolicy", policy);
        values.put("metrics", map("enabled", true, "scrapers", scrapers(env)));
        return values;
    }

    /**
     * Who scrapes the layers' metrics ports (Micro Integrator's, API Manager's JMX exporter agent's). AWS: the managed Prometheus collector, whose network interfaces
     * Terraform places in the workload subnets ("Using an AWS managed collector": one interface per subnet given).
     * Azure: the managed Prometheus add-on's collector pods.
     */
    private static List<Map<String, Object>> scrapers(Environment env) {
        if (env.cloud() == Cloud.AZURE) {
            // AKS's managed Prometheus add-on scrapes annotated pods from its collector, Deployment ama-metrics in
            // kube-system, pods labelled rsName: ama-metrics (Azure/prometheus-collector addon-chart
            // templates/ama-metrics-deployment.yaml); kustomize's MetricsSettings turns that scraping on.
            return List.of(map(
                    "namespaceSelector",
                    map("matchLabels", map("kubernetes.io/metadata.name", "kube-system")),
                    "podSelector",
                    map("matchLabels", map("rsName", "ama-metrics"))));
        }
        return env.network().workload().stream()
                .map(c -> map("ipBlock", map("cidr", c.toString())))
                .toList();
    }

    private static Map<String, Object> backend(Backend backend) {
        Map<String, Object> out = map("cidr", backend.cidr().toString());
        if (!backend.ports().isEmpty()) {
            out.put("ports", backend.ports());
        }
        return out;
    }

    private static Map<String, Object> common(Environment env, Layer layer) {
        Map<String, Object> image = map(
                "repository", layer.image().repository(), "tag", layer.image().tag());
        if (!layer.image().digest().isEmpty()) {
            // The pods run this exact manifest (charts: repository@digest); the tag names the product version.
            image.put("digest", layer.image().digest());
        }
        return map(
                "replicaCount", layer.replicas(),
                "image", image,
                "resources",
                        map(
                                "requests",
                                        map(
                                                "cpu",
                                                layer.resources().requestCpu(),
                                                "memory",
                                                layer.resources().requestMemory()),
                                "limits",
                                        map(
                                                "cpu",
                                                layer.resources().limitCpu(),
                                                "memory",
                                                layer.resources().limitMemory())),
                "nfs", map("existingClaim", env.nfs().claimName()),
                "secrets", map("existingSecret", layer.internalSecret()),
                "keystore", map("existingSecret", layer.keystoreSecret(), "keyAlias", Layer.KEY_ALIAS));
    }

    private static Map<String, Object> database(Environment env, Layer layer) {
        return map(
                "type",
                env.database().engine(),
                "host",
                env.database().host(),
                "port",
                env.database().port(),
                "existingSecret",
                layer.dbSecret());
    }

    private static Map<String, Object> networkPolicy(Environment env) {
        return map("enabled", true, "dataCidrs", strings(env.network().data()));
    }

    /** Names of the ingress subnets, as Terraform tags (AWS) or names (Azure) them. */
    public static List<String> ingressSubnetNames(Environment env) {
        return List.of(env.subnetName("ingress", 0), env.subnetName("ingress", 1));
    }

    private static List<String> strings(List<Cidr> cidrs) {
        return cidrs.stream().map(Cidr::toString).toList();
    }
}
