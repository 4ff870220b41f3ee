package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The VPN side of the generated roots as AWS would see it: two VPN environments ask for two different customer
 * gateways (CreateCustomerGateway returns the existing object for an identical type, IP, ASN and device name); the
 * tunnels' pre-shared keys stay in Secrets Manager; every environment's state backend points at the bucket's region.
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
            keys.add(String.join("|", gateway.path("type").asText(), value(gateway, "ip_address", call),
                    value(gateway, "bgp_asn", call), value(gateway, "device_name", call)));
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
        assertEquals("${local.vpn ? aws_vpn_connection.this[0].preshared_key_arn : null}",
                vpn.output("preshared_key_arn"));
        assertEquals("${module.vpn.preshared_key_arn}",
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
        assertEquals("us-east-1",
                Parsed.dir(Roots.root(Roots.AWS_OTHER_REGION)).block("provider", "aws").path("region").asText());
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
