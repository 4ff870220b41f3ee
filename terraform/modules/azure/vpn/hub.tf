# connectivity = "hub": peer the environment's VNet with the shared hub VNet and send on-prem traffic through the
# hub's gateway. The hub side of the peering (allow_gateway_transit = true) belongs to the hub's own state.

resource "azurerm_virtual_network_peering" "to_hub" {
  count = local.hub ? 1 : 0

  name                         = "peer-${var.name}-to-hub"
  resource_group_name          = var.resource_group_name
  virtual_network_name         = var.vnet_name
  remote_virtual_network_id    = var.hub_vnet_id
  allow_virtual_network_access = true
  allow_forwarded_traffic      = true
  use_remote_gateways          = true
}
