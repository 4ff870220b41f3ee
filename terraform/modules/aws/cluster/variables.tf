variable "name" {
  description = "The EKS cluster's name, envforge-<env>; also the prefix of its IAM roles and security group."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}$", var.name))
    error_message = "name must be 2..39 lower-case letters, digits and dashes (IAM role names add suffixes), for example \"envforge-dev1\"."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the node group (the manifests are validated against 1.32)."
  type        = string
  default     = "1.32"

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version, for example \"1.32\"."
  }
}

variable "vpc_id" {
  description = "The environment's VPC."
  type        = string
}

variable "vpc_cidr" {
  description = "The environment's block: nodes and pods inside it reach the API endpoint."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be an IPv4 block, for example \"10.20.0.0/20\"."
  }
}

variable "subnet_ids" {
  description = "The workload subnets, one per availability zone: control-plane network interfaces and nodes go here."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must name the workload subnets of both zones, for example [\"subnet-0a1b2c3d4e5f60001\", \"subnet-0a1b2c3d4e5f60002\"]."
  }
}

variable "api_access_cidrs" {
  description = "Networks besides the VPC that may reach the private API endpoint on 443: the on-prem CIDRs (CI runners, operators)."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.api_access_cidrs : can(cidrhost(c, 0))])
    error_message = "api_access_cidrs must list IPv4 blocks, for example [\"10.0.0.0/16\", \"172.16.0.0/16\"]."
  }
}

variable "service_cidr" {
  description = "Cluster IP range of Kubernetes Services; must not overlap the VPC, on-prem or other environments reached from pods."
  type        = string
  default     = "172.20.0.0/16"

  validation {
    condition     = can(cidrhost(var.service_cidr, 0)) && tonumber(split("/", var.service_cidr)[1]) >= 12 && tonumber(split("/", var.service_cidr)[1]) <= 24
    error_message = "service_cidr must be an IPv4 block from /12 to /24 (EKS's limits), for example \"172.20.0.0/16\"."
  }
}

variable "node_instance_types" {
  description = "EC2 instance types of the managed node group (the first that has capacity is used)."
  type        = list(string)
  default     = ["m6i.xlarge"]

  validation {
    condition     = length(var.node_instance_types) > 0 && alltrue([for t in var.node_instance_types : can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", t))])
    error_message = "node_instance_types must list EC2 instance types, for example [\"m6i.xlarge\"]."
  }
}

variable "node_count" {
  description = "Nodes of the managed node group: min, desired and max. The group spans both zones; EKS replaces a failed node."
  type = object({
    min     = number
    desired = number
    max     = number
  })
  default = { min = 2, desired = 3, max = 6 }

  validation {
    condition     = var.node_count.min >= 2 && var.node_count.min <= var.node_count.desired && var.node_count.desired <= var.node_count.max
    error_message = "node_count needs 2 <= min <= desired <= max (at least one node per zone), for example { min = 2, desired = 3, max = 6 }."
  }
}

variable "node_disk_gb" {
  description = "Root volume size of each node, in GiB (images of both WSO2 layers are cached there)."
  type        = number
  default     = 50

  validation {
    condition     = var.node_disk_gb >= 20 && var.node_disk_gb <= 1000
    error_message = "node_disk_gb must be 20..1000, for example 50."
  }
}

variable "addon_versions" {
  description = "Pinned versions of the EKS add-ons vpc-cni, coredns and kube-proxy for kubernetes_version (aws eks describe-addon-versions --kubernetes-version 1.32)."
  type = object({
    vpc_cni    = string
    coredns    = string
    kube_proxy = string
  })
  default = {
    vpc_cni    = "v1.19.2-eksbuild.1"
    coredns    = "v1.11.4-eksbuild.2"
    kube_proxy = "v1.32.0-eksbuild.2"
  }

  validation {
    condition     = alltrue([for v in values(var.addon_versions) : can(regex("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$", v))])
    error_message = "addon_versions must be EKS add-on versions, for example { vpc_cni = \"v1.19.2-eksbuild.1\", coredns = \"v1.11.4-eksbuild.2\", kube_proxy = \"v1.32.0-eksbuild.2\" }."
  }
}

variable "log_types" {
  description = "Control-plane logs sent to CloudWatch Logs."
  type        = list(string)
  default     = ["api", "audit", "authenticator"]

  validation {
    condition     = alltrue([for t in var.log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "log_types may hold api, audit, authenticator, controllerManager and scheduler, for example [\"api\", \"audit\"]."
  }
}

variable "log_retention_days" {
  description = "Days CloudWatch Logs keeps the control-plane logs (spec.observability.logRetentionDays)."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), for example 30."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
