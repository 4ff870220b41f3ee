# The environment's private DNS zone (db.<zone>, nfs.<zone>), resolvable from the VNet only.

resource "azurerm_private_dns_zone" "internal" {
  name                = var.internal_zone
  resource_group_name = azurerm_resource_group.this.name

  tags = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "internal" {
  name                  = "vnet-${var.name}"
  resource_group_name   = azurerm_resource_group.this.name
  private_dns_zone_name = azurerm_private_dns_zone.internal.name
  virtual_network_id    = azurerm_virtual_network.this.id
  registration_enabled  = false

  tags = var.tags
}
