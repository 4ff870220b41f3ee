# IAM role for service accounts (IRSA): only the environment's External Secrets ServiceAccount may assume it, and it
# may only read the environment's own secrets.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  issuer      = split("oidc-provider/", var.oidc_provider_arn)[1]
  secrets_arn = "arn:${data.aws_partition.current.partition}:secretsmanager:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:secret:${var.secret_prefix}*"
}

resource "aws_iam_role" "reader" {
  name        = var.role_name
  description = "External Secrets in namespace ${var.namespace} reads ${var.secret_prefix}*"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = var.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:${var.namespace}:${var.service_account}"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "read_secrets" {
  name = "read-${var.namespace}-secrets"
  role = aws_iam_role.reader.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = concat([local.secrets_arn], var.extra_secret_arns)
    }]
  })
}
