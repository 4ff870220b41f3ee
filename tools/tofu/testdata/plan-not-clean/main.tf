# Broken on purpose (e2e-selftest.sh): an argument that changes on every run, so the plan after the apply is never
# clean. No provider needed: terraform_data is built into OpenTofu.
resource "terraform_data" "always" {
  triggers_replace = timestamp()
}
