# The IRSA role of the AWS Load Balancer Controller (stage 2 installs it with the Helm chart; its ServiceAccount
# kube-system/aws-load-balancer-controller carries this role). The statements are the controller's documented IAM
# policy, kubernetes-sigs/aws-load-balancer-controller docs/install/iam_policy.json (v3.5.0, commit 225f445), with
# the partition taken from the provider.

locals {
  partition = data.aws_partition.current.partition
  lbc_statements = [
    {
      Effect   = "Allow"
      Action   = ["iam:CreateServiceLinkedRole"]
      Resource = "*"
      Condition = {
        StringEquals = {
          "iam:AWSServiceName" = "elasticloadbalancing.amazonaws.com"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools", "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables", "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes", "elasticloadbalancing:DescribeCapacityReservation"]
      Resource = "*"
    },
    {
      Effect   = "Allow"
      Action   = ["cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate", "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection"]
      Resource = "*"
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"]
      Resource = "*"
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:CreateSecurityGroup"]
      Resource = "*"
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:CreateTags"]
      Resource = "arn:${local.partition}:ec2:*:*:security-group/*"
      Condition = {
        StringEquals = {
          "ec2:CreateAction" = "CreateSecurityGroup"
        }
        Null = {
          "aws:RequestTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:CreateTags", "ec2:DeleteTags"]
      Resource = "arn:${local.partition}:ec2:*:*:security-group/*"
      Condition = {
        Null = {
          "aws:RequestTag/elbv2.k8s.aws/cluster"  = "true"
          "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"]
      Resource = "*"
      Condition = {
        Null = {
          "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"]
      Resource = "*"
      Condition = {
        Null = {
          "aws:RequestTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule"]
      Resource = "*"
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
      Resource = ["arn:${local.partition}:elasticloadbalancing:*:*:targetgroup/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:loadbalancer/app/*/*"]
      Condition = {
        Null = {
          "aws:RequestTag/elbv2.k8s.aws/cluster"  = "true"
          "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
      Resource = ["arn:${local.partition}:elasticloadbalancing:*:*:listener/net/*/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:listener/app/*/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:listener-rule/net/*/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:listener-rule/app/*/*/*"]
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup", "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools"]
      Resource = "*"
      Condition = {
        Null = {
          "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:AddTags"]
      Resource = ["arn:${local.partition}:elasticloadbalancing:*:*:targetgroup/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:loadbalancer/net/*/*", "arn:${local.partition}:elasticloadbalancing:*:*:loadbalancer/app/*/*"]
      Condition = {
        StringEquals = {
          "elasticloadbalancing:CreateAction" = ["CreateTargetGroup", "CreateLoadBalancer"]
        }
        Null = {
          "aws:RequestTag/elbv2.k8s.aws/cluster" = "false"
        }
      }
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"]
      Resource = "arn:${local.partition}:elasticloadbalancing:*:*:targetgroup/*/*"
    },
    {
      Effect   = "Allow"
      Action   = ["elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener", "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"]
      Resource = "*"
    },
  ]
}

resource "aws_iam_role" "load_balancer_controller" {
  name        = "${var.name}-lb-controller"
  description = "AWS Load Balancer Controller of ${var.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Condition = {
        StringEquals = {
          "${local.issuer}:sub" = "system:serviceaccount:kube-system:aws-load-balancer-controller"
          "${local.issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "load_balancer_controller" {
  name   = "aws-load-balancer-controller"
  role   = aws_iam_role.load_balancer_controller.id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.lbc_statements })
}
