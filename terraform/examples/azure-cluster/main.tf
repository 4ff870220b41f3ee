# Example: the AKS cluster of an Azure environment "demo", its Key Vault reader federated with the cluster's own OIDC
# issuer. The generated roots under terraform/environments/<env>/ do the same with the values of the spec.

terraform {
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.51"
    }
  }
}

provider "azurerm" {
  subscription_id = "00000000-0000-0000-0000-000000000000"

  features {}
}

module "network" {
  source = "../../modules/azure/network"

  name                = "envforge-demo"
  resource_group_name = "rg-envforge-demo"
  location            = "westeurope"
  cidr                = "10.31.0.0/21"
  internal_zone       = "demo.envforge.internal"
  subnets = {
    "data-a"     = { cidr = "10.31.4.0/24", role = "data", name = "snet-data-a" }
    "data-b"     = { cidr = "10.31.5.0/24", role = "data", name = "snet-data-b" }
    "gateway"    = { cidr = "10.31.6.0/27", role = "gateway", name = "GatewaySubnet" }
    "ingress-a"  = { cidr = "10.31.7.0/25", role = "ingress", name = "snet-ingress-a" }
    "ingress-b"  = { cidr = "10.31.7.128/25", role = "ingress", name = "snet-ingress-b" }
    "workload-a" = { cidr = "10.31.0.0/23", role = "workload", name = "snet-workload-a" }
    "workload-b" = { cidr = "10.31.2.0/23", role = "workload", name = "snet-workload-b" }
  }
}

module "cluster" {
  source = "../../modules/azure/cluster"

  name                = "envforge-demo"
  resource_group_name = module.network.resource_group_name
  location            = module.network.location
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  vnet_id             = module.network.vnet_id
  node_subnet_id      = module.network.workload_subnet_ids[0]
  node_vm_size        = "Standard_D2s_v5"
  node_count          = { min = 2, max = 4 }
}

module "secrets_access" {
  source = "../../modules/azure/secrets-access"

  identity_name              = "envforge-demo-secrets-reader"
  key_vault_name             = "kvdemo0a1b2c"
  resource_group_name        = module.network.resource_group_name
  location                   = module.network.location
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  oidc_issuer_url            = module.cluster.oidc_issuer_url
  namespace                  = "demo"
  allowed_subnet_ids         = module.network.workload_subnet_ids
  vnet_id                    = module.network.vnet_id
  private_endpoint_subnet_id = module.network.data_subnet_ids[0]
}

output "cluster_name" {
  description = "az aks get-credentials --name <this> (from inside the VNet or on-prem)."
  value       = module.cluster.cluster_name
}

output "secrets_reader_client_id" {
  description = "The workload identity's client id."
  value       = module.secrets_access.client_id
}
