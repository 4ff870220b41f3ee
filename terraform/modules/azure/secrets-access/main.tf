# The environment's Key Vault (RBAC, purge protection, network ACL) and the workload identity the cluster reads it
# as: a user-assigned identity, federated with the cluster's OIDC issuer for exactly one ServiceAccount, holding
# "Key Vault Secrets User" on this vault only.

data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "this" {
  name                          = var.key_vault_name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  tenant_id                     = var.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = true

  network_acls {
    bypass                     = "AzureServices"
    default_action             = "Deny"
    ip_rules                   = var.admin_ip_ranges
    virtual_network_subnet_ids = var.allowed_subnet_ids
  }

  tags = var.tags
}

# Terraform itself writes the secrets (database module).
resource "azurerm_role_assignment" "terraform" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

# A new role assignment is not effective at once: Azure RBAC documents that changes can take up to 10 minutes to be
# detected (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting, "Role assignment changes are
# not being detected"). A secret write in that window gets 403 after the database already took its new password;
# the next run sends a fresh ephemeral value to the secret only, and the two drift apart. So the vault is handed out
# (output key_vault_id) only after this wait; it runs again whenever the assignment is re-created.
resource "time_sleep" "rbac_propagation" {
  create_duration = var.rbac_propagation_wait

  triggers = {
    role_assignment_id = azurerm_role_assignment.terraform.id
  }
}

resource "azurerm_user_assigned_identity" "reader" {
  name                = var.identity_name
  location            = var.location
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_federated_identity_credential" "reader" {
  name                = "${var.namespace}-${var.service_account}"
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.reader.id
  issuer              = var.oidc_issuer_url
  subject             = "system:serviceaccount:${var.namespace}:${var.service_account}"
  audience            = ["api://AzureADTokenExchange"]
}

# One federated credential per further namespace (the preparation's <env>-prepare): a credential names one subject.
resource "azurerm_federated_identity_credential" "extra" {
  for_each            = toset(var.extra_namespaces)
  name                = "${each.value}-${var.service_account}"
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.reader.id
  issuer              = var.oidc_issuer_url
  subject             = "system:serviceaccount:${each.value}:${var.service_account}"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "reader" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.reader.principal_id
  principal_type       = "ServicePrincipal"
}
