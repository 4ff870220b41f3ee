# The cluster's IAM OIDC provider: IAM roles for service accounts (IRSA) trust it. Since 2024 IAM validates EKS
# issuers through its own trusted root CAs, so no thumbprint is pinned (aws provider: thumbprint_list optional).

resource "aws_iam_openid_connect_provider" "this" {
  url            = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]

  tags = var.tags
}

locals {
  # The issuer without https://, as IRSA trust policy condition keys spell it.
  issuer = replace(aws_iam_openid_connect_provider.this.url, "https://", "")
}
