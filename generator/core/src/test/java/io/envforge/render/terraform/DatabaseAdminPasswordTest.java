package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database admin password cannot drift from its secret after a partial apply. AWS: RDS manages it (Terraform
 * never holds it; the model's admin secret only points at RDS's). Azure: the secret is written before the server
 * takes the password, and only after Terraform's role assignment on the vault has had time to propagate.
 */
class DatabaseAdminPasswordTest {

    @Test
    void awsUsesTheRdsManagedMasterPassword() {
        Config db = ManifestWiringTest.module(Roots.AWS, "database");
        JsonNode instance = db.resource("aws_db_instance", "this");
        assertTrue(instance.path("manage_master_user_password").asBoolean());
        for (String arg : List.of("password", "password_wo", "password_wo_version")) {
            assertFalse(instance.has(arg), arg + " would make Terraform the password's second writer");
        }
        JsonNode admin = db.resource("aws_secretsmanager_secret_version", "admin");
        String json = admin.path("secret_string").asText();
        assertFalse(json.contains("password ") || json.contains("random_password"), json);
        assertTrue(json.contains("aws_db_instance.this.master_user_secret[0].secret_arn"), json);
        assertEquals(
                "${aws_db_instance.this.master_user_secret[0].secret_arn}", db.output("admin_password_secret_arn"));
        JsonNode access = Parsed.dir(Roots.root(Roots.AWS)).module("secrets_access");
        assertEquals(
                List.of("${module.database.admin_password_secret_arn}"), strings(access.path("extra_secret_arns")));
    }

    @Test
    void azureWritesTheSecretAfterTheRoleAssignmentPropagatedAndBeforeTheServer() {
        Config root = Parsed.dir(Roots.root(Roots.AZURE));
        assertEquals(
                "${module.secrets_access.key_vault_id}",
                root.module("database").path("key_vault_id").asText());
        Config access = ManifestWiringTest.module(Roots.AZURE, "secrets_access");
        JsonNode output = access.block("output", "key_vault_id");
        assertEquals(List.of("${time_sleep.rbac_propagation}"), strings(output.path("depends_on")));
        JsonNode wait = access.resource("time_sleep", "rbac_propagation");
        assertEquals(
                "${azurerm_role_assignment.terraform.id}",
                wait.path("triggers").path("role_assignment_id").asText());
        assertEquals(
                "10m",
                access.block("variable", "rbac_propagation_wait")
                        .path("default")
                        .asText());

        Config db = ManifestWiringTest.module(Roots.AZURE, "database");
        assertEquals(
                "${var.key_vault_id}",
                db.resource("azurerm_key_vault_secret", "admin")
                        .path("key_vault_id")
                        .asText());
        JsonNode server = db.resource("azurerm_postgresql_flexible_server", "this");
        assertEquals(List.of("${azurerm_key_vault_secret.admin}"), strings(server.path("depends_on")));
        assertEquals(
                "${ephemeral.random_password.admin.result}",
                server.path("administrator_password_wo").asText());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
