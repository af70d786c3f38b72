package io.plumbline.model;

/** The resource kinds of the reference architecture, whatever input they came from. */
public enum Kind {
    VPC, SUBNET, ROUTE_TABLE, INTERNET_GATEWAY, NAT_GATEWAY, NETWORK_ACL, SECURITY_GROUP, INSTANCE,
    LOAD_BALANCER, EKS_CLUSTER, NODE_GROUP, AUTO_SCALING_GROUP, LAUNCH_TEMPLATE, EBS_VOLUME,
    DB_CLUSTER, DB_INSTANCE, DB_SUBNET_GROUP, DB_CLUSTER_SNAPSHOT, CACHE_REPLICATION_GROUP, CACHE_SUBNET_GROUP,
    KMS_KEY, S3_BUCKET, SECRET, ECR_REPOSITORY, CLOUDFRONT_DISTRIBUTION, WAF_WEB_ACL, ROUTE53_HEALTH_CHECK,
    LOG_GROUP, BACKUP_PLAN, IAM_ROLE, OIDC_PROVIDER, CONFIG_RECORDER,
    /** An account's S3 Block Public Access settings (one per account). */
    ACCOUNT_PUBLIC_ACCESS_BLOCK,
    DB_CLUSTER_PARAMETER_GROUP,
    /** The account's EBS encryption-by-default setting and default key in one region. */
    EBS_ENCRYPTION_DEFAULT,
    /** An AWS Backup vault (its key and Vault Lock) and an Aurora global database (BAK-003, REP-003, REP-004). */
    BACKUP_VAULT, GLOBAL_CLUSTER,
    /** A trail, flow log, pipeline... kept for the buckets it writes into (their role, rule catalog §0.7). */
    BUCKET_WRITER,
    /** The registry-level ECR replication configuration of one account and region. */
    ECR_REPLICATION_CONFIGURATION,
    /** Anything else: kept, counted, never dropped. */
    GENERIC
}
