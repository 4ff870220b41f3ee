terraform {
  # 1.11: write-only arguments (administrator_password_wo, value_wo) and ephemeral resources.
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.51"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}
