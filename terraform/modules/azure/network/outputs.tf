output "resource_group_name" {
  description = "The environment's resource group."
  value       = azurerm_resource_group.this.name
}

output "location" {
  description = "The environment's region."
  value       = azurerm_resource_group.this.location
}

output "vnet_id" {
  description = "The VNet's id."
  value       = azurerm_virtual_network.this.id
}

output "vnet_name" {
  description = "The VNet's name."
  value       = azurerm_virtual_network.this.name
}

output "subnet_ids" {
  description = "Subnet ids by plan key (workload-a, data-b, gateway, ...)."
  value       = { for k, s in azurerm_subnet.this : k => s.id }
}

output "subnet_names" {
  description = "Subnet names by plan key; the manifests select ingress subnets by these."
  value       = { for k, s in azurerm_subnet.this : k => s.name }
}

output "workload_subnet_ids" {
  description = "Workload subnets, zone A first; handed out once the NAT gateway is associated with them (AKS checks it at creation)."
  value       = [for k in sort(keys(var.subnets)) : azurerm_subnet.this[k].id if var.subnets[k].role == "workload"]

  depends_on = [azurerm_subnet_nat_gateway_association.workload, azurerm_nat_gateway_public_ip_association.this]
}

output "data_subnet_ids" {
  description = "Private data subnets, zone A first."
  value       = [for k in sort(keys(var.subnets)) : azurerm_subnet.this[k].id if var.subnets[k].role == "data"]
}

output "gateway_subnet_id" {
  description = "GatewaySubnet, for the VPN gateway."
  value       = one([for k, s in var.subnets : azurerm_subnet.this[k].id if s.role == "gateway"])
}

output "nsg_names" {
  description = "Network security group names by role (workload, data, ingress)."
  value       = { for r, n in azurerm_network_security_group.this : r => n.name }
}

output "zone_name" {
  description = "The private DNS zone's name."
  value       = azurerm_private_dns_zone.internal.name
}

output "nat_gateway_id" {
  description = "The NAT gateway of the workload subnets (the cluster's outbound path)."
  value       = azurerm_nat_gateway.this.id
}
