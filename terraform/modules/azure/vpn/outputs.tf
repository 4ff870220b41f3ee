output "gateway_public_ips" {
  description = "vpn: the public addresses of the two active-active gateway instances; the on-prem gateway needs a tunnel to each. Empty with a hub."
  value       = [for i in local.gateway_instances : azurerm_public_ip.gateway[i].ip_address]
}

output "connection_id" {
  description = "vpn: the IPsec connection; null with a hub."
  value       = local.vpn ? azurerm_virtual_network_gateway_connection.onprem[0].id : null
}

output "hub_peering_id" {
  description = "hub: the peering to the hub VNet; null with a VPN."
  value       = local.hub ? azurerm_virtual_network_peering.to_hub[0].id : null
}

output "on_prem_routes" {
  description = "The on-prem CIDRs routed out of the VNet (the local network gateway's address space)."
  value       = sort(var.on_prem_cidrs)
}
