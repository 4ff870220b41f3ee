# connectivity = "vpn": a zone-redundant, active-active route-based VPN gateway in GatewaySubnet (two instances, each
# with its own public IP and its own tunnel to the on-prem device, so planned maintenance or an instance failure does
# not drop the link: https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways), the on-prem side as
# a local network gateway whose address space holds every on-prem CIDR (static routes: Azure routes each of them into
# the tunnels; no BGP, like the AWS side's static_routes_only), and an IPsec connection with a generated pre-shared key.

locals {
  # Active-active needs one public IP per gateway instance.
  gateway_instances = local.vpn ? ["1", "2"] : []
}

resource "azurerm_public_ip" "gateway" {
  for_each = toset(local.gateway_instances)

  name                = "pip-${var.name}-vpn-${each.key}"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]

  tags = var.tags
}

resource "azurerm_virtual_network_gateway" "this" {
  count = local.vpn ? 1 : 0

  name                = "vgw-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  type                = "Vpn"
  vpn_type            = "RouteBased"
  sku                 = var.gateway_sku
  generation          = "Generation1"
  active_active       = true
  enable_bgp          = false

  dynamic "ip_configuration" {
    for_each = local.gateway_instances

    content {
      name                          = "instance-${ip_configuration.value}"
      public_ip_address_id          = azurerm_public_ip.gateway[ip_configuration.value].id
      private_ip_address_allocation = "Dynamic"
      subnet_id                     = var.gateway_subnet_id
    }
  }

  tags = var.tags
}

resource "azurerm_local_network_gateway" "onprem" {
  count = local.vpn ? 1 : 0

  name                = "lgw-${var.name}-onprem"
  location            = var.location
  resource_group_name = var.resource_group_name
  gateway_address     = var.on_prem_gateway_ip
  address_space       = var.on_prem_cidrs

  tags = var.tags
}

# The pre-shared key. The connection's shared_key is a plain argument, so the key is in this state; the on-prem side
# reads it from the Key Vault (secret vpn-shared-key, named in the peer file), never from Terraform's output.
resource "random_password" "shared_key" {
  count = local.vpn ? 1 : 0

  length  = 48
  special = false
}

resource "azurerm_key_vault_secret" "shared_key" {
  count = local.vpn ? 1 : 0

  name             = "vpn-shared-key"
  key_vault_id     = var.key_vault_id
  content_type     = "text/plain"
  value_wo         = random_password.shared_key[0].result
  value_wo_version = 1

  tags = var.tags
}

resource "azurerm_virtual_network_gateway_connection" "onprem" {
  count = local.vpn ? 1 : 0

  name                       = "cn-${var.name}-onprem"
  location                   = var.location
  resource_group_name        = var.resource_group_name
  type                       = "IPsec"
  connection_protocol        = "IKEv2"
  virtual_network_gateway_id = azurerm_virtual_network_gateway.this[0].id
  local_network_gateway_id   = azurerm_local_network_gateway.onprem[0].id
  shared_key                 = random_password.shared_key[0].result

  # The proposal the on-prem peer file (peer.tf, output onprem_peer) hands to the network team, instead of Azure's
  # default set.
  ipsec_policy {
    dh_group         = local.ipsec.dh_group
    ike_encryption   = local.ipsec.ike_encryption
    ike_integrity    = local.ipsec.ike_integrity
    ipsec_encryption = local.ipsec.ipsec_encryption
    ipsec_integrity  = local.ipsec.ipsec_integrity
    pfs_group        = local.ipsec.pfs_group
    sa_lifetime      = local.ipsec.sa_lifetime_seconds
  }

  tags = var.tags
}
