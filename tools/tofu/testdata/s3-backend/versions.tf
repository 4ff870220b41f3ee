# A root with the generated roots' S3 backend settings and only the random provider: e2e.sh --apply runs it against
# moto (bucket, S3 lock file, state) on a machine where the aws provider is not built yet.
terraform {
  required_version = ">= 1.11"

  required_providers {
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
  }

  backend "s3" {
    bucket       = "acme-envforge-terraform-state"
    key          = "envforge/fixture/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
