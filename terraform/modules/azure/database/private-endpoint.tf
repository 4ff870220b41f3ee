# The server is reachable only through a private endpoint in a data subnet; its own name resolves to that endpoint
# through the privatelink zone, and db.<env>.<internalDomain> is a CNAME to its own name.

resource "azurerm_private_dns_zone" "postgres" {
  name                = "privatelink.postgres.database.azure.com"
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "postgres" {
  name                  = "${var.server_name}-link"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.postgres.name
  virtual_network_id    = var.vnet_id

  tags = var.tags
}

resource "azurerm_private_endpoint" "postgres" {
  name                = "pe-${var.server_name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint_subnet_id

  private_service_connection {
    name                           = "postgres"
    private_connection_resource_id = azurerm_postgresql_flexible_server.this.id
    subresource_names              = ["postgresqlServer"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "postgres"
    private_dns_zone_ids = [azurerm_private_dns_zone.postgres.id]
  }

  tags = var.tags
}

resource "azurerm_private_dns_cname_record" "db" {
  name                = trimsuffix(var.hostname, ".${var.zone_name}")
  zone_name           = var.zone_name
  resource_group_name = var.resource_group_name
  ttl                 = 60
  record              = azurerm_postgresql_flexible_server.this.fqdn

  tags = var.tags
}
