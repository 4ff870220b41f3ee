output "registry_url" {
  description = "The registry's login server, <name>.azurecr.io: the charts' image repositories are <registry_url>/<image>."
  value       = azurerm_container_registry.this.login_server
}

output "registry_id" {
  description = "The registry's resource id."
  value       = azurerm_container_registry.this.id
}

output "cached_repositories" {
  description = "The artifact cache's repositories by upstream repository: <login_server>/<target_repo>."
  value       = { for r in azurerm_container_registry_cache_rule.this : r.source_repo => "${azurerm_container_registry.this.login_server}/${r.target_repo}" }
}
