# Logs: the EKS add-on amazon-cloudwatch-observability runs the CloudWatch agent and Fluent Bit on every node. Fluent
# Bit ships every container's stdout/stderr (/var/log/containers) to /aws/containerinsights/<cluster>/application,
# node logs to .../host and .../dataplane, and the agent writes Container Insights performance events to
# .../performance; it creates a group it does not find, without a retention ("Send logs to CloudWatch Logs" and
# "Quick start with the Amazon CloudWatch Observability EKS add-on", Amazon CloudWatch User Guide). The groups are
# created here first, with the environment's retention. Both layers write their logs to stdout (the charts route
# API Manager's gateway access log and analytics events there), so they land in the application group.

resource "aws_cloudwatch_log_group" "container_insights" {
  for_each = toset(["application", "dataplane", "host", "performance"])

  name              = "/aws/containerinsights/${var.cluster_name}/${each.key}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

# The add-on's agent and Fluent Bit run as the ServiceAccount amazon-cloudwatch/cloudwatch-agent (the add-on docs
# attach CloudWatchAgentServerPolicy to the role of that account); IRSA gives it this role.
resource "aws_iam_role" "cloudwatch_agent" {
  name        = "${var.name}-cloudwatch-agent"
  description = "CloudWatch agent and Fluent Bit (amazon-cloudwatch-observability) of ${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = var.oidc_provider_arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:amazon-cloudwatch:cloudwatch-agent"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = var.tags
}

locals {
  # The OIDC provider's ARN ends in its issuer host and path, as IRSA condition keys spell it.
  issuer = element(split(":oidc-provider/", var.oidc_provider_arn), 1)
}

data "aws_partition" "current" {}

resource "aws_iam_role_policy_attachment" "cloudwatch_agent" {
  role       = aws_iam_role.cloudwatch_agent.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/CloudWatchAgentServerPolicy"
}

resource "aws_eks_addon" "cloudwatch_observability" {
  cluster_name                = var.cluster_name
  addon_name                  = "amazon-cloudwatch-observability"
  addon_version               = var.addon_version
  service_account_role_arn    = aws_iam_role.cloudwatch_agent.arn
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  # The add-on's agents are DaemonSets: it turns ACTIVE only once nodes exist. Naming the node group (a tag) orders
  # the add-on after it without making the log groups and the role wait too.
  tags = merge(var.tags, { "envforge/node-group" = var.node_group_name })

  depends_on = [aws_cloudwatch_log_group.container_insights, aws_iam_role_policy_attachment.cloudwatch_agent]
}
