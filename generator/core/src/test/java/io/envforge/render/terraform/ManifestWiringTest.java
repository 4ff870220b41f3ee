package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests and the Terraform root of one environment agree: every name the overlay uses (NFS server and path,
 * database host, secret keys, subnet names, API addresses, the secrets reader) is what the root hands to the
 * modules, and the root's outputs lead to the resources that create it.
 */
class ManifestWiringTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void nfsServerAndPathAreWhatTerraformCreates(String env) {
        Map<String, Object> pv = Manifests.kind(env, "platform/storage.yaml", "PersistentVolume");
        Config root = Parsed.dir(Roots.root(env));
        JsonNode nfs = root.module("nfs");
        assertEquals(Manifests.at(pv, "spec.nfs.server"), nfs.path("hostname").asText());
        assertEquals("${module.nfs.hostname}", root.output("nfs_server"));
        assertEquals("${module.nfs.path}", root.output("nfs_path"));
        Config module = module(env, "nfs");
        if (env.equals(Roots.AWS)) {
            assertEquals("${aws_route53_record.nfs.fqdn}", module.output("hostname"));
            assertEquals(
                    "${var.hostname}",
                    module.resource("aws_route53_record", "nfs").path("name").asText());
            assertEquals("/", module.output("path"));
            assertEquals("/", Manifests.at(pv, "spec.nfs.path"));
        } else {
            assertTrue(module.output("hostname").contains("azurerm_private_dns_cname_record.nfs.name"));
            assertEquals(
                    "${trimsuffix(var.hostname, \".${var.zone_name}\")}",
                    module.resource("azurerm_private_dns_cname_record", "nfs")
                            .path("name")
                            .asText());
            assertEquals(
                    "/" + nfs.path("storage_account_name").asText() + "/"
                            + nfs.path("share_name").asText(),
                    Manifests.at(pv, "spec.nfs.path"));
            assertEquals(
                    "/${azurerm_storage_account.this.name}/${azurerm_storage_share.this.name}", module.output("path"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void databaseHostIsTheRecordTerraformCreates(String env) {
        Config root = Parsed.dir(Roots.root(env));
        String host = root.module("database").path("hostname").asText();
        for (String layer : List.of("api-gateway", "integration")) {
            Map<String, Object> values =
                    Manifests.docs(env, "layers/" + layer + ".values.yaml").get(0);
            assertEquals(host, Manifests.at(values, "database.host"), layer);
        }
        assertEquals("${module.database.hostname}", root.output("database_host"));
        Config module = module(env, "database");
        String record = env.equals(Roots.AWS) ? "aws_route53_record" : "azurerm_private_dns_cname_record";
        assertTrue(module.output("hostname").contains(record + ".db."), module.output("hostname"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void externalSecretsReadTheSecretsTerraformWrites(String env) {
        TreeSet<String> read = new TreeSet<>();
        TreeSet<String> properties = new TreeSet<>();
        for (Map<String, Object> es : Manifests.docs(env, "platform/external-secrets.yaml")) {
            Map<String, Object> spec = cast(es.get("spec"));
            for (Object d : (List<?>) spec.getOrDefault("data", List.of())) {
                read.add((String) Manifests.at(d, "remoteRef.key"));
                properties.add((String) Manifests.at(d, "remoteRef.property"));
            }
            for (Object d : (List<?>) spec.getOrDefault("dataFrom", List.of())) {
                read.add((String) Manifests.at(d, "extract.key"));
            }
        }
        JsonNode layers = Parsed.dir(Roots.root(env)).module("database").path("layers");
        TreeSet<String> written = new TreeSet<>();
        layers.forEach(l -> {
            for (String field : List.of("db_secret", "internal_secret", "keystore_secret", "encryption_secret")) {
                written.add(l.path(field).asText());
            }
        });
        assertEquals(written, read);
        assertEquals(new TreeSet<>(List.of("password", "username")), properties);
        Config module = module(env, "database");
        String type = env.equals(Roots.AWS) ? "aws_secretsmanager_secret" : "azurerm_key_vault_secret";
        String valueArg = env.equals(Roots.AWS) ? "secret_string_wo" : "value_wo";
        assertEquals(
                "${each.value.db_secret}",
                module.resource(type, "layer_db").path("name").asText());
        assertEquals(
                "${each.value.internal_secret}",
                module.resource(type, "layer_internal").path("name").asText());
        String versionType = env.equals(Roots.AWS) ? "aws_secretsmanager_secret_version" : type;
        String dbJson = module.resource(versionType, "layer_db").path(valueArg).asText();
        for (String key : properties) {
            assertTrue(dbJson.contains(key + " "), key + " in " + dbJson);
        }
        // The keys the charts read from the internal Secret, each from the secret store entry that holds it.
        Map<String, List<String>> keys = Map.of(
                "layer_internal",
                List.of("admin-username", "admin-password"),
                "layer_keystore",
                List.of("keystore-password"),
                "layer_encryption",
                List.of("encryption-key"));
        keys.forEach((resource, names) -> {
            String json = module.resource(versionType, resource).path(valueArg).asText();
            for (String key : names) {
                assertTrue(json.contains("\"" + key + "\""), key + " in " + json);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void ingressSubnetsAddressesAndSourceRangesMatchTheChartValues(String env) {
        Map<String, Object> values =
                Manifests.docs(env, "layers/api-gateway.values.yaml").get(0);
        Config root = Parsed.dir(Roots.root(env));
        JsonNode subnets = root.module("network").path("subnets");
        List<String> names = new ArrayList<>();
        for (String key : List.of("ingress-a", "ingress-b")) {
            names.add(subnets.path(key).path("name").asText());
        }
        assertEquals(Manifests.at(values, "internalLoadBalancer.subnets"), names);
        List<String> addresses = new ArrayList<>();
        root.block("output", "api_addresses").path("value").forEach(a -> addresses.add(a.asText()));
        assertEquals(Manifests.at(values, "internalLoadBalancer.addresses"), addresses);
        List<String> onPrem = new ArrayList<>();
        root.module("vpn").path("on_prem_cidrs").forEach(c -> onPrem.add(c.asText()));
        assertEquals(Manifests.at(values, "internalLoadBalancer.sourceRanges"), onPrem);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void secretStoreAuthenticatesAsTheIdentityTerraformCreates(String env) {
        Config root = Parsed.dir(Roots.root(env));
        JsonNode access = root.module("secrets_access");
        Map<String, Object> sa = Manifests.kind(env, "platform/secret-store.yaml", "ServiceAccount");
        Map<String, Object> store = Manifests.kind(env, "platform/secret-store.yaml", "SecretStore");
        assertEquals(
                Manifests.at(sa, "metadata.name"),
                access.path("service_account").asText());
        assertEquals(
                Manifests.at(sa, "metadata.namespace"), access.path("namespace").asText());
        Map<String, Object> annotations = cast(Manifests.at(sa, "metadata.annotations"));
        if (env.equals(Roots.AWS)) {
            String arn = (String) annotations.get("eks.amazonaws.com/role-arn");
            assertTrue(arn.endsWith(":role/" + access.path("role_name").asText()), arn);
            assertEquals("${module.secrets_access.role_arn}", root.output("secrets_reader_role_arn"));
        } else {
            assertEquals(
                    "https://" + access.path("key_vault_name").asText() + ".vault.azure.net/",
                    Manifests.at(store, "spec.provider.azurekv.vaultUrl"));
            assertEquals("${module.secrets_access.client_id}", root.output("secrets_reader_client_id"));
        }
    }

    /** The module a root's call points at, parsed. */
    static Config module(String env, String call) {
        String source = Parsed.dir(Roots.root(env)).module(call).path("source").asText();
        return Parsed.dir(Roots.root(env).resolve(source).normalize());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
