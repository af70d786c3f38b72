"""The Plumbline reference architecture as a Terraform configuration + plan (AWS provider v5, Terraform 1.9).

`build(plan, variant, prefix)` adds the whole stack to `plan`, under the module path `prefix` (empty for the reference,
("stack_7",) for one copy in the benchmark plan). `variant` names one non-compliant change (see generate.py)."""

import json

from planmodel import Z
from tfplan import ACCOUNT, UNK, AttrBlk, X, Blk, ref, ref_list

SG_RULE_ATTRS = ["cidr_blocks", "description", "from_port", "ipv6_cidr_blocks", "prefix_list_ids", "protocol",
                 "security_groups", "self", "to_port"]
NACL_ATTRS = ["action", "cidr_block", "from_port", "icmp_code", "icmp_type", "ipv6_cidr_block", "protocol",
              "rule_no", "to_port"]

NAME = "plumbline-reference"
PRIMARY = "eu-west-1"
SECONDARY = "us-west-2"
AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
VPC_CIDR = "10.40.0.0/16"
PUBLIC = ["10.40.0.0/24", "10.40.1.0/24", "10.40.2.0/24"]
APP = ["10.40.16.0/20", "10.40.32.0/20", "10.40.48.0/20"]
DATA = ["10.40.100.0/24", "10.40.101.0/24", "10.40.102.0/24"]
CERT_ARN = "arn:aws:acm:eu-west-1:%s:certificate/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" % ACCOUNT
CF_CERT_ARN = "arn:aws:acm:us-east-1:%s:certificate/9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" % ACCOUNT
ROTATION_LAMBDA = "arn:aws:lambda:eu-west-1:%s:function:plumbline-secret-rotation" % ACCOUNT
FAKE_PASSWORD = "Plumbline-Fake-Secret-1"
DEFAULT_TAGS = {"Environment": "prod", "ManagedBy": "terraform", "plumbline:stack": "reference"}
PROVIDERS = {"aws": (None, PRIMARY), "aws.secondary": ("secondary", SECONDARY), "aws.us_east_1": ("us_east_1",
                                                                                                  "us-east-1")}


def policy(doc):
    """jsonencode(): compact, keys sorted."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"))


def assume(service):
    return policy({"Version": "2012-10-17", "Statement": [
        {"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": service}}]})


def key_policy(extra=()):
    st = [{"Sid": "EnableAccountAdministration", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCOUNT}, "Action": "kms:*", "Resource": "*"}]
    st.extend(extra)
    return policy({"Version": "2012-10-17", "Statement": st})


# A grant to every principal: what ENC-012 refuses unless a condition pins the caller's account or organization.
OPEN_DECRYPT = {"Sid": "AllowAnyoneToDecrypt", "Effect": "Allow", "Principal": {"AWS": "*"},
                "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}


def idx(prefix_ref, values):
    """`<prefix_ref>[count.index]`: a per-instance value with Terraform's references."""
    return X(lambda i: values[i], prefix_ref, "count.index")


def two(resource):
    """`[resource[0].id, resource[1].id]`: the first two instances of a counted resource."""
    return X([UNK, UNK], *(ref_list("%s[0].id" % resource) + ref_list("%s[1].id" % resource)))


def merge_refs(value, *xs):
    refs = []
    for x in xs:
        refs.extend(x.refs if isinstance(x, X) else [x])
    return X(value, *refs)


KEYS = [
    # name, provider, description, extra key-policy statements
    ("rds", "aws", "Aurora PostgreSQL storage, snapshots and the RDS-managed master secret", ()),
    ("cache", "aws", "ElastiCache Redis at-rest encryption", ()),
    ("s3", "aws", "S3 state and backup buckets", ()),
    ("eks", "aws", "EKS envelope encryption of Kubernetes secrets", ()),
    ("ebs", "aws", "EBS volumes of EKS nodes and EBS encryption by default", (
        {"Sid": "AllowAutoScalingServiceLinkedRole", "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::%s:role/aws-service-role/autoscaling.amazonaws.com/"
                              "AWSServiceRoleForAutoScaling" % ACCOUNT},
         "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
                    "kms:CreateGrant"], "Resource": "*"},)),
    ("logs", "aws", "CloudWatch Logs log groups", (
        {"Sid": "AllowCloudWatchLogs", "Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"},
         "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
         "Resource": "*",
         "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn":
                                   "arn:aws:logs:eu-west-1:%s:log-group:*" % ACCOUNT}}},)),
    ("secrets", "aws", "Secrets Manager secrets", ()),
    ("ecr", "aws", "ECR image layers", ()),
    ("backup", "aws", "AWS Backup vault", ()),
    ("s3_replica", "aws.secondary", "S3 replica buckets in us-west-2", ()),
    ("backup_replica", "aws.secondary", "AWS Backup copy vault in us-west-2", ()),
    ("secrets_replica", "aws.secondary", "Secrets Manager replicas in us-west-2", ()),
    ("ebs_replica", "aws.secondary", "EBS encryption by default in us-west-2", ()),
]

def buckets():
    """name, bucket name, provider, role tag, kms key (None = SSE-S3), replica name. Read when the stack is built:
    the benchmark plans give each copy its own NAME, so each copy's buckets their own AWS names."""
    return [
        ("tfstate", NAME + "-tfstate-euw1", "aws", "tfstate", "s3", "tfstate_replica"),
        ("logs", NAME + "-logs-euw1", "aws", "logs", None, "logs_replica"),
        ("backups", NAME + "-backups-euw1", "aws", "backups", "s3", "backups_replica"),
        ("tfstate_replica", NAME + "-tfstate-usw2", "aws.secondary", None, "s3_replica", None),
        ("logs_replica", NAME + "-logs-usw2", "aws.secondary", None, "s3_replica", None),
        ("backups_replica", NAME + "-backups-usw2", "aws.secondary", None, "s3_replica", None),
    ]


def build(plan, variant=None, prefix=()):
    v = variant or ""
    P = tuple(prefix)
    root = P
    vpc = P + ("vpc",)
    aurora = P + ("aurora",)

    def R(type_, name, cfg, module=root, **kw):
        return plan.res(type_, name, cfg, module=module, **kw)

    # ---------------------------------------------------------------------------------------------------- module.vpc
    vpc_outputs = {
        "vpc_id": {"expr": ref("aws_vpc.this.id"), "description": "ID of the VPC."},
        "vpc_cidr_block": {"expr": ref("aws_vpc.this.cidr_block", VPC_CIDR)},
        "public_subnet_ids": {"expr": X(UNK, "aws_subnet.public"), "description": "Public subnets (ALB, NAT)."},
        "app_subnet_ids": {"expr": X(UNK, "aws_subnet.app"), "description": "Private app subnets (EKS)."},
        "data_subnet_ids": {"expr": X(UNK, "aws_subnet.data"), "description": "Private data subnets (Aurora, Redis)."},
        "nat_gateway_ids": {"expr": X(UNK, "aws_nat_gateway.this")},
    }
    if v == "MAZ-005-alb-two-azs":
        # the ALB's subnets: the module's output lists only the first two public subnets
        vpc_outputs["public_subnet_ids"] = {"expr": two("aws_subnet.public"),
                                            "description": "Public subnets (ALB, NAT)."}
    if v == "MAZ-003-cluster-two-azs":
        vpc_outputs["control_plane_subnet_ids"] = {"expr": two("aws_subnet.app"),
                                                   "description": "Subnets of the EKS control plane."}
    if v == "MAZ-007-subnet-group-two-azs":
        vpc_outputs["aurora_subnet_ids"] = {"expr": two("aws_subnet.data"),
                                            "description": "Subnets of the Aurora subnet group."}
    plan.module(vpc, "./modules/vpc", expressions={
        "name": NAME,
        "cidr_block": VPC_CIDR,
        "azs": AZS,
        "public_subnets": PUBLIC,
        "app_subnets": APP,
        "data_subnets": DATA,
    }, variables={
        "name": {"description": "Name prefix of every resource."},
        "cidr_block": {"description": "IPv4 CIDR of the VPC."},
        "azs": {"description": "Availability Zones, one subnet of each tier per zone."},
        "public_subnets": {"description": "CIDRs of the public (ALB, NAT) subnets, one per AZ."},
        "app_subnets": {"description": "CIDRs of the private app (EKS) subnets, one per AZ."},
        "data_subnets": {"description": "CIDRs of the private data (Aurora, Redis) subnets, one per AZ."},
        "tags": {"default": {}, "description": "Tags added to every resource."},
    }, outputs=vpc_outputs)

    def vtags(extra, *refs):
        return X(extra, "var.tags", "var.name", *refs)

    R("aws_vpc", "this", {
        "cidr_block": ref("var.cidr_block", VPC_CIDR),
        "enable_dns_hostnames": True,
        "enable_dns_support": True,
        "tags": vtags({"Name": NAME + "-vpc"}),
    }, module=vpc)
    tiers = [("public", PUBLIC, "var.public_subnets", {"kubernetes.io/role/elb": "1"}),
             ("app", APP, "var.app_subnets", {"kubernetes.io/role/internal-elb": "1"}),
             ("data", DATA, "var.data_subnets", {})]
    for tier, cidrs, var, extra in tiers:
        def tags(i, tier=tier, extra=extra):
            t = {"Name": "%s-%s-%s" % (NAME, tier, AZS[i]), "plumbline:tier": tier}
            t.update(extra)
            return t
        R("aws_subnet", tier, {
            "vpc_id": ref("aws_vpc.this.id"),
            "cidr_block": idx(var, cidrs),
            "availability_zone": idx("var.azs", AZS),
            "map_public_ip_on_launch": False,
            "tags": X(tags, "var.tags", "var.name", "var.azs", "count.index"),
        }, module=vpc, count=3, count_expr=X(3, "var.azs"))
    R("aws_internet_gateway", "this", {
        "vpc_id": ref("aws_vpc.this.id"),
        "tags": vtags({"Name": NAME + "-igw"}),
    }, module=vpc)
    R("aws_eip", "nat", {
        "domain": "vpc",
        "tags": X(lambda i: {"Name": "%s-nat-%s" % (NAME, AZS[i])}, "var.tags", "var.name", "var.azs",
                  "count.index"),
    }, module=vpc, count=3, count_expr=X(3, "var.azs"), depends_on=["aws_internet_gateway.this"])
    R("aws_nat_gateway", "this", {
        "allocation_id": X(UNK, "aws_eip.nat", "count.index"),
        "subnet_id": X(UNK, "aws_subnet.public", "count.index"),
        "connectivity_type": "public",
        "tags": X(lambda i: {"Name": "%s-nat-%s" % (NAME, AZS[i]), "plumbline:tier": "egress"}, "var.tags",
                  "var.name", "var.azs", "count.index"),
    }, module=vpc, count=3, count_expr=X(3, "var.azs"), depends_on=["aws_internet_gateway.this"])
    R("aws_route_table", "public", {
        "vpc_id": ref("aws_vpc.this.id"),
        "tags": vtags({"Name": NAME + "-public", "plumbline:tier": "public"}),
    }, module=vpc)
    R("aws_route", "public_internet", {
        "route_table_id": ref("aws_route_table.public.id"),
        "destination_cidr_block": "0.0.0.0/0",
        "gateway_id": ref("aws_internet_gateway.this.id"),
    }, module=vpc)
    for tier in ("app", "data"):
        R("aws_route_table", tier, {
            "vpc_id": ref("aws_vpc.this.id"),
            "tags": X(lambda i, tier=tier: {"Name": "%s-%s-%s" % (NAME, tier, AZS[i]), "plumbline:tier": tier},
                      "var.tags", "var.name", "var.azs", "count.index"),
        }, module=vpc, count=3, count_expr=X(3, "var.azs"))
    R("aws_route", "app_nat", {
        "route_table_id": X(UNK, "aws_route_table.app", "count.index"),
        "destination_cidr_block": "0.0.0.0/0",
        # the shared-NAT variant sends every app AZ through the first AZ's NAT gateway
        "nat_gateway_id": (ref("aws_nat_gateway.this[0].id") if v == "MAZ-002-shared-nat"
                           else X(UNK, "aws_nat_gateway.this", "count.index")),
    }, module=vpc, count=3, count_expr=X(3, "var.azs"))
    if v == "NET-013-data-route-to-nat":
        R("aws_route", "data_nat", {
            "route_table_id": ref("aws_route_table.data[0].id"),
            "destination_cidr_block": "0.0.0.0/0",
            "nat_gateway_id": ref("aws_nat_gateway.this[0].id"),
        }, module=vpc)
    R("aws_route_table_association", "public", {
        "subnet_id": X(UNK, "aws_subnet.public", "count.index"),
        "route_table_id": ref("aws_route_table.public.id"),
    }, module=vpc, count=3, count_expr=X(3, "var.azs"))
    for tier in ("app", "data"):
        R("aws_route_table_association", tier, {
            "subnet_id": X(UNK, "aws_subnet.%s" % tier, "count.index"),
            "route_table_id": X(UNK, "aws_route_table.%s" % tier, "count.index"),
        }, module=vpc, count=3, count_expr=X(3, "var.azs"))

    if v == "MAZ-001-legacy-vpc-two-azs":
        # A second, legacy VPC with only a public tier, in two AZs.
        R("aws_vpc", "legacy", {
            "cidr_block": "10.41.0.0/16", "enable_dns_hostnames": True, "enable_dns_support": True,
            "tags": {"Name": NAME + "-legacy-vpc"},
        })
        R("aws_internet_gateway", "legacy", {
            "vpc_id": ref("aws_vpc.legacy.id"), "tags": {"Name": NAME + "-legacy-igw"},
        })
        R("aws_route_table", "legacy_public", {
            "vpc_id": ref("aws_vpc.legacy.id"), "tags": {"Name": NAME + "-legacy-public"},
        })
        R("aws_route", "legacy_public_internet", {
            "route_table_id": ref("aws_route_table.legacy_public.id"),
            "destination_cidr_block": "0.0.0.0/0",
            "gateway_id": ref("aws_internet_gateway.legacy.id"),
        })
        R("aws_subnet", "legacy_public", {
            "vpc_id": ref("aws_vpc.legacy.id"),
            "cidr_block": X(lambda i: "10.41.%d.0/24" % i, "count.index"),
            "availability_zone": X(lambda i: AZS[i], "count.index"),
            "map_public_ip_on_launch": False,
            "tags": X(lambda i: {"Name": "%s-legacy-public-%s" % (NAME, AZS[i])}, "count.index"),
        }, count=2, count_expr=X(2))
        R("aws_route_table_association", "legacy_public", {
            "subnet_id": X(UNK, "aws_subnet.legacy_public", "count.index"),
            "route_table_id": ref("aws_route_table.legacy_public.id"),
        }, count=2, count_expr=X(2))

    def nacl(rule_no, protocol, from_port, to_port, cidr, action="allow"):
        return {"rule_no": rule_no, "action": action, "protocol": protocol, "from_port": from_port,
                "to_port": to_port, "cidr_block": cidr, "icmp_code": Z(0), "icmp_type": Z(0),
                "ipv6_cidr_block": Z("")}

    def nacl_cidr(rule_no, protocol, from_port, to_port, cidrs_var, cidrs, i, action="allow"):
        e = nacl(rule_no, protocol, from_port, to_port, None, action)
        e["cidr_block"] = X(cidrs[i], cidrs_var)
        return e

    nacls = {
        "public": ([nacl(100, "tcp", 443, 443, "0.0.0.0/0"), nacl(110, "tcp", 80, 80, "0.0.0.0/0"),
                    nacl(120, "tcp", 1024, 65535, "0.0.0.0/0")],
                   [nacl(100, "-1", 0, 0, "0.0.0.0/0")]),
        "app": ([dict(nacl(100, "-1", 0, 0, None), cidr_block=ref("var.cidr_block", VPC_CIDR)),
                 nacl(110, "tcp", 1024, 65535, "0.0.0.0/0")],
                [nacl(100, "-1", 0, 0, "0.0.0.0/0")]),
        "data": ([nacl_cidr(100 + i, "tcp", 5432, 5432, "var.app_subnets", APP, i) for i in range(3)]
                 + [nacl_cidr(110 + i, "tcp", 6379, 6379, "var.app_subnets", APP, i) for i in range(3)],
                 [nacl_cidr(100 + i, "tcp", 1024, 65535, "var.app_subnets", APP, i) for i in range(3)]),
    }
    if v == "NET-007-aurora-from-alb":
        # The data NACL also admits the public subnets on 5432, and lets the replies go back to them.
        nacls["data"][0].extend(nacl_cidr(120 + i, "tcp", 5432, 5432, "var.public_subnets", PUBLIC, i)
                                for i in range(3))
        nacls["data"][1].extend(nacl_cidr(110 + i, "tcp", 1024, 65535, "var.public_subnets", PUBLIC, i)
                                for i in range(3))
    if v == "NET-008-redis-from-vpc-cidr":
        # The data NACL admits the whole VPC CIDR on 6379 and answers it on the ephemeral ports.
        nacls["data"][0].append(dict(nacl(130, "tcp", 6379, 6379, None), cidr_block=ref("var.cidr_block", VPC_CIDR)))
        nacls["data"][1].append(dict(nacl(130, "tcp", 1024, 65535, None), cidr_block=ref("var.cidr_block", VPC_CIDR)))
    for tier, (ing, eg) in nacls.items():
        R("aws_network_acl", tier, {
            "vpc_id": ref("aws_vpc.this.id"),
            "subnet_ids": X(UNK, "aws_subnet.%s" % tier),
            "ingress": AttrBlk(NACL_ATTRS, *ing),
            "egress": AttrBlk(NACL_ATTRS, *eg),
            "tags": vtags({"Name": "%s-%s" % (NAME, tier), "plumbline:tier": tier}),
        }, module=vpc)
    R("aws_default_security_group", "this", {
        "vpc_id": ref("aws_vpc.this.id"),
        "ingress": X([]),
        "egress": X([]),
        "tags": vtags({"Name": NAME + "-default-deny-all"}),
    }, module=vpc)

    # ------------------------------------------------------------------------------------------------------ KMS keys
    for name, provider, desc, extra in KEYS:
        cfg = {
            "description": "Plumbline reference: " + desc,
            "deletion_window_in_days": 30,
            "enable_key_rotation": True,
            "is_enabled": True,
            "policy": key_policy(extra),
            "tags": {"Name": "%s-%s" % (NAME, name.replace("_", "-"))},
        }
        if v == "ENC-011-no-rotation" and name == "rds":
            cfg["enable_key_rotation"] = False
        if v == "ENC-011-disabled" and name == "cache":
            cfg["is_enabled"] = False
        if v == "ENC-012-open-principal" and name == "s3":
            cfg["policy"] = key_policy(extra + (OPEN_DECRYPT,))
        if v == "ENC-012-via-service-only" and name == "s3":
            cfg["policy"] = key_policy(extra + (dict(OPEN_DECRYPT, Condition={
                "StringEquals": {"kms:ViaService": "s3.%s.amazonaws.com" % PRIMARY}}),))
        R("aws_kms_key", name, cfg, provider=provider)
        R("aws_kms_alias", name, {
            "name": "alias/%s-%s" % (NAME, name.replace("_", "-")),
            "target_key_id": ref("aws_kms_key.%s.key_id" % name),
        }, provider=provider)

    # ------------------------------------------------------------------------------------------------ security groups
    def sg_rule(from_port, to_port, protocol, cidrs=(), ipv6=(), desc=""):
        return {"from_port": from_port, "to_port": to_port, "protocol": protocol, "cidr_blocks": list(cidrs),
                "ipv6_cidr_blocks": list(ipv6) if ipv6 else Z([]), "description": desc,
                "prefix_list_ids": Z([]), "security_groups": Z([]), "self": Z(False)}

    R("aws_security_group", "alb", {
        "name": NAME + "-alb",
        "description": "ALB: HTTPS and HTTP (redirect) from the internet",
        "vpc_id": ref("module.vpc.vpc_id"),
        "ingress": AttrBlk(SG_RULE_ATTRS, sg_rule(443, 443, "tcp", ["0.0.0.0/0"], ["::/0"], "HTTPS from the internet"),
                       sg_rule(80, 80, "tcp", ["0.0.0.0/0"], ["::/0"], "HTTP from the internet, redirected")),
        "egress": AttrBlk(SG_RULE_ATTRS, *([sg_rule(8080, 8443, "tcp", [VPC_CIDR], (), "To the EKS targets")]
                                           + ([sg_rule(0, 0, "-1", ["0.0.0.0/0"], (), "All traffic")]
                                              if v == "NET-008-redis-from-vpc-cidr" else []))),
        "tags": {"Name": NAME + "-alb", "plumbline:tier": "public"},
    })
    for name, tier, desc in [("eks_nodes", "app", "EKS managed node groups"),
                             ("aurora", "data", "Aurora PostgreSQL: 5432 from the EKS nodes"),
                             ("redis", "data", "ElastiCache Redis: 6379 from the EKS nodes")]:
        cfg = {
            "name": "%s-%s" % (NAME, name.replace("_", "-")),
            "description": desc,
            "vpc_id": ref("module.vpc.vpc_id"),
            "tags": {"Name": "%s-%s" % (NAME, name.replace("_", "-")), "plumbline:tier": tier},
        }
        if tier == "data":
            cfg["egress"] = X([])
        R("aws_security_group", name, cfg)
    if v != "NET-006-nodes-not-from-alb":
        R("aws_vpc_security_group_ingress_rule", "eks_nodes_from_alb", {
            "security_group_id": ref("aws_security_group.eks_nodes.id"),
            "referenced_security_group_id": ref("aws_security_group.alb.id"),
            "ip_protocol": "tcp", "from_port": 8080, "to_port": 8443,
            "description": "Target ports from the ALB",
        })
    R("aws_security_group_rule", "eks_nodes_self", {
        "type": "ingress", "security_group_id": ref("aws_security_group.eks_nodes.id"),
        "self": True, "protocol": "-1", "from_port": 0, "to_port": 0,
        "description": "Node to node (pods, CoreDNS)",
    })
    for name, port in [("eks_nodes_from_control_plane_https", 443), ("eks_nodes_from_control_plane_kubelet", 10250)]:
        R("aws_vpc_security_group_ingress_rule", name, {
            "security_group_id": ref("aws_security_group.eks_nodes.id"),
            "referenced_security_group_id": ref("aws_eks_cluster.main.vpc_config[0].cluster_security_group_id"),
            "ip_protocol": "tcp", "from_port": port, "to_port": port,
            "description": "EKS control plane to the nodes",
        })
    R("aws_vpc_security_group_egress_rule", "eks_nodes_all", {
        "security_group_id": ref("aws_security_group.eks_nodes.id"),
        "ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0",
        "description": "Egress through the NAT gateways and to the data tier",
    })
    R("aws_security_group_rule", "aurora_from_eks_nodes", {
        "type": "ingress", "security_group_id": ref("aws_security_group.aurora.id"),
        "source_security_group_id": ref("aws_security_group.eks_nodes.id"),
        "protocol": "tcp", "from_port": 5432, "to_port": 5432, "description": "PostgreSQL from the EKS nodes",
    })
    R("aws_vpc_security_group_ingress_rule", "redis_from_eks_nodes", {
        "security_group_id": ref("aws_security_group.redis.id"),
        "referenced_security_group_id": ref("aws_security_group.eks_nodes.id"),
        "ip_protocol": "tcp", "from_port": 6379, "to_port": 6379, "description": "Redis from the EKS nodes",
    })
    if v == "NET-004-alb-8080-open":
        R("aws_vpc_security_group_ingress_rule", "alb_admin_8080", {
            "security_group_id": ref("aws_security_group.alb.id"),
            "ip_protocol": "tcp", "from_port": 8080, "to_port": 8080, "cidr_ipv4": "0.0.0.0/0",
            "description": "Admin console from anywhere",
        })
    if v == "NET-007-aurora-from-alb":
        R("aws_security_group_rule", "aurora_from_alb", {
            "type": "ingress", "security_group_id": ref("aws_security_group.aurora.id"),
            "source_security_group_id": ref("aws_security_group.alb.id"),
            "protocol": "tcp", "from_port": 5432, "to_port": 5432, "description": "PostgreSQL from the ALB",
        })
        R("aws_vpc_security_group_egress_rule", "alb_to_aurora", {
            "security_group_id": ref("aws_security_group.alb.id"),
            "referenced_security_group_id": ref("aws_security_group.aurora.id"),
            "ip_protocol": "tcp", "from_port": 5432, "to_port": 5432, "description": "To Aurora",
        })
    if v == "NET-008-redis-from-vpc-cidr":
        R("aws_vpc_security_group_ingress_rule", "redis_from_vpc", {
            "security_group_id": ref("aws_security_group.redis.id"),
            "ip_protocol": "tcp", "from_port": 6379, "to_port": 6379,
            "cidr_ipv4": ref("module.vpc.vpc_cidr_block", VPC_CIDR),
            "description": "Redis from the VPC",
        })
    if v == "NET-009-ssh-open":
        R("aws_security_group_rule", "eks_nodes_ssh", {
            "type": "ingress", "security_group_id": ref("aws_security_group.eks_nodes.id"),
            "cidr_blocks": ["0.0.0.0/0"], "protocol": "tcp", "from_port": 22, "to_port": 22,
            "description": "Break-glass SSH",
        })
    if v == "NET-009-redis-all-ipv6":
        R("aws_vpc_security_group_ingress_rule", "redis_all_ipv6", {
            "security_group_id": ref("aws_security_group.redis.id"),
            "ip_protocol": "-1", "cidr_ipv6": "::/0", "description": "Debugging",
        })

    # ----------------------------------------------------------------------------------------------------------- ALB
    R("aws_lb", "public", {
        "name": NAME,
        "internal": False,
        "load_balancer_type": "application",
        "security_groups": X([UNK], "aws_security_group.alb.id", "aws_security_group.alb"),
        "subnets": ref("module.vpc.public_subnet_ids"),
        "drop_invalid_header_fields": True,
        "desync_mitigation_mode": "strictest",
        "enable_deletion_protection": True,
        "access_logs": Blk({"bucket": ref("aws_s3_bucket.logs.bucket", NAME + "-logs-euw1"), "prefix": "alb",
                            "enabled": True}),
        "tags": {"Name": NAME, "plumbline:tier": "public"},
    }, depends_on=["aws_s3_bucket_policy.logs"])
    R("aws_lb_target_group", "app", {
        "name": NAME + "-app",
        "port": 8443,
        "protocol": "HTTPS",
        "target_type": "ip",
        "vpc_id": ref("module.vpc.vpc_id"),
        "health_check": Blk({"enabled": True, "path": "/healthz", "protocol": "HTTPS", "port": "traffic-port",
                             "matcher": "200", "healthy_threshold": 3, "unhealthy_threshold": 3, "interval": 15,
                             "timeout": 5}),
        "tags": {"Name": NAME + "-app"},
    })
    R("aws_lb_listener", "https", {
        "load_balancer_arn": ref("aws_lb.public.arn"),
        "port": 443,
        "protocol": "HTTPS",
        "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
        "certificate_arn": CERT_ARN,
        "default_action": Blk({"type": "forward", "target_group_arn": ref("aws_lb_target_group.app.arn")}),
    })
    if v == "NET-004-alb-8080-open":
        R("aws_lb_listener", "admin", {
            "load_balancer_arn": ref("aws_lb.public.arn"),
            "port": 8080,
            "protocol": "HTTP",
            "default_action": Blk({"type": "forward", "target_group_arn": ref("aws_lb_target_group.app.arn")}),
        })
    R("aws_lb_listener", "http", {
        "load_balancer_arn": ref("aws_lb.public.arn"),
        "port": 80,
        "protocol": "HTTP",
        "default_action": Blk({"type": "redirect",
                               "redirect": Blk({"port": "443", "protocol": "HTTPS", "status_code": "HTTP_301"})}),
    })

    def web_acl(scope, metric):
        def managed(prio, name):
            stmt = {k: Z([]) for k in (
                "and_statement", "asn_match_statement", "byte_match_statement", "geo_match_statement",
                "ip_set_reference_statement", "label_match_statement", "not_statement", "or_statement",
                "rate_based_statement", "regex_match_statement", "regex_pattern_set_reference_statement",
                "rule_group_reference_statement", "size_constraint_statement", "sqli_match_statement",
                "xss_match_statement")}
            stmt["managed_rule_group_statement"] = Blk({
                "name": name, "vendor_name": "AWS", "version": Z(""), "managed_rule_group_configs": Z([]),
                "rule_action_override": Z([]), "scope_down_statement": Z([])})
            return {"name": name, "priority": prio,
                    "override_action": Blk({"none": Blk({}), "count": Z([])}),
                    "statement": Blk(stmt),
                    "visibility_config": Blk({"cloudwatch_metrics_enabled": True, "metric_name": name,
                                              "sampled_requests_enabled": True}),
                    "action": Z([]), "captcha_config": Z([]), "challenge_config": Z([]), "rule_label": Z([])}
        return {
            "name": "%s-%s" % (NAME, metric),
            "description": "Plumbline reference: AWS managed rules",
            "scope": scope,
            "default_action": Blk({"allow": Blk({"custom_request_handling": Z([])}), "block": Z([])}),
            "rule": Blk(managed(10, "AWSManagedRulesCommonRuleSet"),
                        managed(20, "AWSManagedRulesKnownBadInputsRuleSet")),
            "visibility_config": Blk({"cloudwatch_metrics_enabled": True, "metric_name": "%s-%s" % (NAME, metric),
                                      "sampled_requests_enabled": True}),
            "tags": {"Name": "%s-%s" % (NAME, metric)},
        }

    R("aws_wafv2_web_acl", "alb", web_acl("REGIONAL", "alb"))
    R("aws_wafv2_web_acl_association", "alb", {
        "resource_arn": ref("aws_lb.public.arn"),
        "web_acl_arn": ref("aws_wafv2_web_acl.alb.arn"),
    })
    R("aws_wafv2_web_acl", "cloudfront", web_acl("CLOUDFRONT", "edge"), provider="aws.us_east_1")

    # ----------------------------------------------------------------------------------------------------------- EKS
    R("aws_iam_role", "eks_cluster", {
        "name": NAME + "-eks-cluster",
        "assume_role_policy": assume("eks.amazonaws.com"),
        "tags": {"Name": NAME + "-eks-cluster"},
    })
    R("aws_iam_role_policy_attachment", "eks_cluster", {
        "role": ref("aws_iam_role.eks_cluster.name", NAME + "-eks-cluster"),
        "policy_arn": "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
    })
    R("aws_cloudwatch_log_group", "eks", {
        "name": "/aws/eks/%s/cluster" % NAME,
        "retention_in_days": 365,
        "kms_key_id": ref("aws_kms_key.logs.arn"),
        "tags": {"Name": NAME + "-eks"},
    })
    eks = {
        "name": NAME,
        "role_arn": ref("aws_iam_role.eks_cluster.arn"),
        "version": "1.31",
        "enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"],
        "vpc_config": Blk({"subnet_ids": ref("module.vpc.control_plane_subnet_ids" if v == "MAZ-003-cluster-two-azs"
                                             else "module.vpc.app_subnet_ids"), "endpoint_private_access": True,
                           "endpoint_public_access": False}),
        "encryption_config": Blk({"resources": ["secrets"],
                                  "provider": Blk({"key_arn": ref("aws_kms_key.eks.arn")})}),
        "access_config": Blk({"authentication_mode": "API", "bootstrap_cluster_creator_admin_permissions": False}),
        "tags": {"Name": NAME},
    }
    if v == "ENC-008-no-encryption-config":
        del eks["encryption_config"]
    R("aws_eks_cluster", "main", eks,
      depends_on=["aws_cloudwatch_log_group.eks", "aws_iam_role_policy_attachment.eks_cluster"])
    R("aws_iam_openid_connect_provider", "eks", {
        "url": ref("aws_eks_cluster.main.identity[0].oidc[0].issuer"),
        "client_id_list": ["sts.amazonaws.com"],
        "thumbprint_list": ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
        "tags": {"Name": NAME + "-eks-irsa"},
    })
    R("aws_iam_role", "eks_nodes", {
        "name": NAME + "-eks-nodes",
        "assume_role_policy": assume("ec2.amazonaws.com"),
        "tags": {"Name": NAME + "-eks-nodes"},
    })
    for name, pol in [("eks_nodes_worker", "AmazonEKSWorkerNodePolicy"), ("eks_nodes_cni", "AmazonEKS_CNI_Policy"),
                      ("eks_nodes_ecr", "AmazonEC2ContainerRegistryReadOnly")]:
        R("aws_iam_role_policy_attachment", name, {
            "role": ref("aws_iam_role.eks_nodes.name", NAME + "-eks-nodes"),
            "policy_arn": "arn:aws:iam::aws:policy/" + pol,
        })
    R("aws_launch_template", "eks_nodes", {
        "name": NAME + "-eks-nodes",
        "description": "EKS managed node groups: encrypted gp3 root volume, IMDSv2 only",
        "update_default_version": True,
        "vpc_security_group_ids": X([UNK], "aws_security_group.eks_nodes.id", "aws_security_group.eks_nodes"),
        "block_device_mappings": Blk({"device_name": "/dev/xvda", "ebs": Blk({
            "volume_size": 100, "volume_type": "gp3", "encrypted": "true", "delete_on_termination": "true",
            "kms_key_id": ("arn:aws:kms:%s:%s:alias/aws/ebs" % (PRIMARY, ACCOUNT) if v == "ENC-004-aws-managed-key"
                           else ref("aws_kms_key.ebs.arn"))})}),
        "metadata_options": Blk({"http_endpoint": "enabled", "http_tokens": "required",
                                 "http_put_response_hop_limit": 1}),
        "tags": {"Name": NAME + "-eks-nodes"},
    })
    node_deps = ["aws_iam_role_policy_attachment.eks_nodes_worker", "aws_iam_role_policy_attachment.eks_nodes_cni",
                 "aws_iam_role_policy_attachment.eks_nodes_ecr"]
    lt = Blk({"id": ref("aws_launch_template.eks_nodes.id"),
              "version": ref("aws_launch_template.eks_nodes.latest_version")})
    critical = {
        "cluster_name": ref("aws_eks_cluster.main.name", NAME),
        "node_group_name": "critical",
        "node_role_arn": ref("aws_iam_role.eks_nodes.arn"),
        "subnet_ids": ref("module.vpc.app_subnet_ids"),
        "capacity_type": "ON_DEMAND",
        "ami_type": "AL2023_x86_64_STANDARD",
        "instance_types": ["m6i.xlarge"],
        "labels": {"plumbline.io/criticality": "critical"},
        "scaling_config": Blk({"desired_size": 3, "min_size": 2 if v == "MAZ-004-min-size-below-azs" else 3,
                               "max_size": 9}),
        "update_config": Blk({"max_unavailable": 1}),
        "launch_template": lt,
        "tags": {"Name": NAME + "-critical"},
    }
    if v == "NET-009-node-ssh":
        critical["remote_access"] = Blk({"ec2_ssh_key": "plumbline-ops"})
    R("aws_eks_node_group", "critical", critical, depends_on=node_deps)
    R("aws_eks_node_group", "spot", {
        "cluster_name": ref("aws_eks_cluster.main.name", NAME),
        "node_group_name": "spot",
        "node_role_arn": ref("aws_iam_role.eks_nodes.arn"),
        "subnet_ids": ref("module.vpc.app_subnet_ids"),
        "capacity_type": "SPOT",
        "ami_type": "AL2023_x86_64_STANDARD",
        "instance_types": ["m6i.large", "m6a.large", "m5.large"],
        "labels": {"plumbline.io/criticality": "non-critical"},
        "taint": Blk({"key": "plumbline.io/spot", "value": "true", "effect": "NO_SCHEDULE"}),
        "scaling_config": Blk({"desired_size": 2, "min_size": 1, "max_size": 12}),
        "update_config": Blk({"max_unavailable": 1}),
        "launch_template": lt,
        "tags": {"Name": NAME + "-spot"},
    }, depends_on=node_deps)

    # ------------------------------------------------------------------------------------------------- module.aurora
    instance_count = 1 if v == "MAZ-006-single-instance" else 3
    inst_azs = [AZS[0]] * 3 if v == "MAZ-006-same-az" else AZS
    retention = 1 if v == "BAK-001-short-retention" else 14
    aurora_name = NAME + "-aurora"
    call = {
        "name": aurora_name,
        "engine_version": "16.4",
        "instance_class": "db.r6g.large",
        "instance_count": instance_count,
        "availability_zones": inst_azs,
        "subnet_ids": ref("module.vpc.aurora_subnet_ids" if v == "MAZ-007-subnet-group-two-azs"
                          else "module.vpc.data_subnet_ids"),
        "vpc_security_group_ids": X([UNK], "aws_security_group.aurora.id", "aws_security_group.aurora"),
        "kms_key_arn": ref("aws_kms_key.rds.arn"),
        "backup_retention_period": retention,
        "master_username": "plumbline_admin",
    }
    variables = {
        "name": {"description": "Cluster identifier; also names the subnet and parameter groups."},
        "engine_version": {"default": "16.4"},
        "instance_class": {"default": "db.r6g.large"},
        "instance_count": {"default": 3, "description": "Writer plus readers."},
        "availability_zones": {"description": "One AZ per instance, in order."},
        "subnet_ids": {"description": "Private data-tier subnets."},
        "vpc_security_group_ids": {},
        "kms_key_arn": {"description": "Customer-managed key for storage, Performance Insights and the master "
                                       "secret."},
        "backup_retention_period": {"default": 14},
        "master_username": {"default": "plumbline_admin"},
    }
    if v == "BAK-001-short-retention":
        call["master_password"] = ref("var.db_master_password", FAKE_PASSWORD)
        variables["master_password"] = {"default": None, "sensitive": True}
        plan.variables["db_master_password"] = {"value": FAKE_PASSWORD, "sensitive": True,
                                                "description": "Aurora master password (legacy)."}
    plan.module(aurora, "./modules/aurora", expressions=call, variables=variables, outputs={
        "cluster_arn": {"expr": ref("aws_rds_cluster.this.arn")},
        "cluster_id": {"expr": ref("aws_rds_cluster.this.id")},
        "cluster_endpoint": {"expr": ref("aws_rds_cluster.this.endpoint")},
        "reader_endpoint": {"expr": ref("aws_rds_cluster.this.reader_endpoint")},
        "instance_ids": {"expr": X(UNK, "aws_rds_cluster_instance.this")},
    }, depends_on=[])
    R("aws_db_subnet_group", "this", {
        "name": ref("var.name", aurora_name),
        "description": "Aurora: private data-tier subnets",
        "subnet_ids": ref("var.subnet_ids"),
        "tags": X({"Name": aurora_name, "plumbline:tier": "data"}, "var.name"),
    }, module=aurora)
    R("aws_rds_cluster_parameter_group", "this", {
        "name": X(aurora_name + "-pg16", "var.name"),
        "family": "aurora-postgresql16",
        "description": "Aurora PostgreSQL 16: TLS required",
        "parameter": Blk({"name": "rds.force_ssl", "value": "0" if v == "ENC-007-force-ssl-off" else "1",
                          "apply_method": "pending-reboot"}),
        "tags": X({"Name": aurora_name + "-pg16"}, "var.name"),
    }, module=aurora)
    cluster = {
        "cluster_identifier": ref("var.name", aurora_name),
        "engine": "aurora-postgresql",
        "engine_version": ref("var.engine_version", "16.4"),
        "database_name": "plumbline",
        "master_username": ref("var.master_username", "plumbline_admin"),
        "manage_master_user_password": True,
        "master_user_secret_kms_key_id": ref("var.kms_key_arn"),
        "storage_encrypted": True,
        "kms_key_id": ref("var.kms_key_arn"),
        "backup_retention_period": ref("var.backup_retention_period", retention),
        "preferred_backup_window": "02:00-03:00",
        "preferred_maintenance_window": "sun:04:00-sun:05:00",
        "deletion_protection": True,
        "skip_final_snapshot": False,
        "final_snapshot_identifier": aurora_name + "-final",
        "copy_tags_to_snapshot": True,
        "db_subnet_group_name": ref("aws_db_subnet_group.this.name", aurora_name),
        "db_cluster_parameter_group_name": ref("aws_rds_cluster_parameter_group.this.name", aurora_name + "-pg16"),
        "vpc_security_group_ids": ref("var.vpc_security_group_ids"),
        "enabled_cloudwatch_logs_exports": ["postgresql"],
        "iam_database_authentication_enabled": True,
        "port": 5432,
        "tags": X({"Name": aurora_name}, "var.name"),
    }
    if v == "ENC-007-no-parameter-group":
        del cluster["db_cluster_parameter_group_name"]
    if v == "ENC-001-no-cmk":
        del cluster["kms_key_id"]
    if v == "ENC-001-unencrypted":
        del cluster["kms_key_id"]
        del cluster["storage_encrypted"]
    if v == "BAK-001-short-retention":
        del cluster["manage_master_user_password"]
        del cluster["master_user_secret_kms_key_id"]
        cluster["master_password"] = ref("var.master_password", FAKE_PASSWORD)
    if v == "BAK-001-retention-unset":
        del cluster["backup_retention_period"]
    if v == "BAK-002-no-deletion-protection":
        cluster["deletion_protection"] = False
    if v == "BAK-002-skip-final-snapshot":
        cluster["skip_final_snapshot"] = True
        del cluster["final_snapshot_identifier"]
    R("aws_rds_cluster", "this", cluster, module=aurora)
    inst = {
        "identifier": X(lambda i: "%s-%d" % (aurora_name, i + 1), "var.name", "count.index"),
        "cluster_identifier": ref("aws_rds_cluster.this.id"),
        "engine": ref("aws_rds_cluster.this.engine", "aurora-postgresql"),
        "engine_version": ref("aws_rds_cluster.this.engine_version", "16.4"),
        "instance_class": ref("var.instance_class", "db.r6g.large"),
        "availability_zone": idx("var.availability_zones", inst_azs),
        "db_subnet_group_name": ref("aws_db_subnet_group.this.name", aurora_name),
        "publicly_accessible": False,
        "promotion_tier": X(lambda i: 0 if i == 0 else 1, "count.index"),
        "auto_minor_version_upgrade": True,
        "performance_insights_enabled": True,
        "performance_insights_kms_key_id": ref("var.kms_key_arn"),
        "tags": X(lambda i: {"Name": "%s-%d" % (aurora_name, i + 1), "plumbline:tier": "data"}, "var.name",
                  "count.index"),
    }
    if v == "MAZ-006-az-unset":
        del inst["availability_zone"]
    if v == "NET-003-public-instance":
        inst["publicly_accessible"] = X(lambda i: i == 1, "count.index")
    R("aws_rds_cluster_instance", "this", inst, module=aurora, count=instance_count,
      count_expr=X(instance_count, "var.instance_count"))

    # ---------------------------------------------------------------------------------------------------------- Redis
    R("aws_elasticache_subnet_group", "redis", {
        "name": NAME + "-redis",
        "description": "Redis: private data-tier subnets",
        "subnet_ids": ref("module.vpc.data_subnet_ids"),
        "tags": {"Name": NAME + "-redis", "plumbline:tier": "data"},
    })
    R("aws_elasticache_user", "default", {
        "user_id": "plumbline-default", "user_name": "default", "engine": "REDIS",
        "access_string": "off -@all",
        "authentication_mode": Blk({"type": "no-password-required"}),
        "tags": {"Name": "plumbline-default"},
    })
    R("aws_elasticache_user", "app", {
        "user_id": "plumbline-app", "user_name": "plumbline-app", "engine": "REDIS",
        "access_string": "on ~app:* +@all -@dangerous",
        "authentication_mode": Blk({"type": "iam"}),
        "tags": {"Name": "plumbline-app"},
    })
    R("aws_elasticache_user_group", "app", {
        "user_group_id": "plumbline-app", "engine": "REDIS",
        "user_ids": X(["plumbline-default", "plumbline-app"],
                      "aws_elasticache_user.default.user_id", "aws_elasticache_user.default",
                      "aws_elasticache_user.app.user_id", "aws_elasticache_user.app"),
        "tags": {"Name": "plumbline-app"},
    })
    redis = {
        "replication_group_id": NAME,
        "description": "Plumbline reference session cache",
        "engine": "redis",
        "engine_version": "7.1",
        "node_type": "cache.r7g.large",
        "port": 6379,
        "parameter_group_name": "default.redis7",
        "num_cache_clusters": 3,
        "automatic_failover_enabled": True,
        "multi_az_enabled": True,
        "preferred_cache_cluster_azs": AZS,
        "subnet_group_name": ref("aws_elasticache_subnet_group.redis.name", NAME + "-redis"),
        "security_group_ids": X([UNK], "aws_security_group.redis.id", "aws_security_group.redis"),
        "at_rest_encryption_enabled": "true",
        "kms_key_id": ref("aws_kms_key.cache.arn"),
        "transit_encryption_enabled": True,
        "transit_encryption_mode": "required",
        "user_group_ids": X(["plumbline-app"], "aws_elasticache_user_group.app.user_group_id",
                            "aws_elasticache_user_group.app"),
        "auto_minor_version_upgrade": "true",
        "snapshot_retention_limit": 2 if v == "BAK-004-short-retention" else 7,
        "snapshot_window": "03:00-04:00",
        "maintenance_window": "sun:05:00-sun:06:00",
        "tags": {"Name": NAME + "-redis", "plumbline:tier": "data"},
    }
    if v == "BAK-004-snapshots-off":
        del redis["snapshot_retention_limit"]
        del redis["snapshot_window"]
    if v == "ENC-005-at-rest-off":
        redis["at_rest_encryption_enabled"] = "false"
        del redis["kms_key_id"]
    if v == "ENC-005-no-cmk":
        del redis["kms_key_id"]
    if v == "ENC-006-preferred":
        redis["transit_encryption_mode"] = "preferred"
    if v == "ENC-006-transit-off":
        redis["transit_encryption_enabled"] = False
        del redis["transit_encryption_mode"]
    if v == "MAZ-008-no-failover":
        redis["automatic_failover_enabled"] = False
        redis["multi_az_enabled"] = False
    if v == "MAZ-008-single-node":
        redis["num_cache_clusters"] = 1
        redis["automatic_failover_enabled"] = False
        redis["multi_az_enabled"] = False
        redis["preferred_cache_cluster_azs"] = AZS[:1]
    R("aws_elasticache_replication_group", "redis", redis)

    # ------------------------------------------------------------------------------------------------------------ S3
    R("aws_iam_role", "s3_replication", {
        "name": NAME + "-s3-replication",
        "assume_role_policy": assume("s3.amazonaws.com"),
        "tags": {"Name": NAME + "-s3-replication"},
    })
    key_refs = []
    for k in ("s3", "s3_replica"):
        key_refs += ["aws_kms_key.%s.arn" % k, "aws_kms_key.%s" % k]
    bucket_refs = []
    for b in buckets():
        bucket_refs += ["aws_s3_bucket.%s.arn" % b[0], "aws_s3_bucket.%s" % b[0]]
    R("aws_iam_role_policy", "s3_replication", {
        "name": "replicate-to-" + SECONDARY,
        "role": ref("aws_iam_role.s3_replication.id"),
        "policy": X(UNK, *(bucket_refs + key_refs)),
    })
    for name, bucket, provider, role, key, replica in buckets():
        if v == "REP-001-same-region" and name == "tfstate_replica":
            provider = "aws"
        tags = {"Name": bucket}
        if role:
            tags["plumbline:role"] = role
        else:
            tags["plumbline:replica-of"] = bucket.replace("-usw2", "-euw1")
        R("aws_s3_bucket", name, {"bucket": bucket, "force_destroy": False, "tags": tags}, provider=provider)
        if not (v == "BAK-005-no-versioning-resource" and name == "logs"):
            status = "Suspended" if (v == "BAK-005-suspended" and name == "backups") else "Enabled"
            R("aws_s3_bucket_versioning", name, {
                "bucket": ref("aws_s3_bucket.%s.id" % name),
                "versioning_configuration": Blk({"status": status}),
            }, provider=provider)
        if key:
            default = {"sse_algorithm": "aws:kms", "kms_master_key_id": ref("aws_kms_key.%s.arn" % key)}
        else:
            default = {"sse_algorithm": "AES256"}
        if v == "ENC-009-sse-s3" and name == "backups":
            default = {"sse_algorithm": "AES256"}
        if v == "ENC-009-aws-managed-key" and name == "backups":
            default = {"sse_algorithm": "aws:kms"}
        R("aws_s3_bucket_server_side_encryption_configuration", name, {
            "bucket": ref("aws_s3_bucket.%s.id" % name),
            "rule": Blk({"apply_server_side_encryption_by_default": Blk(default),
                         "bucket_key_enabled": bool(key)}),
        }, provider=provider)
        pab = {"bucket": ref("aws_s3_bucket.%s.id" % name),
               "block_public_acls": True, "block_public_policy": True, "ignore_public_acls": True,
               "restrict_public_buckets": True}
        if v == "BAK-006-policy-not-blocked" and name == "backups":
            pab["block_public_policy"] = False
        if v == "BAK-006-empty-block" and name == "logs":
            pab = {"bucket": pab["bucket"]}  # the provider then sets all four false
        R("aws_s3_bucket_public_access_block", name, pab, provider=provider)
        arn = "arn:aws:s3:::" + bucket
        statements = [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                       "Resource": [arn, arn + "/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
        if v == "ENC-010-objects-only" and name == "backups":
            statements[0]["Resource"] = arn + "/*"
        if v == "ENC-010-allow-secure-only" and name == "logs":
            statements[0] = {"Sid": "AllowSecureTransport", "Effect": "Allow", "Principal": {"AWS": ACCOUNT},
                             "Action": "s3:*", "Resource": [arn, arn + "/*"],
                             "Condition": {"Bool": {"aws:SecureTransport": "true"}}}
        if name == "logs":
            statements.append({"Sid": "AllowAlbAccessLogs", "Effect": "Allow",
                               "Principal": {"Service": "logdelivery.elasticloadbalancing.amazonaws.com"},
                               "Action": "s3:PutObject", "Resource": arn + "/alb/AWSLogs/%s/*" % ACCOUNT})
        R("aws_s3_bucket_policy", name, {
            "bucket": ref("aws_s3_bucket.%s.id" % name),
            "policy": X(policy({"Version": "2012-10-17", "Statement": statements}),
                        "aws_s3_bucket.%s.arn" % name, "aws_s3_bucket.%s" % name),
        }, provider=provider, depends_on=["aws_s3_bucket_public_access_block.%s" % name])
        if replica:
            replica_key = "s3" if (v == "REP-002-replica-key-primary" and name == "tfstate") else "s3_replica"
            rule = {"id": "archive", "status": "Enabled", "filter": Blk({"prefix": ""}),
                    "noncurrent_version_transition": Blk({"noncurrent_days": 30, "storage_class": "GLACIER"}),
                    "noncurrent_version_expiration": Blk({"noncurrent_days": 365}),
                    "abort_incomplete_multipart_upload": Blk({"days_after_initiation": 7})}
            if name != "tfstate":
                rule["transition"] = Blk({"days": 90, "storage_class": "GLACIER"})
            R("aws_s3_bucket_lifecycle_configuration", name, {
                "bucket": ref("aws_s3_bucket.%s.id" % name),
                "rule": Blk(rule),
            }, provider=provider, depends_on=["aws_s3_bucket_versioning.%s" % name])
            rep_rule = {
                "id": "to-" + SECONDARY, "status": "Enabled", "filter": Blk({"prefix": ""}),
                "delete_marker_replication": Blk({"status": "Enabled"}),
                "source_selection_criteria": Blk({"sse_kms_encrypted_objects": Blk({"status": "Enabled"})}),
                "destination": Blk({"bucket": ref("aws_s3_bucket.%s.arn" % replica), "storage_class": "STANDARD",
                                    "encryption_configuration": Blk({
                                        "replica_kms_key_id": ref("aws_kms_key.%s.arn" % replica_key)})}),
            }
            if v == "REP-002-no-kms-selection" and name == "backups":
                del rep_rule["source_selection_criteria"]
            R("aws_s3_bucket_replication_configuration", name, {
                "bucket": ref("aws_s3_bucket.%s.id" % name),
                "role": ref("aws_iam_role.s3_replication.arn"),
                "rule": Blk(rep_rule),
            }, provider=provider, depends_on=["aws_s3_bucket_versioning.%s" % name,
                                              "aws_s3_bucket_versioning.%s" % replica])
    if v == "BAK-005-no-versioning-resource":
        for r in plan.resources:
            if r.module == root and r.type in ("aws_s3_bucket_lifecycle_configuration",
                                               "aws_s3_bucket_replication_configuration") and r.name == "logs":
                r.depends_on = [d for d in r.depends_on if d != "aws_s3_bucket_versioning.logs"]

    # --------------------------------------------------------------------------------------------- secrets, ECR, edge
    app_db = {
        "name": NAME + "/app-db",
        "description": "Application database user (the master user's secret is managed by RDS)",
        "kms_key_id": ref("aws_kms_key.secrets.arn"),
        "recovery_window_in_days": 30,
        "replica": Blk({"region": SECONDARY, "kms_key_id": ref("aws_kms_key.secrets_replica.arn")}),
        "tags": {"Name": NAME + "-app-db"},
    }
    if v == "REP-005-no-replica":
        del app_db["replica"]
    R("aws_secretsmanager_secret", "app_db", app_db)
    R("aws_secretsmanager_secret_rotation", "app_db", {
        "secret_id": ref("aws_secretsmanager_secret.app_db.id"),
        "rotation_lambda_arn": ROTATION_LAMBDA,
        "rotation_rules": Blk({"automatically_after_days": 30}),
    })
    R("aws_ecr_repository", "app", {
        "name": "plumbline/app",
        "image_tag_mutability": "IMMUTABLE",
        "force_delete": False,
        "image_scanning_configuration": Blk({"scan_on_push": True}),
        "encryption_configuration": Blk({"encryption_type": "KMS", "kms_key": ref("aws_kms_key.ecr.arn")}),
        "tags": {"Name": "plumbline-app"},
    })
    R("aws_ecr_lifecycle_policy", "app", {
        "repository": ref("aws_ecr_repository.app.name", "plumbline/app"),
        "policy": policy({"rules": [{"rulePriority": 1, "description": "Expire untagged images after 14 days",
                                     "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed",
                                                   "countUnit": "days", "countNumber": 14},
                                     "action": {"type": "expire"}}]}),
    })
    R("aws_ecr_replication_configuration", "this", {
        "replication_configuration": Blk({"rule": Blk({
            "destination": Blk({"region": SECONDARY, "registry_id": ACCOUNT}),
            "repository_filter": Blk({"filter": "other/" if v == "REP-006-filter-misses" else "plumbline/",
                                      "filter_type": "PREFIX_MATCH"})})}),
    })
    R("aws_cloudfront_distribution", "edge", {
        "enabled": True,
        "is_ipv6_enabled": True,
        "comment": "Plumbline reference: edge in front of the ALB",
        "aliases": ["app.plumbline.example"],
        "http_version": "http2and3",
        "price_class": "PriceClass_100",
        "web_acl_id": ref("aws_wafv2_web_acl.cloudfront.arn"),
        "origin": Blk({
            "domain_name": ref("aws_lb.public.dns_name"), "origin_id": "alb",
            "connection_attempts": Z(3), "connection_timeout": Z(10), "origin_path": Z(""),
            "origin_access_control_id": Z(""), "custom_header": Z([]), "origin_shield": Z([]),
            "s3_origin_config": Z([]), "vpc_origin_config": Z([]),
            "custom_origin_config": Blk({"http_port": 80, "https_port": 443, "origin_protocol_policy": "https-only",
                                         "origin_ssl_protocols": ["TLSv1.2"], "origin_keepalive_timeout": Z(5),
                                         "origin_read_timeout": Z(30)}),
        }),
        "default_cache_behavior": Blk({
            "target_origin_id": "alb",
            "viewer_protocol_policy": "https-only",
            "allowed_methods": ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
            "cached_methods": ["GET", "HEAD"],
            "cache_policy_id": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "origin_request_policy_id": "216adef6-5c7f-47e4-b989-5492eafa07d3",
            "compress": True,
            "field_level_encryption_id": Z(""), "forwarded_values": Z([]), "function_association": Z([]),
            "lambda_function_association": Z([]), "min_ttl": Z(0), "realtime_log_config_arn": Z(""),
            "response_headers_policy_id": Z(""), "smooth_streaming": Z(False), "trusted_key_groups": Z([]),
            "trusted_signers": Z([]),
        }),
        "viewer_certificate": Blk({"acm_certificate_arn": CF_CERT_ARN, "ssl_support_method": "sni-only",
                                   "minimum_protocol_version": "TLSv1.2_2021",
                                   "cloudfront_default_certificate": Z(False), "iam_certificate_id": Z("")}),
        "restrictions": Blk({"geo_restriction": Blk({"restriction_type": "none", "locations": Z([])})}),
        "tags": {"Name": NAME + "-edge"},
    })
    R("aws_route53_health_check", "alb", {
        "fqdn": ref("aws_lb.public.dns_name"),
        "port": 443,
        "type": "HTTPS",
        "resource_path": "/healthz",
        "failure_threshold": 3,
        "request_interval": 30,
        "measure_latency": True,
        "enable_sni": True,
        "tags": {"Name": NAME + "-alb"},
    })

    # ------------------------------------------------------------------------------------------- logging, EBS, backup
    R("aws_cloudwatch_log_group", "flow_logs", {
        "name": "/plumbline/reference/vpc-flow-logs",
        "retention_in_days": 365,
        "kms_key_id": ref("aws_kms_key.logs.arn"),
        "tags": {"Name": NAME + "-flow-logs"},
    })
    R("aws_iam_role", "flow_logs", {
        "name": NAME + "-flow-logs",
        "assume_role_policy": assume("vpc-flow-logs.amazonaws.com"),
        "tags": {"Name": NAME + "-flow-logs"},
    })
    R("aws_iam_role_policy", "flow_logs", {
        "name": "deliver-flow-logs",
        "role": ref("aws_iam_role.flow_logs.id"),
        "policy": policy({"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow",
            "Action": ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups",
                       "logs:DescribeLogStreams"],
            "Resource": "arn:aws:logs:%s:%s:log-group:/plumbline/reference/vpc-flow-logs:*" % (PRIMARY, ACCOUNT)}]}),
    })
    R("aws_flow_log", "vpc", {
        "vpc_id": ref("module.vpc.vpc_id"),
        "traffic_type": "ALL",
        "log_destination": ref("aws_cloudwatch_log_group.flow_logs.arn"),
        "iam_role_arn": ref("aws_iam_role.flow_logs.arn"),
        "max_aggregation_interval": 60,
        "tags": {"Name": NAME + "-vpc"},
    })
    for name, provider, key in [("primary", "aws", "ebs"), ("secondary", "aws.secondary", "ebs_replica")]:
        R("aws_ebs_encryption_by_default", name,
          {"enabled": not (v == "ENC-003-secondary-off" and name == "secondary")}, provider=provider)
        if not (v == "ENC-003-no-default-key" and name == "primary"):
            R("aws_ebs_default_kms_key", name, {"key_arn": ref("aws_kms_key.%s.arn" % key)}, provider=provider)
    vault = {
        "name": NAME,
        "kms_key_arn": ref("aws_kms_key.backup.arn"),
        "tags": {"Name": NAME},
    }
    if v == "BAK-003-vault-aws-key":
        del vault["kms_key_arn"]
    R("aws_backup_vault", "primary", vault)
    lock = {
        "backup_vault_name": ref("aws_backup_vault.primary.name", NAME),
        "min_retention_days": 7,
        "max_retention_days": 35,
        "changeable_for_days": 3,
    }
    if v == "BAK-003-governance-lock":
        del lock["changeable_for_days"]
    R("aws_backup_vault_lock_configuration", "primary", lock)
    same_region = v == "REP-003-copy-same-region"
    R("aws_backup_vault", "secondary", {
        "name": NAME + "-dr",
        "kms_key_arn": ref("aws_kms_key.backup.arn" if same_region else "aws_kms_key.backup_replica.arn"),
        "tags": {"Name": NAME + "-dr"},
    }, provider="aws" if same_region else "aws.secondary")
    backup_rule = {
            "rule_name": "daily", "target_vault_name": ref("aws_backup_vault.primary.name", NAME),
            "schedule": "cron(0 3 * * ? *)", "start_window": 60, "completion_window": 180,
            "schedule_expression_timezone": Z("Etc/UTC"), "enable_continuous_backup": Z(False),
            "recovery_point_tags": Z(None),
            "lifecycle": Blk({"delete_after": 35, "cold_storage_after": Z(0),
                              "opt_in_to_archive_for_supported_resources": Z(False)}),
            "copy_action": Blk({"destination_vault_arn": ref("aws_backup_vault.secondary.arn"),
                                "lifecycle": Blk({"delete_after": 35, "cold_storage_after": Z(0),
                                                  "opt_in_to_archive_for_supported_resources": Z(False)})}),
    }
    if v == "REP-003-no-copy":
        del backup_rule["copy_action"]
    R("aws_backup_plan", "aurora", {
        "name": NAME + "-aurora",
        "rule": Blk(backup_rule),
        "tags": {"Name": NAME + "-aurora"},
    })
    R("aws_iam_role", "backup", {
        "name": NAME + "-backup",
        "assume_role_policy": assume("backup.amazonaws.com"),
        "tags": {"Name": NAME + "-backup"},
    })
    R("aws_iam_role_policy_attachment", "backup", {
        "role": ref("aws_iam_role.backup.name", NAME + "-backup"),
        "policy_arn": "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
    })
    R("aws_backup_selection", "aurora", {
        "name": NAME + "-aurora",
        "plan_id": ref("aws_backup_plan.aurora.id"),
        "iam_role_arn": ref("aws_iam_role.backup.arn"),
        "resources": X([UNK], "module.aurora.cluster_arn", "module.aurora"),
    })

    if not prefix:
        plan.variables["environment"] = {"value": "prod", "default": "prod",
                                         "description": "Environment name, also a default tag."}
        plan.outputs.update({
            "alb_dns_name": {"expr": ref("aws_lb.public.dns_name"), "description": "DNS name of the public ALB."},
            "cloudfront_domain_name": {"expr": ref("aws_cloudfront_distribution.edge.domain_name")},
            "aurora_endpoint": {"expr": ref("module.aurora.cluster_endpoint")},
            "redis_primary_endpoint": {"expr": ref("aws_elasticache_replication_group.redis.primary_endpoint_address")},
        })
