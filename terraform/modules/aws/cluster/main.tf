# The EKS control plane in the workload subnets: private API endpoint only (reachable from the VPC and, over the VPN
# or hub, from the on-prem CIDRs), Kubernetes Secrets encrypted with the environment's own KMS key, access entries
# (API authentication mode) instead of the aws-auth ConfigMap.

data "aws_partition" "current" {}

locals {
  policy_prefix = "arn:${data.aws_partition.current.partition}:iam::aws:policy"
}

resource "aws_iam_role" "cluster" {
  name        = "${var.name}-eks-cluster"
  description = "EKS control plane of ${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Principal = { Service = "eks.amazonaws.com" }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "${local.policy_prefix}/AmazonEKSClusterPolicy"
}

resource "aws_kms_key" "secrets" {
  description         = "Envelope encryption of the Kubernetes Secrets of ${var.name}"
  enable_key_rotation = true

  tags = var.tags
}

# Extra rules on the control plane's network interfaces; EKS adds its own cluster security group for node traffic.
resource "aws_security_group" "api" {
  name        = "${var.name}-eks-api"
  description = "envforge ${var.name}: the private Kubernetes API endpoint, from the VPC and on-prem"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-eks-api" })
}

resource "aws_vpc_security_group_ingress_rule" "api" {
  for_each = toset(concat([var.vpc_cidr], var.api_access_cidrs))

  security_group_id = aws_security_group.api.id
  description       = "Kubernetes API from ${each.value}"
  ip_protocol       = "tcp"
  cidr_ipv4         = each.value
  from_port         = 443
  to_port           = 443
}

# EKS writes the control-plane logs (log_types) to /aws/eks/<name>/cluster and creates that group, without a retention,
# if it does not exist; created here first, it keeps them log_retention_days (aws provider docs of aws_eks_cluster,
# "Enabling Control Plane Logging").
resource "aws_cloudwatch_log_group" "control_plane" {
  name              = "/aws/eks/${var.name}/cluster"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_eks_cluster" "this" {
  name                      = var.name
  version                   = var.kubernetes_version
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = var.log_types
  # The managed add-ons below replace the self-managed defaults, with pinned versions and our configuration.
  bootstrap_self_managed_addons = false

  vpc_config {
    subnet_ids              = var.subnet_ids
    security_group_ids      = [aws_security_group.api.id]
    endpoint_private_access = true
    endpoint_public_access  = false
  }

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = true
  }

  kubernetes_network_config {
    service_ipv4_cidr = var.service_cidr
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.secrets.arn
    }
  }

  upgrade_policy {
    support_type = "STANDARD"
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy_attachment.cluster, aws_cloudwatch_log_group.control_plane]
}
