# connectivity = "hub": attach the VPC to the shared Transit Gateway, which carries the one VPN to on-prem for
# every environment, and route the on-prem CIDRs to it.

resource "aws_ec2_transit_gateway_vpc_attachment" "hub" {
  count = local.hub ? 1 : 0

  transit_gateway_id = var.transit_gateway_id
  vpc_id             = var.vpc_id
  subnet_ids         = var.attachment_subnet_ids
  dns_support        = "enable"

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_route" "onprem_hub" {
  for_each = local.hub ? toset(var.on_prem_cidrs) : toset([])

  route_table_id         = var.route_table_id
  destination_cidr_block = each.value
  transit_gateway_id     = var.transit_gateway_id

  depends_on = [aws_ec2_transit_gateway_vpc_attachment.hub]
}
