# Example: the EKS cluster of an AWS environment "demo", its IRSA secrets reader fed by the cluster's own OIDC
# provider. The generated roots under terraform/environments/<env>/ do the same with the values of the spec.

terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.19"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../../modules/aws/network"

  name          = "envforge-demo"
  cidr          = "10.30.0.0/20"
  internal_zone = "demo.envforge.internal"
  subnets = {
    "data-a"     = { cidr = "10.30.8.0/23", zone = "eu-west-1a", role = "data", name = "envforge-demo-data-a" }
    "data-b"     = { cidr = "10.30.10.0/23", zone = "eu-west-1b", role = "data", name = "envforge-demo-data-b" }
    "ingress-a"  = { cidr = "10.30.14.0/24", zone = "eu-west-1a", role = "ingress", name = "envforge-demo-ingress-a" }
    "ingress-b"  = { cidr = "10.30.15.0/24", zone = "eu-west-1b", role = "ingress", name = "envforge-demo-ingress-b" }
    "workload-a" = { cidr = "10.30.0.0/22", zone = "eu-west-1a", role = "workload", name = "envforge-demo-workload-a" }
    "workload-b" = { cidr = "10.30.4.0/22", zone = "eu-west-1b", role = "workload", name = "envforge-demo-workload-b" }
  }
}

module "cluster" {
  source = "../../modules/aws/cluster"

  name                = "envforge-demo"
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr
  subnet_ids          = module.network.workload_subnet_ids
  api_access_cidrs    = ["10.0.0.0/16"]
  node_instance_types = ["m6i.large"]
  node_count          = { min = 2, desired = 2, max = 4 }
}

module "secrets_access" {
  source = "../../modules/aws/secrets-access"

  role_name         = "envforge-demo-secrets-reader"
  namespace         = "demo"
  oidc_provider_arn = module.cluster.oidc_provider_arn
  secret_prefix     = "envforge/demo/"
}

output "cluster_name" {
  description = "aws eks update-kubeconfig --name <this> (from inside the VPC or on-prem)."
  value       = module.cluster.cluster_name
}

output "load_balancer_controller_role_arn" {
  description = "The AWS Load Balancer Controller's IRSA role."
  value       = module.cluster.load_balancer_controller_role_arn
}
