package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The two stages of an environment's Terraform: stage 1 ({@code terraform/environments/<env>/}) creates the cluster
 * with the network and feeds its identity to the secrets reader; stage 2 ({@code cluster-addons/}) reads stage 1's
 * state, and only outputs stage 1 has, and bootstraps Flux on the path and with the secret the sync objects use. No
 * input is left for a person to fill.
 */
class StagesTest {

    private static final Pattern STAGE1_OUTPUT = Pattern.compile("\\blocal\\.stage1\\.([a-z0-9_]+)");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void noRootVariableWithoutADefaultInEitherStage(String env) {
        assertEquals(Set.of(), withoutDefault(Roots.root(env)), "stage 1");
        // The one exception: the Git token the pipeline passes from its secret store, ephemeral and sensitive.
        assertEquals(Set.of("git_token"), withoutDefault(addons(env)), "stage 2");
        JsonNode token = Parsed.dir(addons(env)).block("variable", "git_token");
        assertTrue(
                token.path("ephemeral").asBoolean() && token.path("sensitive").asBoolean(), token.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void stage2ReadsStage1sStateAndKeepsItsOwn(String env) {
        Config stage1 = Parsed.dir(Roots.root(env));
        Config stage2 = Parsed.dir(addons(env));
        JsonNode remote = stage2.block("data", "terraform_remote_state", "stage1");
        String type = remote.path("backend").asText();
        JsonNode backend1 = stage1.block("terraform").path("backend").path(type).get(0);
        JsonNode backend2 = stage2.block("terraform").path("backend").path(type).get(0);
        JsonNode config = remote.path("config");
        assertTrue(config.size() >= 3, config.toString());
        config.fields().forEachRemaining(f -> assertEquals(backend1.path(f.getKey()), f.getValue(), f.getKey()));
        backend1.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("key")) {
                assertEquals(f.getValue(), backend2.path(f.getKey()), "stage 2 backend " + f.getKey());
            }
        });
        assertNotEquals(backend1.path("key"), backend2.path("key"));
        assertTrue(backend2.path("key").asText().endsWith("-cluster-addons.tfstate"), backend2.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void stage2UsesOnlyOutputsStage1Has(String env) {
        Set<String> used = new TreeSet<>();
        Matcher m = STAGE1_OUTPUT.matcher(text(addons(env)));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> outputs = new TreeSet<>();
        Parsed.under(Roots.root(env)).forEach((path, json) -> {
            if (path.getParent().equals(Roots.root(env))) {
                json.path("output").fieldNames().forEachRemaining(outputs::add);
            }
        });
        assertTrue(used.containsAll(List.of("cluster_ca_certificate")), used.toString());
        assertTrue(outputs.containsAll(used), "stage 1 outputs " + outputs + " lack some of " + used);
    }

    @Test
    void theSecretsReaderTrustsTheClusterStage1Creates() {
        assertEquals(
                "${module.cluster.oidc_provider_arn}",
                Parsed.dir(Roots.root(Roots.AWS))
                        .module("secrets_access")
                        .path("oidc_provider_arn")
                        .asText());
        assertEquals(
                "${module.cluster.oidc_issuer_url}",
                Parsed.dir(Roots.root(Roots.AZURE))
                        .module("secrets_access")
                        .path("oidc_issuer_url")
                        .asText());
        assertEquals(
                "${aws_iam_openid_connect_provider.this.arn}",
                ManifestWiringTest.module(Roots.AWS, "cluster").output("oidc_provider_arn"));
        JsonNode aks = ManifestWiringTest.module(Roots.AZURE, "cluster").resource("azurerm_kubernetes_cluster", "this");
        assertTrue(aks.path("oidc_issuer_enabled").asBoolean()
                && aks.path("workload_identity_enabled").asBoolean());
    }

    @Test
    void eksIsPrivateInTheWorkloadSubnetsWithEnforcedNetworkPolicy() {
        JsonNode call = Parsed.dir(Roots.root(Roots.AWS)).module("cluster");
        assertEquals(
                "${module.network.workload_subnet_ids}", call.path("subnet_ids").asText());
        assertEquals(List.of("10.0.0.0/16", "172.16.0.0/16"), strings(call.path("api_access_cidrs")));
        Config module = ManifestWiringTest.module(Roots.AWS, "cluster");
        JsonNode vpc =
                module.resource("aws_eks_cluster", "this").path("vpc_config").get(0);
        assertTrue(vpc.path("endpoint_private_access").asBoolean());
        assertFalse(vpc.path("endpoint_public_access").asBoolean(true));
        assertEquals("${var.subnet_ids}", vpc.path("subnet_ids").asText());
        assertEquals(
                "${var.subnet_ids}",
                module.resource("aws_eks_node_group", "this").path("subnet_ids").asText());
        assertEquals(
                "${toset(concat([var.vpc_cidr], var.api_access_cidrs))}",
                module.resource("aws_vpc_security_group_ingress_rule", "api")
                        .path("for_each")
                        .asText());
        String cni = module.resource("aws_eks_addon", "vpc_cni")
                .path("configuration_values")
                .asText();
        assertTrue(cni.replace(" ", "").contains("enableNetworkPolicy=\"true\""), cni);
        for (String addon : List.of("vpc_cni", "kube_proxy", "coredns")) {
            assertEquals(
                    "${var.addon_versions." + addon + "}",
                    module.resource("aws_eks_addon", addon)
                            .path("addon_version")
                            .asText());
        }
    }

    @Test
    void aksIsPrivateOverTwoZonesWithNetworkPolicy() {
        JsonNode call = Parsed.dir(Roots.root(Roots.AZURE)).module("cluster");
        assertEquals(
                "${module.network.workload_subnet_ids[0]}",
                call.path("node_subnet_id").asText());
        assertEquals(List.of("1", "2"), strings(call.path("zones")));
        JsonNode aks = ManifestWiringTest.module(Roots.AZURE, "cluster").resource("azurerm_kubernetes_cluster", "this");
        assertTrue(aks.path("private_cluster_enabled").asBoolean());
        assertFalse(aks.path("private_cluster_public_fqdn_enabled").asBoolean(true));
        assertTrue(aks.path("local_account_disabled").asBoolean());
        JsonNode pool = aks.path("default_node_pool").get(0);
        assertEquals("${var.zones}", pool.path("zones").asText());
        assertEquals("${var.node_subnet_id}", pool.path("vnet_subnet_id").asText());
        JsonNode net = aks.path("network_profile").get(0);
        assertEquals("cilium", net.path("network_policy").asText());
        assertEquals("cilium", net.path("network_data_plane").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void fluxIsBootstrappedOnThePathAndWithTheSecretOfTheSyncObjects(String env) {
        JsonNode flux = Parsed.dir(addons(env)).resource("flux_bootstrap_git", "this");
        List<Map<String, Object>> sync =
                yaml(Roots.workspace().resolve("clusters").resolve(env).resolve("envforge/sync.yaml"));
        Map<String, Object> repo = sync.stream()
                .filter(d -> "GitRepository".equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Manifests.at(repo, "spec.secretRef.name"),
                flux.path("secret_name").asText());
        assertEquals("clusters/" + env, flux.path("path").asText());
        assertTrue(flux.path("embedded_manifests").asBoolean());
        boolean generator = sync.stream().anyMatch(d -> "ArtifactGenerator".equals(d.get("kind")));
        assertEquals(generator, strings(flux.path("components_extra")).contains("source-watcher"));
        assertTrue(
                strings(flux.path("depends_on")).contains("${helm_release.external_secrets}"),
                flux.path("depends_on").toString());
        String url =
                Parsed.dir(addons(env)).block("provider", "flux").path("git").toString();
        assertTrue(url.contains(String.valueOf(Manifests.at(repo, "spec.url"))), url);
    }

    @Test
    void theLoadBalancerControllerRunsAsItsStage1Role() {
        JsonNode lbc = Parsed.dir(addons(Roots.AWS)).resource("helm_release", "aws_load_balancer_controller");
        String values = lbc.path("values").toString();
        assertTrue(values.contains("local.stage1.load_balancer_controller_role_arn"), values);
        assertTrue(values.contains("eks.amazonaws.com/role-arn"), values);
        JsonNode trust = ManifestWiringTest.module(Roots.AWS, "cluster")
                .resource("aws_iam_role", "load_balancer_controller")
                .path("assume_role_policy");
        assertTrue(
                trust.asText().contains("system:serviceaccount:kube-system:aws-load-balancer-controller"),
                trust.asText());
        assertTrue(values.contains("aws-load-balancer-controller"), values);
    }

    @Test
    void azureSecretsReaderGetsItsClientIdFromStage1BeforeFlux() {
        Config stage2 = Parsed.dir(addons(Roots.AZURE));
        JsonNode manifest =
                stage2.resource("kubernetes_manifest", "secrets_reader").path("manifest");
        Map<String, Object> sa = Manifests.kind(Roots.AZURE, "platform/secret-store.yaml", "ServiceAccount");
        String text = manifest.toString();
        for (String field : List.of("metadata.name", "metadata.namespace")) {
            assertTrue(text.contains("\"" + Manifests.at(sa, field) + "\""), field + " in " + text);
        }
        assertTrue(
                text.contains("\"azure.workload.identity/client-id\":\"${local.stage1.secrets_reader_client_id}\""),
                text);
        Map<?, ?> labels = (Map<?, ?>) Manifests.at(sa, "metadata.labels");
        assertEquals("true", String.valueOf(labels.get("azure.workload.identity/use")));
        assertEquals(
                "${module.secrets_access.client_id}",
                Parsed.dir(Roots.root(Roots.AZURE)).output("secrets_reader_client_id"));
        JsonNode flux = stage2.resource("flux_bootstrap_git", "this");
        assertTrue(
                strings(flux.path("depends_on")).contains("${kubernetes_manifest.secrets_reader}"),
                flux.path("depends_on").toString());
    }

    static Path addons(String env) {
        return Roots.root(env).resolve(ClusterContext.ADDONS);
    }

    /** Variables of one folder that have no default. */
    private static Set<String> withoutDefault(Path dir) {
        Map<String, JsonNode> variables = new TreeMap<>();
        Parsed.under(dir).forEach((path, json) -> {
            if (path.getParent().equals(dir)) {
                json.path("variable")
                        .fields()
                        .forEachRemaining(
                                v -> variables.put(v.getKey(), v.getValue().get(0)));
            }
        });
        Set<String> out = new TreeSet<>();
        variables.forEach((name, body) -> {
            if (!body.has("default")) {
                out.add(name);
            }
        });
        return out;
    }

    private static String text(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                out.append(Files.readString(f));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yaml(Path file) {
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
                if (doc != null) {
                    out.add((Map<String, Object>) doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
