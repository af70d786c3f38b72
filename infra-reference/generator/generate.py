#!/usr/bin/env python3
"""Writes Plumbline's bundled reference architecture: the compliant Terraform plan JSON (`terraform show -json` of
Terraform 1.9.8 with the AWS provider 5.x), the compliant CloudFormation template (YAML, short-form tags), one
non-compliant copy of each per variant, variants/index.tsv and README.md.

    python3 infra-reference/generator/generate.py                 # rewrite every default output (deterministic)
    python3 infra-reference/generator/generate.py --check         # exit 1 if the committed outputs are stale
    python3 infra-reference/generator/generate.py --bench 200 --out /tmp/bench.tfplan.json
                                                                   # N copies of the stack, module.stack_<i>

Standard library only. No clock time and no randomness goes into the outputs.
"""

import argparse
import json
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cfnstack  # noqa: E402
import cfnyaml  # noqa: E402
import tfstack  # noqa: E402
from planmodel import Plan  # noqa: E402

OUT = os.path.normpath(os.path.join(HERE, "..", "src", "main", "resources", "io", "plumbline", "reference"))
TF_REFERENCE = "terraform/reference.tfplan.json"
CFN_REFERENCE = "cloudformation/reference.cfn.yaml"

CLUSTER_TF = "module.aurora.aws_rds_cluster.this"
REDIS_TF = "aws_elasticache_replication_group.redis"

# (variant id, Terraform rows, CloudFormation rows, description). Rows: (rule, resource, expected); None = no variant
# in that format. The id is also the file name: variants/<format>/<id>.<ext>.
VARIANTS = [
    ("ENC-001-no-cmk",
     [("ENC-001", CLUSTER_TF, "FAIL")], [("ENC-001", "AuroraCluster", "FAIL")],
     "Aurora storage encrypted but no kms_key_id / KmsKeyId: AWS-managed aws/rds key, not a CMK (TF: kms_key_id "
     "absent from configuration, true in after_unknown)"),
    ("ENC-001-unencrypted",
     [("ENC-001", CLUSTER_TF, "FAIL")], [("ENC-001", "AuroraCluster", "FAIL")],
     "TF: storage_encrypted and kms_key_id not set (absent from after, true in after_unknown): never a CMK, FAIL "
     "with reason no CMK. CFN: StorageEncrypted false, no KmsKeyId"),
    ("ENC-003-secondary-off",
     [("ENC-003", "aws_ebs_encryption_by_default.secondary", "FAIL")], None,
     "EBS encryption by default is off (enabled = false) in the secondary region (provider aws.secondary): restored "
     "and new volumes there may be unencrypted. No CloudFormation variant: no resource type holds the setting"),
    ("ENC-003-no-default-key",
     [("ENC-003", "aws_ebs_encryption_by_default.primary", "UNKNOWN")], None,
     "EBS encryption by default is on in the primary region but no aws_ebs_default_kms_key sets its key: the plan "
     "does not hold the default key (alias/aws/ebs unless set outside it), so UNKNOWN, not PASS"),
    ("ENC-004-aws-managed-key",
     [("ENC-004", "aws_eks_node_group.critical", "FAIL"), ("ENC-004", "aws_eks_node_group.spot", "FAIL")],
     [("ENC-004", "CriticalNodeGroup", "FAIL"), ("ENC-004", "SpotNodeGroup", "FAIL")],
     "The node launch template encrypts the root volume with the AWS-managed key aws/ebs (TF kms_key_id = its alias "
     "ARN, CFN KmsKeyId alias/aws/ebs), not a customer-managed key"),
    ("ENC-005-at-rest-off",
     [("ENC-005", REDIS_TF, "FAIL")], [("ENC-005", "RedisReplicationGroup", "FAIL")],
     "Redis at-rest encryption off (TF at_rest_encryption_enabled = \"false\", CFN AtRestEncryptionEnabled false), "
     "no KMS key"),
    ("ENC-005-no-cmk",
     [("ENC-005", REDIS_TF, "FAIL")], [("ENC-005", "RedisReplicationGroup", "FAIL")],
     "Redis at-rest encryption on but no kms_key_id / KmsKeyId: service default key, not a CMK"),
    ("ENC-006-preferred",
     [("ENC-006", REDIS_TF, "FAIL")], [("ENC-006", "RedisReplicationGroup", "FAIL")],
     "Redis transit encryption mode preferred: still accepts plaintext"),
    ("ENC-006-transit-off",
     [("ENC-006", REDIS_TF, "FAIL")], [("ENC-006", "RedisReplicationGroup", "FAIL")],
     "Redis transit encryption disabled (mode not set)"),
    ("ENC-011-no-rotation",
     [("ENC-011", "aws_kms_key.rds", "FAIL")], [("ENC-011", "RdsKmsKey", "FAIL")],
     "The Aurora CMK has automatic rotation off"),
    ("ENC-011-disabled",
     [("ENC-011", "aws_kms_key.cache", "FAIL")], None,
     "The Redis CMK is disabled (is_enabled = false)"),
    ("ENC-007-force-ssl-off",
     [("ENC-007", CLUSTER_TF, "FAIL")], [("ENC-007", "AuroraCluster", "FAIL")],
     "The Aurora cluster parameter group sets rds.force_ssl = 0: clients may connect in clear text"),
    ("ENC-007-no-parameter-group",
     [("ENC-007", CLUSTER_TF, "FAIL")], [("ENC-007", "AuroraCluster", "FAIL")],
     "The Aurora cluster names no DB cluster parameter group (TF: absent from configuration, unknown in after; CFN: "
     "no DBClusterParameterGroupName): Aurora PostgreSQL 16's default group leaves rds.force_ssl at 0"),
    ("ENC-008-no-encryption-config",
     [("ENC-008", "aws_eks_cluster.main", "FAIL")], [("ENC-008", "EksCluster", "FAIL")],
     "The EKS cluster has no encryption_config / EncryptionConfig: Kubernetes secrets only under EKS's AWS-owned "
     "key, not a customer-managed one"),
    ("MAZ-001-legacy-vpc-two-azs",
     [("MAZ-001", "aws_vpc.legacy", "FAIL")], [("MAZ-001", "LegacyVPC", "FAIL")],
     "A second, legacy VPC whose only tier (public: its route table sends 0.0.0.0/0 to its internet gateway) has "
     "subnets in two AZs (TF aws_subnet.legacy_public[0..1], CFN LegacyPublicSubnetA/B), no tier tags"),
    ("MAZ-001-azs-by-index",
     None, [("MAZ-001", "LegacyVPC", "UNKNOWN")],
     "The legacy VPC's three public subnets pick their AZ with !Select [i, !GetAZs '']: without the region the "
     "template is deployed to (check --region), whether the indexes are three AZs is unknown"),
    ("MAZ-002-shared-nat",
     [("MAZ-002", "module.vpc.aws_subnet.app[1]", "FAIL"), ("MAZ-002", "module.vpc.aws_subnet.app[2]", "FAIL")],
     [("MAZ-002", "AppSubnetB", "FAIL"), ("MAZ-002", "AppSubnetC", "FAIL")],
     "Every app route table sends 0.0.0.0/0 to the NAT gateway of eu-west-1a (TF module.vpc.aws_route.app_nat, CFN "
     "AppDefaultRouteB/C): the app subnets of eu-west-1b and eu-west-1c lose egress with eu-west-1a; the other two "
     "NAT gateways stay, unused"),
    ("MAZ-003-cluster-two-azs",
     [("MAZ-003", "aws_eks_cluster.main", "FAIL")], [("MAZ-003", "EksCluster", "FAIL")],
     "The EKS control plane gets the app subnets of two AZs only (TF vpc_config.subnet_ids = module.vpc."
     "control_plane_subnet_ids, an output listing aws_subnet.app[0] and [1]; CFN ResourcesVpcConfig.SubnetIds "
     "AppSubnetA/B); the node groups keep all three"),
    ("MAZ-004-min-size-below-azs",
     [("MAZ-004", "aws_eks_cluster.main", "FAIL")], [("MAZ-004", "EksCluster", "FAIL")],
     "The critical node group spans three AZs with min_size / MinSize 2: it may scale in to two nodes and leave "
     "an AZ without one (the spot group is non-critical and does not count)"),
    ("MAZ-005-alb-two-azs",
     [("MAZ-005", "aws_lb.public", "FAIL")], [("MAZ-005", "ApplicationLoadBalancer", "FAIL")],
     "The ALB is enabled in the public subnets of two AZs only (TF: the module output public_subnet_ids lists "
     "aws_subnet.public[0] and [1]; CFN Subnets PublicSubnetA/B)"),
    ("MAZ-007-subnet-group-two-azs",
     [("MAZ-007", CLUSTER_TF, "FAIL")], [("MAZ-007", "AuroraCluster", "FAIL")],
     "The Aurora DB subnet group holds the data subnets of two AZs only (TF module.vpc.aurora_subnet_ids = "
     "aws_subnet.data[0] and [1]; CFN AuroraSubnetGroup SubnetIds DataSubnetA/B); the third instance keeps "
     "eu-west-1c, which RDS would refuse at apply"),
    ("MAZ-006-single-instance",
     [("MAZ-006", CLUSTER_TF, "FAIL")], [("MAZ-006", "AuroraCluster", "FAIL")],
     "Aurora with a writer only, no reader"),
    ("MAZ-006-same-az",
     [("MAZ-006", CLUSTER_TF, "FAIL")], [("MAZ-006", "AuroraCluster", "FAIL")],
     "Aurora with three instances, all in eu-west-1a"),
    ("MAZ-006-az-unset",
     [("MAZ-006", CLUSTER_TF, "UNKNOWN")], None,
     "Aurora instances without availability_zone (absent from after, true in after_unknown): RDS picks the AZs, "
     "so distinctness is unknown; the count check passes"),
    ("MAZ-008-no-failover",
     [("MAZ-008", REDIS_TF, "FAIL")], [("MAZ-008", "RedisReplicationGroup", "FAIL")],
     "Redis with automatic failover off and Multi-AZ off (three nodes)"),
    ("MAZ-008-single-node",
     [("MAZ-008", REDIS_TF, "FAIL")], [("MAZ-008", "RedisReplicationGroup", "FAIL")],
     "Redis with num_cache_clusters 1 (no replica), failover and Multi-AZ off"),
    ("BAK-001-short-retention",
     [("BAK-001", CLUSTER_TF, "FAIL")], [("BAK-001", "AuroraCluster", "FAIL")],
     "Aurora backup retention 1 day. TF only: also a legacy master_password (a fake secret in clear text in after, "
     "planned_values and the sensitive root variable db_master_password) instead of manage_master_user_password, "
     "to test redaction"),
    ("BAK-001-retention-unset",
     [("BAK-001", CLUSTER_TF, "FAIL")], [("BAK-001", "AuroraCluster", "FAIL")],
     "Aurora backup retention not set: TF absent from after and true in after_unknown, CFN property absent; the "
     "API default is 1 day, so FAIL on the defaulted value"),
    ("BAK-002-no-deletion-protection",
     [("BAK-002", CLUSTER_TF, "FAIL")], [("BAK-002", "AuroraCluster", "FAIL")],
     "Aurora deletion protection off"),
    ("BAK-002-skip-final-snapshot",
     [("BAK-002", CLUSTER_TF, "FAIL")], None,
     "Aurora skip_final_snapshot = true, no final_snapshot_identifier"),
    ("BAK-002-no-update-replace-policy",
     None, [("BAK-002", "AuroraCluster", "FAIL")],
     "Aurora UpdateReplacePolicy removed (DeletionProtection still true): a replacement deletes the old cluster"),
    ("BAK-002-deletion-policy-delete",
     None, [("BAK-002", "AuroraCluster", "FAIL")],
     "Aurora DeletionPolicy Delete"),
    ("BAK-006-policy-not-blocked",
     [("BAK-006", "aws_s3_bucket.backups", "FAIL")], [("BAK-006", "BackupsBucket", "FAIL")],
     "Backups bucket with block_public_policy / BlockPublicPolicy false"),
    ("BAK-006-empty-block",
     [("BAK-006", "aws_s3_bucket.logs", "FAIL")], None,
     "Logs bucket's aws_s3_bucket_public_access_block written without arguments: the provider sets all four false"),
    ("ENC-009-sse-s3",
     [("ENC-009", "aws_s3_bucket.backups", "FAIL")], [("ENC-009", "BackupsBucket", "FAIL")],
     "Backups bucket encrypted with SSE-S3 (AES256), not a customer-managed KMS key"),
    ("ENC-009-aws-managed-key",
     [("ENC-009", "aws_s3_bucket.backups", "FAIL")], None,
     "Backups bucket sse_algorithm aws:kms without kms_master_key_id: the AWS-managed aws/s3 key"),
    ("ENC-010-objects-only",
     [("ENC-010", "aws_s3_bucket.backups", "FAIL")], [("ENC-010", "BackupsBucket", "FAIL")],
     "Backups bucket policy denies plain HTTP on the objects (ARN/*) only, not on the bucket itself"),
    ("ENC-010-allow-secure-only",
     [("ENC-010", "aws_s3_bucket.logs", "FAIL")], None,
     "Logs bucket policy only Allows with aws:SecureTransport true, which denies nothing"),
    ("ENC-012-open-principal",
     [("ENC-012", "aws_kms_key.s3", "FAIL")], [("ENC-012", "S3KmsKey", "FAIL")],
     "S3 key policy allows kms:Decrypt to Principal {\"AWS\": \"*\"} (CFN: \"*\") without a condition"),
    ("ENC-012-via-service-only",
     [("ENC-012", "aws_kms_key.s3", "FAIL")], None,
     "S3 key policy allows \"*\" conditioned on kms:ViaService only, which does not limit the caller's account"),
    ("BAK-004-snapshots-off",
     [("BAK-004", REDIS_TF, "FAIL")], [("BAK-004", "RedisReplicationGroup", "FAIL")],
     "Redis without snapshot_retention_limit / SnapshotRetentionLimit (and window): the API default 0 turns "
     "automatic snapshots off"),
    ("BAK-004-short-retention",
     [("BAK-004", REDIS_TF, "FAIL")], [("BAK-004", "RedisReplicationGroup", "FAIL")],
     "Redis keeps automatic snapshots 2 days, below the profile's cache.snapshotRetentionDays 7"),
    ("BAK-003-governance-lock",
     [("BAK-003", CLUSTER_TF, "FAIL")], [("BAK-003", "AuroraCluster", "FAIL")],
     "AWS Backup vault lock without changeable_for_days / ChangeableForDays: governance mode, removable at any time"),
    ("BAK-003-vault-aws-key",
     [("BAK-003", CLUSTER_TF, "FAIL")], [("BAK-003", "AuroraCluster", "FAIL")],
     "AWS Backup vault without kms_key_arn / EncryptionKeyArn: AWS Backup uses a key it creates (AWS managed)"),
    ("REP-003-copy-same-region",
     [("REP-003", CLUSTER_TF, "FAIL")], [("REP-003", "AuroraCluster", "FAIL")],
     "AWS Backup copy to a vault in the cluster's own region (TF: the DR vault under the primary provider; CFN: the "
     "stack's own vault, which lives in the stack's region)"),
    ("REP-003-no-copy",
     [("REP-003", CLUSTER_TF, "UNKNOWN")], [("REP-003", "AuroraCluster", "UNKNOWN")],
     "AWS Backup rule without copy action and no global database: no way to the secondary region in the input "
     "(UNKNOWN, not FAIL: a snapshot-copy job outside the input is visible only live)"),
    ("BAK-005-suspended",
     [("BAK-005", "aws_s3_bucket.backups", "FAIL")], [("BAK-005", "BackupsBucket", "FAIL")],
     "Backups bucket versioning Suspended (TF: aws_s3_bucket_versioning.backups, folded into the bucket)"),
    ("BAK-005-no-versioning-resource",
     [("BAK-005", "aws_s3_bucket.logs", "FAIL")], None,
     "Logs bucket without any aws_s3_bucket_versioning resource (never enabled)"),
    ("BAK-005-no-versioning",
     None, [("BAK-005", "LogsBucket", "FAIL")],
     "Logs bucket without VersioningConfiguration (never enabled)"),
    ("NET-003-public-instance",
     [("NET-003", "module.aurora.aws_rds_cluster_instance.this[1]", "FAIL")],
     [("NET-003", "AuroraInstanceB", "FAIL")],
     "The second Aurora instance is publicly accessible (TF: publicly_accessible = count.index == 1)"),
    ("NET-003-default-subnet-group",
     None, [("NET-003", "AuroraInstanceB", "FAIL")],
     "The second Aurora instance has DBSubnetGroupName: default and no PubliclyAccessible: the API default is "
     "public"),
    ("NET-004-alb-8080-open",
     [("NET-004", "aws_lb.public", "FAIL")], [("NET-004", "ApplicationLoadBalancer", "FAIL")],
     "An extra ALB listener on tcp/8080 (HTTP, forwarding to the app) and an ALB security-group rule admitting "
     "tcp/8080 from 0.0.0.0/0 (TF aws_lb_listener.admin + aws_vpc_security_group_ingress_rule.alb_admin_8080, CFN "
     "AdminListener + AlbIngressAdmin8080); the public NACL already admits 1024-65535: the internet reaches 8080"),
    ("NET-006-nodes-not-from-alb",
     [("NET-006", "aws_eks_node_group.critical", "FAIL"), ("NET-006", "aws_eks_node_group.spot", "FAIL")],
     [("NET-006", "CriticalNodeGroup", "FAIL"), ("NET-006", "SpotNodeGroup", "FAIL")],
     "The node security group's ingress from the ALB security group (tcp 8080-8443) is removed (TF "
     "aws_vpc_security_group_ingress_rule.eks_nodes_from_alb, CFN EksNodesIngressFromAlb): the ALB reaches no "
     "target port, the public -> app intent is broken"),
    ("NET-007-aurora-from-alb",
     [("NET-007", CLUSTER_TF, "FAIL")], [("NET-007", "AuroraCluster", "FAIL")],
     "The Aurora security group also admits tcp/5432 from the ALB security group, the ALB security group may send "
     "5432 to it and the data NACL admits the public subnets on 5432 (ephemeral ports back): the public tier reaches "
     "Aurora (TF aws_security_group_rule.aurora_from_alb, aws_vpc_security_group_egress_rule.alb_to_aurora, data "
     "NACL rules 120-122/110-112; CFN AuroraIngressFromAlb, AlbEgressToAurora, DataNaclInboundPostgresPublic*)"),
    ("NET-008-redis-from-vpc-cidr",
     [("NET-008", REDIS_TF, "FAIL")], [("NET-008", "RedisReplicationGroup", "FAIL")],
     "The Redis security group admits tcp/6379 from the VPC CIDR (TF aws_vpc_security_group_ingress_rule."
     "redis_from_vpc, CFN RedisIngressFromVpc), the data NACL admits the VPC CIDR on 6379 (rule 130 both ways) and "
     "the ALB security group keeps an allow-all egress: the ALB in the public subnets reaches Redis"),
    ("NET-013-data-route-to-nat",
     [("NET-013", "module.vpc.aws_subnet.data[0]", "FAIL")], [("NET-013", "DataSubnetA", "FAIL")],
     "The first data route table gets 0.0.0.0/0 -> the NAT gateway of its AZ (TF module.vpc.aws_route.data_nat, "
     "CFN DataDefaultRouteA)"),
    ("NET-009-ssh-open",
     [("NET-009", "aws_security_group.eks_nodes", "FAIL")], [("NET-009", "EksNodesSecurityGroup", "FAIL")],
     "The EKS nodes' security group gets tcp/22 from 0.0.0.0/0 (TF aws_security_group_rule.eks_nodes_ssh, CFN "
     "EksNodesIngressSsh)"),
    ("NET-009-redis-all-ipv6",
     [("NET-009", "aws_security_group.redis", "FAIL")], [("NET-009", "RedisSecurityGroup", "FAIL")],
     "The Redis security group gets all protocols (-1) from ::/0 (TF aws_vpc_security_group_ingress_rule."
     "redis_all_ipv6, CFN RedisIngressAllIpv6)"),
    ("NET-009-node-ssh",
     [("NET-009", "aws_eks_node_group.critical", "FAIL")], [("NET-009", "CriticalNodeGroup", "FAIL")],
     "The critical node group gets remote_access / RemoteAccess with an SSH key and no source security groups "
     "(EKS opens 22 to 0.0.0.0/0; EKS would also reject it at apply time because the group uses a launch "
     "template)"),
    ("REP-001-same-region",
     [("REP-001", "aws_s3_bucket.tfstate", "FAIL")], [("REP-001", "TfStateBucket", "FAIL")],
     "The state bucket replicates within its own region: TF the replica bucket aws_s3_bucket.tfstate_replica "
     "uses the primary provider (eu-west-1); CFN the destination is a bucket of the same stack"),
    ("REP-002-no-kms-selection",
     [("REP-002", "aws_s3_bucket.backups", "FAIL")], [("REP-002", "BackupsBucket", "FAIL")],
     "The SSE-KMS backups bucket's replication rule has no source_selection_criteria / SourceSelectionCriteria: "
     "S3 skips every KMS-encrypted object"),
    ("REP-002-replica-key-primary",
     [("REP-002", "aws_s3_bucket.tfstate", "FAIL")], [("REP-002", "TfStateBucket", "FAIL")],
     "The state bucket's replicas are encrypted with the primary-region key (TF aws_kms_key.s3, CFN S3KmsKey), "
     "unusable in us-west-2"),
    ("REP-005-no-replica",
     [("REP-005", "aws_secretsmanager_secret.app_db", "FAIL")], [("REP-005", "AppDbSecret", "FAIL")],
     "The application DB credential secret has no replica (TF replica block, CFN ReplicaRegions removed)"),
    ("REP-006-filter-misses",
     [("REP-006", "aws_ecr_repository.app", "FAIL")], [("REP-006", "AppRepository", "FAIL")],
     "The ECR registry replicates to us-west-2 only repositories starting with other/: plumbline/app is not "
     "copied"),
]


def tf_plan(variant=None):
    plan = Plan(tfstack.PROVIDERS, tfstack.DEFAULT_TAGS)
    tfstack.build(plan, variant)
    return plan.render()


def tf_bench(n):
    plan = Plan(tfstack.PROVIDERS, tfstack.DEFAULT_TAGS)
    base = tfstack.NAME
    try:
        for i in range(n):
            name = "stack_%d" % i
            # AWS names (buckets, subnet groups, clusters) are unique in an account: each copy gets its own.
            tfstack.NAME = "%s-%d" % (base, i)
            plan.module((name,), "./modules/reference-stack")
            tfstack.build(plan, None, prefix=(name,))
    finally:
        tfstack.NAME = base
    return plan.render()


CFN_HEADER = """Plumbline reference architecture (generated by infra-reference/generator/generate.py; do not edit).
Region: eu-west-1; replicas and backup copies: us-west-2."""


def cfn_template(variant=None):
    header = CFN_HEADER
    if variant:
        header += "\nNon-compliant variant %s." % variant
    return cfnyaml.dump(cfnstack.build(variant), header)


def write(rel, text):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def readme(tf_resources, cfn_resources, tf_rows, cfn_rows):
    lines = [
        "# Plumbline reference architecture (bundled)",
        "",
        "Generated by `infra-reference/generator/generate.py` (Python 3, standard library only): run",
        "`python3 infra-reference/generator/generate.py` from the project root to rewrite everything here except",
        "`profile.yaml`. The output is deterministic. Do not edit the generated files by hand.",
        "",
        "* `terraform/reference.tfplan.json`: `terraform show -json` of a fresh plan, as Terraform 1.9.8 with the AWS",
        "  provider 5.x writes it (format 1.2; one line; IDs and ARNs of created resources unknown; `module.vpc` and",
        "  `module.aurora`; providers `aws` (eu-west-1), `aws.secondary` (us-west-2) and `aws.us_east_1`).",
        "* `cloudformation/reference.cfn.yaml`: the same architecture as one CloudFormation stack in eu-west-1 (YAML",
        "  short-form tags; resources in us-west-2 and us-east-1 are referenced by ARN parameters or literals).",
        "* `variants/`: one full copy per non-compliant change; `variants/index.tsv` lists, for each file, the rule,",
        "  the resource (Terraform address or CloudFormation logical id) and the verdict it must get (FAIL or",
        "  UNKNOWN). Everything in the two reference files must PASS.",
        "* Benchmark input (not committed): `generate.py --bench N --out FILE` writes a plan with N copies of the",
        "  stack, each under `module.stack_<i>`.",
        "",
        "## The stack",
        "",
        "VPC 10.40.0.0/16 over eu-west-1a/b/c with public, app and data subnets (tag `plumbline:tier`), an internet",
        "gateway, one NAT gateway per AZ, a public route table (0.0.0.0/0 to the IGW), one app route table per AZ",
        "(0.0.0.0/0 to that AZ's NAT), data route tables with no internet route, one network ACL per tier, flow logs.",
        "Security groups alb, eks_nodes, aurora, redis. Internet-facing ALB (HTTPS 443 with",
        "ELBSecurityPolicy-TLS13-1-2-2021-06, HTTP 80 redirecting to HTTPS) with a regional WAF, behind a CloudFront",
        "distribution with a CLOUDFRONT-scope WAF (us-east-1); Route 53 health check on the ALB. Private EKS cluster",
        "(secrets encrypted with a CMK, all control-plane logs) with a critical ON_DEMAND node group (3/3/9) and a",
        "tainted SPOT node group. Aurora PostgreSQL 16 (CMK, 14-day backups, deletion protection, final snapshot, RDS-",
        "managed master secret, writer + 2 readers in distinct AZs), ElastiCache Redis (3 nodes, Multi-AZ, failover,",
        "CMK at rest, TLS required, RBAC user group). KMS CMKs with rotation. Buckets tfstate, logs and backups",
        "(tag `plumbline:role`): versioned, SSE-KMS (logs: SSE-S3 for ALB access logs), private, TLS-only, Glacier",
        "lifecycle, replicated to us-west-2. Secrets Manager secret with rotation and a us-west-2 replica, ECR",
        "(immutable tags, scan on push, KMS, lifecycle, replication), AWS Backup plan + locked vault with a copy to",
        "us-west-2.",
        "",
        "## Terraform addresses (%d resource instances)" % len(tf_resources),
        "",
    ]
    lines += ["* `%s`" % a for a in tf_resources]
    lines += ["", "## CloudFormation logical ids (%d resources)" % len(cfn_resources), ""]
    lines += ["* `%s` (%s)" % (lid, t) for lid, t in cfn_resources]
    lines += ["", "## Variants", "", "| file | rule | resource | expected | description |", "|---|---|---|---|---|"]
    for row in tf_rows + cfn_rows:
        lines.append("| `%s` | %s | `%s` | %s | %s |" % row)
    lines.append("")
    return "\n".join(lines)


def outputs():
    """Every default output: relative path -> text."""
    out = {}
    ref_plan = tf_plan()
    out[TF_REFERENCE] = ref_plan
    out[CFN_REFERENCE] = cfn_template()
    tf_rows, cfn_rows = [], []
    for vid, tf, cfn, desc in VARIANTS:
        if tf is not None:
            rel = "variants/terraform/%s.tfplan.json" % vid
            out[rel] = tf_plan(vid)
            tf_rows += [(rel, rule, res, exp, desc) for rule, res, exp in tf]
        if cfn is not None:
            rel = "variants/cloudformation/%s.cfn.yaml" % vid
            out[rel] = cfn_template(vid)
            cfn_rows += [(rel, rule, res, exp, desc) for rule, res, exp in cfn]
    index = ["file\trule\tresource\texpected\tdescription"]
    for row in tf_rows + cfn_rows:
        assert all("\t" not in c and "\n" not in c for c in row)
        index.append("\t".join(row))
    out["variants/index.tsv"] = "\n".join(index) + "\n"
    tf_resources = [rc["address"] for rc in json.loads(ref_plan)["resource_changes"]]
    cfn_resources = [(lid, r["Type"]) for lid, r in cfnstack.build(None)["Resources"].items()]
    out["README.md"] = readme(tf_resources, cfn_resources, tf_rows, cfn_rows)
    return out


def generated_on_disk():
    """The files below OUT that the generator owns (everything but profile.yaml)."""
    found = set()
    for sub, ext in (("terraform", ".tfplan.json"), ("cloudformation", ".cfn.yaml"),
                     ("variants/terraform", ".tfplan.json"), ("variants/cloudformation", ".cfn.yaml")):
        d = os.path.join(OUT, sub)
        if os.path.isdir(d):
            found.update("%s/%s" % (sub, f) for f in os.listdir(d) if f.endswith(ext))
    for f in ("variants/index.tsv", "README.md"):
        if os.path.exists(os.path.join(OUT, f)):
            found.add(f)
    return found


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", type=int, help="write a plan with N copies of the stack instead (needs --out)")
    ap.add_argument("--out", help="output file of --bench")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the committed outputs differ from what the generator writes")
    args = ap.parse_args(argv)
    if args.bench is not None:
        if not args.out or args.bench < 1:
            ap.error("--bench N needs N >= 1 and --out FILE")
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(tf_bench(args.bench))
        return 0
    out = outputs()
    if args.check:
        stale = sorted(generated_on_disk() - set(out))
        for rel, text in sorted(out.items()):
            path = os.path.join(OUT, rel)
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    if f.read() != text:
                        stale.append(rel)
            except FileNotFoundError:
                stale.append(rel)
        for rel in stale:
            print("out of date: " + rel, file=sys.stderr)
        return 1 if stale else 0
    for rel in generated_on_disk() - set(out):
        os.remove(os.path.join(OUT, rel))
    for rel, text in sorted(out.items()):
        write(rel, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
