# One managed node group over the workload subnets of both zones: EKS replaces unhealthy nodes (node repair) and
# rolls one node at a time on updates; the AMI follows the cluster's Kubernetes version.

resource "aws_iam_role" "node" {
  name        = "${var.name}-eks-node"
  description = "EC2 nodes of ${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })

  tags = var.tags
}

# The VPC CNI's permissions are on its own IRSA role (addons.tf), not on the nodes.
resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset(["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly"])

  role       = aws_iam_role.node.name
  policy_arn = "${local.policy_prefix}/${each.value}"
}

resource "aws_eks_node_group" "this" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "${var.name}-nodes"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = var.kubernetes_version
  ami_type        = "AL2023_x86_64_STANDARD"
  capacity_type   = "ON_DEMAND"
  instance_types  = var.node_instance_types
  disk_size       = var.node_disk_gb

  # desired_size is managed here, not ignored: no cluster autoscaler is installed, and EKS refuses a min_size above
  # the current desired size, so raising node_count.min must move desired_size with it.
  scaling_config {
    min_size     = var.node_count.min
    desired_size = var.node_count.desired
    max_size     = var.node_count.max
  }

  update_config {
    max_unavailable = 1
  }

  node_repair_config {
    enabled = true
  }

  tags = var.tags

  # Nodes join only once the CNI can give pods addresses.
  depends_on = [aws_iam_role_policy_attachment.node, aws_eks_addon.vpc_cni, aws_eks_addon.kube_proxy]
}
