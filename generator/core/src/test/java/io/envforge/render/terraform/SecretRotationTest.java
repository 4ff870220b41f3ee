package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.pipeline.Envforge;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation per secret, as Terraform would carry it out: a write-only value is re-sent exactly when its version
 * changes, so the secrets whose version differs between an environment with default counters (dev1) and one whose
 * spec raised two counters (use1: {@code rotation.api.admin: 2}, {@code encryptionKey.integration: 3}) are exactly
 * the secrets that get a new value. Every value has a secret and a counter of its own; the encryption key's counter
 * is used by nothing else.
 */
class SecretRotationTest {

    private static final Pattern EACH = Pattern.compile("^\\$\\{each\\.value\\.([a-z_]+)}$");
    private static final List<String> SECRETS =
            List.of("layer_db", "layer_internal", "layer_keystore", "layer_encryption");

    @Test
    void raisingACounterRewritesThatSecretOnly() {
        Map<String, Integer> before = versions(Roots.AWS);
        Map<String, Integer> after = versions(Roots.AWS_OTHER_REGION);
        TreeSet<String> rewritten = new TreeSet<>();
        before.forEach((secret, version) -> {
            if (!version.equals(after.get(secret))) {
                rewritten.add(secret);
            }
        });
        assertEquals(new TreeSet<>(List.of("api-gateway/layer_internal", "integration/layer_encryption")), rewritten);
        assertEquals(2, after.get("api-gateway/layer_internal"));
        assertEquals(3, after.get("integration/layer_encryption"));
    }

    @Test
    void eachSecretHasItsOwnCounterAndItsOwnGeneratedValue() {
        for (String env : List.of(Roots.AWS, Roots.AZURE)) {
            Config db = ManifestWiringTest.module(env, "database");
            TreeSet<String> counters = new TreeSet<>();
            for (String secret : SECRETS) {
                JsonNode version = versionResource(env, db, secret);
                counters.add(counter(version.path(versionArgument(env)).asText()));
                String json = version.path(valueArgument(env)).asText();
                Matcher generated = Pattern.compile("ephemeral\\.random_password\\.([a-z_]+)\\[")
                        .matcher(json);
                TreeSet<String> passwords = new TreeSet<>();
                while (generated.find()) {
                    passwords.add(generated.group(1));
                }
                assertEquals(1, passwords.size(), env + " " + secret + " writes one generated value: " + json);
            }
            assertEquals(
                    new TreeSet<>(List.of("admin_version", "db_version", "encryption_key_version", "keystore_version")),
                    counters,
                    env + ": one counter per secret");
        }
    }

    @Test
    void azureAdminPasswordFollowsItsCounterOnTheServerAndInKeyVault() {
        assertEquals(
                1,
                Parsed.dir(Roots.root(Roots.AZURE))
                        .module("database")
                        .path("admin_password_version")
                        .asInt());
        Config db = ManifestWiringTest.module(Roots.AZURE, "database");
        assertEquals(
                "${var.admin_password_version}",
                db.resource("azurerm_postgresql_flexible_server", "this")
                        .path("administrator_password_wo_version")
                        .asText());
        assertEquals(
                "${var.admin_password_version}",
                db.resource("azurerm_key_vault_secret", "admin")
                        .path("value_wo_version")
                        .asText());
    }

    @Test
    void awsRefusesAnAdminRotationCounterWithAFix(@TempDir Path temp) {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        ws.write("environments/aws9.yaml", """
                apiVersion: envforge.io/v1alpha1
                kind: Environment
                metadata:
                  name: aws9
                spec:
                  cloud: aws
                  network:
                    cidr: 10.40.0.0/20
                  secrets:
                    rotation:
                      databaseAdmin: 2
                """);
        GenerateRequest request = GenerateRequest.builder(ws.root())
                .environments(List.of("aws9"))
                .schemas(TestWorkspace.SCHEMAS)
                .mode(GenerateRequest.Mode.WRITE)
                .build();
        EnvforgeException e = assertThrows(
                EnvforgeException.class, () -> Envforge.standard(ws.root()).generate(request));
        Problem problem = e.problems().get(0);
        assertEquals(
                List.of("environments/aws9.yaml", "spec.secrets.rotation.databaseAdmin", "2"),
                List.of(problem.file(), problem.path(), problem.value()));
        assertTrue(problem.fix().contains("rotate-secret"), problem.fix());
    }

    /** Per layer and secret resource, the version Terraform sends with its write-only value. */
    private static Map<String, Integer> versions(String env) {
        JsonNode layers = Parsed.dir(Roots.root(env)).module("database").path("layers");
        Config db = ManifestWiringTest.module(env, "database");
        Map<String, Integer> out = new TreeMap<>();
        layers.fields().forEachRemaining(layer -> {
            for (String secret : SECRETS) {
                String counter = counter(versionResource(env, db, secret)
                        .path(versionArgument(env))
                        .asText());
                out.put(
                        layer.getKey() + "/" + secret,
                        layer.getValue().path(counter).asInt(1));
            }
        });
        return out;
    }

    private static JsonNode versionResource(String env, Config db, String secret) {
        return env.equals(Roots.AZURE)
                ? db.resource("azurerm_key_vault_secret", secret)
                : db.resource("aws_secretsmanager_secret_version", secret);
    }

    private static String versionArgument(String env) {
        return env.equals(Roots.AZURE) ? "value_wo_version" : "secret_string_wo_version";
    }

    private static String valueArgument(String env) {
        return env.equals(Roots.AZURE) ? "value_wo" : "secret_string_wo";
    }

    private static String counter(String expression) {
        Matcher m = EACH.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError("a secret's version is not a per-layer counter: " + expression);
        }
        return m.group(1);
    }
}
