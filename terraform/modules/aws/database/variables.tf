variable "identifier" {
  description = "The DB instance's identifier (Database.identifier), envforge-<env>-db."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}$", var.identifier))
    error_message = "identifier must start with a letter and hold lower-case letters, digits and dashes, for example \"envforge-dev1-db\"."
  }
}

variable "engine" {
  description = "postgres or mysql."
  type        = string
  default     = "postgres"

  validation {
    condition     = contains(["postgres", "mysql"], var.engine)
    error_message = "engine must be \"postgres\" or \"mysql\", for example \"postgres\"."
  }
}

variable "engine_version" {
  description = "Engine major (or major.minor) version."
  type        = string

  validation {
    condition     = can(regex("^[0-9]+(\\.[0-9]+)?$", var.engine_version))
    error_message = "engine_version must be a version number, for example \"16\"."
  }
}

variable "size" {
  description = "small, medium or large; mapped to an instance class in locals.instance_classes."
  type        = string
  default     = "medium"

  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "size must be small, medium or large, for example \"medium\"."
  }
}

variable "storage_gb" {
  description = "Allocated storage; autoscaling may double it."
  type        = number

  validation {
    condition     = var.storage_gb >= 20 && var.storage_gb <= 65536
    error_message = "storage_gb must be 20..65536, for example 100."
  }
}

variable "port" {
  description = "The engine's port."
  type        = number
  default     = 5432

  validation {
    condition     = var.port >= 1150 && var.port <= 65535
    error_message = "port must be 1150..65535, for example 5432."
  }
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time restore)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 1..35, for example 7."
  }
}

variable "deletion_protection" {
  description = "RDS deletion protection. Only the pipeline's decommission sets it to false (root variable decommission), right before the destroy; the final snapshot (<identifier>-final) is taken either way."
  type        = bool
  default     = true
}

variable "vpc_id" {
  description = "The environment's VPC."
  type        = string
}

variable "subnet_ids" {
  description = "The two private data subnets, one per zone."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) == 2
    error_message = "subnet_ids must hold the two data subnets, for example module.network.data_subnet_ids."
  }
}

variable "client_cidrs" {
  description = "The only networks that may connect: the workload subnets."
  type        = list(string)

  validation {
    condition     = length(var.client_cidrs) > 0 && alltrue([for c in var.client_cidrs : can(cidrhost(c, 0))])
    error_message = "client_cidrs must list IPv4 blocks, for example [\"10.20.0.0/22\", \"10.20.4.0/22\"]."
  }
}

variable "hostname" {
  description = "The stable private name the manifests use (Database.host), db.<env>.<internalDomain>."
  type        = string

  validation {
    condition     = can(regex("^db\\.[a-z0-9.-]+$", var.hostname))
    error_message = "hostname must be the db record of the environment's zone, for example \"db.dev1.envforge.internal\"."
  }
}

variable "zone_id" {
  description = "The environment's private hosted zone."
  type        = string
}

variable "admin_secret_name" {
  description = "Secrets Manager name of the admin credentials (Database.adminSecret)."
  type        = string

  validation {
    condition     = can(regex("^envforge/[a-z0-9-]+/", var.admin_secret_name))
    error_message = "admin_secret_name must lie under envforge/<env>/, for example \"envforge/dev1/database/admin\"."
  }
}

variable "layers" {
  description = "Per layer: its database user, the secret names the manifests' ExternalSecrets read (Layer.remoteDbSecret, Layer.remoteInternalSecret, LayerSecrets) and each secret's rotation counter (spec.secrets.rotation; encryption_key_version: spec.secrets.encryptionKey)."
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
    condition     = alltrue([for l in values(var.layers) : alltrue([for n in [l.db_secret, l.internal_secret, l.keystore_secret, l.encryption_secret] : can(regex("^envforge/[a-z0-9-]+/", n))])])
    error_message = "layer secrets must lie under envforge/<env>/, for example { db_user = \"mi_user\", db_secret = \"envforge/dev1/integration/db\", internal_secret = \"envforge/dev1/integration/internal\", keystore_secret = \"envforge/dev1/integration/keystore\", encryption_secret = \"envforge/dev1/integration/encryption\" }."
  }

  validation {
    condition     = alltrue([for l in values(var.layers) : alltrue([for v in [l.db_version, l.admin_version, l.keystore_version, l.encryption_key_version] : v >= 1])])
    error_message = "rotation counters must be positive numbers, for example db_version = 2."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
