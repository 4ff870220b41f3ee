package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Properties of the generated roots of an AWS (dev1) and an Azure (tst2) environment, followed into the modules
 * they call: a multi-zone, encrypted, private database with backups and deletion protection; a two-zone encrypted NFS
 * share; no public exposure; a route for every on-prem CIDR; one locked state per environment.
 */
class GeneratedRootTest {

    private static final List<String> ON_PREM = List.of("10.0.0.0/16", "172.16.0.0/16");

    private final Config aws = Parsed.dir(Roots.root(Roots.AWS));
    private final Config azure = Parsed.dir(Roots.root(Roots.AZURE));

    @Test
    void awsDatabaseIsMultiAzEncryptedPrivateAndProtected() {
        JsonNode db = ManifestWiringTest.module(Roots.AWS, "database").resource("aws_db_instance", "this");
        assertTrue(db.path("multi_az").asBoolean());
        assertTrue(db.path("storage_encrypted").asBoolean());
        assertFalse(db.path("publicly_accessible").asBoolean(true));
        // protected unless the pipeline's decommission sets the root's decommission (default false)
        assertEquals(
                "${var.deletion_protection}", db.path("deletion_protection").asText());
        assertTrue(ManifestWiringTest.module(Roots.AWS, "database")
                .block("variable", "deletion_protection")
                .path("default")
                .asBoolean());
        assertEquals(
                "${!var.decommission}",
                aws.module("database").path("deletion_protection").asText());
        assertFalse(aws.block("variable", "decommission").path("default").asBoolean(true));
        assertFalse(db.path("skip_final_snapshot").asBoolean(true), "the final snapshot is taken");
        assertEquals(
                "${var.backup_retention_days}",
                db.path("backup_retention_period").asText());
        assertTrue(db.path("manage_master_user_password").asBoolean(), "RDS holds the admin password");
        assertFalse(db.has("password"), "the admin password must not be in the state");
        assertEquals(
                "${module.network.data_subnet_ids}",
                aws.module("database").path("subnet_ids").asText());
        assertEquals(text(aws.module("network").path("subnets"), "data-a", "zone"), "eu-west-1a");
        assertEquals(text(aws.module("network").path("subnets"), "data-b", "zone"), "eu-west-1b");
    }

    @Test
    void azureDatabaseIsZoneRedundantPrivateAndProtected() {
        Config module = ManifestWiringTest.module(Roots.AZURE, "database");
        JsonNode db = module.resource("azurerm_postgresql_flexible_server", "this");
        assertEquals(
                "ZoneRedundant",
                db.path("high_availability").get(0).path("mode").asText());
        assertEquals(
                "${var.zones[1]}",
                db.path("high_availability")
                        .get(0)
                        .path("standby_availability_zone")
                        .asText());
        assertEquals("${var.zones[0]}", db.path("zone").asText());
        assertFalse(db.path("public_network_access_enabled").asBoolean(true));
        assertFalse(db.has("administrator_password"), "the admin password must not be in the state");
        JsonNode lock = module.resource("azurerm_management_lock", "no_delete");
        assertEquals("CanNotDelete", lock.path("lock_level").asText());
        assertEquals("${var.delete_lock ? 1 : 0}", lock.path("count").asText());
        assertTrue(module.block("variable", "delete_lock").path("default").asBoolean());
        assertEquals(
                "${!var.decommission}",
                azure.module("database").path("delete_lock").asText());
        assertEquals(List.of("1", "2"), strings(azure.module("database").path("zones")));
    }

    @Test
    void nfsSpansBothZonesEncryptedAndOnlyForTheWorkloads() {
        Config efs = ManifestWiringTest.module(Roots.AWS, "nfs");
        assertTrue(efs.resource("aws_efs_file_system", "this").path("encrypted").asBoolean());
        assertEquals(
                "${length(var.subnet_ids)}",
                efs.resource("aws_efs_mount_target", "this").path("count").asText());
        assertEquals(
                "${module.network.data_subnet_ids}",
                aws.module("nfs").path("subnet_ids").asText());
        JsonNode rule = efs.resource("aws_vpc_security_group_ingress_rule", "nfs");
        assertEquals(2049, rule.path("from_port").asInt());
        assertEquals(
                List.of("10.20.0.0/22", "10.20.4.0/22"),
                strings(aws.module("nfs").path("client_cidrs")));

        JsonNode account = ManifestWiringTest.module(Roots.AZURE, "nfs").resource("azurerm_storage_account", "this");
        assertEquals("ZRS", account.path("account_replication_type").asText());
        assertTrue(account.path("infrastructure_encryption_enabled").asBoolean());
        assertFalse(account.path("public_network_access_enabled").asBoolean(true));
        JsonNode dataRule = Parsed.dir(Roots.modules().resolve("azure/network"))
                .resource("azurerm_network_security_rule", "data_from_workload");
        assertEquals(
                "${local.workload_cidrs}",
                dataRule.path("source_address_prefixes").asText());
        assertEquals(List.of(2049, 5432), ints(azure.module("network").path("data_ports")));
    }

    /**
     * Public resources exist only where they must: the Azure VPN gateway's addresses and the Azure NAT gateway's
     * (AKS needs a way out to Entra ID), and on AWS the internet and NAT gateways of {@code egress = "nat"} only, each
     * counted by {@code local.nat}; no load balancer anywhere.
     */
    @Test
    void nothingIsPublicExceptTheGatewaysThatMustBe() {
        for (Map.Entry<Path, JsonNode> file : Parsed.under(Roots.modules()).entrySet()) {
            JsonNode resources = file.getValue().path("resource");
            boolean awsEgress = file.getKey().endsWith("aws/network/egress.tf");
            for (String type : List.of("aws_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_route_table")) {
                if (awsEgress) {
                    resources
                            .path(type)
                            .fields()
                            .forEachRemaining(r -> assertEquals(
                                    "${local.nat ? 1 : 0}",
                                    r.getValue().get(0).path("count").asText(),
                                    type + "." + r.getKey()));
                } else if (!type.equals("aws_route_table")) {
                    assertFalse(resources.has(type), file.getKey() + " creates " + type);
                }
            }
            assertFalse(resources.has("aws_lb"), file.getKey().toString());
            if (!file.getKey().endsWith("azure/vpn/vpn.tf") && !file.getKey().endsWith("azure/network/egress.tf")) {
                assertFalse(resources.has("azurerm_public_ip"), file.getKey().toString());
            }
        }
        JsonNode subnet = Parsed.dir(Roots.modules().resolve("aws/network")).resource("aws_subnet", "this");
        assertFalse(subnet.path("map_public_ip_on_launch").asBoolean(true));
        JsonNode dataIn =
                Parsed.dir(Roots.modules().resolve("aws/network")).resource("aws_network_acl_rule", "data_in");
        assertEquals("${var.cidr}", dataIn.path("cidr_block").asText());
        assertEquals("endpoints", aws.module("network").path("egress").asText());
    }

    @Test
    void everyOnPremCidrIsRoutedThroughTheVpn() {
        assertEquals(ON_PREM, strings(aws.module("vpn").path("on_prem_cidrs")));
        assertEquals("vpn", aws.module("vpn").path("connectivity").asText());
        Config vpn = ManifestWiringTest.module(Roots.AWS, "vpn");
        for (String type : List.of("aws_route", "aws_vpn_connection_route")) {
            String name = type.equals("aws_route") ? "onprem_vpn" : "onprem";
            assertEquals(
                    "${local.vpn ? toset(var.on_prem_cidrs) : toset([])}",
                    vpn.resource(type, name).path("for_each").asText(),
                    type);
        }
        JsonNode connection = vpn.resource("aws_vpn_connection", "this");
        assertTrue(connection.path("static_routes_only").asBoolean());
        assertEquals(
                "${local.hub ? toset(var.on_prem_cidrs) : toset([])}",
                vpn.resource("aws_route", "onprem_hub").path("for_each").asText());

        assertEquals(ON_PREM, strings(azure.module("vpn").path("on_prem_cidrs")));
        JsonNode local =
                ManifestWiringTest.module(Roots.AZURE, "vpn").resource("azurerm_local_network_gateway", "onprem");
        assertEquals("${var.on_prem_cidrs}", local.path("address_space").asText());
    }

    @Test
    void eachEnvironmentHasItsOwnLockedState() {
        JsonNode s3 = aws.block("terraform").path("backend").path("s3").get(0);
        assertEquals("envforge/dev1/terraform.tfstate", s3.path("key").asText());
        assertTrue(s3.path("use_lockfile").asBoolean());
        assertTrue(s3.path("encrypt").asBoolean());
        JsonNode blob = azure.block("terraform").path("backend").path("azurerm").get(0);
        assertEquals("envforge/tst2.tfstate", blob.path("key").asText());
    }

    private static String text(JsonNode subnets, String key, String field) {
        return subnets.path(key).path(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
