output "hostname" {
  description = "The NFS server name the PersistentVolume mounts (nfs.<env>.<internalDomain>)."
  value       = "${azurerm_private_dns_cname_record.nfs.name}.${azurerm_private_dns_cname_record.nfs.zone_name}"
}

output "path" {
  description = "The exported path: /<account>/<share>."
  value       = "/${azurerm_storage_account.this.name}/${azurerm_storage_share.this.name}"
}

output "storage_account_id" {
  description = "The storage account."
  value       = azurerm_storage_account.this.id
}

output "replication" {
  description = "The account's replication: ZRS keeps copies in several zones."
  value       = azurerm_storage_account.this.account_replication_type
}
