# The environment's resource group, VNet and the subnets of the network plan. No subnet but GatewaySubnet has default
# outbound access (the workload subnets go out through the NAT gateway, egress.tf); nothing here gets a public address
# but the NAT gateway's.

locals {
  private_roles  = ["workload", "data", "ingress"]
  workload_cidrs = [for s in values(var.subnets) : s.cidr if s.role == "workload"]
}

resource "azurerm_resource_group" "this" {
  name     = var.resource_group_name
  location = var.location

  tags = var.tags
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-${var.name}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  address_space       = [var.cidr]

  tags = var.tags
}

resource "azurerm_subnet" "this" {
  for_each = var.subnets

  name                              = each.value.name
  resource_group_name               = azurerm_resource_group.this.name
  virtual_network_name              = azurerm_virtual_network.this.name
  address_prefixes                  = [each.value.cidr]
  default_outbound_access_enabled   = !contains(local.private_roles, each.value.role)
  private_endpoint_network_policies = each.value.role == "data" ? "Enabled" : "Disabled"
  # The cluster reads its Key Vault through a service endpoint.
  service_endpoints = each.value.role == "workload" ? ["Microsoft.KeyVault"] : []
}
