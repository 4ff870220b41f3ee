# The API entry point's security group: on-prem clients reach the internal load balancer on its listener ports
# (api_ports, the chart's internal load balancer Service ports) and nothing else. The chart attaches it by its Name tag
# (service.beta.kubernetes.io/aws-load-balancer-security-groups accepts IDs or Name tags; with it set the AWS Load
# Balancer Controller ignores loadBalancerSourceRanges, so these rules are the only client filter, and
# manage-backend-security-group-rules lets the controller open the targets to this group: AWS Load Balancer
# Controller docs/guide/service/annotations.md). The data subnets' network ACL (network module) already refuses
# everything from outside the VPC.

locals {
  api_rules = { for pair in setproduct(var.on_prem_cidrs, var.api_ports) : "${pair[0]}:${pair[1]}" => pair }
}

resource "aws_security_group" "api_entry" {
  name        = "${var.name}-api-entry"
  description = "envforge ${var.name}: on-prem clients to the API entry point only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-api-entry" })
}

resource "aws_vpc_security_group_ingress_rule" "onprem_api" {
  for_each = local.api_rules

  security_group_id = aws_security_group.api_entry.id
  description       = "on-prem ${each.value[0]} to API port ${each.value[1]}"
  ip_protocol       = "tcp"
  cidr_ipv4         = each.value[0]
  from_port         = each.value[1]
  to_port           = each.value[1]
}

resource "aws_vpc_security_group_egress_rule" "to_vpc" {
  security_group_id = aws_security_group.api_entry.id
  description       = "load balancer to its targets inside the VPC"
  ip_protocol       = "tcp"
  cidr_ipv4         = var.vpc_cidr
  from_port         = 1024
  to_port           = 65535
}
