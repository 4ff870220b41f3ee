package io.envforge.render.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The on-prem peer file's source (output {@code onprem_peer}): the IKE/IPsec proposal it hands to the network team is
 * the one both clouds' connections are pinned to (the same locals, not a copy), the keys appear only by reference, and
 * the generated roots expose it while no output carries a key. (tools/tofu/e2e.sh writes the file with
 * .ci/onprem-peer from the moto-applied state and compares it with the applied connection.)
 */
class OnPremPeerTest {

    @Test
    void awsTunnelsOfferExactlyTheProposalOfThePeerFile() {
        Config vpn = Parsed.dir(Roots.modules().resolve("aws/vpn"));
        JsonNode connection = vpn.resource("aws_vpn_connection", "this");
        Map<String, String> expected = Map.of(
                "phase1_encryption_algorithms", "[\"${local.ipsec.phase1.encryption}\"]",
                "phase1_integrity_algorithms", "[\"${local.ipsec.phase1.integrity}\"]",
                "phase1_dh_group_numbers", "[\"${local.ipsec.phase1.dh_group}\"]",
                "phase1_lifetime_seconds", "\"${local.ipsec.phase1.lifetime_seconds}\"",
                "phase2_encryption_algorithms", "[\"${local.ipsec.phase2.encryption}\"]",
                "phase2_integrity_algorithms", "[\"${local.ipsec.phase2.integrity}\"]",
                "phase2_dh_group_numbers", "[\"${local.ipsec.phase2.pfs_dh_group}\"]",
                "phase2_lifetime_seconds", "\"${local.ipsec.phase2.lifetime_seconds}\"");
        for (String tunnel : List.of("tunnel1_", "tunnel2_")) {
            expected.forEach(
                    (k, v) -> assertEquals(v, connection.path(tunnel + k).toString(), tunnel + k));
        }
        String peer = vpn.block("output", "onprem_peer").path("value").asText();
        assertTrue(
                peer.contains("ike = local.ipsec")
                        || peer.contains("\"ike\":\"${local.ipsec}\"")
                        || peer.contains("local.ipsec"),
                peer);
        assertTrue(peer.contains("aws_vpn_connection.this[0].preshared_key_arn"), peer);
        assertFalse(peer.contains("tunnel1_preshared_key"), peer);
    }

    @Test
    void azureConnectionCarriesTheProposalAndTheKeyGoesToKeyVaultOnly() {
        Config vpn = Parsed.dir(Roots.modules().resolve("azure/vpn"));
        JsonNode policy = vpn.resource("azurerm_virtual_network_gateway_connection", "onprem")
                .path("ipsec_policy")
                .get(0);
        for (String k : List.of(
                "dh_group", "ike_encryption", "ike_integrity", "ipsec_encryption", "ipsec_integrity", "pfs_group")) {
            assertEquals("${local.ipsec." + k + "}", policy.path(k).asText(), k);
        }
        JsonNode secret = vpn.resource("azurerm_key_vault_secret", "shared_key");
        assertEquals(
                "${random_password.shared_key[0].result}",
                secret.path("value_wo").asText());
        assertFalse(
                vpn.files().stream().anyMatch(f -> f.path("output").has("shared_key")),
                "an output carries the pre-shared key");
        String peer = vpn.block("output", "onprem_peer").path("value").asText();
        assertTrue(peer.contains("azurerm_key_vault_secret.shared_key[0].versionless_id"), peer);

        Config root = Parsed.dir(Roots.root(Roots.AZURE));
        assertEquals("${module.vpn.onprem_peer}", root.output("onprem_peer"));
        assertEquals(
                "${module.secrets_access.key_vault_id}",
                root.module("vpn").path("key_vault_id").asText());
        assertFalse(root.files().stream().anyMatch(f -> f.path("output").has("vpn_shared_key")));
        assertEquals(
                "${module.vpn.onprem_peer}", Parsed.dir(Roots.root(Roots.AWS)).output("onprem_peer"));
    }
}
