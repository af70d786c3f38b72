#!/usr/bin/env python3
"""Writes the hand-made Terraform plan fixtures of the Terraform source tests: python3 generate_fixtures.py <this dir>."""
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "."


def rc(address, type_, name, after=None, unknown=None, actions=("create",), index=None, module=None, before=None,
       after_sensitive=None, before_sensitive=None, mode="managed"):
    r = {"address": address}
    if module:
        r["module_address"] = module
    r.update({"mode": mode, "type": type_, "name": name})
    if index is not None:
        r["index"] = index
    r["provider_name"] = "registry.terraform.io/hashicorp/aws"
    r["change"] = {"actions": list(actions), "before": before, "after": after,
                   "after_unknown": unknown or {}, "before_sensitive": before_sensitive if before_sensitive is not None else False,
                   "after_sensitive": after_sensitive if after_sensitive is not None else {}}
    return r


def cfg(type_, name, expressions=None, provider="aws", count=None, for_each=None, mode="managed"):
    c = {"address": ("data." if mode == "data" else "") + type_ + "." + name, "mode": mode, "type": type_, "name": name,
         "provider_config_key": provider, "expressions": expressions or {}, "schema_version": 0}
    if count:
        c["count_expression"] = {"references": count}
    if for_each:
        c["for_each_expression"] = {"references": for_each}
    return c


def refs(*r):
    return {"references": list(r)}


def const(v):
    return {"constant_value": v}


def plan(resource_changes, configuration, variables=None, version="1.9.5", fmt="1.2", extra=None):
    p = {"format_version": fmt, "terraform_version": version}
    if variables:
        p["variables"] = {k: {"value": v} for k, v in variables.items()}
    p["planned_values"] = {"root_module": {}}
    if resource_changes is not None:
        p["resource_changes"] = resource_changes
    p["configuration"] = configuration
    if extra:
        p.update(extra)
    return p


def write(name, doc):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


# ---------------------------------------------------------------------------------------------------------------
# Aurora in a module (3 instances by count), one more instance in the root through a module output, KMS key + alias,
# ElastiCache old/new argument names, serverless, provider aliases and v6 region.
aurora_rc = [
    rc("data.aws_availability_zones.available", "aws_availability_zones", "available", mode="data", actions=("read",),
       after={"id": "eu-west-1", "names": ["eu-west-1a", "eu-west-1b", "eu-west-1c"]}),
    rc("aws_vpc.main", "aws_vpc", "main", after={"cidr_block": "10.0.0.0/16", "tags": {"Name": "main"}},
       unknown={"id": True, "arn": True, "ipv6_cidr_block": True, "tags_all": True}),
] + [
    rc(f"aws_subnet.data[{i}]", "aws_subnet", "data", index=i,
       after={"availability_zone": f"eu-west-1{'abc'[i]}", "cidr_block": f"10.0.{20 + i}.0/24", "map_public_ip_on_launch": False,
              "tags": {"Name": f"data-{i}", "plumbline:tier": "data"}},
       unknown={"id": True, "arn": True, "vpc_id": True, "availability_zone_id": True, "tags_all": True})
    for i in range(3)
] + [
    rc("aws_kms_key.db", "aws_kms_key", "db",
       after={"description": "aurora", "is_enabled": True, "key_usage": "ENCRYPT_DECRYPT", "customer_master_key_spec": "SYMMETRIC_DEFAULT",
              "deletion_window_in_days": 7, "tags": None},
       unknown={"arn": True, "id": True, "key_id": True, "policy": True, "multi_region": True, "tags_all": True}),
    rc("aws_kms_alias.db", "aws_kms_alias", "db", after={"name": "alias/aurora", "name_prefix": None},
       unknown={"arn": True, "id": True, "target_key_arn": True, "target_key_id": True}),
    rc("module.db.aws_db_subnet_group.this", "aws_db_subnet_group", "this", module="module.db",
       after={"name": "aurora-data", "tags": None}, unknown={"arn": True, "id": True, "subnet_ids": True, "tags_all": True}),
    rc("module.db.aws_rds_cluster.this", "aws_rds_cluster", "this", module="module.db",
       after={"cluster_identifier": "aurora-main", "engine": "aurora-postgresql", "engine_mode": "provisioned",
              "engine_version": "16.4", "storage_encrypted": True, "deletion_protection": None, "skip_final_snapshot": False,
              "final_snapshot_identifier": "aurora-main-final", "master_username": "app", "master_password": "s3cr3t-Passw0rd!",
              "manage_master_user_password": None, "db_subnet_group_name": "aurora-data",
              "enabled_cloudwatch_logs_exports": ["postgresql"], "snapshot_identifier": None, "global_cluster_identifier": None,
              "iam_database_authentication_enabled": True, "tags": {"plumbline:role": "primary-db"}},
       unknown={"arn": True, "id": True, "kms_key_id": True, "backup_retention_period": True, "availability_zones": True,
                "vpc_security_group_ids": True, "db_cluster_parameter_group_name": True, "tags_all": True},
       after_sensitive={"master_password": True, "tags_all": {}}),
] + [
    rc(f"module.db.aws_rds_cluster_instance.this[{i}]", "aws_rds_cluster_instance", "this", module="module.db", index=i,
       after={"identifier": f"aurora-main-{i}", "instance_class": "db.r6g.large", "engine": "aurora-postgresql",
              "promotion_tier": i, **({"availability_zone": "eu-west-1c"} if i == 2 else {})},
       unknown={"arn": True, "id": True, "cluster_identifier": True, "publicly_accessible": True,
                "db_subnet_group_name": True, **({} if i == 2 else {"availability_zone": True})})
    for i in range(3)
] + [
    rc("aws_rds_cluster_instance.extra", "aws_rds_cluster_instance", "extra",
       after={"identifier": "aurora-main-extra", "instance_class": "db.r6g.large", "engine": "aurora-postgresql",
              "publicly_accessible": True, "promotion_tier": None},
       unknown={"arn": True, "id": True, "cluster_identifier": True, "availability_zone": True, "db_subnet_group_name": True}),
    rc("aws_db_instance.legacy", "aws_db_instance", "legacy",
       after={"identifier": "legacy-mysql", "engine": "mysql", "instance_class": "db.t3.micro", "publicly_accessible": None,
              "storage_encrypted": False, "multi_az": True, "password": "legacy-Passw0rd"},
       unknown={"arn": True, "id": True, "availability_zone": True, "kms_key_id": True, "db_subnet_group_name": True},
       after_sensitive={"password": True}),
    rc("aws_elasticache_subnet_group.cache", "aws_elasticache_subnet_group", "cache", after={"name": "cache-data"},
       unknown={"id": True, "subnet_ids": True}),
    rc("aws_elasticache_replication_group.old", "aws_elasticache_replication_group", "old",
       after={"replication_group_id": "old-redis", "replication_group_description": "v3 names", "engine": "redis",
              "number_cache_clusters": None, "availability_zones": ["eu-west-1a", "eu-west-1b"], "at_rest_encryption_enabled": True,
              "transit_encryption_enabled": None, "automatic_failover_enabled": True, "snapshot_retention_limit": None,
              "cluster_mode": [{"num_node_groups": 3, "replicas_per_node_group": 1}], "subnet_group_name": "cache-data",
              "auth_token": "t0ken-secret-value"},
       unknown={"id": True, "arn": True, "multi_az_enabled": True, "security_group_ids": True, "kms_key_id": True},
       after_sensitive={"auth_token": True}),
    rc("aws_elasticache_replication_group.valkey", "aws_elasticache_replication_group", "valkey",
       after={"replication_group_id": "sessions", "description": "v5 names", "engine": "valkey", "num_cache_clusters": 3,
              "preferred_cache_cluster_azs": ["eu-west-1a", "eu-west-1b", "eu-west-1c"], "at_rest_encryption_enabled": "",
              "transit_encryption_enabled": True, "transit_encryption_mode": "required", "multi_az_enabled": True,
              "automatic_failover_enabled": True, "snapshot_retention_limit": 7, "cluster_mode": "disabled"},
       unknown={"id": True, "arn": True, "subnet_group_name": True, "security_group_ids": True, "kms_key_id": True}),
    rc("aws_elasticache_replication_group.mystery", "aws_elasticache_replication_group", "mystery",
       after={"replication_group_id": "mystery", "description": "engine unknown", "at_rest_encryption_enabled": ""},
       unknown={"id": True, "arn": True, "engine": True, "num_cache_clusters": True}),
    rc("aws_elasticache_serverless_cache.sessions", "aws_elasticache_serverless_cache", "sessions",
       after={"name": "sessions-serverless", "engine": "valkey", "kms_key_id": None, "snapshot_retention_limit": 3},
       unknown={"arn": True, "id": True, "security_group_ids": True}),
    rc("aws_s3_bucket.replica", "aws_s3_bucket", "replica", after={"bucket": "acme-replica-dr"},
       unknown={"arn": True, "id": True, "region": True}),
    rc("aws_cloudwatch_log_group.v6", "aws_cloudwatch_log_group", "v6",
       after={"name": "/app/v6", "region": "us-west-2", "retention_in_days": 365, "kms_key_id": None},
       unknown={"arn": True, "id": True}),
]

aurora_cfg = {
    "provider_config": {
        "aws": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "expressions": {"region": refs("var.region")}},
        "aws.dr": {"name": "aws", "full_name": "registry.terraform.io/hashicorp/aws", "alias": "dr",
                   "expressions": {"region": const("eu-central-1")}},
    },
    "root_module": {
        "resources": [
            cfg("aws_vpc", "main", {"cidr_block": const("10.0.0.0/16")}),
            cfg("aws_subnet", "data", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main"),
                                       "availability_zone": refs("data.aws_availability_zones.available.names", "data.aws_availability_zones.available", "count.index")},
                count=["var.azs"]),
            cfg("aws_kms_key", "db", {"description": const("aurora"), "deletion_window_in_days": const(7)}),
            cfg("aws_kms_alias", "db", {"name": const("alias/aurora"), "target_key_id": refs("aws_kms_key.db.key_id", "aws_kms_key.db")}),
            cfg("aws_rds_cluster_instance", "extra", {"cluster_identifier": refs("module.db.cluster_id", "module.db"),
                                                      "publicly_accessible": const(True)}),
            cfg("aws_db_instance", "legacy", {"identifier": const("legacy-mysql")}),
            cfg("aws_elasticache_subnet_group", "cache", {"subnet_ids": refs("aws_subnet.data")}),
            cfg("aws_elasticache_replication_group", "old", {"subnet_group_name": const("cache-data")}),
            cfg("aws_elasticache_replication_group", "valkey", {"subnet_group_name": refs("aws_elasticache_subnet_group.cache.name", "aws_elasticache_subnet_group.cache")}),
            cfg("aws_elasticache_replication_group", "mystery", {"engine": refs("var.engine")}),
            cfg("aws_elasticache_serverless_cache", "sessions", {"name": const("sessions-serverless")}),
            cfg("aws_s3_bucket", "replica", {"bucket": const("acme-replica-dr")}, provider="aws.dr"),
            cfg("aws_cloudwatch_log_group", "v6", {"name": const("/app/v6"), "region": const("us-west-2")}),
            cfg("aws_availability_zones", "available", {}, mode="data"),
        ],
        "module_calls": {
            "db": {
                "source": "./modules/aurora",
                "expressions": {"subnet_ids": refs("aws_subnet.data"), "kms_key_arn": refs("aws_kms_key.db.arn", "aws_kms_key.db"),
                                "name": const("aurora-main")},
                "module": {
                    "outputs": {"cluster_id": {"expression": refs("aws_rds_cluster.this.id", "aws_rds_cluster.this")}},
                    "resources": [
                        cfg("aws_db_subnet_group", "this", {"name": const("aurora-data"), "subnet_ids": refs("var.subnet_ids")}, provider="db:aws"),
                        cfg("aws_rds_cluster", "this", {"cluster_identifier": refs("var.name"), "kms_key_id": refs("var.kms_key_arn"),
                                                        "storage_encrypted": const(True),
                                                        "backup_retention_period": refs("var.backup_retention"),
                                                        "db_subnet_group_name": refs("aws_db_subnet_group.this.name", "aws_db_subnet_group.this")},
                            provider="db:aws"),
                        cfg("aws_rds_cluster_instance", "this", {"cluster_identifier": refs("aws_rds_cluster.this.id", "aws_rds_cluster.this")},
                            provider="db:aws", count=["var.instances"]),
                    ],
                    "variables": {"subnet_ids": {}, "kms_key_arn": {}, "name": {}, "backup_retention": {"default": None},
                                  "instances": {"default": 3}},
                },
            },
        },
        "variables": {"region": {"default": "eu-west-1"}, "azs": {"default": 3}, "engine": {}},
    },
}
write("aurora_module.json", plan(aurora_rc, aurora_cfg, variables={"region": "eu-west-1", "azs": 3, "engine": "redis"}))

# ---------------------------------------------------------------------------------------------------------------
# S3: inline vs split conflict and agreement, split resources joined through references, a delete, an orphan.
s3_rc = [
    rc("aws_s3_bucket.logs", "aws_s3_bucket", "logs",
       after={"bucket": "acme-logs", "versioning": [{"enabled": True, "mfa_delete": False}],
              "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
                  {"sse_algorithm": "AES256", "kms_master_key_id": ""}], "bucket_key_enabled": False}]}],
              "tags": {"plumbline:role": "logs"}},
       unknown={"arn": True, "id": True, "logging": True, "lifecycle_rule": True, "replication_configuration": True,
                "policy": True, "tags_all": True}),
    rc("aws_s3_bucket_versioning.logs", "aws_s3_bucket_versioning", "logs",
       after={"bucket": "acme-logs", "versioning_configuration": [{"status": "Suspended", "mfa_delete": None}]},
       unknown={"id": True}),
    rc("aws_s3_bucket_server_side_encryption_configuration.logs", "aws_s3_bucket_server_side_encryption_configuration", "logs",
       after={"bucket": "acme-logs", "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256",
                                                                                            "kms_master_key_id": None}],
                                               "bucket_key_enabled": False}]},
       unknown={"id": True}),
    rc("aws_s3_bucket.data", "aws_s3_bucket", "data", after={"bucket_prefix": "acme-data-", "force_destroy": False},
       unknown={"arn": True, "id": True, "bucket": True, "versioning": True, "server_side_encryption_configuration": True,
                "logging": True, "lifecycle_rule": True, "replication_configuration": True, "policy": True}),
    rc("aws_s3_bucket_public_access_block.data", "aws_s3_bucket_public_access_block", "data",
       after={"block_public_acls": True, "block_public_policy": True, "ignore_public_acls": True, "restrict_public_buckets": None},
       unknown={"bucket": True, "id": True}),
    rc("aws_s3_bucket_versioning.data", "aws_s3_bucket_versioning", "data",
       after={"versioning_configuration": [{"status": "Enabled"}]}, unknown={"bucket": True, "id": True}),
    rc("aws_s3_bucket_server_side_encryption_configuration.data", "aws_s3_bucket_server_side_encryption_configuration", "data",
       after={"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}], "bucket_key_enabled": True}]},
       unknown={"bucket": True, "id": True, "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": True}]}]}),
    rc("aws_s3_bucket_replication_configuration.data", "aws_s3_bucket_replication_configuration", "data",
       after={"rule": [{"id": "all", "status": "Enabled", "destination": [{"storage_class": "STANDARD_IA"}]}]},
       unknown={"bucket": True, "id": True, "role": True,
                "rule": [{"destination": [{"bucket": True}]}]}),
    rc("aws_s3_bucket_lifecycle_configuration.data", "aws_s3_bucket_lifecycle_configuration", "data",
       after={"rule": [{"id": "archive", "status": "Enabled", "transition": [{"days": 30, "storage_class": "GLACIER"}],
                        "expiration": [], "noncurrent_version_expiration": [{"noncurrent_days": 90}]}]},
       unknown={"bucket": True, "id": True}),
    rc("aws_s3_bucket_policy.data", "aws_s3_bucket_policy", "data",
       after={"policy": "{\"Version\":\"2012-10-17\",\"Statement\":[]}"}, unknown={"bucket": True, "id": True}),
    rc("aws_s3_bucket.replica", "aws_s3_bucket", "replica", after={"bucket": "acme-data-replica"},
       unknown={"arn": True, "id": True}),
    rc("aws_s3_bucket_logging.old", "aws_s3_bucket_logging", "old", actions=("delete",),
       before={"bucket": "acme-logs", "target_bucket": "acme-audit", "id": "acme-logs"}, after=None),
    rc("aws_s3_bucket_versioning.orphan", "aws_s3_bucket_versioning", "orphan",
       after={"bucket": "someone-elses-bucket", "versioning_configuration": [{"status": "Enabled"}]}, unknown={"id": True}),
]
s3_cfg = {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}}},
    "root_module": {"resources": [
        cfg("aws_s3_bucket", "logs", {"bucket": const("acme-logs"), "versioning": [{"enabled": const(True)}],
                                      "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [
                                          {"sse_algorithm": const("AES256")}]}]}]}),
        cfg("aws_s3_bucket_versioning", "logs", {"bucket": refs("aws_s3_bucket.logs.id", "aws_s3_bucket.logs"),
                                                 "versioning_configuration": [{"status": const("Suspended")}]}),
        cfg("aws_s3_bucket_server_side_encryption_configuration", "logs", {"bucket": refs("aws_s3_bucket.logs.id", "aws_s3_bucket.logs")}),
        cfg("aws_s3_bucket", "data", {"bucket_prefix": const("acme-data-")}),
        cfg("aws_s3_bucket_public_access_block", "data", {"bucket": refs("aws_s3_bucket.data.id", "aws_s3_bucket.data"),
                                                          "block_public_acls": const(True), "block_public_policy": const(True),
                                                          "ignore_public_acls": const(True)}),
        cfg("aws_s3_bucket_versioning", "data", {"bucket": refs("aws_s3_bucket.data.id", "aws_s3_bucket.data")}),
        cfg("aws_s3_bucket_server_side_encryption_configuration", "data", {
            "bucket": refs("aws_s3_bucket.data.bucket", "aws_s3_bucket.data"),
            "rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": refs("var.kms_key_arn"),
                                                                   "sse_algorithm": const("aws:kms")}]}]}),
        cfg("aws_s3_bucket_replication_configuration", "data", {
            "bucket": refs("aws_s3_bucket.data.id", "aws_s3_bucket.data"),
            "rule": [{"status": const("Enabled"), "destination": [{"bucket": refs("aws_s3_bucket.replica.arn", "aws_s3_bucket.replica")}]}]}),
        cfg("aws_s3_bucket_lifecycle_configuration", "data", {"bucket": refs("aws_s3_bucket.data.id", "aws_s3_bucket.data")}),
        cfg("aws_s3_bucket_policy", "data", {"bucket": refs("aws_s3_bucket.data.id", "aws_s3_bucket.data")}),
        cfg("aws_s3_bucket", "replica", {"bucket": const("acme-data-replica")}),
        cfg("aws_s3_bucket_versioning", "orphan", {"bucket": const("someone-elses-bucket")}),
    ], "variables": {"kms_key_arn": {}}},
}
write("s3_inline_split.json", plan(s3_rc, s3_cfg, variables={"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/abcd"}))

# ---------------------------------------------------------------------------------------------------------------
# Key and bucket policies, account-level Block Public Access: what the policy rules read.
OPEN_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
                                                                   "Action": "kms:Decrypt", "Resource": "*"}]})
policy_rc = [
    rc("aws_kms_key.defaulted", "aws_kms_key", "defaulted", after={"enable_key_rotation": True},
       unknown={"arn": True, "id": True, "key_id": True, "policy": True}),
    rc("aws_kms_key.existing", "aws_kms_key", "existing", actions=("no-op",),
       before={"enable_key_rotation": True, "key_id": "k-1", "policy": OPEN_POLICY},
       after={"enable_key_rotation": True, "key_id": "k-1", "policy": OPEN_POLICY}),
    rc("aws_kms_key.separate", "aws_kms_key", "separate", after={"enable_key_rotation": True},
       unknown={"arn": True, "id": True, "key_id": True, "policy": True}),
    rc("aws_kms_key_policy.separate", "aws_kms_key_policy", "separate", after={"policy": OPEN_POLICY},
       unknown={"id": True, "key_id": True}),
    rc("aws_kms_key.both", "aws_kms_key", "both",
       after={"enable_key_rotation": True, "policy": OPEN_POLICY.replace("kms:Decrypt", "kms:*")},
       unknown={"arn": True, "id": True, "key_id": True}),
    rc("aws_kms_key_policy.both", "aws_kms_key_policy", "both", after={"policy": OPEN_POLICY},
       unknown={"id": True, "key_id": True}),
    rc("aws_s3_account_public_access_block.this", "aws_s3_account_public_access_block", "this",
       after={"block_public_acls": True, "block_public_policy": True, "ignore_public_acls": None,
              "restrict_public_buckets": False}, unknown={"account_id": True, "id": True}),
    rc("aws_s3_bucket.fresh", "aws_s3_bucket", "fresh", after={"bucket": "acme-fresh"}, unknown={"arn": True, "id": True}),
    rc("aws_s3_bucket.old", "aws_s3_bucket", "old", actions=("no-op",), before={"bucket": "acme-old", "id": "acme-old"},
       after={"bucket": "acme-old", "id": "acme-old"}),
]
policy_cfg = {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}}},
    "root_module": {"resources": [
        cfg("aws_kms_key", "defaulted", {"enable_key_rotation": const(True)}),
        cfg("aws_kms_key", "existing", {"enable_key_rotation": const(True)}),
        cfg("aws_kms_key", "separate", {"enable_key_rotation": const(True)}),
        cfg("aws_kms_key_policy", "separate", {"key_id": refs("aws_kms_key.separate.id", "aws_kms_key.separate"),
                                               "policy": const(OPEN_POLICY)}),
        cfg("aws_kms_key", "both", {"enable_key_rotation": const(True), "policy": const("...")}),
        cfg("aws_kms_key_policy", "both", {"key_id": refs("aws_kms_key.both.id", "aws_kms_key.both"),
                                           "policy": const(OPEN_POLICY)}),
        cfg("aws_s3_account_public_access_block", "this", {"block_public_acls": const(True),
                                                           "block_public_policy": const(True),
                                                           "restrict_public_buckets": const(False)}),
        cfg("aws_s3_bucket", "fresh", {"bucket": const("acme-fresh")}),
        cfg("aws_s3_bucket", "old", {"bucket": const("acme-old")}),
    ]},
}
write("policies.json", plan(policy_rc, policy_cfg))

# ---------------------------------------------------------------------------------------------------------------
# Network: SG rules of every style, NACLs, routes, IGW attachment, ALB with listeners, a replacement, a delete,
# a sensitive tag, a rule that cannot be attached.
SGR = {"description": "", "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": False}
net_rc = [
    rc("aws_vpc.main", "aws_vpc", "main", after={"cidr_block": "10.0.0.0/16", "tags": {"Name": "main"}},
       unknown={"id": True, "arn": True, "ipv6_cidr_block": True, "default_security_group_id": True}),
    rc("aws_subnet.public[0]", "aws_subnet", "public", index=0,
       after={"availability_zone": "eu-west-1a", "cidr_block": "10.0.0.0/24", "map_public_ip_on_launch": True},
       unknown={"id": True, "arn": True, "vpc_id": True}),
    rc("aws_subnet.public[1]", "aws_subnet", "public", index=1,
       after={"availability_zone": "eu-west-1b", "cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": True},
       unknown={"id": True, "arn": True, "vpc_id": True}),
    rc("aws_security_group.alb", "aws_security_group", "alb",
       after={"name": "alb", "description": "alb", "ingress": [], "egress": [], "tags": None},
       unknown={"id": True, "arn": True, "vpc_id": True}),
    rc("aws_security_group.app", "aws_security_group", "app",
       after={"name": "app", "description": "app tier",
              "ingress": [
                  dict(SGR, cidr_blocks=["10.0.0.0/24", "10.0.1.0/24"], ipv6_cidr_blocks=["2001:db8::/64"], from_port=8080,
                       to_port=8080, protocol="6", self=True),
                  dict(SGR, cidr_blocks=[], from_port=8443, to_port=8443, protocol="tcp", security_groups=[None]),
              ],
              "egress": [dict(SGR, cidr_blocks=["0.0.0.0/0"], from_port=0, to_port=0, protocol="-1")]},
       unknown={"id": True, "arn": True, "vpc_id": True,
                "ingress": [{"cidr_blocks": [False, False], "ipv6_cidr_blocks": [False], "prefix_list_ids": [], "security_groups": []},
                            {"cidr_blocks": [], "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [True]}]}),
    rc("aws_security_group.db", "aws_security_group", "db", after={"name": "db", "description": "db"},
       unknown={"id": True, "arn": True, "vpc_id": True, "ingress": True, "egress": True}),
    rc("aws_vpc_security_group_ingress_rule.https", "aws_vpc_security_group_ingress_rule", "https",
       after={"cidr_ipv4": "0.0.0.0/0", "cidr_ipv6": None, "from_port": 443, "to_port": 443, "ip_protocol": "tcp",
              "description": "https", "prefix_list_id": None, "referenced_security_group_id": None},
       unknown={"arn": True, "id": True, "security_group_id": True, "security_group_rule_id": True}),
    rc("aws_vpc_security_group_egress_rule.to_app", "aws_vpc_security_group_egress_rule", "to_app",
       after={"cidr_ipv4": None, "cidr_ipv6": None, "from_port": None, "to_port": None, "ip_protocol": "-1",
              "prefix_list_id": None},
       unknown={"arn": True, "id": True, "security_group_id": True, "referenced_security_group_id": True}),
    rc("aws_security_group_rule.db_from_app", "aws_security_group_rule", "db_from_app",
       after={"type": "ingress", "from_port": 5432, "to_port": 5432, "protocol": "tcp", "cidr_blocks": None,
              "ipv6_cidr_blocks": None, "prefix_list_ids": None, "self": False, "description": "app"},
       unknown={"id": True, "security_group_id": True, "source_security_group_id": True}),
    rc("aws_security_group_rule.lost", "aws_security_group_rule", "lost",
       after={"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"], "self": False},
       unknown={"id": True, "security_group_id": True, "source_security_group_id": True}),
    rc("aws_default_security_group.default", "aws_default_security_group", "default",
       after={"ingress": [], "egress": [], "revoke_rules_on_delete": False}, unknown={"id": True, "vpc_id": True, "name": True}),
    rc("aws_internet_gateway.igw", "aws_internet_gateway", "igw", after={"tags": None}, unknown={"id": True, "vpc_id": True, "arn": True}),
    rc("aws_internet_gateway_attachment.igw", "aws_internet_gateway_attachment", "igw", after={},
       unknown={"id": True, "internet_gateway_id": True, "vpc_id": True}),
    rc("aws_route_table.public", "aws_route_table", "public", after={"tags": None, "route": [
        {"cidr_block": "0.0.0.0/0", "ipv6_cidr_block": None, "destination_prefix_list_id": None, "nat_gateway_id": None,
         "transit_gateway_id": None, "vpc_peering_connection_id": None, "network_interface_id": None,
         "egress_only_gateway_id": None, "vpc_endpoint_id": None}]},
       unknown={"id": True, "vpc_id": True, "route": [{"gateway_id": True}]}),
    rc("aws_main_route_table_association.main", "aws_main_route_table_association", "main", after={},
       unknown={"id": True, "route_table_id": True, "vpc_id": True, "original_route_table_id": True}),
    rc("aws_network_acl.public", "aws_network_acl", "public",
       after={"ingress": [{"rule_no": 100, "action": "allow", "protocol": "6", "cidr_block": "0.0.0.0/0", "ipv6_cidr_block": "",
                           "from_port": 443, "to_port": 443, "icmp_code": 0, "icmp_type": 0}],
              "egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "ipv6_cidr_block": "",
                          "from_port": 0, "to_port": 0, "icmp_code": 0, "icmp_type": 0}]},
       unknown={"id": True, "vpc_id": True, "subnet_ids": True, "arn": True}),
    rc("aws_network_acl_rule.ssh_deny", "aws_network_acl_rule", "ssh_deny",
       after={"rule_number": 90, "egress": False, "protocol": "tcp", "rule_action": "deny", "cidr_block": "0.0.0.0/0",
              "from_port": 22, "to_port": 22},
       unknown={"id": True, "network_acl_id": True}),
    rc("aws_network_acl_association.public[0]", "aws_network_acl_association", "public", index=0, after={},
       unknown={"id": True, "network_acl_id": True, "subnet_id": True}),
    rc("aws_lb.web", "aws_lb", "web",
       after={"name": "web", "internal": False, "load_balancer_type": "application", "drop_invalid_header_fields": True,
              "enable_deletion_protection": True, "access_logs": [{"bucket": "acme-logs", "enabled": True, "prefix": "alb"}],
              "subnet_mapping": [{"allocation_id": None}, {"allocation_id": None}]},
       unknown={"arn": True, "id": True, "dns_name": True, "security_groups": True, "subnets": True,
                "subnet_mapping": [{"subnet_id": True}, {"subnet_id": True}]}),
    rc("aws_lb_listener.https", "aws_lb_listener", "https",
       after={"port": 443, "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
              "certificate_arn": "arn:aws:acm:eu-west-1:111122223333:certificate/abc",
              "default_action": [{"type": "forward", "redirect": []}]},
       unknown={"arn": True, "id": True, "load_balancer_arn": True, "default_action": [{"target_group_arn": True}]}),
    rc("aws_alb_listener.http", "aws_alb_listener", "http",
       after={"port": 80, "protocol": "HTTP", "ssl_policy": None, "certificate_arn": None,
              "default_action": [{"type": "redirect", "target_group_arn": None,
                                  "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]},
       unknown={"arn": True, "id": True, "load_balancer_arn": True}),
    rc("aws_lb_target_group.app", "aws_lb_target_group", "app", after={"port": 8080, "protocol": "HTTP"},
       unknown={"arn": True, "id": True}),
    rc("aws_instance.bastion", "aws_instance", "bastion", actions=("delete", "create"),
       before={"id": "i-0123456789abcdef0", "subnet_id": "subnet-0aaa", "vpc_security_group_ids": ["sg-0bbb"],
               "tags": {"Owner": "alice@example.com"}},
       after={"ami": "ami-123", "instance_type": "t3.micro", "associate_public_ip_address": True,
              "tags": {"Name": "bastion", "Owner": "alice@example.com"}},
       unknown={"id": True, "arn": True, "subnet_id": True, "vpc_security_group_ids": True, "availability_zone": True},
       after_sensitive={"tags": {"Owner": True}}, before_sensitive={"tags": {"Owner": True}}),
    rc("aws_nat_gateway.old", "aws_nat_gateway", "old", actions=("delete",),
       before={"id": "nat-0old", "subnet_id": "subnet-0aaa", "connectivity_type": "public", "tags": {"Name": "old"}}),
]
SGC = {"from_port": const(8080), "to_port": const(8080), "protocol": const("6")}
net_cfg = {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}}},
    "root_module": {"resources": [
        cfg("aws_vpc", "main", {"cidr_block": const("10.0.0.0/16")}),
        cfg("aws_subnet", "public", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}, count=["var.azs"]),
        cfg("aws_security_group", "alb", {"name": const("alb"), "vpc_id": refs("aws_vpc.main.id", "aws_vpc.main"),
                                          "ingress": const([]), "egress": const([])}),
        cfg("aws_security_group", "app", {"name": const("app"), "vpc_id": refs("aws_vpc.main.id", "aws_vpc.main"),
                                          "ingress": [dict(SGC, cidr_blocks=refs("aws_subnet.public"), self=const(True)),
                                                      {"from_port": const(8443), "to_port": const(8443), "protocol": const("tcp"),
                                                       "security_groups": refs("aws_security_group.alb.id", "aws_security_group.alb")}],
                                          "egress": [{"from_port": const(0), "protocol": const("-1"), "cidr_blocks": const(["0.0.0.0/0"])}]}),
        cfg("aws_security_group", "db", {"name": const("db"), "vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}),
        cfg("aws_vpc_security_group_ingress_rule", "https", {"security_group_id": refs("aws_security_group.alb.id", "aws_security_group.alb"),
                                                             "cidr_ipv4": const("0.0.0.0/0")}),
        cfg("aws_vpc_security_group_egress_rule", "to_app", {"security_group_id": refs("aws_security_group.alb.id", "aws_security_group.alb"),
                                                             "referenced_security_group_id": refs("aws_security_group.app.id", "aws_security_group.app")}),
        cfg("aws_security_group_rule", "db_from_app", {"security_group_id": refs("aws_security_group.db.id", "aws_security_group.db"),
                                                       "source_security_group_id": refs("aws_security_group.app.id", "aws_security_group.app")}),
        cfg("aws_security_group_rule", "lost", {"security_group_id": refs("local.sg_id")}),
        cfg("aws_default_security_group", "default", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}),
        cfg("aws_internet_gateway", "igw", {}),
        cfg("aws_internet_gateway_attachment", "igw", {"internet_gateway_id": refs("aws_internet_gateway.igw.id", "aws_internet_gateway.igw"),
                                                       "vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}),
        cfg("aws_route_table", "public", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main"),
                                          "route": [{"cidr_block": const("0.0.0.0/0"),
                                                     "gateway_id": refs("aws_internet_gateway.igw.id", "aws_internet_gateway.igw")}]}),
        cfg("aws_main_route_table_association", "main", {"route_table_id": refs("aws_route_table.public.id", "aws_route_table.public"),
                                                         "vpc_id": refs("aws_vpc.main.id", "aws_vpc.main")}),
        cfg("aws_network_acl", "public", {"vpc_id": refs("aws_vpc.main.id", "aws_vpc.main"), "subnet_ids": refs("aws_subnet.public")}),
        cfg("aws_network_acl_rule", "ssh_deny", {"network_acl_id": refs("aws_network_acl.public.id", "aws_network_acl.public")}),
        cfg("aws_network_acl_association", "public", {"network_acl_id": refs("aws_network_acl.public.id", "aws_network_acl.public"),
                                                      "subnet_id": refs("aws_subnet.public", "count.index")}, count=["var.azs"]),
        cfg("aws_lb", "web", {"name": const("web"), "subnet_mapping": [{"subnet_id": refs("aws_subnet.public[0].id", "aws_subnet.public[0]", "aws_subnet.public")},
                                                                       {"subnet_id": refs("aws_subnet.public[1].id", "aws_subnet.public[1]", "aws_subnet.public")}],
                              "security_groups": refs("aws_security_group.alb.id", "aws_security_group.alb")}),
        cfg("aws_lb_listener", "https", {"load_balancer_arn": refs("aws_lb.web.arn", "aws_lb.web"),
                                         "default_action": [{"type": const("forward"),
                                                             "target_group_arn": refs("aws_lb_target_group.app.arn", "aws_lb_target_group.app")}]}),
        cfg("aws_alb_listener", "http", {"load_balancer_arn": refs("aws_lb.web.arn", "aws_lb.web")}),
        cfg("aws_lb_target_group", "app", {}),
        cfg("aws_instance", "bastion", {"subnet_id": refs("aws_subnet.public[0].id", "aws_subnet.public[0]", "aws_subnet.public"),
                                        "vpc_security_group_ids": refs("aws_security_group.app.id", "aws_security_group.app")}),
    ], "variables": {"azs": {"default": 2}}},
}
net_extra = {"prior_state": {"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {"resources": [
    {"address": "aws_nat_gateway.old", "mode": "managed", "type": "aws_nat_gateway", "name": "old",
     "provider_name": "registry.terraform.io/hashicorp/aws", "schema_version": 0,
     "values": {"id": "nat-0old", "subnet_id": "subnet-0aaa", "connectivity_type": "public"}, "sensitive_values": {}}]}}}}
write("network_rules.json", plan(net_rc, net_cfg, variables={"azs": 2}, extra=net_extra))

# ---------------------------------------------------------------------------------------------------------------
# Compute: EKS through a VPC module's outputs, node groups by for_each, launch templates, ASG, EBS, secrets, ECR,
# CloudFront, WAF, health check, backup.
comp_rc = [
    rc(f'module.vpc.aws_subnet.private[{i}]', "aws_subnet", "private", module="module.vpc", index=i,
       after={"availability_zone": f"eu-west-1{'abc'[i]}", "cidr_block": f"10.0.{10 + i}.0/24", "map_public_ip_on_launch": False},
       unknown={"id": True, "arn": True, "vpc_id": True})
    for i in range(3)
] + [
    rc("module.vpc.aws_vpc.this", "aws_vpc", "this", module="module.vpc", after={"cidr_block": "10.0.0.0/16"},
       unknown={"id": True, "arn": True}),
    rc("aws_kms_key.eks", "aws_kms_key", "eks", after={"enable_key_rotation": True, "rotation_period_in_days": 180,
                                                       "is_enabled": True, "multi_region": False},
       unknown={"arn": True, "id": True, "key_id": True, "policy": True}),
    rc("aws_eks_cluster.main", "aws_eks_cluster", "main",
       after={"name": "platform", "version": "1.31", "enabled_cluster_log_types": ["api", "audit", "authenticator"],
              "vpc_config": [{"endpoint_private_access": True, "endpoint_public_access": False, "security_group_ids": None}],
              "encryption_config": [{"resources": ["secrets"], "provider": [{}]}]},
       unknown={"arn": True, "id": True, "vpc_config": [{"subnet_ids": True, "public_access_cidrs": True, "vpc_id": True,
                                                          "cluster_security_group_id": True}],
                "encryption_config": [{"provider": [{"key_arn": True}], "resources": [False]}]}),
] + [
    rc(f'aws_eks_node_group.critical["{az}"]', "aws_eks_node_group", "critical", index=az,
       after={"node_group_name": f"critical-{az}", "cluster_name": "platform", "capacity_type": None,
              "labels": {"plumbline.io/criticality": "critical"}, "instance_types": ["m6i.large"],
              "scaling_config": [{"min_size": 1, "desired_size": 1, "max_size": 3}], "remote_access": [],
              "launch_template": [{"version": "1"}]},
       unknown={"arn": True, "id": True, "subnet_ids": True, "launch_template": [{"id": True, "name": True}]})
    for az in ("a", "b", "c")
] + [
    rc("aws_eks_node_group.spot", "aws_eks_node_group", "spot",
       after={"node_group_name": "spot", "cluster_name": "platform", "capacity_type": "SPOT", "labels": None,
              "scaling_config": [{"min_size": 0, "desired_size": 2, "max_size": 10}],
              "remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": None}], "launch_template": []},
       unknown={"arn": True, "id": True, "subnet_ids": True, "instance_types": True}),
    rc("aws_launch_template.nodes", "aws_launch_template", "nodes",
       after={"name": "nodes", "vpc_security_group_ids": None,
              "block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true", "volume_size": 50}]},
                                        {"device_name": "/dev/xvdb", "ebs": [{"encrypted": "", "kms_key_id": None}]}],
              "network_interfaces": [{"security_groups": ["sg-0nodes"], "associate_public_ip_address": "false"}],
              "metadata_options": [{"http_tokens": "required", "http_put_response_hop_limit": 1}]},
       unknown={"arn": True, "id": True, "latest_version": True,
                "block_device_mappings": [{"ebs": [{"kms_key_id": True}]}, {"ebs": [{}]}]}),
    rc("aws_autoscaling_group.workers", "aws_autoscaling_group", "workers",
       after={"name": "workers", "min_size": 3, "max_size": 6, "desired_capacity": 3, "launch_template": [],
              "mixed_instances_policy": [{"launch_template": [{"launch_template_specification": [{"version": "$Latest"}]}]}],
              "tag": [{"key": "plumbline:tier", "value": "app", "propagate_at_launch": True}]},
       unknown={"arn": True, "id": True, "vpc_zone_identifier": True, "availability_zones": True,
                "mixed_instances_policy": [{"launch_template": [{"launch_template_specification": [
                    {"launch_template_id": True, "launch_template_name": True}]}]}]}),
    rc("aws_ebs_volume.data", "aws_ebs_volume", "data", after={"availability_zone": "eu-west-1a", "size": 100, "encrypted": True},
       unknown={"arn": True, "id": True, "kms_key_id": True}),
    rc("aws_secretsmanager_secret.db", "aws_secretsmanager_secret", "db", after={"name": "db-credentials",
                                                                               "replica": [{"region": "eu-central-1", "kms_key_id": None}]},
       unknown={"arn": True, "id": True, "kms_key_id": True}),
    rc("aws_secretsmanager_secret_version.db", "aws_secretsmanager_secret_version", "db",
       after={"secret_string": "{\"password\":\"Sup3r-Secret\"}"}, unknown={"arn": True, "id": True, "secret_id": True},
       after_sensitive={"secret_string": True}),
    rc("aws_secretsmanager_secret_rotation.db", "aws_secretsmanager_secret_rotation", "db",
       after={"rotation_rules": [{"automatically_after_days": 30}]},
       unknown={"id": True, "secret_id": True, "rotation_lambda_arn": True, "rotation_enabled": True}),
    rc("aws_secretsmanager_secret.api", "aws_secretsmanager_secret", "api", after={"name": "api-key", "kms_key_id": None, "replica": []},
       unknown={"arn": True, "id": True}),
    rc("aws_ecr_repository.app", "aws_ecr_repository", "app",
       after={"name": "app", "image_tag_mutability": "IMMUTABLE", "image_scanning_configuration": [{"scan_on_push": True}],
              "encryption_configuration": [{"encryption_type": "KMS"}]},
       unknown={"arn": True, "id": True, "repository_url": True, "encryption_configuration": [{"kms_key": True}]}),
    rc("aws_wafv2_web_acl.edge", "aws_wafv2_web_acl", "edge",
       after={"name": "edge", "scope": "CLOUDFRONT", "default_action": [{"allow": [{}], "block": []}],
              "rule": [
                  {"name": "common", "priority": 1, "override_action": [{"none": [{}], "count": []}],
                   "statement": [{"managed_rule_group_statement": [{"name": "AWSManagedRulesCommonRuleSet", "vendor_name": "AWS"}]}]},
                  {"name": "bad-inputs", "priority": 2, "override_action": [{"none": [], "count": [{}]}],
                   "statement": [{"managed_rule_group_statement": [{"name": "AWSManagedRulesKnownBadInputsRuleSet", "vendor_name": "AWS"}]}]},
              ]},
       unknown={"arn": True, "id": True}),
    rc("aws_cloudfront_distribution.site", "aws_cloudfront_distribution", "site",
       after={"enabled": True, "default_cache_behavior": [{"viewer_protocol_policy": "redirect-to-https"}],
              "ordered_cache_behavior": [{"viewer_protocol_policy": "https-only"}, {"viewer_protocol_policy": "allow-all"}],
              "viewer_certificate": [{"minimum_protocol_version": "TLSv1.2_2021", "cloudfront_default_certificate": False}],
              "logging_config": [], "origin": [{"domain_name": "alb.example.com", "origin_id": "alb"}]},
       unknown={"arn": True, "id": True, "web_acl_id": True}),
    rc("aws_route53_health_check.site", "aws_route53_health_check", "site",
       after={"type": "HTTPS", "fqdn": "www.example.com", "port": 443, "resource_path": "/health", "failure_threshold": 3},
       unknown={"id": True, "arn": True}),
    rc("aws_backup_plan.daily", "aws_backup_plan", "daily",
       after={"name": "daily", "rule": [{"rule_name": "daily", "target_vault_name": "main", "schedule": "cron(0 3 * * ? *)",
                                        "lifecycle": [{"delete_after": 35}],
                                        "copy_action": [{"destination_vault_arn": "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"}]}]},
       unknown={"arn": True, "id": True, "version": True}),
    rc("aws_backup_selection.aurora", "aws_backup_selection", "aurora",
       after={"name": "aurora", "iam_role_arn": "arn:aws:iam::111122223333:role/backup",
              "resources": ["arn:aws:rds:eu-west-1:111122223333:cluster:aurora-main"], "selection_tag": [],
              "condition": [{"string_equals": [], "string_like": [], "string_not_equals": [], "string_not_like": []}]},
       unknown={"id": True, "plan_id": True}),
    rc("aws_backup_plan.orphan", "aws_backup_plan", "orphan",
       after={"name": "orphan", "rule": [{"rule_name": "weekly", "target_vault_name": "main", "schedule": "cron(0 3 ? * 1 *)",
                                         "lifecycle": [], "copy_action": []}]},
       unknown={"arn": True, "id": True}),
]
comp_cfg = {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}},
                        "module.vpc:aws": {"name": "aws", "module_address": "module.vpc"}},
    "root_module": {
        "resources": [
            cfg("aws_kms_key", "eks", {"enable_key_rotation": const(True)}),
            cfg("aws_eks_cluster", "main", {"name": const("platform"),
                                            "vpc_config": [{"subnet_ids": refs("module.vpc.private_subnets", "module.vpc"),
                                                            "endpoint_public_access": const(False)}],
                                            "encryption_config": [{"resources": const(["secrets"]),
                                                                   "provider": [{"key_arn": refs("aws_kms_key.eks.arn", "aws_kms_key.eks")}]}]}),
            cfg("aws_eks_node_group", "critical", {"cluster_name": refs("aws_eks_cluster.main.name", "aws_eks_cluster.main"),
                                                   "subnet_ids": refs("module.vpc.private_subnets_by_az", "module.vpc", "each.key"),
                                                   "launch_template": [{"id": refs("aws_launch_template.nodes.id", "aws_launch_template.nodes"),
                                                                        "version": const("1")}]},
                for_each=["var.azs"]),
            cfg("aws_eks_node_group", "spot", {"cluster_name": refs("aws_eks_cluster.main.name", "aws_eks_cluster.main"),
                                               "subnet_ids": refs("module.vpc.private_subnets", "module.vpc"),
                                               "capacity_type": const("SPOT"),
                                               "remote_access": [{"ec2_ssh_key": const("ops")}]}),
            cfg("aws_launch_template", "nodes", {"name": const("nodes")}),
            cfg("aws_autoscaling_group", "workers", {
                "vpc_zone_identifier": refs("module.vpc.private_subnets", "module.vpc"),
                "mixed_instances_policy": [{"launch_template": [{"launch_template_specification": [
                    {"launch_template_id": refs("aws_launch_template.nodes.id", "aws_launch_template.nodes")}]}]}]}),
            cfg("aws_ebs_volume", "data", {"encrypted": const(True)}),
            cfg("aws_secretsmanager_secret", "db", {"kms_key_id": refs("aws_kms_key.eks.arn", "aws_kms_key.eks")}),
            cfg("aws_secretsmanager_secret_version", "db", {"secret_id": refs("aws_secretsmanager_secret.db.id", "aws_secretsmanager_secret.db")}),
            cfg("aws_secretsmanager_secret_rotation", "db", {"secret_id": refs("aws_secretsmanager_secret.db.id", "aws_secretsmanager_secret.db")}),
            cfg("aws_secretsmanager_secret", "api", {"name": const("api-key")}),
            cfg("aws_ecr_repository", "app", {"encryption_configuration": [{"encryption_type": const("KMS"),
                                                                            "kms_key": refs("aws_kms_key.eks.arn", "aws_kms_key.eks")}]}),
            cfg("aws_wafv2_web_acl", "edge", {"name": const("edge")}),
            cfg("aws_cloudfront_distribution", "site", {"web_acl_id": refs("aws_wafv2_web_acl.edge.arn", "aws_wafv2_web_acl.edge")}),
            cfg("aws_route53_health_check", "site", {}),
            cfg("aws_backup_plan", "daily", {"name": const("daily")}),
            cfg("aws_backup_selection", "aurora", {"plan_id": refs("aws_backup_plan.daily.id", "aws_backup_plan.daily")}),
            cfg("aws_backup_plan", "orphan", {"name": const("orphan")}),
        ],
        "module_calls": {"vpc": {"source": "./modules/vpc", "expressions": {"cidr": const("10.0.0.0/16")}, "module": {
            "outputs": {"private_subnets": {"expression": refs("aws_subnet.private")},
                        "private_subnets_by_az": {"expression": refs("aws_subnet.private")}},
            "resources": [cfg("aws_vpc", "this", {"cidr_block": refs("var.cidr")}, provider="vpc:aws"),
                          cfg("aws_subnet", "private", {"vpc_id": refs("aws_vpc.this.id", "aws_vpc.this")}, provider="vpc:aws",
                              count=["var.azs"])],
            "variables": {"cidr": {}, "azs": {"default": 3}}}}},
        "variables": {"azs": {"default": ["a", "b", "c"]}},
    },
}
write("compute_services.json", plan(comp_rc, comp_cfg, variables={"azs": ["a", "b", "c"]}))

# ---------------------------------------------------------------------------------------------------------------
# Disaster recovery: an Aurora global database across two providers, an AWS Backup plan selecting the primary by tag
# and copying to a vault in the secondary region, a locked vault.
SECONDARY_TF = "aws.secondary"
dr_rc = [
    rc("aws_rds_global_cluster.orders", "aws_rds_global_cluster", "orders",
       after={"global_cluster_identifier": "orders-global", "engine": "aurora-postgresql", "storage_encrypted": True},
       unknown={"id": True, "arn": True}),
    rc("aws_rds_cluster.primary", "aws_rds_cluster", "primary",
       after={"cluster_identifier": "orders", "engine": "aurora-postgresql", "tags": {"backup": "daily"},
              "tags_all": {"backup": "daily"}},
       unknown={"global_cluster_identifier": True, "id": True, "arn": True}),
    rc("aws_rds_cluster.secondary", "aws_rds_cluster", "secondary",
       after={"cluster_identifier": "orders-dr", "engine": "aurora-postgresql", "tags": {}, "tags_all": {}},
       unknown={"global_cluster_identifier": True, "id": True, "arn": True}),
    rc("aws_backup_vault.v", "aws_backup_vault", "v", after={"name": "v"},
       unknown={"kms_key_arn": True, "arn": True, "id": True}),
    rc("aws_backup_vault_lock_configuration.v", "aws_backup_vault_lock_configuration", "v",
       after={"backup_vault_name": "v", "min_retention_days": 7, "max_retention_days": None, "changeable_for_days": 3},
       unknown={"id": True, "backup_vault_arn": True}),
    rc("aws_backup_vault.dr", "aws_backup_vault", "dr", after={"name": "dr"},
       unknown={"kms_key_arn": True, "arn": True, "id": True}),
    rc("aws_backup_plan.p", "aws_backup_plan", "p",
       after={"name": "p", "rule": [{"rule_name": "daily", "target_vault_name": "v", "schedule": "cron(0 3 * * ? *)",
                                     "lifecycle": [{"delete_after": 35}],
                                     "copy_action": [{"lifecycle": []}]}]},
       unknown={"id": True, "arn": True, "rule": [{"copy_action": [{"destination_vault_arn": True}]}]}),
    rc("aws_backup_selection.s", "aws_backup_selection", "s",
       after={"name": "s", "iam_role_arn": "arn:aws:iam::111122223333:role/backup", "resources": [],
              "selection_tag": [{"type": "STRINGEQUALS", "key": "backup", "value": "daily"}], "condition": []},
       unknown={"id": True, "plan_id": True}),
]
dr_cfg = {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}},
                        SECONDARY_TF: {"name": "aws", "alias": "secondary",
                                       "expressions": {"region": const("us-west-2")}}},
    "root_module": {"resources": [
        cfg("aws_rds_global_cluster", "orders", {"global_cluster_identifier": const("orders-global")}),
        cfg("aws_rds_cluster", "primary",
            {"global_cluster_identifier": refs("aws_rds_global_cluster.orders.id", "aws_rds_global_cluster.orders")}),
        cfg("aws_rds_cluster", "secondary",
            {"global_cluster_identifier": refs("aws_rds_global_cluster.orders.id", "aws_rds_global_cluster.orders")},
            provider=SECONDARY_TF),
        cfg("aws_backup_vault", "v", {"name": const("v")}),
        cfg("aws_backup_vault_lock_configuration", "v",
            {"backup_vault_name": refs("aws_backup_vault.v.name", "aws_backup_vault.v")}),
        cfg("aws_backup_vault", "dr", {"name": const("dr")}, provider=SECONDARY_TF),
        cfg("aws_backup_plan", "p", {"rule": [{"copy_action": [{"destination_vault_arn": refs(
            "aws_backup_vault.dr.arn", "aws_backup_vault.dr")}]}]}),
        cfg("aws_backup_selection", "s", {"plan_id": refs("aws_backup_plan.p.id", "aws_backup_plan.p")}),
    ]},
}
write("dr_services.json", plan(dr_rc, dr_cfg))

# ---------------------------------------------------------------------------------------------------------------
# No resource_changes: planned_values (with a child module) and prior_state.
planned = {"format_version": "0.1", "terraform_version": "0.12.31",
           "planned_values": {"root_module": {
               "resources": [
                   {"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k",
                    "provider_name": "aws", "schema_version": 0,
                    "values": {"enable_key_rotation": True, "is_enabled": True, "deletion_window_in_days": 30, "id": "key-1"}},
                   {"address": "data.aws_caller_identity.me", "mode": "data", "type": "aws_caller_identity", "name": "me",
                    "provider_name": "aws", "schema_version": 0, "values": {"account_id": "111122223333"}},
               ],
               "child_modules": [{"address": "module.logs", "resources": [
                   {"address": "module.logs.aws_cloudwatch_log_group.this", "mode": "managed", "type": "aws_cloudwatch_log_group",
                    "name": "this", "provider_name": "aws", "schema_version": 0,
                    "values": {"name": "/app", "retention_in_days": 0, "kms_key_id": None}},
                   {"address": "module.logs.aws_kms_alias.this", "mode": "managed", "type": "aws_kms_alias",
                    "name": "this", "provider_name": "aws", "schema_version": 0,
                    "values": {"name": "alias/logs", "target_key_id": "key-1"}}]}]}},
           "prior_state": {"format_version": "0.1", "values": {"root_module": {"resources": [
               {"address": "aws_kms_key.k", "mode": "managed", "type": "aws_kms_key", "name": "k", "provider_name": "aws",
                "schema_version": 0, "values": {"id": "key-1", "arn": "arn:aws:kms:eu-west-1:111122223333:key/key-1",
                                                "enable_key_rotation": True}}]}}},
           "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {"region": const("eu-west-1")}}},
                             "root_module": {"resources": [cfg("aws_kms_key", "k", {})],
                                             "module_calls": {"logs": {"source": "./logs", "module": {"resources": [
                                                 cfg("aws_cloudwatch_log_group", "this", {}, provider="logs:aws"),
                                                 cfg("aws_kms_alias", "this", {}, provider="logs:aws")]}}}}}}
write("planned_values_only.json", planned)

# Broken structure.
write("bad_resource_changes_not_array.json",
      {"format_version": "1.2", "terraform_version": "1.9.5", "resource_changes": {"address": "aws_vpc.main"},
       "configuration": {"root_module": {}}})
bad = plan([rc("aws_vpc.main", "aws_vpc", "main", after={"cidr_block": "10.0.0.0/16"})], {"root_module": {}})
del bad["resource_changes"][0]["type"]
write("bad_change_without_type.json", bad)
