package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.TestWorkspace;
import io.envforge.api.GenerateRequest;
import io.envforge.pipeline.Envforge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes in private subnets reach what they need without an internet path: on AWS interface endpoints with private
 * DNS for every API the nodes and controllers call, reachable on 443 from the VPC, the S3 gateway endpoint on the
 * private route table, and the environment's own registry; on Azure private endpoints for the registry and the Key
 * Vault, and the NAT gateway the cluster goes out through. The platform's {@code egress: nat} switches AWS to a NAT
 * gateway. (The same roots are applied against moto by tools/tofu/e2e.sh.)
 */
class PrivateNetworkTest {

    private final Config awsNetwork = Parsed.dir(Roots.modules().resolve("aws/network"));

    @TempDir
    Path temp;

    @Test
    void everyApiTheClusterCallsHasAnInterfaceEndpointWithPrivateDns() {
        JsonNode services = awsNetwork.block("variable", "interface_endpoints").path("default");
        assertEquals(
                List.of("ecr.api", "ecr.dkr", "sts", "ec2", "elasticloadbalancing", "secretsmanager", "logs"),
                strings(services));
        JsonNode endpoint = awsNetwork.resource("aws_vpc_endpoint", "interface");
        assertEquals("${local.interface_endpoints}", endpoint.path("for_each").asText());
        assertEquals("Interface", endpoint.path("vpc_endpoint_type").asText());
        assertTrue(endpoint.path("private_dns_enabled").asBoolean());
        assertEquals("${local.endpoint_subnet_ids}", endpoint.path("subnet_ids").asText());
        assertEquals(
                "${var.egress == \"endpoints\" ? toset(var.interface_endpoints) : toset([])}",
                local(awsNetwork, "interface_endpoints"));

        JsonNode https = awsNetwork.resource("aws_vpc_security_group_ingress_rule", "endpoints_https");
        assertEquals(443, https.path("from_port").asInt());
        assertEquals(443, https.path("to_port").asInt());
        assertEquals("${var.cidr}", https.path("cidr_ipv4").asText());

        JsonNode s3 = awsNetwork.resource("aws_vpc_endpoint", "s3");
        assertEquals("Gateway", s3.path("vpc_endpoint_type").asText());
        assertEquals(List.of("${aws_route_table.private.id}"), strings(s3.path("route_table_ids")));
        assertFalse(s3.has("count"), "the S3 gateway endpoint exists in both egress modes");
    }

    @Test
    void theGeneratedRootsCreateTheEnvironmentsRegistryAndCheckItsAddress() throws Exception {
        String aws = Files.readString(Roots.root(Roots.AWS).resolve("registry.tf"));
        assertTrue(
                aws.contains("module.registry.registry_url == \"123456789012.dkr.ecr.eu-west-1.amazonaws.com\""), aws);
        assertTrue(aws.contains("\"wso2am\", \"wso2mi\", \"ansible-runner\""), aws);
        Config awsRegistry = Parsed.dir(Roots.modules().resolve("aws/registry"));
        assertEquals(
                "IMMUTABLE",
                awsRegistry
                        .resource("aws_ecr_repository", "this")
                        .path("image_tag_mutability")
                        .asText());

        String azure = Files.readString(Roots.root(Roots.AZURE).resolve("registry.tf"));
        assertTrue(azure.contains("module.registry.registry_url == \"acrtst2287934.azurecr.io\""), azure);
        Config azureRegistry = Parsed.dir(Roots.modules().resolve("azure/registry"));
        JsonNode acr = azureRegistry.resource("azurerm_container_registry", "this");
        assertEquals("Premium", acr.path("sku").asText());
        assertEquals(
                "${length(var.admin_ip_ranges) > 0}",
                acr.path("public_network_access_enabled").asText());
        assertEquals(
                List.of("registry"),
                strings(azureRegistry
                        .resource("azurerm_private_endpoint", "registry")
                        .path("private_service_connection")
                        .get(0)
                        .path("subresource_names")));
        assertEquals(
                "privatelink.azurecr.io",
                azureRegistry
                        .resource("azurerm_private_dns_zone", "registry")
                        .path("name")
                        .asText());

        Config vault = Parsed.dir(Roots.modules().resolve("azure/secrets-access"));
        assertEquals(
                List.of("vault"),
                strings(vault.resource("azurerm_private_endpoint", "vault")
                        .path("private_service_connection")
                        .get(0)
                        .path("subresource_names")));
        assertEquals(
                "privatelink.vaultcore.azure.net",
                vault.resource("azurerm_private_dns_zone", "vault").path("name").asText());

        String cluster = Files.readString(Roots.root(Roots.AZURE).resolve("cluster.tf"));
        assertTrue(cluster.contains("outbound_type = \"userAssignedNATGateway\""), cluster);
        Config azureNetwork = Parsed.dir(Roots.modules().resolve("azure/network"));
        assertEquals(
                List.of(
                        "${azurerm_subnet_nat_gateway_association.workload}",
                        "${azurerm_nat_gateway_public_ip_association.this}"),
                strings(azureNetwork.block("output", "workload_subnet_ids").path("depends_on")));
    }

    @Test
    void thePlatformCanChooseNatEgress() throws Exception {
        TestWorkspace ws = TestWorkspace.create(temp.resolve("ws"));
        String platform = Files.readString(ws.root().resolve("environments/platform.yaml"));
        ws.write(
                "environments/platform.yaml",
                platform.replace("  connectivity: vpn\n", "  connectivity: vpn\n  egress: nat\n"));
        ws.write("environments/nat1.yaml", """
                apiVersion: envforge.io/v1alpha1
                kind: Environment
                metadata:
                  name: nat1
                spec:
                  cloud: aws
                  network:
                    cidr: 10.43.0.0/20
                """);
        Envforge.standard(ws.root())
                .generate(GenerateRequest.builder(ws.root())
                        .environments("nat1")
                        .schemas(TestWorkspace.SCHEMAS)
                        .mode(GenerateRequest.Mode.WRITE)
                        .build());
        String main = Files.readString(ws.root().resolve("terraform/environments/nat1/main.tf"));
        assertTrue(main.contains("  egress        = \"nat\"\n"), main);
        JsonNode nat = awsNetwork.resource("aws_nat_gateway", "this");
        assertEquals(
                "${aws_subnet.this[local.gateway_key].id}",
                nat.path("subnet_id").asText());
        JsonNode route = awsNetwork.resource("aws_route", "private_default");
        assertEquals("0.0.0.0/0", route.path("destination_cidr_block").asText());
        assertEquals(
                "${aws_nat_gateway.this[0].id}", route.path("nat_gateway_id").asText());
    }

    /** A local value's expression, from whichever {@code locals} block of the folder defines it. */
    private static String local(Config config, String name) {
        for (JsonNode file : config.files()) {
            for (JsonNode locals : file.path("locals")) {
                if (locals.has(name)) {
                    return locals.path(name).asText();
                }
            }
        }
        throw new AssertionError("no local " + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
