package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The VPN side of the generated roots as AWS would see it: two VPN environments ask for two different customer
 * gateways (CreateCustomerGateway returns the existing object for an identical type, IP, ASN and device name); the
 * tunnels' pre-shared keys stay in Secrets Manager; every environment's state backend points at the bucket's region;
 * the Azure gateway is active-active; both clouds route statically, as the environment's diagram says.
 */
class OnPremLinkTest {

    private static final Pattern VAR = Pattern.compile("^\\$\\{(?:tostring\\()?var\\.([a-z_]+)\\)?}$");

    @Test
    void twoVpnEnvironmentsCreateTwoCustomerGateways() {
        List<String> keys = new ArrayList<>();
        for (String env : List.of(Roots.AWS, Roots.AWS_OTHER_REGION)) {
            JsonNode call = Parsed.dir(Roots.root(env)).module("vpn");
            assertEquals("vpn", call.path("connectivity").asText(), env);
            JsonNode gateway = ManifestWiringTest.module(env, "vpn").resource("aws_customer_gateway", "onprem");
            // The request's identity as CreateCustomerGateway compares it.
            keys.add(String.join(
                    "|",
                    gateway.path("type").asText(),
                    value(gateway, "ip_address", call),
                    value(gateway, "bgp_asn", call),
                    value(gateway, "device_name", call)));
        }
        assertEquals(keys.get(0).split("\\|")[1], keys.get(1).split("\\|")[1], "same on-prem device IP");
        assertNotEquals(keys.get(0), keys.get(1), "identical requests return one shared customer gateway");
    }

    @Test
    void tunnelKeysAreKeptInSecretsManagerNotInTheState() {
        Config vpn = ManifestWiringTest.module(Roots.AWS, "vpn");
        JsonNode connection = vpn.resource("aws_vpn_connection", "this");
        assertEquals("SecretsManager", connection.path("preshared_key_storage").asText());
        assertFalse(connection.has("tunnel1_preshared_key") || connection.has("tunnel2_preshared_key"));
        assertEquals(
                "${local.vpn ? aws_vpn_connection.this[0].preshared_key_arn : null}", vpn.output("preshared_key_arn"));
        assertEquals(
                "${module.vpn.preshared_key_arn}",
                Parsed.dir(Roots.root(Roots.AWS)).output("vpn_preshared_key_secret_arn"));
    }

    @Test
    void everyAwsBackendUsesTheBucketsRegionWhateverTheEnvironmentsRegion() {
        for (String env : List.of(Roots.AWS, Roots.AWS_OTHER_REGION)) {
            Config root = Parsed.dir(Roots.root(env));
            JsonNode s3 = root.block("terraform").path("backend").path("s3").get(0);
            assertEquals("acme-envforge-terraform-state", s3.path("bucket").asText(), env);
            assertEquals("eu-west-1", s3.path("region").asText(), env);
        }
        assertEquals(
                "us-east-1",
                Parsed.dir(Roots.root(Roots.AWS_OTHER_REGION))
                        .block("provider", "aws")
                        .path("region")
                        .asText());
    }

    @Test
    void azureGatewayIsActiveActiveWithOnePublicAddressPerInstance() {
        Config vpn = ManifestWiringTest.module(Roots.AZURE, "vpn");
        JsonNode gateway = vpn.resource("azurerm_virtual_network_gateway", "this");
        assertTrue(gateway.path("active_active").asBoolean());
        JsonNode config = gateway.path("dynamic").path("ip_configuration").get(0);
        assertEquals("${local.gateway_instances}", config.path("for_each").asText());
        assertEquals(
                "${azurerm_public_ip.gateway[ip_configuration.value].id}",
                config.path("content").get(0).path("public_ip_address_id").asText());
        assertEquals(
                "${toset(local.gateway_instances)}",
                vpn.resource("azurerm_public_ip", "gateway").path("for_each").asText());
        List<String> instances = new ArrayList<>();
        vpn.files()
                .forEach(f -> f.path("locals").forEach(l -> {
                    if (l.has("gateway_instances")) {
                        instances.add(l.path("gateway_instances").asText());
                    }
                }));
        assertEquals(List.of("${local.vpn ? [\"1\", \"2\"] : []}"), instances);
        assertEquals(
                "${module.vpn.gateway_public_ips}",
                Parsed.dir(Roots.root(Roots.AZURE)).output("vpn_gateway_ips"));
    }

    @Test
    void bothCloudsRouteStaticallyAndTheDiagramSaysSo() throws IOException {
        assertTrue(ManifestWiringTest.module(Roots.AWS, "vpn")
                .resource("aws_vpn_connection", "this")
                .path("static_routes_only")
                .asBoolean());
        Config azure = ManifestWiringTest.module(Roots.AZURE, "vpn");
        assertFalse(azure.resource("azurerm_virtual_network_gateway", "this")
                .path("enable_bgp")
                .asBoolean(true));
        assertFalse(azure.resource("azurerm_local_network_gateway", "onprem").has("bgp_settings"));
        assertFalse(azure.resource("azurerm_virtual_network_gateway_connection", "onprem")
                .path("enable_bgp")
                .asBoolean(false));
        for (String env : List.of(Roots.AWS, Roots.AZURE)) {
            String doc = Files.readString(Roots.overlay(env).resolve("ENVIRONMENT.md"));
            String diagram = doc.substring(doc.indexOf("```mermaid"));
            assertFalse(diagram.contains("BGP"), env + ": the diagram shows BGP, the VPN uses static routes");
            assertTrue(diagram.contains("onpremgw <-->|\"IPsec VPN, 2 tunnels, static routes\"| gw"), env);
        }
    }

    /** A module argument that is a plain variable reference, resolved to the literal the root passes. */
    private static String value(JsonNode resource, String argument, JsonNode call) {
        String expression = resource.path(argument).asText();
        Matcher m = VAR.matcher(expression);
        if (!m.matches()) {
            throw new AssertionError(argument + " is not a plain variable reference: " + expression);
        }
        JsonNode literal = call.path(m.group(1));
        if (literal.isMissingNode() || literal.asText().startsWith("${")) {
            throw new AssertionError("the root passes no literal for " + m.group(1));
        }
        return literal.asText();
    }
}
