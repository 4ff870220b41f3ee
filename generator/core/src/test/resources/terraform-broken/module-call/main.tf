# Broken on purpose: the module has no variable "nam" and needs "name".
module "broken" {
  source = "./mod"

  nam = "x"
}
