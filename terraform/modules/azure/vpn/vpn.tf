# connectivity = "vpn": a zone-redundant route-based VPN gateway in GatewaySubnet, the on-prem side as a local
# network gateway whose address space holds every on-prem CIDR (Azure routes each of them into the tunnel), and
# an IPsec connection with a generated pre-shared key.

resource "azurerm_public_ip" "gateway" {
  count = local.vpn ? 1 : 0

  name                = "pip-${var.name}-vpn"
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
  active_active       = false

  ip_configuration {
    name                          = "default"
    public_ip_address_id          = azurerm_public_ip.gateway[0].id
    private_ip_address_allocation = "Dynamic"
    subnet_id                     = var.gateway_subnet_id
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

# The pre-shared key must also be configured on the on-prem gateway: `terraform output -raw vpn_shared_key`.
resource "random_password" "shared_key" {
  count = local.vpn ? 1 : 0

  length  = 48
  special = false
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

  tags = var.tags
}
