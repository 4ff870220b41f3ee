# Broken on purpose: azurerm_postgresql_flexible_server has no "high_availability_zone" block.
resource "azurerm_postgresql_flexible_server" "broken" {
  name                = "broken"
  location            = "westeurope"
  resource_group_name = "rg-broken"

  high_availability_zone {
    mode = "ZoneRedundant"
  }
}
