# Metrics: an Amazon Managed Service for Prometheus workspace and an AWS managed collector (scraper) that discovers
# the environment's pods through the Kubernetes API and scrapes those annotated prometheus.io/scrape = "true" at
# prometheus.io/port and prometheus.io/path (Micro Integrator's /metric-service/metrics, charts/integration; API
# Manager's JMX exporter agent's /metrics, charts/api-gateway). The
# collector's network interfaces go into the cluster's subnets with the cluster's security group ("Using an AWS managed
# collector": the security groups and subnets should be those of the cluster, at least two subnets in two zones).

resource "aws_prometheus_workspace" "this" {
  alias = var.metrics_workspace

  tags = var.tags
}

resource "aws_prometheus_scraper" "this" {
  alias = var.name
  scrape_configuration = yamlencode({
    global = { scrape_interval = "30s" }
    scrape_configs = [{
      job_name = "pods"
      kubernetes_sd_configs = [{
        role       = "pod"
        namespaces = { names = [var.namespace] }
      }]
      relabel_configs = [
        {
          source_labels = ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"]
          action        = "keep"
          regex         = "true"
        },
        {
          source_labels = ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"]
          action        = "replace"
          regex         = "([^:]+)(?::\\d+)?;(\\d+)"
          replacement   = "$1:$2"
          target_label  = "__address__"
        },
        {
          source_labels = ["__meta_kubernetes_pod_annotation_prometheus_io_path"]
          action        = "replace"
          regex         = "(.+)"
          target_label  = "__metrics_path__"
        },
        {
          source_labels = ["__meta_kubernetes_namespace"]
          target_label  = "namespace"
        },
        {
          source_labels = ["__meta_kubernetes_pod_name"]
          target_label  = "pod"
        },
        {
          source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
          target_label  = "layer"
        },
      ]
    }]
  })

  source {
    eks {
      cluster_arn        = var.cluster_arn
      subnet_ids         = var.subnet_ids
      security_group_ids = [var.cluster_security_group_id]
    }
  }

  destination {
    amp {
      workspace_arn = aws_prometheus_workspace.this.arn
    }
  }

  tags = var.tags
}

# The collector reads pods through the Kubernetes API as its role: an access entry, and read-only access (the EKS
# access policy AmazonEKSViewPolicy, the Kubernetes "view" role) to the environment's namespace only.
resource "aws_eks_access_entry" "scraper" {
  cluster_name  = var.cluster_name
  principal_arn = aws_prometheus_scraper.this.role_arn

  tags = var.tags
}

resource "aws_eks_access_policy_association" "scraper" {
  cluster_name  = var.cluster_name
  principal_arn = aws_eks_access_entry.scraper.principal_arn
  policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"

  access_scope {
    type       = "namespace"
    namespaces = [var.namespace]
  }
}
