# The nodes' way out: a NAT gateway on the workload subnets (the cluster module's outbound_type
# "userAssignedNATGateway", which "requires the NAT gateway to be created before the cluster" in a VNet of one's own:
# https://learn.microsoft.com/azure/aks/egress-outboundtype). AKS cannot run without outbound access to Microsoft Entra ID
# (workload identity's token exchange, login.microsoftonline.com) and its required FQDNs, which have no private
# endpoint (https://learn.microsoft.com/azure/aks/outbound-rules-control-egress), so Azure gets this path whatever
# the platform's egress switch says; images and secrets still stay inside the VNet (the registry and the Key Vault
# are reached through private endpoints). Behind a hub firewall, outbound_type "userDefinedRouting" replaces it.

resource "azurerm_public_ip" "nat" {
  name                = "pip-${var.name}-nat"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  allocation_method   = "Static"
  sku                 = "Standard"

  tags = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                = "ng-${var.name}"
  location            = azurerm_resource_group.this.location
  resource_group_name = azurerm_resource_group.this.name
  sku_name            = "Standard"

  tags = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "workload" {
  for_each = { for k, s in var.subnets : k => s if s.role == "workload" }

  subnet_id      = azurerm_subnet.this[each.key].id
  nat_gateway_id = azurerm_nat_gateway.this.id
}
