output "registry_url" {
  description = "The registry's login server, <name>.azurecr.io: the charts' image repositories are <registry_url>/<image>."
  value       = azurerm_container_registry.this.login_server
}

output "registry_id" {
  description = "The registry's resource id."
  value       = azurerm_container_registry.this.id
}
