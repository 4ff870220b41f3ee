# The on-prem side of each tunnel, as the network team's automation consumes it (docs/onprem.md): the gateway's
# public addresses exist only after apply, so it is an output, which the pipeline writes to a file with
# `terraform output -json onprem_peer`. The pre-shared key appears only as its Key Vault secret. The IKE/IPsec
# proposal is the connection's ipsec_policy (vpn.tf), values as azurerm names them
# (https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto; Azure's IKE SA lifetime is 28,800 s, fixed).

locals {
  ipsec = {
    ike_version         = "IKEv2"
    dh_group            = "ECP384"
    ike_encryption      = "AES256"
    ike_integrity       = "SHA256"
    ipsec_encryption    = "AES256"
    ipsec_integrity     = "SHA256"
    pfs_group           = "ECP384"
    sa_lifetime_seconds = 3600
  }
}

output "onprem_peer" {
  description = "vpn: the on-prem side of both tunnels (the gateway instances' public addresses, routes, IKE/IPsec proposal, the pre-shared key's Key Vault secret); null with a hub."
  value = local.vpn ? {
    cloud          = "azure"
    name           = var.name
    connection_id  = azurerm_virtual_network_gateway_connection.onprem[0].id
    on_prem_device = { public_ip = var.on_prem_gateway_ip }
    tunnels = [for i in local.gateway_instances : {
      cloud_outside_ip      = azurerm_public_ip.gateway[i].ip_address
      pre_shared_key_source = { kind = "azure-key-vault", secret_id = azurerm_key_vault_secret.shared_key[0].versionless_id }
    }]
    routing = {
      type       = "static"
      to_cloud   = var.vnet_cidr == null ? [] : [var.vnet_cidr]
      to_on_prem = sort(var.on_prem_cidrs)
    }
    ike = local.ipsec
  } : null
}
