# The environment's VPC and the subnets of the network plan. No internet gateway: nothing here is public.

locals {
  # The AWS Load Balancer Controller places internal load balancers in subnets tagged with this role.
  elb_roles = ["workload", "ingress"]
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "this" {
  for_each = var.subnets

  vpc_id                  = aws_vpc.this.id
  cidr_block              = each.value.cidr
  availability_zone       = each.value.zone
  map_public_ip_on_launch = false

  tags = merge(
    var.tags,
    { Name = each.value.name, "envforge.io/role" = each.value.role },
    contains(local.elb_roles, each.value.role) ? { "kubernetes.io/role/internal-elb" = "1" } : {},
  )
}

# The default security group admits nothing; every resource gets its own group.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-default-deny" })
}

# The API layer's two fixed addresses (the internal NLB's private-ipv4-addresses) are reserved in their ingress
# subnets as "explicit" subnet CIDR reservations: "AWS does not use the IP addresses. You manually assign the IP
# addresses to resources that reside in your subnet" (VPC user guide, Subnet CIDR reservations,
# https://docs.aws.amazon.com/vpc/latest/userguide/subnet-cidr-reservation.html). Another load balancer or ENI that
# lets AWS pick its address can no longer take them before the API's load balancer exists.
resource "aws_ec2_subnet_cidr_reservation" "api" {
  for_each = var.api_addresses

  subnet_id        = aws_subnet.this[each.key].id
  cidr_block       = "${each.value}/32"
  reservation_type = "explicit"
  description      = "envforge ${var.name}: fixed address of the API entry point"
}
