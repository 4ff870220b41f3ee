terraform {
  # 1.11: write-only arguments (password_wo, secret_string_wo) and ephemeral resources.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.19"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }
}
