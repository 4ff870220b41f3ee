output "cluster_name" {
  description = "The AKS cluster's name."
  value       = azurerm_kubernetes_cluster.this.name
}

output "cluster_id" {
  description = "The AKS cluster's resource id."
  value       = azurerm_kubernetes_cluster.this.id
}

output "host" {
  description = "The private Kubernetes API endpoint, once Terraform may administer the cluster."
  value       = "https://${azurerm_kubernetes_cluster.this.private_fqdn}:443"
  depends_on  = [azurerm_role_assignment.terraform_admin]
}

output "ca_certificate" {
  description = "The API server's CA bundle, base64-encoded PEM."
  value       = azurerm_kubernetes_cluster.this.kube_config[0].cluster_ca_certificate
  sensitive   = true
}

output "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL: the secrets-access module's oidc_issuer_url."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "kubelet_object_id" {
  description = "Object id of the nodes' kubelet identity (for pulling from the environment's registry)."
  value       = azurerm_kubernetes_cluster.this.kubelet_identity[0].object_id
}
