variable "name" {
  description = "The environment's resource prefix, envforge-<env>: the IAM role's prefix and the collector's alias."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}$", var.name))
    error_message = "name must be 2..39 lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "cluster_name" {
  description = "The EKS cluster: the add-on's cluster and the name in its Container Insights log groups."
  type        = string
}

variable "node_group_name" {
  description = "The cluster's managed node group: the add-on is created after it (its agents run on the nodes)."
  type        = string
}

variable "cluster_arn" {
  description = "The EKS cluster's ARN, the managed collector's source."
  type        = string
}

variable "cluster_security_group_id" {
  description = "The security group EKS created for the control plane and the nodes; the collector's interfaces join it to reach the pods."
  type        = string
}

variable "subnet_ids" {
  description = "The cluster's subnets (two zones at least): the collector's network interfaces go there."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must name at least two subnets in two zones, for example [\"subnet-0a1b2c3d4e5f60001\", \"subnet-0a1b2c3d4e5f60002\"]."
  }
}

variable "oidc_provider_arn" {
  description = "The cluster's IAM OIDC provider, which the CloudWatch agent's IRSA role trusts."
  type        = string

  validation {
    condition     = can(regex(":oidc-provider/", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN, for example \"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE\"."
  }
}

variable "namespace" {
  description = "The environment's namespace: the collector discovers and may read pods there only."
  type        = string
}

variable "metrics_workspace" {
  description = "The Amazon Managed Service for Prometheus workspace's alias."
  type        = string
}

variable "log_retention_days" {
  description = "Days CloudWatch Logs keeps the Container Insights log groups (spec.observability.logRetentionDays)."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), for example 30."
  }
}

variable "addon_version" {
  description = "Version of the EKS add-on amazon-cloudwatch-observability, pinned so that two applies install the same agents. The default v4.5.0-eksbuild.1 is a published version (pinned by tinstafl/cdk-common before its v5.0.0-eksbuild.1 update for Kubernetes 1.34, and in other public EKS roots); its compatibility with kubernetes_version was not checked against the AWS API here: aws eks describe-addon-versions --addon-name amazon-cloudwatch-observability --kubernetes-version 1.32 lists the versions that are."
  type        = string
  default     = "v4.5.0-eksbuild.1"

  validation {
    condition     = can(regex("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$", var.addon_version))
    error_message = "addon_version must be an EKS add-on version, for example \"v4.5.0-eksbuild.1\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
