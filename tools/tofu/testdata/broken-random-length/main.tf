# Broken on purpose (e2e-selftest.sh): random_password's length must be at least 1 (terraform-provider-random,
# internal/provider/resource_password.go: int64validator.AtLeast(1)). Everything else is valid.
terraform {
  required_providers {
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}

resource "random_password" "admin" {
  length           = 0
  override_special = "!#%^*-_=+"
}
