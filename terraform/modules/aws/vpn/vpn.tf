# connectivity = "vpn": a site-to-site IPsec VPN (two tunnels, one per AWS endpoint) with a static route per
# on-prem CIDR, and the same CIDRs routed to the virtual private gateway.

# The on-prem device as this environment's own customer gateway. CreateCustomerGateway is idempotent on (type, IP
# address, BGP ASN): "To create more than one customer gateway with the same VPN type, IP address, and BGP ASN,
# specify a unique device name for each customer gateway. An identical request returns information about the
# existing customer gateway" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateCustomerGateway.html).
# Without a device name every environment's state would own the same object, and destroying one environment would
# delete it under the others' VPN connections; the environment's name makes each request distinct.
resource "aws_customer_gateway" "onprem" {
  count = local.vpn ? 1 : 0

  type        = "ipsec.1"
  ip_address  = var.on_prem_gateway_ip
  bgp_asn     = tostring(var.on_prem_bgp_asn)
  device_name = var.name

  tags = merge(var.tags, { Name = "${var.name}-onprem" })
}

resource "aws_vpn_gateway" "this" {
  count = local.vpn ? 1 : 0

  vpc_id = var.vpc_id

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_vpn_connection" "this" {
  count = local.vpn ? 1 : 0

  type                 = "ipsec.1"
  customer_gateway_id  = aws_customer_gateway.onprem[0].id
  vpn_gateway_id       = aws_vpn_gateway.this[0].id
  static_routes_only   = true
  tunnel1_ike_versions = ["ikev2"]
  tunnel2_ike_versions = ["ikev2"]
  # Both tunnels offer exactly the proposal the on-prem peer file (peer.tf, output onprem_peer) hands to the network
  # team, instead of AWS's default list of every algorithm.
  tunnel1_phase1_encryption_algorithms = [local.ipsec.phase1.encryption]
  tunnel1_phase1_integrity_algorithms  = [local.ipsec.phase1.integrity]
  tunnel1_phase1_dh_group_numbers      = [local.ipsec.phase1.dh_group]
  tunnel1_phase1_lifetime_seconds      = local.ipsec.phase1.lifetime_seconds
  tunnel1_phase2_encryption_algorithms = [local.ipsec.phase2.encryption]
  tunnel1_phase2_integrity_algorithms  = [local.ipsec.phase2.integrity]
  tunnel1_phase2_dh_group_numbers      = [local.ipsec.phase2.pfs_dh_group]
  tunnel1_phase2_lifetime_seconds      = local.ipsec.phase2.lifetime_seconds
  tunnel2_phase1_encryption_algorithms = [local.ipsec.phase1.encryption]
  tunnel2_phase1_integrity_algorithms  = [local.ipsec.phase1.integrity]
  tunnel2_phase1_dh_group_numbers      = [local.ipsec.phase1.dh_group]
  tunnel2_phase1_lifetime_seconds      = local.ipsec.phase1.lifetime_seconds
  tunnel2_phase2_encryption_algorithms = [local.ipsec.phase2.encryption]
  tunnel2_phase2_integrity_algorithms  = [local.ipsec.phase2.integrity]
  tunnel2_phase2_dh_group_numbers      = [local.ipsec.phase2.pfs_dh_group]
  tunnel2_phase2_lifetime_seconds      = local.ipsec.phase2.lifetime_seconds
  # AWS generates both tunnels' pre-shared keys and keeps them in a Secrets Manager secret it creates (ARN in
  # preshared_key_arn) instead of returning them: with "Standard" they come back as tunnel1_preshared_key /
  # tunnel2_preshared_key and Terraform stores them in the state. CreateVpnConnection PreSharedKeyStorage:
  # https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpnConnection.html
  preshared_key_storage = "SecretsManager"

  tags = merge(var.tags, { Name = "${var.name}-onprem" })
}

resource "aws_vpn_connection_route" "onprem" {
  for_each = local.vpn ? toset(var.on_prem_cidrs) : toset([])

  vpn_connection_id      = aws_vpn_connection.this[0].id
  destination_cidr_block = each.value
}

resource "aws_route" "onprem_vpn" {
  for_each = local.vpn ? toset(var.on_prem_cidrs) : toset([])

  route_table_id         = var.route_table_id
  destination_cidr_block = each.value
  gateway_id             = aws_vpn_gateway.this[0].id
}
