# The environment's own image registry: a Premium Azure Container Registry (private endpoints need Premium:
# https://learn.microsoft.com/azure/container-registry/container-registry-private-link), zone-redundant, without
# admin user or anonymous pull, reachable only through a private endpoint in a data subnet (and, while Terraform or
# the pipeline runs from outside the VNet, from admin_ip_ranges). The pipeline copies each pinned image into it by
# digest; the nodes' kubelet identity pulls with AcrPull, and <login_server>/<image>@sha256:... is what the charts use.

resource "azurerm_container_registry" "this" {
  name                          = var.registry_name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  admin_enabled                 = false
  anonymous_pull_enabled        = false
  zone_redundancy_enabled       = true
  public_network_access_enabled = length(var.admin_ip_ranges) > 0
  network_rule_bypass_option    = "AzureServices"

  network_rule_set = [{
    default_action = "Deny"
    ip_rule        = [for r in var.admin_ip_ranges : { action = "Allow", ip_range = r }]
  }]

  tags = var.tags
}

resource "azurerm_role_assignment" "kubelet_pull" {
  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = var.kubelet_object_id
  principal_type       = "ServicePrincipal"
}

# The registry's names resolve to the private endpoint through privatelink.azurecr.io; the endpoint carries two
# addresses, the registry's and its regional data endpoint's (container-registry-private-link, "DNS configuration").
resource "azurerm_private_dns_zone" "registry" {
  name                = "privatelink.azurecr.io"
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "registry" {
  name                  = "${var.registry_name}-link"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.registry.name
  virtual_network_id    = var.vnet_id

  tags = var.tags
}

resource "azurerm_private_endpoint" "registry" {
  name                = "pe-${var.registry_name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.private_endpoint_subnet_id

  private_service_connection {
    name                           = "registry"
    private_connection_resource_id = azurerm_container_registry.this.id
    subresource_names              = ["registry"]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = "registry"
    private_dns_zone_ids = [azurerm_private_dns_zone.registry.id]
  }

  tags = var.tags
}

# Artifact cache: each rule serves an upstream public repository as <login_server>/<target_repo>, pulled by the
# registry itself on first use and kept, so that nodes without internet egress pull the in-cluster controllers' images
# through the private endpoint (container-registry-artifact-cache: "Artifact Cache"; quay.io, registry.k8s.io,
# ghcr.io and mcr.microsoft.com support unauthenticated pulls, so no credential set is needed).
resource "azurerm_container_registry_cache_rule" "this" {
  for_each = var.cache_rules

  name                  = each.key
  container_registry_id = azurerm_container_registry.this.id
  source_repo           = each.value.source_repo
  target_repo           = each.value.target_repo
}
