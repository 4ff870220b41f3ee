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
          # A list: StringEquals matches any of the values (IAM User Guide, "Multiple values in a condition key").
          "${local.issuer}:sub" = [for ns in concat([var.namespace], var.extra_namespaces) : "system:serviceaccount:${ns}:${var.service_account}"]
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
    Statement = concat([{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = concat([local.secrets_arn], var.extra_secret_arns)
      }], var.list_secrets ? [{
      # External Secrets' dataFrom.find lists secrets by tag (ListSecrets with tag-key/tag-value filters); ListSecrets
      # takes no resource ARN (Secrets Manager's service authorization reference), and shows names and tags, never
      # values: GetSecretValue above stays limited to the environment's own secrets.
      Effect   = "Allow"
      Action   = ["secretsmanager:ListSecrets"]
      Resource = "*"
    }] : [])
  })
}
