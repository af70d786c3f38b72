package io.plumbline.model;

/**
 * Every documented default the sources apply, named once, with whose documentation says so. A source applies one of
 * these only where the input leaves the attribute out and the default is known for that input kind.
 */
public final class Defaults {
    private Defaults() {
    }

    // RDS / Aurora
    public static final Default<Integer> RDS_BACKUP_RETENTION =
            Default.of(1, "RDS API CreateDBCluster BackupRetentionPeriod default 1");
    public static final Default<Boolean> RDS_DELETION_PROTECTION =
            Default.of(false, "RDS API CreateDBCluster DeletionProtection default false");
    public static final Default<Boolean> TF_RDS_SKIP_FINAL_SNAPSHOT =
            Default.of(false, "terraform-provider-aws aws_rds_cluster skip_final_snapshot default false");
    public static final Default<Boolean> TF_RDS_INSTANCE_PUBLICLY_ACCESSIBLE =
            Default.of(false, "terraform-provider-aws aws_rds_cluster_instance sends publicly_accessible=false on create");
    public static final Default<Boolean> CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE =
            Default.of(false, "RDS API CreateDBInstance PubliclyAccessible: false for Aurora without a default DB subnet group");
    public static final Default<Boolean> CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_DEFAULT_GROUP =
            Default.of(true, "RDS API CreateDBInstance PubliclyAccessible: true when DBSubnetGroupName is 'default'");
    public static final Default<String> CFN_RDS_CLUSTER_DELETION_POLICY =
            Default.of("Snapshot", "CloudFormation DeletionPolicy default Snapshot for AWS::RDS::DBCluster");
    public static final Default<String> CFN_UPDATE_REPLACE_POLICY =
            Default.of("Delete", "CloudFormation UpdateReplacePolicy default Delete");
    public static final Default<String> CFN_DELETION_POLICY =
            Default.of("Delete", "CloudFormation DeletionPolicy default Delete");
    public static final Default<Boolean> CFN_RDS_STORAGE_ENCRYPTED =
            Default.of(false, "RDS API CreateDBCluster StorageEncrypted default false (AWS-owned key since 2026-02-18, never a CMK)");
    public static final Default<Integer> CFN_AURORA_PROMOTION_TIER =
            Default.of(1, "RDS API PromotionTier default 1");

    // ElastiCache
    public static final Default<Boolean> ELASTICACHE_MULTI_AZ =
            Default.of(false, "ElastiCache API MultiAZEnabled default false");
    public static final Default<Boolean> ELASTICACHE_AUTOMATIC_FAILOVER =
            Default.of(false, "ElastiCache API AutomaticFailoverEnabled default false");
    public static final Default<Boolean> ELASTICACHE_TRANSIT_ENCRYPTION =
            Default.of(false, "ElastiCache API TransitEncryptionEnabled default false");
    public static final Default<Boolean> ELASTICACHE_AT_REST_REDIS =
            Default.of(false, "ElastiCache API AtRestEncryptionEnabled default false for Redis OSS");
    public static final Default<Boolean> ELASTICACHE_AT_REST_VALKEY =
            Default.of(true, "ElastiCache API AtRestEncryptionEnabled default true for Valkey");
    public static final Default<Integer> ELASTICACHE_SNAPSHOT_RETENTION =
            Default.of(0, "ElastiCache API SnapshotRetentionLimit default 0 (off)");
    public static final Default<Integer> ELASTICACHE_NUM_CACHE_CLUSTERS =
            Default.of(1, "ElastiCache API NumCacheClusters default 1 (primary only)");

    // KMS
    public static final Default<Boolean> KMS_ENABLED = Default.of(true, "KMS key Enabled default true");
    public static final Default<Boolean> KMS_ROTATION = Default.of(false, "KMS key EnableKeyRotation default false");
    public static final Default<String> KMS_KEY_SPEC = Default.of("SYMMETRIC_DEFAULT", "KMS KeySpec default SYMMETRIC_DEFAULT");
    public static final Default<String> KMS_KEY_USAGE = Default.of("ENCRYPT_DECRYPT", "KMS KeyUsage default ENCRYPT_DECRYPT");
    public static final Default<Integer> KMS_DELETION_WINDOW = Default.of(30, "KMS PendingWindowInDays default 30");
    public static final Default<Boolean> KMS_MULTI_REGION = Default.of(false, "KMS MultiRegion default false");

    // S3
    public static final Default<String> S3_VERSIONING_NEVER_ENABLED =
            Default.of("Disabled", "S3 versioning is off until enabled (GetBucketVersioning returns no Status)");
    public static final Default<Boolean> S3_PUBLIC_ACCESS_BLOCK_FLAG =
            Default.of(false, "S3 PublicAccessBlockConfiguration flags default false");

    // EC2 / ELB
    public static final Default<Boolean> ELB_INTERNAL = Default.of(false, "ELBv2 Scheme default internet-facing");
    public static final Default<String> ELB_TYPE = Default.of("application", "ELBv2 Type default application");
    public static final Default<Boolean> EKS_PUBLIC_ENDPOINT = Default.of(true, "EKS endpointPublicAccess default true");
    public static final Default<Boolean> EKS_PRIVATE_ENDPOINT = Default.of(false, "EKS endpointPrivateAccess default false");
    public static final Default<String> EKS_CAPACITY_TYPE = Default.of("ON_DEMAND", "EKS node group capacityType default ON_DEMAND");
}
