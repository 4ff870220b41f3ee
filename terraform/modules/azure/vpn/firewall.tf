# On-prem clients reach the API entry point (API ports) and nothing else. The internal load balancer is
# pass-through: packets reach the API pods in the workload subnets with their on-prem source address, so both the
# ingress and the workload groups allow the API ports and deny every other on-prem packet. The data group
# (network module) admits only the workload subnets.

resource "azurerm_network_security_rule" "onprem_api" {
  for_each = toset(["ingress", "workload"])

  name                        = "allow-onprem-api"
  resource_group_name         = var.resource_group_name
  network_security_group_name = var.nsg_names[each.key]
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = var.on_prem_cidrs
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_ranges     = [for p in var.api_ports : tostring(p)]
}

resource "azurerm_network_security_rule" "onprem_deny" {
  for_each = toset(["ingress", "workload"])

  name                        = "deny-onprem-other"
  resource_group_name         = var.resource_group_name
  network_security_group_name = var.nsg_names[each.key]
  priority                    = 4000
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_address_prefixes     = var.on_prem_cidrs
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "*"
}
