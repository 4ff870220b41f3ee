variable "storage_account_name" {
  description = "The premium FileStorage account (CloudNames.storageAccount), globally unique."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "storage_account_name must be 3..24 lower-case letters and digits, for example \"efdev1a1b2c3\"."
  }
}

variable "share_name" {
  description = "The NFS share's name (CloudNames.share)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])$", var.share_name))
    error_message = "share_name must be 3..63 lower-case letters, digits and dashes, for example \"shared\"."
  }
}

variable "quota_gb" {
  description = "The share's provisioned size; premium shares start at 100 GiB."
  type        = number

  validation {
    condition     = var.quota_gb >= 100 && var.quota_gb <= 102400
    error_message = "quota_gb must be 100..102400, for example 100."
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

variable "private_endpoint_subnet_id" {
  description = "The data subnet the share's private endpoint lives in."
  type        = string
}

variable "vnet_id" {
  description = "The VNet the privatelink DNS zone is linked to."
  type        = string
}

variable "hostname" {
  description = "The stable private name the PersistentVolume mounts (Nfs.host), nfs.<env>.<internalDomain>."
  type        = string

  validation {
    condition     = can(regex("^nfs\\.[a-z0-9.-]+$", var.hostname))
    error_message = "hostname must be the nfs record of the environment's zone, for example \"nfs.dev1.envforge.internal\"."
  }
}

variable "zone_name" {
  description = "The environment's private DNS zone; hostname must lie in it."
  type        = string

  validation {
    condition     = endswith(var.hostname, ".${var.zone_name}")
    error_message = "zone_name must be the zone hostname lies in, for example \"dev1.envforge.internal\" for nfs.dev1.envforge.internal."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
