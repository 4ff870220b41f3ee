output "key_vault_id" {
  description = "The vault's id, once Terraform's role assignment on it has propagated (time_sleep)."
  value       = azurerm_key_vault.this.id
  depends_on  = [time_sleep.rbac_propagation]
}

output "key_vault_uri" {
  description = "The vault's URL: the SecretStore's vaultUrl."
  value       = azurerm_key_vault.this.vault_uri
}

output "client_id" {
  description = "The identity's client id: the ServiceAccount's azure.workload.identity/client-id annotation."
  value       = azurerm_user_assigned_identity.reader.client_id
}

output "identity_name" {
  description = "The identity's name."
  value       = azurerm_user_assigned_identity.reader.name
}
