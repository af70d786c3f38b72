"""The Plumbline reference architecture as a CloudFormation template (same logical content as the Terraform plan).

`build(variant)` returns the template as a dict with intrinsic-function tags (cfnyaml.Tag)."""

import json

from cfnyaml import Equals, FindInMap, GetAtt, GetAZs, If, Ref, Select, Sub
from tfstack import ACCOUNT, AZS, CERT_ARN, CF_CERT_ARN, NAME, SECONDARY

EDGE_WEB_ACL_ARN = ("arn:aws:wafv2:us-east-1:%s:global/webacl/%s-edge/3f2e1d0c-b9a8-4765-8432-10fedcba9876"
                    % (ACCOUNT, NAME))
S3_REPLICA_KEY_ARN = "arn:aws:kms:us-west-2:%s:key/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b" % ACCOUNT
SECRETS_REPLICA_KEY_ARN = "arn:aws:kms:us-west-2:%s:key/6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c" % ACCOUNT
DR_VAULT_ARN = "arn:aws:backup:us-west-2:%s:backup-vault:%s-dr" % (ACCOUNT, NAME)
LETTERS = ["A", "B", "C"]


def tags(name, **extra):
    out = [{"Key": "Name", "Value": name}]
    for k, v in extra.items():
        out.append({"Key": k, "Value": v})
    return out


def tagl(pairs):
    return [{"Key": k, "Value": v} for k, v in pairs]


def build(variant=None):
    v = variant or ""
    res = {}

    def R(logical, type_, props, **attrs):
        r = {}
        for k in ("Condition", "DependsOn"):
            if k in attrs:
                r[k] = attrs.pop(k)
        r["Type"] = type_
        if props is not None:
            r["Properties"] = props
        for k in ("DeletionPolicy", "UpdateReplacePolicy"):
            if k in attrs:
                r[k] = attrs.pop(k)
        if attrs:
            raise KeyError(attrs)
        res[logical] = r
        return r

    # ------------------------------------------------------------------------------------------------------- network
    R("VPC", "AWS::EC2::VPC", {
        "CidrBlock": Ref("VpcCidr"),
        "EnableDnsSupport": True,
        "EnableDnsHostnames": True,
        "InstanceTenancy": "default",
        "Tags": tags(Sub("${AWS::StackName}-vpc")),
    })
    R("InternetGateway", "AWS::EC2::InternetGateway", {"Tags": tags(Sub("${AWS::StackName}-igw"))})
    R("VPCGatewayAttachment", "AWS::EC2::VPCGatewayAttachment", {
        "VpcId": Ref("VPC"), "InternetGatewayId": Ref("InternetGateway")})
    tier_tags = {"Public": [("plumbline:tier", "public"), ("kubernetes.io/role/elb", "1")],
                 "App": [("plumbline:tier", "app"), ("kubernetes.io/role/internal-elb", "1")],
                 "Data": [("plumbline:tier", "data")]}
    for tier in ("Public", "App", "Data"):
        for i, L in enumerate(LETTERS):
            R("%sSubnet%s" % (tier, L), "AWS::EC2::Subnet", {
                "VpcId": Ref("VPC"),
                "CidrBlock": FindInMap("SubnetConfig", "%s%s" % (tier, L), "CIDR"),
                "AvailabilityZone": FindInMap("SubnetConfig", "%s%s" % (tier, L), "AZ"),
                "MapPublicIpOnLaunch": False,
                "Tags": [{"Key": "Name", "Value": Sub("${AWS::StackName}-%s-%s" % (tier.lower(), L.lower()))}]
                + tagl(tier_tags[tier]),
            })
    for i, L in enumerate(LETTERS):
        R("NatEip%s" % L, "AWS::EC2::EIP", {
            "Domain": "vpc", "Tags": tags(Sub("${AWS::StackName}-nat-%s" % L.lower()))},
          DependsOn="VPCGatewayAttachment")
        R("NatGateway%s" % L, "AWS::EC2::NatGateway", {
            "AllocationId": GetAtt("NatEip%s" % L, "AllocationId"),
            "SubnetId": Ref("PublicSubnet%s" % L),
            "ConnectivityType": "public",
            "Tags": tags(Sub("${AWS::StackName}-nat-%s" % L.lower()), **{"plumbline:tier": "egress"}),
        })
    R("PublicRouteTable", "AWS::EC2::RouteTable", {
        "VpcId": Ref("VPC"), "Tags": tags(Sub("${AWS::StackName}-public"), **{"plumbline:tier": "public"})})
    R("PublicDefaultRoute", "AWS::EC2::Route", {
        "RouteTableId": Ref("PublicRouteTable"), "DestinationCidrBlock": "0.0.0.0/0",
        "GatewayId": Ref("InternetGateway")}, DependsOn="VPCGatewayAttachment")
    for L in LETTERS:
        R("PublicSubnet%sRouteTableAssociation" % L, "AWS::EC2::SubnetRouteTableAssociation", {
            "SubnetId": Ref("PublicSubnet%s" % L), "RouteTableId": Ref("PublicRouteTable")})
    for tier in ("App", "Data"):
        for L in LETTERS:
            R("%sRouteTable%s" % (tier, L), "AWS::EC2::RouteTable", {
                "VpcId": Ref("VPC"),
                "Tags": tags(Sub("${AWS::StackName}-%s-%s" % (tier.lower(), L.lower())),
                             **{"plumbline:tier": tier.lower()})})
            if tier == "App":
                R("AppDefaultRoute%s" % L, "AWS::EC2::Route", {
                    "RouteTableId": Ref("AppRouteTable%s" % L), "DestinationCidrBlock": "0.0.0.0/0",
                    "NatGatewayId": Ref("NatGateway%s" % ("A" if v == "MAZ-002-shared-nat" else L))})
            if tier == "Data" and L == "A" and v == "NET-013-data-route-to-nat":
                R("DataDefaultRouteA", "AWS::EC2::Route", {
                    "RouteTableId": Ref("DataRouteTableA"), "DestinationCidrBlock": "0.0.0.0/0",
                    "NatGatewayId": Ref("NatGatewayA")})
            R("%sSubnet%sRouteTableAssociation" % (tier, L), "AWS::EC2::SubnetRouteTableAssociation", {
                "SubnetId": Ref("%sSubnet%s" % (tier, L)), "RouteTableId": Ref("%sRouteTable%s" % (tier, L))})

    if v in ("MAZ-001-legacy-vpc-two-azs", "MAZ-001-azs-by-index"):
        # A second, legacy VPC with only a public tier: in two AZs, or in three AZs picked by index.
        R("LegacyVPC", "AWS::EC2::VPC", {
            "CidrBlock": "10.41.0.0/16", "EnableDnsSupport": True, "EnableDnsHostnames": True,
            "Tags": tags(Sub("${AWS::StackName}-legacy-vpc"))})
        R("LegacyInternetGateway", "AWS::EC2::InternetGateway", {"Tags": tags(Sub("${AWS::StackName}-legacy-igw"))})
        R("LegacyVPCGatewayAttachment", "AWS::EC2::VPCGatewayAttachment", {
            "VpcId": Ref("LegacyVPC"), "InternetGatewayId": Ref("LegacyInternetGateway")})
        R("LegacyPublicRouteTable", "AWS::EC2::RouteTable", {
            "VpcId": Ref("LegacyVPC"), "Tags": tags(Sub("${AWS::StackName}-legacy-public"))})
        R("LegacyPublicDefaultRoute", "AWS::EC2::Route", {
            "RouteTableId": Ref("LegacyPublicRouteTable"), "DestinationCidrBlock": "0.0.0.0/0",
            "GatewayId": Ref("LegacyInternetGateway")}, DependsOn="LegacyVPCGatewayAttachment")
        by_index = v == "MAZ-001-azs-by-index"
        for i, L in enumerate(LETTERS if by_index else LETTERS[:2]):
            R("LegacyPublicSubnet%s" % L, "AWS::EC2::Subnet", {
                "VpcId": Ref("LegacyVPC"),
                "CidrBlock": "10.41.%d.0/24" % i,
                "AvailabilityZone": Select(i, GetAZs("")) if by_index else AZS[i],
                "MapPublicIpOnLaunch": False,
                "Tags": tags(Sub("${AWS::StackName}-legacy-public-%s" % L.lower())),
            })
            R("LegacyPublicSubnet%sRouteTableAssociation" % L, "AWS::EC2::SubnetRouteTableAssociation", {
                "SubnetId": Ref("LegacyPublicSubnet%s" % L), "RouteTableId": Ref("LegacyPublicRouteTable")})

    def entry(logical, acl, rule, protocol, egress, cidr, ports=None, action="allow"):
        p = {"NetworkAclId": Ref(acl), "RuleNumber": rule, "Protocol": protocol, "RuleAction": action,
             "Egress": egress, "CidrBlock": cidr}
        if ports:
            p["PortRange"] = {"From": ports[0], "To": ports[1]}
        R(logical, "AWS::EC2::NetworkAclEntry", p)

    for tier in ("Public", "App", "Data"):
        R("%sNetworkAcl" % tier, "AWS::EC2::NetworkAcl", {
            "VpcId": Ref("VPC"),
            "Tags": tags(Sub("${AWS::StackName}-%s" % tier.lower()), **{"plumbline:tier": tier.lower()})})
        for L in LETTERS:
            R("%sSubnet%sNetworkAclAssociation" % (tier, L), "AWS::EC2::SubnetNetworkAclAssociation", {
                "SubnetId": Ref("%sSubnet%s" % (tier, L)), "NetworkAclId": Ref("%sNetworkAcl" % tier)})
    entry("PublicNaclInboundHttps", "PublicNetworkAcl", 100, 6, False, "0.0.0.0/0", (443, 443))
    entry("PublicNaclInboundHttp", "PublicNetworkAcl", 110, 6, False, "0.0.0.0/0", (80, 80))
    entry("PublicNaclInboundEphemeral", "PublicNetworkAcl", 120, 6, False, "0.0.0.0/0", (1024, 65535))
    entry("PublicNaclOutboundAll", "PublicNetworkAcl", 100, -1, True, "0.0.0.0/0")
    entry("AppNaclInboundVpc", "AppNetworkAcl", 100, -1, False, Ref("VpcCidr"))
    entry("AppNaclInboundEphemeral", "AppNetworkAcl", 110, 6, False, "0.0.0.0/0", (1024, 65535))
    entry("AppNaclOutboundAll", "AppNetworkAcl", 100, -1, True, "0.0.0.0/0")
    for i, L in enumerate(LETTERS):
        app_cidr = FindInMap("SubnetConfig", "App%s" % L, "CIDR")
        entry("DataNaclInboundPostgres%s" % L, "DataNetworkAcl", 100 + i, 6, False, app_cidr, (5432, 5432))
        entry("DataNaclInboundRedis%s" % L, "DataNetworkAcl", 110 + i, 6, False, app_cidr, (6379, 6379))
        entry("DataNaclOutboundEphemeral%s" % L, "DataNetworkAcl", 100 + i, 6, True, app_cidr, (1024, 65535))
        if v == "NET-007-aurora-from-alb":
            public_cidr = FindInMap("SubnetConfig", "Public%s" % L, "CIDR")
            entry("DataNaclInboundPostgresPublic%s" % L, "DataNetworkAcl", 120 + i, 6, False, public_cidr,
                  (5432, 5432))
            entry("DataNaclOutboundEphemeralPublic%s" % L, "DataNetworkAcl", 110 + i, 6, True, public_cidr,
                  (1024, 65535))
    if v == "NET-008-redis-from-vpc-cidr":
        entry("DataNaclInboundRedisVpc", "DataNetworkAcl", 130, 6, False, Ref("VpcCidr"), (6379, 6379))
        entry("DataNaclOutboundEphemeralVpc", "DataNetworkAcl", 130, 6, True, Ref("VpcCidr"), (1024, 65535))

    # ------------------------------------------------------------------------------------------------------ KMS keys
    def key_policy(extra=()):
        st = [{"Sid": "EnableAccountAdministration", "Effect": "Allow",
               "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")},
               "Action": "kms:*", "Resource": "*"}]
        st.extend(extra)
        return {"Version": "2012-10-17", "Statement": st}

    logs_statement = {
        "Sid": "AllowCloudWatchLogs", "Effect": "Allow",
        "Principal": {"Service": Sub("logs.${AWS::Region}.amazonaws.com")},
        "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        "Resource": "*",
        "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn":
                                  Sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*")}}}
    asg_statement = {
        "Sid": "AllowAutoScalingServiceLinkedRole", "Effect": "Allow",
        "Principal": {"AWS": Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
                                 "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling")},
        "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
                   "kms:CreateGrant"], "Resource": "*"}
    keys = [("Rds", "Aurora PostgreSQL storage, snapshots and the RDS-managed master secret", ()),
            ("Cache", "ElastiCache Redis at-rest encryption", ()),
            ("S3", "S3 state and backup buckets", ()),
            ("Eks", "EKS envelope encryption of Kubernetes secrets", ()),
            ("Ebs", "EBS volumes of EKS nodes", (asg_statement,)),
            ("Logs", "CloudWatch Logs log groups", (logs_statement,)),
            ("Secrets", "Secrets Manager secrets", ()),
            ("Ecr", "ECR image layers", ()),
            ("Backup", "AWS Backup vault", ())]
    for n, desc, extra in keys:
        rotation = "true" if n in ("Cache", "Logs") else True  # both spellings occur in real templates
        if v == "ENC-011-no-rotation" and n == "Rds":
            rotation = False
        if v == "ENC-012-open-principal" and n == "S3":
            extra = tuple(extra) + ({"Sid": "AllowAnyoneToDecrypt", "Effect": "Allow", "Principal": "*",
                                     "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"},)
        R("%sKmsKey" % n, "AWS::KMS::Key", {
            "Description": "Plumbline reference: " + desc,
            "Enabled": True,
            "EnableKeyRotation": rotation,
            "KeySpec": "SYMMETRIC_DEFAULT",
            "KeyUsage": "ENCRYPT_DECRYPT",
            "PendingWindowInDays": 30,
            "KeyPolicy": key_policy(extra),
            "Tags": tags(Sub("${AWS::StackName}-%s" % n.lower())),
        }, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
        R("%sKmsKeyAlias" % n, "AWS::KMS::Alias", {
            "AliasName": Sub("alias/${AWS::StackName}-%s" % n.lower()), "TargetKeyId": Ref("%sKmsKey" % n)})

    # ------------------------------------------------------------------------------------------------ security groups
    R("AlbSecurityGroup", "AWS::EC2::SecurityGroup", {
        "GroupDescription": "ALB: HTTPS and HTTP (redirect) from the internet",
        "VpcId": Ref("VPC"),
        "SecurityGroupIngress": [
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0",
             "Description": "HTTPS from the internet"},
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIpv6": "::/0",
             "Description": "HTTPS from the internet (IPv6)"},
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIp": "0.0.0.0/0",
             "Description": "HTTP from the internet, redirected"},
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "CidrIpv6": "::/0",
             "Description": "HTTP from the internet, redirected (IPv6)"},
        ],
        "SecurityGroupEgress": [{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8443, "CidrIp": Ref("VpcCidr"),
                                 "Description": "To the EKS targets"}]
        + ([{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0", "Description": "All traffic"}]
           if v == "NET-008-redis-from-vpc-cidr" else []),
        "Tags": tags(Sub("${AWS::StackName}-alb"), **{"plumbline:tier": "public"}),
    })
    R("EksNodesSecurityGroup", "AWS::EC2::SecurityGroup", {
        "GroupDescription": "EKS managed node groups",
        "VpcId": Ref("VPC"),
        "Tags": tags(Sub("${AWS::StackName}-eks-nodes"), **{"plumbline:tier": "app"}),
    })
    no_egress = [{"IpProtocol": "-1", "CidrIp": "127.0.0.1/32",
                  "Description": "No egress (replaces the default allow-all rule)"}]
    R("AuroraSecurityGroup", "AWS::EC2::SecurityGroup", {
        "GroupDescription": "Aurora PostgreSQL: 5432 from the EKS nodes",
        "VpcId": Ref("VPC"),
        "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                                  "SourceSecurityGroupId": GetAtt("EksNodesSecurityGroup", "GroupId"),
                                  "Description": "PostgreSQL from the EKS nodes"}],
        "SecurityGroupEgress": no_egress,
        "Tags": tags(Sub("${AWS::StackName}-aurora"), **{"plumbline:tier": "data"}),
    })
    R("RedisSecurityGroup", "AWS::EC2::SecurityGroup", {
        "GroupDescription": "ElastiCache Redis: 6379 from the EKS nodes",
        "VpcId": Ref("VPC"),
        "SecurityGroupEgress": no_egress,
        "Tags": tags(Sub("${AWS::StackName}-redis"), **{"plumbline:tier": "data"}),
    })

    def ingress(logical, group, protocol, from_port, to_port, desc, **src):
        p = {"GroupId": GetAtt(group, "GroupId"), "IpProtocol": protocol}
        if from_port is not None:
            p["FromPort"] = from_port
            p["ToPort"] = to_port
        p.update(src)
        p["Description"] = desc
        R(logical, "AWS::EC2::SecurityGroupIngress", p)

    if v != "NET-006-nodes-not-from-alb":
        ingress("EksNodesIngressFromAlb", "EksNodesSecurityGroup", "tcp", 8080, 8443, "Target ports from the ALB",
                SourceSecurityGroupId=GetAtt("AlbSecurityGroup", "GroupId"))
    ingress("EksNodesIngressSelf", "EksNodesSecurityGroup", "-1", None, None, "Node to node (pods, CoreDNS)",
            SourceSecurityGroupId=GetAtt("EksNodesSecurityGroup", "GroupId"))
    ingress("EksNodesIngressFromControlPlaneHttps", "EksNodesSecurityGroup", "tcp", 443, 443,
            "EKS control plane to the nodes", SourceSecurityGroupId=GetAtt("EksCluster", "ClusterSecurityGroupId"))
    ingress("EksNodesIngressFromControlPlaneKubelet", "EksNodesSecurityGroup", "tcp", 10250, 10250,
            "EKS control plane to the nodes", SourceSecurityGroupId=GetAtt("EksCluster", "ClusterSecurityGroupId"))
    ingress("RedisIngressFromEksNodes", "RedisSecurityGroup", "tcp", 6379, 6379, "Redis from the EKS nodes",
            SourceSecurityGroupId=GetAtt("EksNodesSecurityGroup", "GroupId"))
    if v == "NET-004-alb-8080-open":
        ingress("AlbIngressAdmin8080", "AlbSecurityGroup", "tcp", 8080, 8080, "Admin console from anywhere",
                CidrIp="0.0.0.0/0")
    if v == "NET-007-aurora-from-alb":
        ingress("AuroraIngressFromAlb", "AuroraSecurityGroup", "tcp", 5432, 5432, "PostgreSQL from the ALB",
                SourceSecurityGroupId=GetAtt("AlbSecurityGroup", "GroupId"))
        R("AlbEgressToAurora", "AWS::EC2::SecurityGroupEgress", {
            "GroupId": GetAtt("AlbSecurityGroup", "GroupId"), "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
            "DestinationSecurityGroupId": GetAtt("AuroraSecurityGroup", "GroupId"), "Description": "To Aurora"})
    if v == "NET-008-redis-from-vpc-cidr":
        ingress("RedisIngressFromVpc", "RedisSecurityGroup", "tcp", 6379, 6379, "Redis from the VPC",
                CidrIp=Ref("VpcCidr"))
    if v == "NET-009-ssh-open":
        ingress("EksNodesIngressSsh", "EksNodesSecurityGroup", "tcp", 22, 22, "Break-glass SSH", CidrIp="0.0.0.0/0")
    if v == "NET-009-redis-all-ipv6":
        ingress("RedisIngressAllIpv6", "RedisSecurityGroup", "-1", None, None, "Debugging", CidrIpv6="::/0")

    # ----------------------------------------------------------------------------------------------------------- ALB
    R("ApplicationLoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer", {
        "Name": Ref("AWS::StackName"),
        "Scheme": "internet-facing",
        "Type": "application",
        "Subnets": [Ref("PublicSubnet%s" % L) for L in (LETTERS[:2] if v == "MAZ-005-alb-two-azs" else LETTERS)],
        "SecurityGroups": [GetAtt("AlbSecurityGroup", "GroupId")],
        "LoadBalancerAttributes": [
            {"Key": "deletion_protection.enabled", "Value": If("IsProduction", "true", "false")},
            {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
            {"Key": "routing.http.desync_mitigation_mode", "Value": "strictest"},
            {"Key": "access_logs.s3.enabled", "Value": "true"},
            {"Key": "access_logs.s3.bucket", "Value": Ref("LogsBucket")},
            {"Key": "access_logs.s3.prefix", "Value": "alb"},
        ],
        "Tags": tags(Ref("AWS::StackName"), **{"plumbline:tier": "public"}),
    }, DependsOn="LogsBucketPolicy")
    R("AppTargetGroup", "AWS::ElasticLoadBalancingV2::TargetGroup", {
        "Name": Sub("${AWS::StackName}-app"),
        "Port": 8443,
        "Protocol": "HTTPS",
        "TargetType": "ip",
        "VpcId": Ref("VPC"),
        "HealthCheckEnabled": True,
        "HealthCheckPath": "/healthz",
        "HealthCheckProtocol": "HTTPS",
        "HealthCheckIntervalSeconds": 15,
        "HealthCheckTimeoutSeconds": 5,
        "HealthyThresholdCount": 3,
        "UnhealthyThresholdCount": 3,
        "Matcher": {"HttpCode": "200"},
    })
    R("HttpsListener", "AWS::ElasticLoadBalancingV2::Listener", {
        "LoadBalancerArn": Ref("ApplicationLoadBalancer"),
        "Port": 443,
        "Protocol": "HTTPS",
        "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "Certificates": [{"CertificateArn": Ref("AlbCertificateArn")}],
        "DefaultActions": [{"Type": "forward", "TargetGroupArn": Ref("AppTargetGroup")}],
    })
    if v == "NET-004-alb-8080-open":
        R("AdminListener", "AWS::ElasticLoadBalancingV2::Listener", {
            "LoadBalancerArn": Ref("ApplicationLoadBalancer"),
            "Port": 8080,
            "Protocol": "HTTP",
            "DefaultActions": [{"Type": "forward", "TargetGroupArn": Ref("AppTargetGroup")}],
        })
    R("HttpListener", "AWS::ElasticLoadBalancingV2::Listener", {
        "LoadBalancerArn": Ref("ApplicationLoadBalancer"),
        "Port": 80,
        "Protocol": "HTTP",
        "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443",
                                                                     "StatusCode": "HTTP_301"}}],
    })
    R("AlbWebAcl", "AWS::WAFv2::WebACL", {
        "Name": Sub("${AWS::StackName}-alb"),
        "Scope": "REGIONAL",
        "Description": "Plumbline reference: AWS managed rules",
        "DefaultAction": {"Allow": {}},
        "Rules": [{"Name": name, "Priority": prio, "OverrideAction": {"None": {}},
                   "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": name}},
                   "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                                        "MetricName": name}}
                  for prio, name in [(10, "AWSManagedRulesCommonRuleSet"),
                                     (20, "AWSManagedRulesKnownBadInputsRuleSet")]],
        "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True,
                             "MetricName": Sub("${AWS::StackName}-alb")},
    })
    R("AlbWebAclAssociation", "AWS::WAFv2::WebACLAssociation", {
        "ResourceArn": Ref("ApplicationLoadBalancer"), "WebACLArn": GetAtt("AlbWebAcl", "Arn")})

    # ----------------------------------------------------------------------------------------------------------- EKS
    def assume(service):
        return {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}

    R("EksClusterRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("eks.amazonaws.com"),
        "ManagedPolicyArns": [Sub("arn:${AWS::Partition}:iam::aws:policy/AmazonEKSClusterPolicy")],
    })
    R("EksClusterLogGroup", "AWS::Logs::LogGroup", {
        "LogGroupName": Sub("/aws/eks/${AWS::StackName}/cluster"),
        "RetentionInDays": If("IsProduction", 365, 90),
        "KmsKeyId": GetAtt("LogsKmsKey", "Arn"),
    }, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    eks = {
        "Name": Ref("AWS::StackName"),
        "Version": Ref("KubernetesVersion"),
        "RoleArn": GetAtt("EksClusterRole", "Arn"),
        "ResourcesVpcConfig": {"SubnetIds": [Ref("AppSubnet%s" % L) for L in (LETTERS[:2] if v == "MAZ-003-cluster-two-azs"
                                                                              else LETTERS)],
                               "EndpointPrivateAccess": True, "EndpointPublicAccess": False},
        "EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": GetAtt("EksKmsKey", "Arn")}}],
        "Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": t} for t in (
            "api", "audit", "authenticator", "controllerManager", "scheduler")]}},
        "AccessConfig": {"AuthenticationMode": "API", "BootstrapClusterCreatorAdminPermissions": False},
        "Tags": tags(Ref("AWS::StackName")),
    }
    if v == "ENC-008-no-encryption-config":
        del eks["EncryptionConfig"]
    R("EksCluster", "AWS::EKS::Cluster", eks, DependsOn="EksClusterLogGroup")
    R("EksOidcProvider", "AWS::IAM::OIDCProvider", {
        "Url": GetAtt("EksCluster", "OpenIdConnectIssuerUrl"),
        "ClientIdList": ["sts.amazonaws.com"],
        "ThumbprintList": ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
    })
    R("EksNodeRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("ec2.amazonaws.com"),
        "ManagedPolicyArns": [Sub("arn:${AWS::Partition}:iam::aws:policy/%s" % p) for p in (
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly")],
    })
    R("EksNodeLaunchTemplate", "AWS::EC2::LaunchTemplate", {
        "LaunchTemplateName": Sub("${AWS::StackName}-eks-nodes"),
        "LaunchTemplateData": {
            "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {
                "VolumeSize": 100, "VolumeType": "gp3", "Encrypted": True, "DeleteOnTermination": True,
                "KmsKeyId": "alias/aws/ebs" if v == "ENC-004-aws-managed-key" else GetAtt("EbsKmsKey", "Arn")}}],
            "MetadataOptions": {"HttpEndpoint": "enabled", "HttpTokens": "required", "HttpPutResponseHopLimit": 1},
            "SecurityGroupIds": [GetAtt("EksNodesSecurityGroup", "GroupId")],
        },
    })
    lt = {"Id": Ref("EksNodeLaunchTemplate"), "Version": GetAtt("EksNodeLaunchTemplate", "LatestVersionNumber")}
    critical = {
        "ClusterName": Ref("EksCluster"),
        "NodegroupName": "critical",
        "NodeRole": GetAtt("EksNodeRole", "Arn"),
        "Subnets": [Ref("AppSubnet%s" % L) for L in LETTERS],
        "CapacityType": "ON_DEMAND",
        "AmiType": "AL2023_x86_64_STANDARD",
        "InstanceTypes": ["m6i.xlarge"],
        "Labels": {"plumbline.io/criticality": "critical"},
        "ScalingConfig": {"MinSize": 2 if v == "MAZ-004-min-size-below-azs" else 3, "DesiredSize": 3, "MaxSize": 9},
        "UpdateConfig": {"MaxUnavailable": 1},
        "LaunchTemplate": lt,
    }
    if v == "NET-009-node-ssh":
        critical["RemoteAccess"] = {"Ec2SshKey": "plumbline-ops"}
    R("CriticalNodeGroup", "AWS::EKS::Nodegroup", critical)
    R("SpotNodeGroup", "AWS::EKS::Nodegroup", {
        "ClusterName": Ref("EksCluster"),
        "NodegroupName": "spot",
        "NodeRole": GetAtt("EksNodeRole", "Arn"),
        "Subnets": [Ref("AppSubnet%s" % L) for L in LETTERS],
        "CapacityType": "SPOT",
        "AmiType": "AL2023_x86_64_STANDARD",
        "InstanceTypes": ["m6i.large", "m6a.large", "m5.large"],
        "Labels": {"plumbline.io/criticality": "non-critical"},
        "Taints": [{"Key": "plumbline.io/spot", "Value": "true", "Effect": "NO_SCHEDULE"}],
        "ScalingConfig": {"MinSize": 1, "DesiredSize": 2, "MaxSize": 12},
        "UpdateConfig": {"MaxUnavailable": 1},
        "LaunchTemplate": lt,
    })

    # -------------------------------------------------------------------------------------------------------- Aurora
    R("AuroraSubnetGroup", "AWS::RDS::DBSubnetGroup", {
        "DBSubnetGroupDescription": "Aurora: private data-tier subnets",
        "SubnetIds": [Ref("DataSubnet%s" % L) for L in (LETTERS[:2] if v == "MAZ-007-subnet-group-two-azs" else LETTERS)],
        "Tags": tags(Sub("${AWS::StackName}-aurora"), **{"plumbline:tier": "data"}),
    })
    R("AuroraClusterParameterGroup", "AWS::RDS::DBClusterParameterGroup", {
        "Description": "Aurora PostgreSQL 16: TLS required",
        "Family": "aurora-postgresql16",
        "Parameters": {"rds.force_ssl": "0" if v == "ENC-007-force-ssl-off" else "1"},
    })
    cluster = {
        "DBClusterIdentifier": Sub("${AWS::StackName}-aurora"),
        "Engine": "aurora-postgresql",
        "EngineVersion": "16.4",
        "DatabaseName": "plumbline",
        "MasterUsername": Ref("DBMasterUsername"),
        "ManageMasterUserPassword": True,
        "MasterUserSecret": {"KmsKeyId": Ref("RdsKmsKey")},
        "StorageEncrypted": True,
        "KmsKeyId": GetAtt("RdsKmsKey", "Arn"),
        "BackupRetentionPeriod": 14,
        "PreferredBackupWindow": "02:00-03:00",
        "PreferredMaintenanceWindow": "sun:04:00-sun:05:00",
        "DeletionProtection": True,
        "CopyTagsToSnapshot": True,
        "DBSubnetGroupName": Ref("AuroraSubnetGroup"),
        "DBClusterParameterGroupName": Ref("AuroraClusterParameterGroup"),
        "VpcSecurityGroupIds": [GetAtt("AuroraSecurityGroup", "GroupId")],
        "EnableCloudwatchLogsExports": ["postgresql"],
        "EnableIAMDatabaseAuthentication": True,
        "Port": 5432,
        "Tags": tags(Sub("${AWS::StackName}-aurora"), **{"plumbline:tier": "data", "backup-plan": "aurora-daily"}),
    }
    policies = {"DeletionPolicy": "Snapshot", "UpdateReplacePolicy": "Snapshot"}
    if v == "ENC-007-no-parameter-group":
        del cluster["DBClusterParameterGroupName"]
    if v == "ENC-001-no-cmk":
        del cluster["KmsKeyId"]
    if v == "ENC-001-unencrypted":
        del cluster["KmsKeyId"]
        cluster["StorageEncrypted"] = False
    if v == "BAK-001-short-retention":
        cluster["BackupRetentionPeriod"] = 1
    if v == "BAK-001-retention-unset":
        del cluster["BackupRetentionPeriod"]
    if v == "BAK-002-no-deletion-protection":
        cluster["DeletionProtection"] = False
    if v == "BAK-002-no-update-replace-policy":
        del policies["UpdateReplacePolicy"]
    if v == "BAK-002-deletion-policy-delete":
        policies["DeletionPolicy"] = "Delete"
    R("AuroraCluster", "AWS::RDS::DBCluster", cluster, **policies)
    n_inst = 1 if v == "MAZ-006-single-instance" else 3
    for i, L in enumerate(LETTERS[:n_inst]):
        az = AZS[0] if v == "MAZ-006-same-az" else AZS[i]
        p = {
            "DBInstanceIdentifier": Sub("${AWS::StackName}-aurora-%d" % (i + 1)),
            "DBClusterIdentifier": Ref("AuroraCluster"),
            "Engine": "aurora-postgresql",
            "DBInstanceClass": "db.r6g.large",
            "AvailabilityZone": az,
            "PubliclyAccessible": "false",
            "PromotionTier": 0 if i == 0 else 1,
            "AutoMinorVersionUpgrade": True,
            "EnablePerformanceInsights": True,
            "PerformanceInsightsKMSKeyId": GetAtt("RdsKmsKey", "Arn"),
            "Tags": tags(Sub("${AWS::StackName}-aurora-%d" % (i + 1)), **{"plumbline:tier": "data"}),
        }
        if v == "NET-003-public-instance" and i == 1:
            p["PubliclyAccessible"] = True
        if v == "NET-003-default-subnet-group" and i == 1:
            del p["PubliclyAccessible"]
            p["DBSubnetGroupName"] = "default"
        R("AuroraInstance%s" % L, "AWS::RDS::DBInstance", p)

    # --------------------------------------------------------------------------------------------------------- Redis
    R("RedisSubnetGroup", "AWS::ElastiCache::SubnetGroup", {
        "CacheSubnetGroupName": Sub("${AWS::StackName}-redis"),
        "Description": "Redis: private data-tier subnets",
        "SubnetIds": [Ref("DataSubnet%s" % L) for L in LETTERS],
    })
    R("RedisDefaultUser", "AWS::ElastiCache::User", {
        "UserId": "plumbline-default", "UserName": "default", "Engine": "redis", "AccessString": "off -@all",
        "NoPasswordRequired": True})
    R("RedisAppUser", "AWS::ElastiCache::User", {
        "UserId": "plumbline-app", "UserName": "plumbline-app", "Engine": "redis",
        "AccessString": "on ~app:* +@all -@dangerous", "AuthenticationMode": {"Type": "iam"}})
    R("RedisUserGroup", "AWS::ElastiCache::UserGroup", {
        "UserGroupId": "plumbline-app", "Engine": "redis",
        "UserIds": [Ref("RedisDefaultUser"), Ref("RedisAppUser")]})
    redis = {
        "ReplicationGroupId": Ref("AWS::StackName"),
        "ReplicationGroupDescription": "Plumbline reference session cache",
        "Engine": "redis",
        "EngineVersion": "7.1",
        "CacheNodeType": "cache.r7g.large",
        "Port": 6379,
        "CacheParameterGroupName": "default.redis7",
        "NumCacheClusters": 3,
        "AutomaticFailoverEnabled": True,
        "MultiAZEnabled": "true",
        "PreferredCacheClusterAZs": list(AZS),
        "CacheSubnetGroupName": Ref("RedisSubnetGroup"),
        "SecurityGroupIds": [GetAtt("RedisSecurityGroup", "GroupId")],
        "AtRestEncryptionEnabled": True,
        "KmsKeyId": GetAtt("CacheKmsKey", "Arn"),
        "TransitEncryptionEnabled": True,
        "TransitEncryptionMode": "required",
        "UserGroupIds": [Ref("RedisUserGroup")],
        "AutoMinorVersionUpgrade": True,
        "SnapshotRetentionLimit": 2 if v == "BAK-004-short-retention" else 7,
        "SnapshotWindow": "03:00-04:00",
        "PreferredMaintenanceWindow": "sun:05:00-sun:06:00",
        "Tags": tags(Sub("${AWS::StackName}-redis"), **{"plumbline:tier": "data"}),
    }
    if v == "BAK-004-snapshots-off":
        del redis["SnapshotRetentionLimit"]
        del redis["SnapshotWindow"]
    if v == "ENC-005-at-rest-off":
        redis["AtRestEncryptionEnabled"] = False
        del redis["KmsKeyId"]
    if v == "ENC-005-no-cmk":
        del redis["KmsKeyId"]
    if v == "ENC-006-preferred":
        redis["TransitEncryptionMode"] = "preferred"
    if v == "ENC-006-transit-off":
        redis["TransitEncryptionEnabled"] = False
        del redis["TransitEncryptionMode"]
    if v == "MAZ-008-no-failover":
        redis["AutomaticFailoverEnabled"] = False
        redis["MultiAZEnabled"] = "false"
    if v == "MAZ-008-single-node":
        redis["NumCacheClusters"] = 1
        redis["AutomaticFailoverEnabled"] = False
        redis["MultiAZEnabled"] = "false"
        redis["PreferredCacheClusterAZs"] = AZS[:1]
    R("RedisReplicationGroup", "AWS::ElastiCache::ReplicationGroup", redis,
      DeletionPolicy="Snapshot", UpdateReplacePolicy="Snapshot")

    # ------------------------------------------------------------------------------------------------------------ S3
    R("S3ReplicationRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("s3.amazonaws.com"),
        "Policies": [{"PolicyName": "replicate-to-" + SECONDARY, "PolicyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": ["s3:GetReplicationConfiguration", "s3:ListBucket"],
                 "Resource": [GetAtt(b, "Arn") for b in ("TfStateBucket", "LogsBucket", "BackupsBucket")]},
                {"Effect": "Allow", "Action": ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl",
                                               "s3:GetObjectVersionTagging"],
                 "Resource": [Sub("${%s.Arn}/*" % b) for b in ("TfStateBucket", "LogsBucket", "BackupsBucket")]},
                {"Effect": "Allow", "Action": ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
                 "Resource": [Sub("arn:${AWS::Partition}:s3:::${AWS::StackName}-%s-usw2/*" % n)
                              for n in ("tfstate", "logs", "backups")]},
                {"Effect": "Allow", "Action": ["kms:Decrypt"], "Resource": [GetAtt("S3KmsKey", "Arn")]},
                {"Effect": "Allow", "Action": ["kms:Encrypt"], "Resource": [S3_REPLICA_KEY_ARN]},
            ]}}],
    })
    for logical, short, role, kms in [("TfStateBucket", "tfstate", "tfstate", "S3KmsKey"),
                                      ("LogsBucket", "logs", "logs", None),
                                      ("BackupsBucket", "backups", "backups", "S3KmsKey")]:
        if kms:
            sse = {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms",
                                                     "KMSMasterKeyID": GetAtt(kms, "Arn")},
                   "BucketKeyEnabled": True}
        else:
            sse = {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
        rule = {"Id": "archive", "Status": "Enabled",
                "NoncurrentVersionTransitions": [{"StorageClass": "GLACIER", "TransitionInDays": 30}],
                "NoncurrentVersionExpiration": {"NoncurrentDays": 365},
                "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}}
        if short != "tfstate":
            rule["Transitions"] = [{"StorageClass": "GLACIER", "TransitionInDays": 90}]
        props = {
            "BucketName": Sub("${AWS::StackName}-%s-euw1" % short),
            "BucketEncryption": {"ServerSideEncryptionConfiguration": [sse]},
            "VersioningConfiguration": {"Status": "Enabled"},
            "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                               "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
            "OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
            "LifecycleConfiguration": {"Rules": [rule]},
            "ReplicationConfiguration": {"Role": GetAtt("S3ReplicationRole", "Arn"), "Rules": [{
                "Id": "to-" + SECONDARY, "Status": "Enabled", "Priority": 1, "Filter": {"Prefix": ""},
                "DeleteMarkerReplication": {"Status": "Enabled"},
                "SourceSelectionCriteria": {"SseKmsEncryptedObjects": {"Status": "Enabled"}},
                # The replicas live in the secondary region's stack: named literally, placed there by the profile's
                # replication.bucketRegions ("*-usw2"), since an S3 ARN names no region.
                "Destination": {"Bucket": "arn:aws:s3:::%s-%s-usw2" % (NAME, short),
                                "StorageClass": "STANDARD",
                                "EncryptionConfiguration": {"ReplicaKmsKeyID": S3_REPLICA_KEY_ARN}}}]},
            "Tags": tags(Sub("${AWS::StackName}-%s-euw1" % short), **{"plumbline:role": role}),
        }
        rep = props["ReplicationConfiguration"]["Rules"][0]
        if v == "REP-001-same-region" and short == "tfstate":
            rep["Destination"]["Bucket"] = GetAtt("TfStateSameRegionReplica", "Arn")
        if v == "REP-002-no-kms-selection" and short == "backups":
            del rep["SourceSelectionCriteria"]
        if v == "REP-002-replica-key-primary" and short == "tfstate":
            rep["Destination"]["EncryptionConfiguration"]["ReplicaKmsKeyID"] = GetAtt("S3KmsKey", "Arn")
        if v == "BAK-005-suspended" and short == "backups":
            props["VersioningConfiguration"] = {"Status": "Suspended"}
        if v == "BAK-005-no-versioning" and short == "logs":
            del props["VersioningConfiguration"]
        if v == "ENC-009-sse-s3" and short == "backups":
            props["BucketEncryption"] = {"ServerSideEncryptionConfiguration": [
                {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}
        if v == "BAK-006-policy-not-blocked" and short == "backups":
            props["PublicAccessBlockConfiguration"] = dict(props["PublicAccessBlockConfiguration"],
                                                           BlockPublicPolicy=False)
        R(logical, "AWS::S3::Bucket", props, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
        statements = [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                       "Resource": [GetAtt(logical, "Arn"), Sub("${%s.Arn}/*" % logical)],
                       "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
        if v == "ENC-010-objects-only" and short == "backups":
            statements[0]["Resource"] = Sub("${%s.Arn}/*" % logical)
        if short == "logs":
            statements.append({"Sid": "AllowAlbAccessLogs", "Effect": "Allow",
                               "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"},
                               "Action": "s3:PutObject",
                               "Resource": Sub("${LogsBucket.Arn}/alb/AWSLogs/${AWS::AccountId}/*")})
        R(logical + "Policy", "AWS::S3::BucketPolicy", {
            "Bucket": Ref(logical), "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}})

    if v == "REP-001-same-region":
        R("TfStateSameRegionReplica", "AWS::S3::Bucket", {
            "BucketName": Sub("${AWS::StackName}-tfstate-copy"),
            "BucketEncryption": {"ServerSideEncryptionConfiguration": [{
                "ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": GetAtt("S3KmsKey", "Arn")},
                "BucketKeyEnabled": True}]},
            "VersioningConfiguration": {"Status": "Enabled"},
            "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True,
                                               "IgnorePublicAcls": True, "RestrictPublicBuckets": True},
        }, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")

    # -------------------------------------------------------------------------------------------- secrets, ECR, edge
    R("AppDbSecret", "AWS::SecretsManager::Secret", {
        "Name": Sub("${AWS::StackName}/app-db"),
        "Description": "Application database user (the master user's secret is managed by RDS)",
        "KmsKeyId": Ref("SecretsKmsKey"),
        "GenerateSecretString": {"SecretStringTemplate": '{"username":"plumbline_app"}',
                                 "GenerateStringKey": "password", "PasswordLength": 32,
                                 "ExcludeCharacters": "\"@/\\"},
        "ReplicaRegions": [{"Region": SECONDARY, "KmsKeyId": SECRETS_REPLICA_KEY_ARN}],
        "Tags": [{"Key": "plumbline:role", "Value": "db-credentials"}],
    })
    if v == "REP-005-no-replica":
        del res["AppDbSecret"]["Properties"]["ReplicaRegions"]
    R("AppDbSecretRotation", "AWS::SecretsManager::RotationSchedule", {
        "SecretId": Ref("AppDbSecret"),
        "RotationLambdaARN": Sub("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:"
                                 "plumbline-secret-rotation"),
        "RotationRules": {"AutomaticallyAfterDays": 30},
    })
    R("AppRepository", "AWS::ECR::Repository", {
        "RepositoryName": "plumbline/app",
        "ImageTagMutability": "IMMUTABLE",
        "ImageScanningConfiguration": {"ScanOnPush": True},
        "EncryptionConfiguration": {"EncryptionType": "KMS", "KmsKey": GetAtt("EcrKmsKey", "Arn")},
        "LifecyclePolicy": {"LifecyclePolicyText": json.dumps({"rules": [{
            "rulePriority": 1, "description": "Expire untagged images after 14 days",
            "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days",
                          "countNumber": 14}, "action": {"type": "expire"}}]}, separators=(",", ":"))},
    })
    R("EcrReplication", "AWS::ECR::ReplicationConfiguration", {
        "ReplicationConfiguration": {"Rules": [{
            "Destinations": [{"Region": SECONDARY, "RegistryId": Ref("AWS::AccountId")}],
            "RepositoryFilters": [{"Filter": "other/" if v == "REP-006-filter-misses" else "plumbline/",
                                   "FilterType": "PREFIX_MATCH"}]}]}})
    R("EdgeDistribution", "AWS::CloudFront::Distribution", {
        "DistributionConfig": {
            "Enabled": True,
            "IPV6Enabled": True,
            "Comment": "Plumbline reference: edge in front of the ALB",
            "Aliases": ["app.plumbline.example"],
            "HttpVersion": "http2and3",
            "PriceClass": "PriceClass_100",
            "WebACLId": Ref("EdgeWebAclArn"),
            "Origins": [{"Id": "alb", "DomainName": GetAtt("ApplicationLoadBalancer", "DNSName"),
                         "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
                                                "OriginProtocolPolicy": "https-only",
                                                "OriginSSLProtocols": ["TLSv1.2"]}}],
            "DefaultCacheBehavior": {
                "TargetOriginId": "alb",
                "ViewerProtocolPolicy": "https-only",
                "AllowedMethods": ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
                "CachedMethods": ["GET", "HEAD"],
                "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                "OriginRequestPolicyId": "216adef6-5c7f-47e4-b989-5492eafa07d3",
                "Compress": True,
            },
            "ViewerCertificate": {"AcmCertificateArn": Ref("EdgeCertificateArn"), "SslSupportMethod": "sni-only",
                                  "MinimumProtocolVersion": "TLSv1.2_2021"},
        },
        "Tags": tags(Sub("${AWS::StackName}-edge")),
    })
    R("AlbHealthCheck", "AWS::Route53::HealthCheck", {
        "HealthCheckConfig": {"Type": "HTTPS", "FullyQualifiedDomainName": GetAtt("ApplicationLoadBalancer",
                                                                                  "DNSName"),
                              "Port": 443, "ResourcePath": "/healthz", "RequestInterval": 30,
                              "FailureThreshold": 3, "MeasureLatency": True, "EnableSNI": True},
        "HealthCheckTags": tags(Sub("${AWS::StackName}-alb")),
    })

    # ------------------------------------------------------------------------------------------- logging and backup
    R("FlowLogsLogGroup", "AWS::Logs::LogGroup", {
        "LogGroupName": Sub("/plumbline/${AWS::StackName}/vpc-flow-logs"),
        "RetentionInDays": 365,
        "KmsKeyId": GetAtt("LogsKmsKey", "Arn"),
    }, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    R("FlowLogsRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("vpc-flow-logs.amazonaws.com"),
        "Policies": [{"PolicyName": "deliver-flow-logs", "PolicyDocument": {
            "Version": "2012-10-17", "Statement": [{
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups",
                           "logs:DescribeLogStreams"],
                "Resource": Sub("${FlowLogsLogGroup.Arn}:*")}]}}],
    })
    R("VpcFlowLog", "AWS::EC2::FlowLog", {
        "ResourceId": Ref("VPC"), "ResourceType": "VPC", "TrafficType": "ALL",
        "LogDestinationType": "cloud-watch-logs", "LogGroupName": Ref("FlowLogsLogGroup"),
        "DeliverLogsPermissionArn": GetAtt("FlowLogsRole", "Arn"), "MaxAggregationInterval": 60,
    })
    vault = {
        "BackupVaultName": Ref("AWS::StackName"),
        "EncryptionKeyArn": GetAtt("BackupKmsKey", "Arn"),
        "LockConfiguration": {"MinRetentionDays": 7, "MaxRetentionDays": 35, "ChangeableForDays": 3},
    }
    if v == "BAK-003-vault-aws-key":
        del vault["EncryptionKeyArn"]
    if v == "BAK-003-governance-lock":
        del vault["LockConfiguration"]["ChangeableForDays"]
    R("BackupVault", "AWS::Backup::BackupVault", vault, DeletionPolicy="Retain", UpdateReplacePolicy="Retain")
    backup_rule = {
        "RuleName": "daily", "TargetBackupVault": Ref("BackupVault"),
        "ScheduleExpression": "cron(0 3 * * ? *)", "StartWindowMinutes": 60, "CompletionWindowMinutes": 180,
        "Lifecycle": {"DeleteAfterDays": 35},
        "CopyActions": [{"DestinationBackupVaultArn": DR_VAULT_ARN, "Lifecycle": {"DeleteAfterDays": 35}}],
    }
    if v == "REP-003-copy-same-region":
        backup_rule["CopyActions"][0]["DestinationBackupVaultArn"] = GetAtt("BackupVault", "BackupVaultArn")
    if v == "REP-003-no-copy":
        del backup_rule["CopyActions"]
    R("BackupPlan", "AWS::Backup::BackupPlan", {
        "BackupPlan": {"BackupPlanName": Sub("${AWS::StackName}-aurora"), "BackupPlanRule": [backup_rule]},
    })
    R("BackupRole", "AWS::IAM::Role", {
        "AssumeRolePolicyDocument": assume("backup.amazonaws.com"),
        "ManagedPolicyArns": [Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                                  "AWSBackupServiceRolePolicyForBackup")],
    })
    R("BackupSelection", "AWS::Backup::BackupSelection", {
        "BackupPlanId": Ref("BackupPlan"),
        "BackupSelection": {
            "SelectionName": Sub("${AWS::StackName}-aurora"),
            "IamRoleArn": GetAtt("BackupRole", "Arn"),
            # By tag: the cluster's ARN needs the deployment region (!Sub with AWS::Region), which a template
            # audited without --region does not know.
            "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": "backup-plan",
                            "ConditionValue": "aurora-daily"}],
        },
    })

    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "Plumbline reference architecture: 3-AZ VPC, internet-facing ALB behind CloudFront and WAF, "
                       "private EKS, Aurora PostgreSQL and ElastiCache Redis, KMS CMKs, versioned and replicated "
                       "S3 buckets, AWS Backup with a cross-region copy.",
        "Parameters": {
            "EnvironmentName": {"Type": "String", "Default": "prod", "AllowedValues": ["prod", "staging"],
                                "Description": "Environment name."},
            "VpcCidr": {"Type": "String", "Default": "10.40.0.0/16", "Description": "IPv4 CIDR of the VPC."},
            "DBMasterUsername": {"Type": "String", "Default": "plumbline_admin",
                                 "Description": "Aurora master user; its password is managed by RDS in Secrets "
                                                "Manager."},
            "KubernetesVersion": {"Type": "String", "Default": "1.31"},
            "AlbCertificateArn": {"Type": "String", "Default": CERT_ARN,
                                  "Description": "ACM certificate of the ALB HTTPS listener."},
            "EdgeCertificateArn": {"Type": "String", "Default": CF_CERT_ARN,
                                   "Description": "ACM certificate (us-east-1) of the CloudFront distribution."},
            "EdgeWebAclArn": {"Type": "String", "Default": EDGE_WEB_ACL_ARN,
                              "Description": "WAFv2 web ACL (scope CLOUDFRONT, created in us-east-1)."},
        },
        "Mappings": {"SubnetConfig": {
            "PublicA": {"CIDR": "10.40.0.0/24", "AZ": "eu-west-1a"}, "PublicB": {"CIDR": "10.40.1.0/24", "AZ": "eu-west-1b"},
            "PublicC": {"CIDR": "10.40.2.0/24", "AZ": "eu-west-1c"},
            "AppA": {"CIDR": "10.40.16.0/20", "AZ": "eu-west-1a"}, "AppB": {"CIDR": "10.40.32.0/20", "AZ": "eu-west-1b"}, "AppC": {"CIDR": "10.40.48.0/20", "AZ": "eu-west-1c"},
            "DataA": {"CIDR": "10.40.100.0/24", "AZ": "eu-west-1a"}, "DataB": {"CIDR": "10.40.101.0/24", "AZ": "eu-west-1b"},
            "DataC": {"CIDR": "10.40.102.0/24", "AZ": "eu-west-1c"},
        }},
        "Conditions": {"IsProduction": Equals(Ref("EnvironmentName"), "prod")},
        "Resources": res,
        "Outputs": {
            "VpcId": {"Value": Ref("VPC")},
            "AlbDnsName": {"Description": "DNS name of the public ALB.",
                           "Value": GetAtt("ApplicationLoadBalancer", "DNSName")},
            "CloudFrontDomainName": {"Value": GetAtt("EdgeDistribution", "DomainName")},
            "AuroraEndpoint": {"Value": GetAtt("AuroraCluster", "Endpoint.Address"),
                               "Export": {"Name": Sub("${AWS::StackName}-aurora-endpoint")}},
            "AuroraMasterSecretArn": {"Value": GetAtt("AuroraCluster", "MasterUserSecret.SecretArn")},
            "RedisPrimaryEndpoint": {"Value": GetAtt("RedisReplicationGroup", "PrimaryEndPoint.Address")},
        },
    }
    return template
