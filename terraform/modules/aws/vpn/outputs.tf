output "vpn_connection_id" {
  description = "vpn: the site-to-site VPN connection; null with a hub."
  value       = local.vpn ? aws_vpn_connection.this[0].id : null
}

output "tunnel_addresses" {
  description = "vpn: the AWS outside addresses of the two tunnels, to configure on the on-prem gateway."
  value       = local.vpn ? [aws_vpn_connection.this[0].tunnel1_address, aws_vpn_connection.this[0].tunnel2_address] : []
}

output "preshared_key_arn" {
  description = "vpn: the Secrets Manager secret AWS keeps both tunnels' pre-shared keys in; the on-prem gateway needs them."
  value       = local.vpn ? aws_vpn_connection.this[0].preshared_key_arn : null
}

output "customer_gateway_id" {
  description = "vpn: this environment's customer gateway (device name = name); null with a hub."
  value       = local.vpn ? aws_customer_gateway.onprem[0].id : null
}

output "transit_gateway_attachment_id" {
  description = "hub: the Transit Gateway attachment; null with a VPN."
  value       = local.hub ? aws_ec2_transit_gateway_vpc_attachment.hub[0].id : null
}

output "on_prem_routes" {
  description = "The on-prem CIDRs routed out of the VPC."
  value       = sort(var.on_prem_cidrs)
}

output "api_security_group_id" {
  description = "Security group admitting on-prem clients to the API ports; attach it to the internal load balancer."
  value       = aws_security_group.api_entry.id
}
