variable "server_name" {
  description = "The flexible server's name (Database.identifier), envforge-<env>-db; globally unique under postgres.database.azure.com."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", var.server_name))
    error_message = "server_name must be 3..63 lower-case letters, digits and dashes, for example \"envforge-dev1-db\"."
  }
}

variable "resource_group_name" {
  description = "The environment's resource group."
  type        = string
}

variable "location" {
  description = "Azure region (must offer availability zones)."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version."
  type        = string

  validation {
    condition     = contains(["13", "14", "15", "16", "17"], var.engine_version)
    error_message = "engine_version must be a PostgreSQL major version Flexible Server offers, for example \"16\"."
  }
}

variable "size" {
  description = "small, medium or large; mapped to a General Purpose SKU (Burstable cannot be zone-redundant)."
  type        = string
  default     = "medium"

  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "size must be small, medium or large, for example \"medium\"."
  }
}

variable "storage_gb" {
  description = "Wanted storage; rounded up to the next size Flexible Server offers."
  type        = number

  validation {
    condition     = var.storage_gb >= 20 && var.storage_gb <= 32768
    error_message = "storage_gb must be 20..32768, for example 128."
  }
}

variable "zones" {
  description = "Primary zone, then the standby's zone."
  type        = list(string)
  default     = ["1", "2"]

  validation {
    condition     = length(var.zones) == 2 && var.zones[0] != var.zones[1]
    error_message = "zones must be two different availability zones, for example [\"1\", \"2\"]."
  }
}

variable "backup_retention_days" {
  description = "Days of backups (point-in-time restore)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 7..35, for example 7."
  }
}

variable "private_endpoint_subnet_id" {
  description = "The data subnet the server's private endpoint lives in."
  type        = string
}

variable "vnet_id" {
  description = "The VNet the privatelink DNS zone is linked to."
  type        = string
}

variable "hostname" {
  description = "The stable private name the manifests use (Database.host), db.<env>.<internalDomain>."
  type        = string

  validation {
    condition     = can(regex("^db\\.[a-z0-9.-]+$", var.hostname))
    error_message = "hostname must be the db record of the environment's zone, for example \"db.dev1.envforge.internal\"."
  }
}

variable "zone_name" {
  description = "The environment's private DNS zone; hostname must lie in it."
  type        = string

  validation {
    condition     = endswith(var.hostname, ".${var.zone_name}")
    error_message = "zone_name must be the zone hostname lies in, for example \"dev1.envforge.internal\" for db.dev1.envforge.internal."
  }
}

variable "key_vault_id" {
  description = "The environment's Key Vault; the secrets below are written to it."
  type        = string
}

variable "admin_secret_name" {
  description = "Key Vault secret holding the admin credentials (Database.adminSecret)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9-]{1,127}$", var.admin_secret_name))
    error_message = "admin_secret_name must be a Key Vault secret name, for example \"database-admin\"."
  }
}

variable "layers" {
  description = "Per layer: its database user, the Key Vault secret names the manifests' ExternalSecrets read (Layer.remoteDbSecret, Layer.remoteInternalSecret, LayerSecrets) and each secret's rotation counter (spec.secrets.rotation; encryption_key_version: spec.secrets.encryptionKey)."
  type = map(object({
    db_user                = string
    db_secret              = string
    internal_secret        = string
    keystore_secret        = string
    encryption_secret      = string
    db_version             = optional(number, 1)
    admin_version          = optional(number, 1)
    keystore_version       = optional(number, 1)
    encryption_key_version = optional(number, 1)
  }))

  validation {
    condition     = alltrue([for l in values(var.layers) : alltrue([for n in [l.db_secret, l.internal_secret, l.keystore_secret, l.encryption_secret] : can(regex("^[A-Za-z0-9-]{1,127}$", n))])])
    error_message = "layer secrets must be Key Vault secret names, for example { db_user = \"mi_user\", db_secret = \"integration-db\", internal_secret = \"integration-internal\", keystore_secret = \"integration-keystore\", encryption_secret = \"integration-encryption\" }."
  }

  validation {
    condition     = alltrue([for l in values(var.layers) : alltrue([for v in [l.db_version, l.admin_version, l.keystore_version, l.encryption_key_version] : v >= 1])])
    error_message = "rotation counters must be positive numbers, for example db_version = 2."
  }
}

variable "admin_password_version" {
  description = "Rotation counter of the admin password (spec.secrets.rotation.databaseAdmin): raise it to generate a new one and send it to Key Vault and the server (write-only arguments are re-sent only when it changes)."
  type        = number
  default     = 1

  validation {
    condition     = var.admin_password_version >= 1
    error_message = "admin_password_version must be a positive number, for example 2."
  }
}

variable "delete_lock" {
  description = "The CanNotDelete management lock on the server. Only the pipeline's decommission sets it to false (root variable decommission), right before the destroy."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
