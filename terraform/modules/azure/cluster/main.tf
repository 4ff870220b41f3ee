# The environment's AKS cluster: private API server (private endpoint in the VNet, reachable from on-prem over the
# VPN or the hub; no public FQDN), Entra ID authentication with Azure RBAC and no local accounts, OIDC issuer and
# workload identity on (the secrets-access module federates with its issuer), Azure CNI overlay with the Cilium
# data plane enforcing NetworkPolicy, one autoscaled node pool over zones 1 and 2.

data "azurerm_client_config" "current" {}

resource "azurerm_kubernetes_cluster" "this" {
  name                                = var.name
  location                            = var.location
  resource_group_name                 = var.resource_group_name
  dns_prefix                          = var.name
  kubernetes_version                  = var.kubernetes_version
  sku_tier                            = "Standard"
  private_cluster_enabled             = true
  private_cluster_public_fqdn_enabled = false
  private_dns_zone_id                 = "System"
  oidc_issuer_enabled                 = true
  workload_identity_enabled           = true
  local_account_disabled              = true
  role_based_access_control_enabled   = true
  automatic_upgrade_channel           = "patch"
  node_os_upgrade_channel             = "NodeImage"

  default_node_pool {
    name                        = "system"
    vm_size                     = var.node_vm_size
    vnet_subnet_id              = var.node_subnet_id
    zones                       = var.zones
    auto_scaling_enabled        = true
    min_count                   = var.node_count.min
    max_count                   = var.node_count.max
    os_sku                      = "AzureLinux"
    temporary_name_for_rotation = "rotation"

    upgrade_settings {
      max_surge = "1"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    tenant_id          = var.tenant_id
    azure_rbac_enabled = true
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
    network_policy      = "cilium"
    load_balancer_sku   = "standard"
    outbound_type       = var.outbound_type
    pod_cidr            = var.pod_cidr
    service_cidr        = var.service_cidr
    dns_service_ip      = cidrhost(var.service_cidr, 10)
  }

  # Container Insights: the monitoring add-on ships every container's stdout/stderr (ContainerLogV2) to the Log
  # Analytics workspace, authenticating with its managed identity; the observability module's data collection rule
  # says what it collects.
  dynamic "oms_agent" {
    for_each = var.log_analytics_workspace_id == null ? [] : [var.log_analytics_workspace_id]
    content {
      log_analytics_workspace_id      = oms_agent.value
      msi_auth_for_monitoring_enabled = true
    }
  }

  # Managed Prometheus: the metrics add-on (ama-metrics) sends to the Azure Monitor workspace its data collection rule
  # names (observability module).
  dynamic "monitor_metrics" {
    for_each = var.managed_prometheus ? [true] : []
    content {}
  }

  tags = var.tags

  lifecycle {
    # The autoscaler moves the node count between min_count and max_count.
    ignore_changes = [default_node_pool[0].node_count]
  }
}

# The cluster's identity places nodes in the workload subnet and internal load balancers (the API layer's fixed
# addresses) in the ingress subnets.
resource "azurerm_role_assignment" "network" {
  scope                = var.vnet_id
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_kubernetes_cluster.this.identity[0].principal_id
  principal_type       = "ServicePrincipal"
}

# Terraform's own identity (the CI) administers the cluster through Azure RBAC: stage 2 installs the controllers.
resource "azurerm_role_assignment" "terraform_admin" {
  scope                = azurerm_kubernetes_cluster.this.id
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  principal_id         = data.azurerm_client_config.current.object_id
}
