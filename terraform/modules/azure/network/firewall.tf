# One network security group per role except the gateway (Azure forbids an NSG on GatewaySubnet). The data subnets
# admit the workload subnets on the data ports and nothing else; the vpn module adds the on-prem rules of the
# ingress and workload groups.

locals {
  nsg_roles = toset(["workload", "data", "ingress"])
}

resource "azurerm_network_security_group" "this" {
  for_each = local.nsg_roles

  name                = "nsg-${var.name}-${each.key}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name

  tags = var.tags
}

resource "azurerm_subnet_network_security_group_association" "this" {
  for_each = { for k, s in var.subnets : k => s if contains(local.nsg_roles, s.role) }

  subnet_id                 = azurerm_subnet.this[each.key].id
  network_security_group_id = azurerm_network_security_group.this[each.value.role].id
}

resource "azurerm_network_security_rule" "data_from_workload" {
  name                        = "allow-workload-data-ports"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this["data"].name
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = local.workload_cidrs
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_ranges     = [for p in var.data_ports : tostring(p)]
}

resource "azurerm_network_security_rule" "data_deny" {
  name                        = "deny-all-inbound"
  resource_group_name         = azurerm_resource_group.this.name
  network_security_group_name = azurerm_network_security_group.this["data"].name
  priority                    = 4096
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefix       = "*"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}
