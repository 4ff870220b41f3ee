variable "name" {
  description = "The environment's repository prefix, envforge-<env>: repositories are <name>/<image>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "repositories" {
  description = "The images the cluster pulls, each a repository <name>/<image> (for example wso2am, wso2mi, ansible-runner)."
  type        = list(string)

  validation {
    condition     = length(var.repositories) > 0 && alltrue([for r in var.repositories : can(regex("^[a-z0-9]+([._/-][a-z0-9]+)*$", r))])
    error_message = "repositories must list lower-case repository names, for example [\"wso2am\", \"wso2mi\"]."
  }
}

variable "pull_through_cache_rules" {
  description = "Pull-through cache rules by ECR repository prefix: the upstream registry and, for upstreams that need it, the Secrets Manager secret (ecr-pullthroughcache/...) holding its credentials. Empty where the platform has registry-wide rules."
  type = map(object({
    upstream_registry_url = string
    credential_arn        = optional(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for k in keys(var.pull_through_cache_rules) : can(regex("^[a-z0-9]+([._-][a-z0-9]+)*$", k))])
    error_message = "pull_through_cache_rules keys are repository prefixes, for example { \"ecr-public\" = { upstream_registry_url = \"public.ecr.aws\" } }."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
