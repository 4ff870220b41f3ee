variable "role_name" {
  description = "The IAM role the cluster reads secrets as (CloudNames.secretsReader)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.role_name))
    error_message = "role_name must be a valid IAM role name, for example \"envforge-dev1-secrets-reader\"."
  }
}

variable "namespace" {
  description = "Namespace of the ServiceAccount External Secrets authenticates as (the environment's name)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a Kubernetes namespace name, for example \"dev1\"."
  }
}

variable "extra_namespaces" {
  description = "Further namespaces whose ServiceAccount of the same name may assume the role (the preparation's <env>-prepare)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.extra_namespaces : can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", n))])
    error_message = "extra_namespaces must list Kubernetes namespace names, for example [\"dev1-prepare\"]."
  }
}

variable "list_secrets" {
  description = "Allow secretsmanager:ListSecrets, which External Secrets' find by tags needs (the preparation's admin password)."
  type        = bool
  default     = false
}

variable "service_account" {
  description = "The ServiceAccount External Secrets authenticates as."
  type        = string
  default     = "envforge-secrets-reader"
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (IRSA)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN, for example \"arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE\"."
  }
}

variable "secret_prefix" {
  description = "The role may read only secrets whose names start with this: envforge/<env>/."
  type        = string

  validation {
    condition     = can(regex("^envforge/[a-z0-9-]+/$", var.secret_prefix))
    error_message = "secret_prefix must be envforge/<env>/, for example \"envforge/dev1/\"."
  }
}

variable "extra_secret_arns" {
  description = "Secrets outside the prefix the role may read too: RDS's own secret of the managed admin password (rds!db-...), which the in-cluster database preparation reads."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.extra_secret_arns : can(regex("^arn:aws[a-z-]*:secretsmanager:", a))])
    error_message = "extra_secret_arns must list Secrets Manager ARNs, for example [\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0123abcd-AbCdEf\"]."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
