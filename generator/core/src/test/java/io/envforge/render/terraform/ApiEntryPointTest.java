package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.envforge.network.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API entry point as the rendered chart and the generated Terraform build it together: the cloud firewall admits
 * on-prem clients on exactly the ports the internal load balancer Service listens on; on AWS the Service names the
 * security group Terraform creates (by its Name tag, which the AWS Load Balancer Controller accepts), and the two
 * fixed addresses are reserved in the subnets that hold them.
 */
class ApiEntryPointTest {

    private static final String SECURITY_GROUPS = "service.beta.kubernetes.io/aws-load-balancer-security-groups";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Roots.AWS, Roots.AZURE})
    void firewallAdmitsExactlyTheLoadBalancerPorts(String env) {
        TreeSet<Integer> listened = new TreeSet<>();
        for (Map<String, Object> service : internalServices(env)) {
            for (Object port : (List<?>) Manifests.at(service, "spec.ports")) {
                listened.add(((Number) Manifests.at(port, "port")).intValue());
            }
        }
        assertEquals(new TreeSet<>(List.of(443, 8099, 9443)), listened, "the chart's internal load balancer ports");
        TreeSet<Integer> admitted = new TreeSet<>();
        Parsed.dir(Roots.root(env)).module("vpn").path("api_ports").forEach(p -> admitted.add(p.asInt()));
        assertEquals(listened, admitted);
        Config vpn = ManifestWiringTest.module(env, "vpn");
        if (env.equals(Roots.AWS)) {
            assertEquals(
                    "${local.api_rules}",
                    vpn.resource("aws_vpc_security_group_ingress_rule", "onprem_api")
                            .path("for_each")
                            .asText());
        } else {
            assertEquals(
                    "${[for p in var.api_ports : tostring(p)]}",
                    vpn.resource("azurerm_network_security_rule", "onprem_api")
                            .path("destination_port_ranges")
                            .asText());
        }
    }

    @Test
    void awsLoadBalancerCarriesTheSecurityGroupTerraformCreates() {
        Map<String, Object> service = internalServices(Roots.AWS).get(0);
        Map<String, Object> annotations = cast(Manifests.at(service, "metadata.annotations"));
        String name =
                Parsed.dir(Roots.root(Roots.AWS)).module("vpn").path("name").asText();
        JsonNode group = ManifestWiringTest.module(Roots.AWS, "vpn").resource("aws_security_group", "api_entry");
        String nameTag = group.path("tags").asText();
        assertTrue(nameTag.contains("{ Name = \"${var.name}-api-entry\" }"), nameTag);
        assertEquals(name + "-api-entry", annotations.get(SECURITY_GROUPS));
        assertEquals(
                "true",
                annotations.get("service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules"));
        Map<String, Object> azure =
                cast(Manifests.at(internalServices(Roots.AZURE).get(0), "metadata.annotations"));
        assertFalse(azure.containsKey(SECURITY_GROUPS));
    }

    @Test
    void awsReservesEachFixedAddressInTheSubnetHoldingIt() {
        Config root = Parsed.dir(Roots.root(Roots.AWS));
        JsonNode network = root.module("network");
        Map<String, String> reserved = new TreeMap<>();
        network.path("api_addresses")
                .fields()
                .forEachRemaining(e -> reserved.put(e.getKey(), e.getValue().asText()));
        Map<String, Object> values =
                Manifests.docs(Roots.AWS, "layers/api-gateway.values.yaml").get(0);
        assertEquals(Manifests.at(values, "internalLoadBalancer.addresses"), new ArrayList<>(reserved.values()));
        List<String> subnetNames = new ArrayList<>();
        reserved.forEach((key, address) -> {
            JsonNode subnet = network.path("subnets").path(key);
            assertTrue(Cidr.parse(subnet.path("cidr").asText()).contains(Cidr.parse(address + "/32")), key);
            subnetNames.add(subnet.path("name").asText());
        });
        assertEquals(Manifests.at(values, "internalLoadBalancer.subnets"), subnetNames);
        JsonNode reservation =
                ManifestWiringTest.module(Roots.AWS, "network").resource("aws_ec2_subnet_cidr_reservation", "api");
        assertEquals("explicit", reservation.path("reservation_type").asText());
        assertEquals("${each.value}/32", reservation.path("cidr_block").asText());
        assertEquals(
                "${aws_subnet.this[each.key].id}", reservation.path("subnet_id").asText());
        assertEquals("${var.api_addresses}", reservation.path("for_each").asText());
    }

    private static List<Map<String, Object>> internalServices(String env) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> doc : Manifests.docs(env, "layers/api-gateway.yaml")) {
            if ("Service".equals(doc.get("kind")) && "LoadBalancer".equals(Manifests.at(doc, "spec.type"))) {
                out.add(doc);
            }
        }
        assertFalse(out.isEmpty(), "no internal load balancer Service in " + env);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
