# Private reach to the AWS APIs the nodes and controllers call, without an internet path (egress = "endpoints"):
# interface endpoints with private DNS, so the services' regional names (ecr.api, <account>.dkr.ecr, sts, ec2,
# elasticloadbalancing, secretsmanager, logs) resolve to addresses in the workload subnets, and the S3 gateway
# endpoint on the private route table (ECR serves image layers from S3: "Amazon ECR uses Amazon S3 to store your
# image layers", https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html). Who calls what:
# kubelet pulls from ECR (ecr.api, ecr.dkr, s3); IRSA exchanges web identity tokens (sts); the AWS Load Balancer
# Controller calls ec2 and elasticloadbalancing; External Secrets reads secretsmanager; the nodes' logs go to logs.
# With egress = "nat" only the S3 gateway endpoint stays (it is free and keeps layer pulls off the NAT gateway).

data "aws_region" "current" {}

locals {
  interface_endpoints = var.egress == "endpoints" ? toset(var.interface_endpoints) : toset([])
  # One endpoint network interface per zone: the workload subnets, where the nodes are.
  endpoint_subnet_ids = [for k in sort(keys(var.subnets)) : aws_subnet.this[k].id if var.subnets[k].role == "workload"]
}

resource "aws_security_group" "endpoints" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  name        = "${var.name}-endpoints"
  description = "envforge ${var.name}: HTTPS from the VPC to the interface VPC endpoints"
  vpc_id      = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-endpoints" })
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  count = length(local.interface_endpoints) > 0 ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.cidr
}

resource "aws_vpc_endpoint" "interface" {
  for_each = local.interface_endpoints

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = local.endpoint_subnet_ids
  security_group_ids  = [aws_security_group.endpoints[0].id]

  tags = merge(var.tags, { Name = "${var.name}-${replace(each.key, ".", "-")}" })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]

  tags = merge(var.tags, { Name = "${var.name}-s3" })
}
