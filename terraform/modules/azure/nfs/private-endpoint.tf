# The account is reachable only through a private endpoint in a data subnet; its file host resolves to that
# endpoint through the privatelink zone, and nfs.<env>.<internalDomain> is a CNAME to the file host.

resource "azurerm_private_dns_zone" "file" {
  name                = "privatelink.file.core.windows.net"
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "file" {
  name                  = "${var.storage_account_name}-link"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.file.name
  virtual_network_id    = var.vnet_id

  tags = var.tags
}

resource "azurerm_private_endpoint" "file" {
  name                = "pe-${var.storage_account_name}-file"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint_subnet_id

  private_service_connection {
    name                           = "file"
    private_connection_resource_id = azurerm_storage_account.this.id
    subresource_names              = ["file"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "file"
    private_dns_zone_ids = [azurerm_private_dns_zone.file.id]
  }

  tags = var.tags
}

resource "azurerm_private_dns_cname_record" "nfs" {
  name                = trimsuffix(var.hostname, ".${var.zone_name}")
  zone_name           = var.zone_name
  resource_group_name = var.resource_group_name
  ttl                 = 300
  record              = azurerm_storage_account.this.primary_file_host

  tags = var.tags
}
