package io.envforge.render.terraform;

import static io.envforge.render.terraform.Hcl.str;

import io.envforge.model.ApiEntry;
import io.envforge.model.Cloud;
import io.envforge.model.Environment;
import io.envforge.model.Layer;
import io.envforge.model.Registry;
import io.envforge.network.Cidr;
import io.envforge.network.NetworkPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The template context of a Terraform root: every value already an HCL literal (quoted strings, lists), taken from
 * the model only. Keys are the same for both clouds where the meaning is the same.
 */
final class TerraformContext {

    /** Azure premium file shares start at 100 GiB. */
    static final int AZURE_MIN_SHARE_GB = 100;
    /** NFS over TCP. */
    static final int NFS_PORT = 2049;

    private TerraformContext() {}

    static Map<String, Object> of(Environment env) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("env", str(env.name()));
        c.put("envName", env.name());
        c.put("prefix", str(env.names().prefix()));
        c.put("region", str(env.region()));
        c.put("cidr", str(env.network().cidr().toString()));
        c.put("internalZone", str(env.internalZone()));
        c.put("connectivity", str(env.connectivity()));
        c.put("subnets", subnets(env));
        c.put("workloadCidrs", Hcl.strings(cidrs(env.network().workload())));
        c.put("onPremCidrs", Hcl.strings(cidrs(env.onPrem().cidrs())));
        c.put("onPremGatewayIp", str(env.onPrem().gatewayIp()));
        c.put("onPremBgpAsn", String.valueOf(env.onPrem().bgpAsn()));
        c.put("apiPorts", Hcl.numbers(ApiEntry.ports()));
        c.put("apiReservations", apiReservations(env));
        c.put("apiAddresses", Hcl.strings(env.network().apiAddresses()));
        c.put("database", database(env));
        c.put("layers", layers(env));
        c.put("nfs", nfs(env));
        c.put("names", names(env));
        c.put("state", state(env));
        c.put("account", account(env));
        c.put(
                "dataPorts",
                Hcl.numbers(new TreeSet<>(List.of(NFS_PORT, env.database().port()))));
        c.put("observability", observability(env));
        c.put("egress", str(env.egress()));
        c.put("registry", registry(env));
        // The preparation's namespace reads the secret store too (render.kustomize.PreparationManifests).
        c.put(
                "prepareNamespaces",
                Hcl.strings(env.preparation().runs() ? List.of(env.preparation().namespace()) : List.of()));
        c.put("prepare", env.preparation().runs());
        return c;
    }

    /**
     * The plan's subnets keyed {@code workload-a}, ..., {@code gateway}, sorted by key; keys are padded as
     * {@code terraform fmt} aligns them.
     */
    private static List<Map<String, String>> subnets(Environment env) {
        NetworkPlan plan = env.network();
        Map<String, Map<String, String>> byKey = new java.util.TreeMap<>();
        for (int z = 0; z < NetworkPlan.ZONES; z++) {
            String zone = env.zones().get(z);
            subnet(byKey, env, "workload", z, plan.workload().get(z), zone);
            subnet(byKey, env, "data", z, plan.data().get(z), zone);
            subnet(byKey, env, "ingress", z, plan.ingress().get(z), zone);
        }
        subnet(byKey, env, "gateway", 0, plan.gateway(), env.zones().get(0));
        int width = byKey.values().stream()
                .mapToInt(s -> s.get("key").length())
                .max()
                .orElse(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> s : byKey.values()) {
            Map<String, String> row = new LinkedHashMap<>(s);
            row.put("key", String.format("%-" + width + "s", s.get("key")));
            out.add(row);
        }
        return out;
    }

    private static void subnet(
            Map<String, Map<String, String>> out, Environment env, String role, int zone, Cidr cidr, String zoneName) {
        String key = role.equals("gateway") ? role : role + "-" + (char) ('a' + zone);
        out.put(
                key,
                Map.of(
                        "key",
                        str(key),
                        "cidr",
                        str(cidr.toString()),
                        "zone",
                        str(zoneName),
                        "role",
                        str(role),
                        "name",
                        str(env.subnetName(role, zone))));
    }

    /** The fixed API addresses keyed by the ingress subnet that holds them ({@code ingress-a}, {@code ingress-b}). */
    private static List<Map<String, String>> apiReservations(Environment env) {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> addresses = env.network().apiAddresses();
        for (int z = 0; z < addresses.size(); z++) {
            out.add(Map.of("key", str("ingress-" + (char) ('a' + z)), "address", str(addresses.get(z))));
        }
        return out;
    }

    private static Map<String, String> database(Environment env) {
        var db = env.database();
        return Map.of(
                "identifier",
                str(db.identifier()),
                "engine",
                str(db.engine()),
                "version",
                str(db.version()),
                "size",
                str(db.size()),
                "storageGb",
                String.valueOf(db.storageGb()),
                "port",
                String.valueOf(db.port()),
                "host",
                str(db.host()),
                "adminSecret",
                str(db.adminSecret()),
                "zones",
                Hcl.strings(env.zones()),
                "adminPasswordVersion",
                String.valueOf(db.adminPasswordVersion()));
    }

    private static List<Map<String, String>> layers(Environment env) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Layer layer : env.layers()) {
            var secrets = layer.secrets();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", str(layer.name()));
            row.put("dbUser", str(layer.dbUser()));
            row.put("dbSecret", str(layer.remoteDbSecret()));
            row.put("internalSecret", str(layer.remoteInternalSecret()));
            row.put("keystoreSecret", str(secrets.remoteKeystoreSecret()));
            row.put("encryptionSecret", str(secrets.remoteEncryptionSecret()));
            row.put("dbVersion", String.valueOf(secrets.databaseVersion()));
            row.put("adminVersion", String.valueOf(secrets.adminVersion()));
            row.put("keystoreVersion", String.valueOf(secrets.keystoreVersion()));
            row.put("encryptionKeyVersion", String.valueOf(secrets.encryptionKeyVersion()));
            out.add(row);
        }
        return out;
    }

    private static Map<String, String> observability(Environment env) {
        var o = env.observability();
        return Map.of(
                "logRetentionDays",
                String.valueOf(o.logRetentionDays()),
                "workspace",
                str(o.workspace()),
                "metricsWorkspace",
                str(o.metricsWorkspace()));
    }

    private static Map<String, String> nfs(Environment env) {
        return Map.of(
                "host",
                str(env.nfs().host()),
                "quotaGb",
                String.valueOf(Math.max(AZURE_MIN_SHARE_GB, env.nfs().sizeGi())));
    }

    private static Map<String, String> names(Environment env) {
        var n = env.names();
        return Map.of(
                "resourceGroup",
                str(n.resourceGroup()),
                "keyVault",
                str(n.keyVault()),
                "storageAccount",
                str(n.storageAccount()),
                "share",
                str(n.share()),
                "secretsReader",
                str(n.secretsReader()),
                "secretPrefix",
                str(n.secretPrefix()),
                "serviceAccount",
                str(env.secretStore().serviceAccount()));
    }

    private static Map<String, String> state(Environment env) {
        var s = env.state();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("container", str(s.container()));
        out.put("key", str(s.key()));
        out.put("region", str(s.region()));
        if (env.cloud() == Cloud.AZURE) {
            out.put("account", str(s.account()));
            out.put("resourceGroup", str(s.resourceGroup()));
        }
        return out;
    }

    private static Map<String, String> account(Environment env) {
        var a = env.account();
        return Map.of(
                "awsAccountIds",
                a.awsAccountId() == null ? "null" : Hcl.strings(List.of(a.awsAccountId())),
                "transitGatewayId",
                str(a.awsTransitGatewayId()),
                "subscriptionId",
                str(a.azureSubscriptionId()),
                "tenantId",
                str(env.secretStore().azureTenantId()),
                "hubVnetId",
                str(a.azureHubVnetId()));
    }

    private static Map<String, String> registry(Environment env) {
        Registry r = Registry.of(env);
        return Map.of("host", str(r.host()), "name", str(r.azureName()), "images", Hcl.strings(r.images()));
    }

    private static List<String> cidrs(List<Cidr> cidrs) {
        return cidrs.stream().map(Cidr::toString).toList();
    }
}
