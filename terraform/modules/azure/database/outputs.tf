output "hostname" {
  description = "The stable private name of the database (db.<env>.<internalDomain>)."
  value       = "${azurerm_private_dns_cname_record.db.name}.${azurerm_private_dns_cname_record.db.zone_name}"
}

output "endpoint" {
  description = "The server's own name, which the hostname points at."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "port" {
  description = "The engine's port."
  value       = 5432
}

output "admin_secret_name" {
  description = "Key Vault secret holding the admin credentials."
  value       = azurerm_key_vault_secret.admin.name
}

output "secret_names" {
  description = "Per layer, the Key Vault secret names the ExternalSecrets read."
  value = {
    for k, l in var.layers : k => {
      db         = azurerm_key_vault_secret.layer_db[k].name
      internal   = azurerm_key_vault_secret.layer_internal[k].name
      keystore   = azurerm_key_vault_secret.layer_keystore[k].name
      encryption = azurerm_key_vault_secret.layer_encryption[k].name
    }
  }
}
