"""Terraform plan JSON machinery: schemas of the AWS provider v5 resources the reference uses, and the algorithms
Terraform 1.9 uses to turn planned values into `after`, `after_unknown` and `after_sensitive`.

Standard library only. Imported by generate.py.
"""

import json

TERRAFORM_VERSION = "1.9.8"
FORMAT_VERSION = "1.2"
AWS_PROVIDER = "registry.terraform.io/hashicorp/aws"
ACCOUNT = "123456789012"


# ---------------------------------------------------------------------------------------------------------------------
# Unknown values. A planned value is a Python tree in which unknown parts are one of these markers; the type matters for
# after_sensitive (Terraform writes [] for an unknown list/set, {} for an unknown map/object, omits an unknown primitive).
class _Unknown:
    def __init__(self, kind):
        self.kind = kind

    def __repr__(self):
        return "UNK" + self.kind


UNK = _Unknown("")  # primitive (string, number, bool)
UNKL = _Unknown("L")  # list, set, tuple, nested block list/set
UNKM = _Unknown("M")  # map, object


def is_unknown(v):
    return isinstance(v, _Unknown)


# ---------------------------------------------------------------------------------------------------------------------
# Expressions in configuration
class X:
    """An attribute value in configuration: a value (may contain UNK, may be a function of count.index) and the
    references Terraform records for it. No references = a constant_value."""

    def __init__(self, value, *refs):
        self.value = value
        self.refs = list(refs)


class Blk:
    """A nested block in configuration: a list of dicts (attribute -> value / X / Blk)."""

    def __init__(self, *elems):
        self.elems = list(elems)


class AttrBlk(Blk):
    """Nested objects of an "attributes as blocks" attribute (SDKv2 ConfigModeAttr: aws_security_group ingress/egress,
    aws_network_acl ingress/egress), written in block syntax. Terraform's configuration JSON shows them as one
    expression: a constant list of objects with every element attribute (null when not written), or the references."""

    def __init__(self, attrs, *elems):
        Blk.__init__(self, *elems)
        self.attrs = sorted(attrs)


def ref(attr_ref, value=UNK):
    """A reference to `addr.attr` (e.g. aws_kms_key.rds.arn): references = [attr, resource] (+ the resource without
    index when the address has one)."""
    return X(value, *ref_list(attr_ref))


def ref_list(attr_ref):
    parts = attr_ref.split(".")
    if parts[0] in ("var", "local", "count", "each"):
        return [attr_ref]
    if parts[0] == "module":
        return [attr_ref, ".".join(parts[:2])]
    # resource reference: type.name[idx].attr...
    if parts[0] == "data":
        head = parts[:3]
        rest = parts[3:]
    else:
        head = parts[:2]
        rest = parts[2:]
    res = ".".join(head)
    out = []
    if rest:
        out.append(attr_ref)
    out.append(res)
    if "[" in res:
        out.append(res[: res.index("[")])
    return out


def ev(x, i):
    """The value of a configuration item for count index i."""
    if isinstance(x, X):
        return ev(x.value, i)
    if isinstance(x, Blk):
        return [{k: ev(v, i) for k, v in e.items()} for e in x.elems]
    if callable(x):
        return ev(x(i), i)
    if isinstance(x, dict):
        return {k: ev(v, i) for k, v in x.items()}
    if isinstance(x, list):
        return [ev(v, i) for v in x]
    return x


def cexpr(x):
    """The configuration-JSON expression of a configuration item."""
    if isinstance(x, AttrBlk):
        refs = []
        for e in x.elems:
            for v in e.values():
                if isinstance(v, X):
                    refs.extend(r for r in v.refs if r not in refs)
        if refs:
            return {"references": refs}
        return {"constant_value": [{a: ev(e.get(a), None) for a in x.attrs} for e in x.elems]}
    if isinstance(x, Blk):
        return [{k: cexpr(v) for k, v in sorted(e.items())} for e in x.elems]
    if isinstance(x, X):
        if x.refs:
            return {"references": x.refs}
        return {"constant_value": ev(x.value, None)}
    return {"constant_value": ev(x, None)}


# ---------------------------------------------------------------------------------------------------------------------
# Schemas. Each attribute spec is a tuple (kind, type, extra):
#   kind: r required | o optional | oc optional+computed | c computed | d default (extra = default value)
#         b nested block (extra = sub-schema or None for opaque) | bc optional+computed nested block
#         to timeouts block | ta tags_all
#   type: p primitive | l list | s set | m map (for blocks: l or s)
def S(spec, d=None, b=None, bc=None, sens=()):
    out = {}
    for tok in spec.split():
        parts = tok.split(":")
        name, kind = parts[0], parts[1]
        typ = parts[2] if len(parts) > 2 else "p"
        out[name] = (kind, typ, None)
    for k, v in (d or {}).items():
        out[k] = ("d", "p", v)
    for k, v in (b or {}).items():
        sub, typ = v if isinstance(v, tuple) else (v, "l")
        out[k] = ("b", typ, sub)
    for k, v in (bc or {}).items():
        sub, typ = v if isinstance(v, tuple) else (v, "l")
        out[k] = ("bc", typ, sub)
    out["__sensitive__"] = set(sens)
    return dict(sorted(out.items()))


TAGS = "tags:o:m tags_all:ta"

SCHEMAS = {}
SCHEMA_VERSIONS = {}


def schema(type_, version, s):
    SCHEMAS[type_] = s
    SCHEMA_VERSIONS[type_] = version


schema("aws_vpc", 1, S(
    "arn:c assign_generated_ipv6_cidr_block:o cidr_block:oc default_network_acl_id:c default_route_table_id:c "
    "default_security_group_id:c dhcp_options_id:c enable_dns_hostnames:oc enable_network_address_usage_metrics:oc "
    "id:c ipv4_ipam_pool_id:o ipv4_netmask_length:o ipv6_association_id:c ipv6_cidr_block:oc "
    "ipv6_cidr_block_network_border_group:oc ipv6_ipam_pool_id:o ipv6_netmask_length:o main_route_table_id:c "
    "owner_id:c " + TAGS,
    d={"enable_dns_support": True, "instance_tenancy": "default"}))

schema("aws_subnet", 1, S(
    "arn:c availability_zone:oc availability_zone_id:oc cidr_block:o customer_owned_ipv4_pool:o "
    "enable_lni_at_device_index:o id:c ipv6_cidr_block:o ipv6_cidr_block_association_id:c "
    "map_customer_owned_ip_on_launch:o outpost_arn:o owner_id:c private_dns_hostname_type_on_launch:oc "
    "timeouts:to vpc_id:r " + TAGS,
    d={"assign_ipv6_address_on_creation": False, "enable_dns64": False,
       "enable_resource_name_dns_a_record_on_launch": False, "enable_resource_name_dns_aaaa_record_on_launch": False,
       "ipv6_native": False, "map_public_ip_on_launch": False}))

schema("aws_internet_gateway", 0, S("arn:c id:c owner_id:c timeouts:to vpc_id:o " + TAGS))

schema("aws_eip", 0, S(
    "address:o allocation_id:c arn:c associate_with_private_ip:o association_id:c carrier_ip:c customer_owned_ip:c "
    "customer_owned_ipv4_pool:o domain:oc id:c instance:oc ipam_pool_id:o network_border_group:oc "
    "network_interface:oc private_dns:c private_ip:c ptr_record:c public_dns:c public_ip:oc public_ipv4_pool:oc "
    "timeouts:to vpc:oc " + TAGS))

schema("aws_nat_gateway", 0, S(
    "allocation_id:o association_id:c id:c network_interface_id:c private_ip:oc public_ip:c "
    "secondary_allocation_ids:o:s secondary_private_ip_address_count:oc secondary_private_ip_addresses:oc:s "
    "subnet_id:r timeouts:to " + TAGS,
    d={"connectivity_type": "public"}))

schema("aws_route_table", 0, S(
    "arn:c id:c owner_id:c propagating_vgws:oc:s timeouts:to vpc_id:r " + TAGS,
    bc={"route": (None, "s")}))

schema("aws_route", 0, S(
    "carrier_gateway_id:o core_network_arn:o destination_cidr_block:o destination_ipv6_cidr_block:o "
    "destination_prefix_list_id:o egress_only_gateway_id:o gateway_id:o id:c instance_id:c instance_owner_id:c "
    "local_gateway_id:o nat_gateway_id:o network_interface_id:oc origin:c route_table_id:r state:c timeouts:to "
    "transit_gateway_id:o vpc_endpoint_id:o vpc_peering_connection_id:o"))

schema("aws_route_table_association", 0, S("gateway_id:o id:c route_table_id:r subnet_id:o timeouts:to"))

schema("aws_network_acl", 0, S(
    "arn:c id:c owner_id:c subnet_ids:oc:s vpc_id:r " + TAGS,
    bc={"egress": (None, "s"), "ingress": (None, "s")}))

schema("aws_default_security_group", 1, S(
    "arn:c description:c id:c name:c name_prefix:c owner_id:c vpc_id:oc " + TAGS,
    d={"revoke_rules_on_delete": False},
    bc={"egress": (None, "s"), "ingress": (None, "s")}))

schema("aws_security_group", 1, S(
    "arn:c id:c name:oc name_prefix:oc owner_id:c timeouts:to vpc_id:oc " + TAGS,
    d={"description": "Managed by Terraform", "revoke_rules_on_delete": False},
    bc={"egress": (None, "s"), "ingress": (None, "s")}))

schema("aws_security_group_rule", 2, S(
    "cidr_blocks:o:l description:o from_port:r id:c ipv6_cidr_blocks:o:l prefix_list_ids:o:l protocol:r "
    "security_group_id:r security_group_rule_id:c source_security_group_id:oc timeouts:to to_port:r type:r",
    d={"self": False}))

_VPC_SG_RULE = ("arn:c cidr_ipv4:o cidr_ipv6:o description:o from_port:o id:c ip_protocol:r prefix_list_id:o "
                "referenced_security_group_id:o security_group_id:r security_group_rule_id:c to_port:o " + TAGS)
schema("aws_vpc_security_group_ingress_rule", 0, S(_VPC_SG_RULE))
schema("aws_vpc_security_group_egress_rule", 0, S(_VPC_SG_RULE))

schema("aws_flow_log", 0, S(
    "arn:c deliver_cross_account_role:o eni_id:o iam_role_arn:o id:c log_destination:oc log_format:oc "
    "log_group_name:oc subnet_id:o traffic_type:o transit_gateway_attachment_id:o transit_gateway_id:o vpc_id:o "
    + TAGS,
    d={"log_destination_type": "cloud-watch-logs", "max_aggregation_interval": 600},
    b={"destination_options": None}))

schema("aws_kms_key", 0, S(
    "arn:c custom_key_store_id:o deletion_window_in_days:o description:oc id:c key_id:c multi_region:oc policy:oc "
    "rotation_period_in_days:oc timeouts:to xks_key_id:o " + TAGS,
    d={"bypass_policy_lockout_safety_check": False, "customer_master_key_spec": "SYMMETRIC_DEFAULT",
       "enable_key_rotation": False, "is_enabled": True, "key_usage": "ENCRYPT_DECRYPT"}))

schema("aws_kms_alias", 0, S("arn:c id:c name:oc name_prefix:oc target_key_arn:c target_key_id:r"))

schema("aws_lb", 0, S(
    "arn:c arn_suffix:c customer_owned_ipv4_pool:o dns_name:c dns_record_client_routing_policy:o "
    "enable_cross_zone_load_balancing:oc enforce_security_group_inbound_rules_on_private_link_traffic:oc id:c "
    "internal:oc ip_address_type:oc name:oc name_prefix:oc security_groups:oc:s subnets:oc:s timeouts:to "
    "vpc_id:c zone_id:c " + TAGS,
    d={"client_keep_alive": 3600, "desync_mitigation_mode": "defensive", "drop_invalid_header_fields": False,
       "enable_deletion_protection": False, "enable_http2": True,
       "enable_tls_version_and_cipher_suite_headers": False, "enable_waf_fail_open": False,
       "enable_xff_client_port": False, "enable_zonal_shift": False, "idle_timeout": 60,
       "load_balancer_type": "application", "preserve_host_header": False, "xff_header_processing_mode": "append"},
    b={"access_logs": S("bucket:r prefix:o", d={"enabled": False}), "connection_logs": None},
    bc={"subnet_mapping": (None, "s")}))

_REDIRECT = S("status_code:r", d={"host": "#{host}", "path": "/#{path}", "port": "#{port}",
                                  "protocol": "#{protocol}", "query": "#{query}"})
schema("aws_lb_listener", 0, S(
    "alpn_policy:o arn:c certificate_arn:o id:c load_balancer_arn:r port:o protocol:oc ssl_policy:oc "
    "tcp_idle_timeout_seconds:oc timeouts:to " + TAGS,
    b={"default_action": S("order:oc target_group_arn:o type:r",
                           b={"authenticate_cognito": None, "authenticate_oidc": None, "fixed_response": None,
                              "forward": None, "redirect": _REDIRECT})},
    bc={"mutual_authentication": None}))

schema("aws_lb_target_group", 0, S(
    "arn:c arn_suffix:c connection_termination:oc id:c ip_address_type:oc load_balancer_arns:c:s "
    "load_balancing_algorithm_type:oc load_balancing_anomaly_mitigation:oc load_balancing_cross_zone_enabled:oc "
    "name:oc name_prefix:oc port:o preserve_client_ip:oc protocol:o protocol_version:oc vpc_id:o " + TAGS,
    d={"deregistration_delay": "300", "lambda_multi_value_headers_enabled": False, "proxy_protocol_v2": False,
       "slow_start": 0, "target_type": "instance"},
    bc={"health_check": S("matcher:oc path:oc timeout:oc",
                          d={"enabled": True, "healthy_threshold": 3, "interval": 30, "port": "traffic-port",
                             "protocol": "HTTP", "unhealthy_threshold": 3}),
        "stickiness": None, "target_failover": None, "target_group_health": None, "target_health_state": None}))

schema("aws_wafv2_web_acl", 0, S(
    "application_integration_url:c arn:c capacity:c description:o id:c lock_token:c name:oc name_prefix:oc "
    "rule_json:o scope:r token_domains:o:s " + TAGS,
    b={"association_config": None, "captcha_config": None, "challenge_config": None,
       "custom_response_body": (None, "s"), "default_action": None, "rule": (None, "s"),
       "visibility_config": None}))

schema("aws_wafv2_web_acl_association", 0, S("id:c resource_arn:r timeouts:to web_acl_arn:r"))

schema("aws_iam_role", 0, S(
    "arn:c assume_role_policy:r create_date:c description:o id:c managed_policy_arns:oc:s name:oc name_prefix:oc "
    "permissions_boundary:o unique_id:c " + TAGS,
    d={"force_detach_policies": False, "max_session_duration": 3600, "path": "/"},
    bc={"inline_policy": (None, "s")}))

schema("aws_iam_role_policy_attachment", 0, S("id:c policy_arn:r role:r"))
schema("aws_iam_role_policy", 0, S("id:c name:oc name_prefix:oc policy:r role:r"))
schema("aws_iam_openid_connect_provider", 0, S(
    "arn:c client_id_list:r:s id:c thumbprint_list:oc:l url:r " + TAGS))

schema("aws_cloudwatch_log_group", 0, S(
    "arn:c id:c kms_key_id:o log_group_class:oc name:oc name_prefix:oc " + TAGS,
    d={"retention_in_days": 0, "skip_destroy": False}))

schema("aws_eks_cluster", 0, S(
    "arn:c certificate_authority:c:l cluster_id:c created_at:c enabled_cluster_log_types:o:s endpoint:c id:c "
    "identity:c:l name:r platform_version:c role_arn:r status:c timeouts:to version:oc " + TAGS,
    d={"bootstrap_self_managed_addons": True},
    b={"compute_config": None, "outpost_config": None, "remote_network_config": None, "storage_config": None,
       "zonal_shift_config": None,
       "encryption_config": S("resources:r:s", b={"provider": S("key_arn:r")}),
       "vpc_config": S("cluster_security_group_id:c public_access_cidrs:oc:s security_group_ids:o:s "
                       "subnet_ids:r:s vpc_id:c",
                       d={"endpoint_private_access": False, "endpoint_public_access": True})},
    bc={"access_config": S("authentication_mode:oc", d={"bootstrap_cluster_creator_admin_permissions": True}),
        "kubernetes_network_config": None, "upgrade_policy": None}))

schema("aws_eks_node_group", 0, S(
    "ami_type:oc arn:c capacity_type:oc cluster_name:r disk_size:oc force_update_version:o id:c "
    "instance_types:oc:l labels:o:m node_group_name:oc node_group_name_prefix:oc node_role_arn:r "
    "release_version:oc resources:c:l status:c subnet_ids:r:s timeouts:to version:oc " + TAGS,
    b={"launch_template": S("id:oc name:oc version:r"),
       "remote_access": S("ec2_ssh_key:o source_security_group_ids:o:s"),
       "scaling_config": S("desired_size:r max_size:r min_size:r"),
       "taint": (S("effect:r key:r value:o"), "s")},
    bc={"node_repair_config": None,
        "update_config": S("max_unavailable:o max_unavailable_percentage:o")}))

_LT_EBS = S("delete_on_termination:o encrypted:o iops:oc kms_key_id:o snapshot_id:o throughput:oc volume_size:oc "
            "volume_type:oc")
schema("aws_launch_template", 0, S(
    "arn:c default_version:oc description:o disable_api_stop:o disable_api_termination:o ebs_optimized:o id:c "
    "image_id:o instance_initiated_shutdown_behavior:o instance_type:o kernel_id:o key_name:o latest_version:c "
    "name:oc name_prefix:oc ram_disk_id:o security_group_names:o:s update_default_version:o user_data:o "
    "vpc_security_group_ids:o:s " + TAGS,
    b={"block_device_mappings": S("device_name:o no_device:o virtual_name:o", b={"ebs": _LT_EBS}),
       "capacity_reservation_specification": None, "cpu_options": None, "credit_specification": None,
       "elastic_gpu_specifications": None, "elastic_inference_accelerator": None, "enclave_options": None,
       "hibernation_options": None, "iam_instance_profile": None, "instance_market_options": None,
       "instance_requirements": None, "license_specification": (None, "s"), "maintenance_options": None,
       "monitoring": None, "network_interfaces": None, "placement": None, "private_dns_name_options": None,
       "tag_specifications": None},
    bc={"metadata_options": S("http_endpoint:oc http_protocol_ipv6:oc http_put_response_hop_limit:oc "
                              "http_tokens:oc instance_metadata_tags:oc")}))

schema("aws_db_subnet_group", 0, S(
    "arn:c id:c name:oc name_prefix:oc subnet_ids:r:s supported_network_types:c:s vpc_id:c " + TAGS,
    d={"description": "Managed by Terraform"}))

schema("aws_rds_cluster_parameter_group", 0, S(
    "arn:c family:r id:c name:oc name_prefix:oc " + TAGS,
    d={"description": "Managed by Terraform"},
    b={"parameter": (S("name:r value:r", d={"apply_method": "immediate"}), "s")}))

schema("aws_rds_cluster", 1, S(
    "allocated_storage:oc allow_major_version_upgrade:o apply_immediately:oc arn:c availability_zones:oc:s "
    "backtrack_window:o backup_retention_period:oc ca_certificate_identifier:oc ca_certificate_valid_till:c "
    "cluster_identifier:oc cluster_identifier_prefix:oc cluster_members:oc:s cluster_resource_id:c "
    "cluster_scalability_type:oc database_insights_mode:oc database_name:oc db_cluster_instance_class:o "
    "db_cluster_parameter_group_name:oc db_instance_parameter_group_name:o db_subnet_group_name:oc db_system_id:oc "
    "deletion_protection:o domain:o domain_iam_role_name:o enabled_cloudwatch_logs_exports:o:s endpoint:c engine:r "
    "engine_lifecycle_support:oc engine_version:oc engine_version_actual:c final_snapshot_identifier:o "
    "global_cluster_identifier:o hosted_zone_id:c iam_database_authentication_enabled:o iam_roles:oc:s id:c iops:o "
    "kms_key_id:oc manage_master_user_password:o master_password:o master_user_secret:c:l "
    "master_user_secret_kms_key_id:oc master_username:oc monitoring_interval:oc monitoring_role_arn:oc "
    "network_type:oc performance_insights_enabled:o performance_insights_kms_key_id:oc "
    "performance_insights_retention_period:oc port:oc preferred_backup_window:oc preferred_maintenance_window:oc "
    "reader_endpoint:c replication_source_identifier:o snapshot_identifier:o source_region:o storage_encrypted:oc "
    "storage_type:oc timeouts:to vpc_security_group_ids:oc:s " + TAGS,
    d={"copy_tags_to_snapshot": False, "delete_automated_backups": True, "enable_global_write_forwarding": False,
       "enable_http_endpoint": False, "enable_local_write_forwarding": False, "engine_mode": "provisioned",
       "skip_final_snapshot": False},
    b={"restore_to_point_in_time": None, "s3_import": None, "scaling_configuration": None,
       "serverlessv2_scaling_configuration": None},
    sens=("master_password",)))

schema("aws_rds_cluster_instance", 0, S(
    "apply_immediately:oc arn:c availability_zone:oc ca_cert_identifier:oc cluster_identifier:r "
    "custom_iam_instance_profile:o db_parameter_group_name:oc db_subnet_group_name:oc dbi_resource_id:c endpoint:c "
    "engine:r engine_version:oc engine_version_actual:c id:c identifier:oc identifier_prefix:oc instance_class:r "
    "kms_key_id:c monitoring_role_arn:oc network_type:c performance_insights_enabled:oc "
    "performance_insights_kms_key_id:oc performance_insights_retention_period:oc port:c preferred_backup_window:oc "
    "preferred_maintenance_window:oc publicly_accessible:oc storage_encrypted:c timeouts:to writer:c " + TAGS,
    d={"auto_minor_version_upgrade": True, "copy_tags_to_snapshot": False, "monitoring_interval": 0,
       "promotion_tier": 0}))

schema("aws_elasticache_subnet_group", 0, S(
    "arn:c id:c name:r subnet_ids:r:s vpc_id:c " + TAGS, d={"description": "Managed by Terraform"}))

schema("aws_elasticache_replication_group", 2, S(
    "apply_immediately:oc arn:c at_rest_encryption_enabled:oc auth_token:o auto_minor_version_upgrade:oc "
    "cluster_enabled:c cluster_mode:oc configuration_endpoint_address:c data_tiering_enabled:oc description:r "
    "engine_version:oc engine_version_actual:c final_snapshot_identifier:o global_replication_group_id:oc id:c "
    "ip_discovery:oc kms_key_id:o maintenance_window:oc member_clusters:c:s network_type:oc node_type:oc "
    "notification_topic_arn:o num_cache_clusters:oc num_node_groups:oc parameter_group_name:oc port:o "
    "preferred_cache_cluster_azs:o:l primary_endpoint_address:c reader_endpoint_address:c "
    "replicas_per_node_group:oc replication_group_id:r security_group_ids:oc:s security_group_names:oc:s "
    "snapshot_arns:o:s snapshot_name:o snapshot_retention_limit:o snapshot_window:oc subnet_group_name:oc "
    "timeouts:to transit_encryption_enabled:oc transit_encryption_mode:oc user_group_ids:o:s " + TAGS,
    d={"auth_token_update_strategy": "ROTATE", "automatic_failover_enabled": False, "engine": "redis",
       "multi_az_enabled": False},
    b={"log_delivery_configuration": (None, "s")},
    sens=("auth_token",)))

schema("aws_elasticache_user", 0, S(
    "access_string:r arn:c engine:r id:c passwords:o:s timeouts:to user_id:r user_name:r " + TAGS,
    d={"no_password_required": False},
    bc={"authentication_mode": S("password_count:c passwords:o:s type:r", sens=("passwords",))},
    sens=("passwords",)))

schema("aws_elasticache_user_group", 0, S("arn:c engine:r id:c user_group_id:r user_ids:o:s " + TAGS))

schema("aws_s3_bucket", 0, S(
    "acceleration_status:oc acl:oc arn:c bucket:oc bucket_domain_name:c bucket_prefix:oc "
    "bucket_regional_domain_name:c hosted_zone_id:c id:c policy:oc region:c request_payer:oc timeouts:to "
    "website_domain:c website_endpoint:c " + TAGS,
    d={"force_destroy": False, "object_lock_enabled": False},
    bc={"cors_rule": None, "grant": (None, "s"), "lifecycle_rule": None, "logging": None,
        "object_lock_configuration": None, "replication_configuration": None,
        "server_side_encryption_configuration": None, "versioning": None, "website": None}))

schema("aws_s3_bucket_versioning", 0, S(
    "bucket:r expected_bucket_owner:o id:c mfa:o",
    b={"versioning_configuration": S("mfa_delete:oc status:r")}))

schema("aws_s3_bucket_server_side_encryption_configuration", 0, S(
    "bucket:r expected_bucket_owner:o id:c",
    b={"rule": (S("bucket_key_enabled:o",
                  b={"apply_server_side_encryption_by_default": S("kms_master_key_id:o sse_algorithm:r")}), "s")}))

schema("aws_s3_bucket_public_access_block", 0, S(
    "bucket:r id:c",
    d={"block_public_acls": False, "block_public_policy": False, "ignore_public_acls": False,
       "restrict_public_buckets": False}))

schema("aws_s3_bucket_policy", 0, S("bucket:r id:c policy:r"))

schema("aws_s3_bucket_lifecycle_configuration", 0, S(
    "bucket:r expected_bucket_owner:o id:c timeouts:to transition_default_minimum_object_size:oc",
    b={"rule": S("id:r prefix:o status:r",
                 b={"abort_incomplete_multipart_upload": S("days_after_initiation:o"),
                    "expiration": None,
                    "filter": S("object_size_greater_than:o object_size_less_than:o prefix:o",
                                b={"and": None, "tag": None}),
                    "noncurrent_version_expiration": S("newer_noncurrent_versions:o noncurrent_days:o"),
                    "noncurrent_version_transition": (S("newer_noncurrent_versions:o noncurrent_days:o "
                                                        "storage_class:r"), "s"),
                    "transition": (S("date:o days:o storage_class:r"), "s")})}))

schema("aws_s3_bucket_replication_configuration", 0, S(
    "bucket:r id:c role:r token:o",
    b={"rule": S("id:o prefix:o priority:o status:r",
                 b={"delete_marker_replication": S("status:r"),
                    "destination": S("account:o bucket:r storage_class:o",
                                     b={"access_control_translation": None,
                                        "encryption_configuration": S("replica_kms_key_id:r"),
                                        "metrics": None, "replication_time": None}),
                    "existing_object_replication": None,
                    "filter": S("prefix:o", b={"and": None, "tag": None}),
                    "source_selection_criteria": S("", b={
                        "replica_modifications": S("status:r"),
                        "sse_kms_encrypted_objects": S("status:r")})})},
    sens=("token",)))

schema("aws_secretsmanager_secret", 0, S(
    "arn:c description:o id:c kms_key_id:o name:oc name_prefix:oc policy:oc " + TAGS,
    d={"force_overwrite_replica_secret": False, "recovery_window_in_days": 30},
    bc={"replica": (S("kms_key_id:oc last_accessed_date:c region:r status:c status_message:c"), "s")}))

schema("aws_secretsmanager_secret_rotation", 0, S(
    "id:c rotation_enabled:c rotation_lambda_arn:o secret_id:r",
    d={"rotate_immediately": True},
    b={"rotation_rules": S("automatically_after_days:o duration:o schedule_expression:o")}))

schema("aws_ecr_repository", 0, S(
    "arn:c force_delete:o id:c name:r registry_id:c repository_url:c timeouts:to " + TAGS,
    d={"image_tag_mutability": "MUTABLE"},
    b={"encryption_configuration": S("kms_key:oc", d={"encryption_type": "AES256"}),
       "image_scanning_configuration": S("scan_on_push:r")}))

schema("aws_ecr_lifecycle_policy", 0, S("id:c policy:r registry_id:c repository:r"))
schema("aws_ecr_replication_configuration", 0, S(
    "id:c registry_id:c", b={"replication_configuration": None}))

schema("aws_cloudfront_distribution", 1, S(
    "aliases:o:s arn:c caller_reference:c comment:o continuous_deployment_policy_id:o default_root_object:o "
    "domain_name:c enabled:r etag:c hosted_zone_id:c id:c in_progress_validation_batches:c is_ipv6_enabled:o "
    "last_modified_time:c status:c trusted_key_groups:c:l trusted_signers:c:l web_acl_id:o " + TAGS,
    d={"http_version": "http2", "price_class": "PriceClass_All", "retain_on_delete": False, "staging": False,
       "wait_for_deployment": True},
    b={"custom_error_response": (None, "s"), "default_cache_behavior": None, "logging_config": None,
       "ordered_cache_behavior": None, "origin": (None, "s"), "origin_group": (None, "s"), "restrictions": None,
       "viewer_certificate": None}))

schema("aws_route53_health_check", 0, S(
    "arn:c child_health_threshold:o child_healthchecks:o:s cloudwatch_alarm_name:o cloudwatch_alarm_region:o "
    "disabled:o enable_sni:oc failure_threshold:oc fqdn:o id:c insufficient_data_health_status:o "
    "invert_healthcheck:o ip_address:o measure_latency:o port:o reference_name:o regions:o:s request_interval:o "
    "resource_path:o routing_control_arn:o search_string:o triggers:o:m type:r " + TAGS))

schema("aws_backup_vault", 0, S(
    "arn:c id:c kms_key_arn:oc name:r recovery_points:c timeouts:to " + TAGS, d={"force_destroy": False}))

schema("aws_backup_vault_lock_configuration", 0, S(
    "backup_vault_arn:c backup_vault_name:r changeable_for_days:o id:c max_retention_days:o min_retention_days:o"))

schema("aws_backup_plan", 0, S(
    "arn:c id:c name:r version:c " + TAGS,
    b={"advanced_backup_setting": (None, "s"), "rule": (None, "s")}))

schema("aws_backup_selection", 0, S(
    "iam_role_arn:r id:c name:r not_resources:oc:s plan_id:r resources:oc:s",
    b={"selection_tag": (None, "s")}, bc={"condition": (None, "s")}))

schema("aws_ebs_encryption_by_default", 0, S("id:c", d={"enabled": True}))
schema("aws_ebs_default_kms_key", 0, S("id:c key_arn:r"))


# ---------------------------------------------------------------------------------------------------------------------
def _marker(typ):
    return UNKL if typ in ("l", "s") else UNKM if typ == "m" else UNK


def fill(sch, vals, default_tags, where):
    """The planned value of an object of schema `sch` whose configured attributes are `vals`."""
    out = {}
    for k in vals:
        if k not in sch or k == "__sensitive__":
            raise KeyError("%s: attribute %r not in schema" % (where, k))
    for k, spec in sch.items():
        if k == "__sensitive__":
            continue
        kind, typ, extra = spec
        if k in vals and vals[k] is not None:
            v = vals[k]
            if v is UNK:
                v = UNKL if kind in ("b", "bc") else _marker(typ)
            elif kind in ("b", "bc") and isinstance(v, list):
                if extra is not None:
                    v = [fill(extra, e, default_tags, where + "." + k) for e in v]
            elif typ == "s" and isinstance(v, list) and not any(is_unknown(e) for e in v) \
                    and all(isinstance(e, str) for e in v):
                v = sorted(set(v))
            elif typ in ("s",) and isinstance(v, list) and any(is_unknown(e) for e in v):
                # SDKv2: a set with an unknown element is wholly unknown in the plan
                v = UNKL
            out[k] = v
        elif k in vals:  # explicitly null
            if kind in ("r",):
                raise KeyError("%s: required %r is null" % (where, k))
            out[k] = None if kind in ("o", "d", "b", "to") else _marker(typ)
            if kind == "d":
                out[k] = extra
            if kind == "b":
                out[k] = []
        else:
            if kind == "r":
                raise KeyError("%s: required %r missing" % (where, k))
            if kind == "o" or kind == "to":
                out[k] = None
            elif kind in ("oc", "c"):
                out[k] = _marker(typ)
            elif kind == "d":
                out[k] = extra
            elif kind == "b":
                out[k] = []
            elif kind == "bc":
                out[k] = UNKL
            elif kind == "ta":
                tags = vals.get("tags") or {}
                if is_unknown(tags):
                    out[k] = UNKM
                else:
                    merged = dict(default_tags)
                    merged.update(tags)
                    out[k] = merged
    return out


def omit_unknowns(v):
    if isinstance(v, dict):
        return {k: omit_unknowns(x) for k, x in v.items() if not is_unknown(x)}
    if isinstance(v, list):
        return [None if is_unknown(x) else omit_unknowns(x) for x in v]
    return v


def unknown_as_bool(v):
    if v is None:
        return False
    if is_unknown(v):
        return True
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            r = unknown_as_bool(x)
            if r is not False:
                out[k] = r
        return out
    if isinstance(v, list):
        return [unknown_as_bool(x) for x in v]
    return False


def sensitive_as_bool(v, sch):
    """Terraform's SensitiveAsBool over a value marked with the schema's sensitive attributes."""
    sens = sch.get("__sensitive__", set()) if isinstance(sch, dict) else set()
    if is_unknown(v):
        return [] if v is UNKL else {} if v is UNKM else False
    if v is None:
        return False
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if k in sens:
                out[k] = True
                continue
            sub = None
            if isinstance(sch, dict) and k in sch and isinstance(sch[k], tuple) and sch[k][0] in ("b", "bc"):
                sub = sch[k][2]
            r = sensitive_as_bool(x, sub)
            if r is not False:
                out[k] = r
        return out
    if isinstance(v, list):
        return [sensitive_as_bool(x, sch) for x in v]
    return False


def sort_tree(v):
    if isinstance(v, dict):
        return {k: sort_tree(v[k]) for k in sorted(v)}
    if isinstance(v, list):
        return [sort_tree(x) for x in v]
    return v


def go_json(obj):
    """JSON as Go's encoding/json writes it (compact, HTML-escaped), which is what `terraform show -json` prints."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
