# The on-prem side of each tunnel, as the network team's automation consumes it (docs/onprem.md): known only after
# apply (AWS picks the outside and inside addresses), so it is an output, which the pipeline writes to a file with
# `terraform output -json onprem_peer`. The pre-shared keys appear only as the Secrets Manager secret AWS keeps them
# in (preshared_key_storage = "SecretsManager", vpn.tf). The IKE/IPsec proposal is the one the connection's tunnels are
# pinned to (vpn.tf); values as the EC2 API names them (VpnTunnelOptionsSpecification:
# https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpnTunnelOptionsSpecification.html).

locals {
  ipsec = {
    ike_version = "ikev2"
    phase1      = { encryption = "AES256", integrity = "SHA2-256", dh_group = 20, lifetime_seconds = 28800 }
    phase2      = { encryption = "AES256", integrity = "SHA2-256", pfs_dh_group = 20, lifetime_seconds = 3600 }
  }
}

output "onprem_peer" {
  description = "vpn: the on-prem side of both tunnels (outside and inside addresses, routes, IKE/IPsec proposal, the pre-shared keys' Secrets Manager secret); null with a hub."
  value = local.vpn ? {
    cloud          = "aws"
    name           = var.name
    connection_id  = aws_vpn_connection.this[0].id
    on_prem_device = { public_ip = var.on_prem_gateway_ip, bgp_asn = var.on_prem_bgp_asn }
    tunnels = [for t in [
      { outside = aws_vpn_connection.this[0].tunnel1_address, cloud_inside = aws_vpn_connection.this[0].tunnel1_vgw_inside_address, on_prem_inside = aws_vpn_connection.this[0].tunnel1_cgw_inside_address, inside_cidr = aws_vpn_connection.this[0].tunnel1_inside_cidr },
      { outside = aws_vpn_connection.this[0].tunnel2_address, cloud_inside = aws_vpn_connection.this[0].tunnel2_vgw_inside_address, on_prem_inside = aws_vpn_connection.this[0].tunnel2_cgw_inside_address, inside_cidr = aws_vpn_connection.this[0].tunnel2_inside_cidr },
      ] : {
      cloud_outside_ip      = t.outside
      cloud_inside_ip       = t.cloud_inside
      on_prem_inside_ip     = t.on_prem_inside
      inside_cidr           = t.inside_cidr
      pre_shared_key_source = { kind = "aws-secrets-manager", secret_arn = aws_vpn_connection.this[0].preshared_key_arn }
    }]
    routing = {
      type = "static"
      # The on-prem device routes the environment's block into the tunnels; AWS routes these on-prem CIDRs back.
      to_cloud   = [var.vpc_cidr]
      to_on_prem = sort(var.on_prem_cidrs)
    }
    ike = local.ipsec
  } : null
}
