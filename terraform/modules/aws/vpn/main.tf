locals {
  vpn = var.connectivity == "vpn"
  hub = var.connectivity == "hub"
}
