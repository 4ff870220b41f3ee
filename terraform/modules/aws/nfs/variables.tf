variable "name" {
  description = "Prefix of every resource name, envforge-<env>; the file system is <name>-nfs."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "name must be lower-case letters, digits and dashes, for example \"envforge-dev1\"."
  }
}

variable "vpc_id" {
  description = "The environment's VPC."
  type        = string
}

variable "subnet_ids" {
  description = "The two private data subnets; the file system gets a mount target in each."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) == 2
    error_message = "subnet_ids must hold the two data subnets, for example module.network.data_subnet_ids."
  }
}

variable "client_cidrs" {
  description = "The only networks that may mount the share (NFS, TCP 2049): the workload subnets."
  type        = list(string)

  validation {
    condition     = length(var.client_cidrs) > 0 && alltrue([for c in var.client_cidrs : can(cidrhost(c, 0))])
    error_message = "client_cidrs must list IPv4 blocks, for example [\"10.20.0.0/22\", \"10.20.4.0/22\"]."
  }
}

variable "hostname" {
  description = "The stable private name the PersistentVolume mounts (Nfs.host), nfs.<env>.<internalDomain>."
  type        = string

  validation {
    condition     = can(regex("^nfs\\.[a-z0-9.-]+$", var.hostname))
    error_message = "hostname must be the nfs record of the environment's zone, for example \"nfs.dev1.envforge.internal\"."
  }
}

variable "zone_id" {
  description = "The environment's private hosted zone."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
