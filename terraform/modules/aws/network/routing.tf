# One private route table for every subnet: the VPC's own block is local; the VPN or hub module adds the on-prem
# routes. With egress = "endpoints" there is no route to the internet; with "nat" (egress.tf) its default route goes
# to the NAT gateway, and the gateway subnet, which holds the NAT gateway, uses the public route table instead.

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-private" })
}

resource "aws_route_table_association" "this" {
  for_each = { for k, s in var.subnets : k => s if !(local.nat && s.role == "gateway") }

  subnet_id      = aws_subnet.this[each.key].id
  route_table_id = aws_route_table.private.id
}

# Data subnets (database, NFS) accept traffic from inside the VPC only; the network ACL is stateless, so the same
# holds for what leaves them.
resource "aws_network_acl" "data" {
  vpc_id     = aws_vpc.this.id
  subnet_ids = [for k, s in var.subnets : aws_subnet.this[k].id if s.role == "data"]

  tags = merge(var.tags, { Name = "${var.name}-data" })
}

resource "aws_network_acl_rule" "data_in" {
  network_acl_id = aws_network_acl.data.id
  rule_number    = 100
  egress         = false
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = var.cidr
}

resource "aws_network_acl_rule" "data_out" {
  network_acl_id = aws_network_acl.data.id
  rule_number    = 100
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = var.cidr
}
