# Broken on purpose: the high_availability block has no "zone" argument (it is standby_availability_zone).
resource "azurerm_postgresql_flexible_server" "broken" {
  name                = "broken"
  location            = "westeurope"
  resource_group_name = "rg-broken"

  high_availability {
    mode = "ZoneRedundant"
    zone = "2"
  }
}
