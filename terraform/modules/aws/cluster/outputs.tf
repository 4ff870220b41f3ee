output "cluster_name" {
  description = "The EKS cluster's name (aws eks get-token --cluster-name)."
  value       = aws_eks_cluster.this.name
}

output "endpoint" {
  description = "The private Kubernetes API endpoint."
  value       = aws_eks_cluster.this.endpoint
}

output "ca_certificate" {
  description = "The API server's CA bundle, base64-encoded PEM."
  value       = aws_eks_cluster.this.certificate_authority[0].data
}

output "oidc_provider_arn" {
  description = "The IAM OIDC provider IRSA roles trust (the secrets-access module's oidc_provider_arn)."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer_url" {
  description = "The cluster's OIDC issuer URL."
  value       = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

output "load_balancer_controller_role_arn" {
  description = "IRSA role of the AWS Load Balancer Controller's ServiceAccount kube-system/aws-load-balancer-controller."
  value       = aws_iam_role.load_balancer_controller.arn
}

output "cluster_security_group_id" {
  description = "The security group EKS created for the control plane and the nodes."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "node_group_name" {
  description = "The managed node group."
  value       = aws_eks_node_group.this.node_group_name
  depends_on  = [aws_eks_addon.coredns]
}

output "cluster_arn" {
  description = "The EKS cluster's ARN (the managed Prometheus collector's source)."
  value       = aws_eks_cluster.this.arn
}
