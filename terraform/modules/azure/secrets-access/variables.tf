variable "identity_name" {
  description = "The user-assigned identity the cluster reads secrets as (CloudNames.secretsReader)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$", var.identity_name))
    error_message = "identity_name must be 3..128 letters, digits, dashes or underscores, for example \"envforge-dev1-secrets-reader\"."
  }
}

variable "key_vault_name" {
  description = "The environment's Key Vault (CloudNames.keyVault), globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.key_vault_name))
    error_message = "key_vault_name must be 3..24 lower-case letters, digits and dashes, for example \"kvdev1a1b2c3\"."
  }
}

variable "resource_group_name" {
  description = "The environment's resource group."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "tenant_id" {
  description = "The Entra ID tenant of the vault (platform spec.azure.tenantId)."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", var.tenant_id))
    error_message = "tenant_id must be a GUID, for example \"00000000-0000-0000-0000-000000000000\"."
  }
}

variable "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL (AKS oidc_issuer_url)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.oidc_issuer_url))
    error_message = "oidc_issuer_url must be an https URL, for example \"https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/\"."
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
  description = "Further namespaces whose ServiceAccount of the same name may use the identity (the preparation's <env>-prepare)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.extra_namespaces : can(regex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", n))])
    error_message = "extra_namespaces must list Kubernetes namespace names, for example [\"dev1-prepare\"]."
  }
}

variable "service_account" {
  description = "The ServiceAccount External Secrets authenticates as."
  type        = string
  default     = "envforge-secrets-reader"
}

variable "allowed_subnet_ids" {
  description = "Subnets that may reach the vault (the workload subnets, through their Microsoft.KeyVault service endpoint)."
  type        = list(string)
}

variable "vnet_id" {
  description = "The environment's VNet, linked to the vault's privatelink DNS zone."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "The data subnet holding the vault's private endpoint."
  type        = string
}

variable "admin_ip_ranges" {
  description = "Public ranges from which Terraform itself writes the secrets (the operator's or the CI runner's egress)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.admin_ip_ranges : can(cidrhost(c, 0))])
    error_message = "admin_ip_ranges must list IPv4 blocks, for example [\"198.51.100.0/24\"]."
  }
}

variable "rbac_propagation_wait" {
  description = "How long to wait after Terraform's Key Vault role assignment before writing secrets (Azure RBAC: up to 10 minutes)."
  type        = string
  default     = "10m"

  validation {
    condition     = can(regex("^[0-9]+(s|m)$", var.rbac_propagation_wait))
    error_message = "rbac_propagation_wait must be a duration in seconds or minutes, for example \"10m\"."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
