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
    public static final Default<String> KMS_DEFAULT_KEY_POLICY = Default.of(null, "KMS CreateKey without Policy: the "
            + "default key policy, which gives the account root (and so IAM policies of the account) full access");
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

    // CloudFormation
    // (what CloudFormation or the service API does when a template leaves a property out; used by the CloudFormation
    // source only)
    public static final Default<Boolean> CFN_VPC_NOT_DEFAULT =
            Default.of(false, "a VPC created by CloudFormation is never the region's default VPC");
    public static final Default<Boolean> CFN_SUBNET_MAP_PUBLIC_IP =
            Default.of(false, "AWS::EC2::Subnet MapPublicIpOnLaunch default false");
    public static final Default<Boolean> CFN_ROUTE_TABLE_NOT_MAIN =
            Default.of(false, "a route table created by CloudFormation is never the VPC's main route table");
    public static final Default<Boolean> CFN_NACL_NOT_DEFAULT =
            Default.of(false, "a network ACL created by CloudFormation is never the VPC's default network ACL");
    public static final Default<Boolean> CFN_NACL_ENTRY_EGRESS =
            Default.of(false, "AWS::EC2::NetworkAclEntry Egress default false (an inbound entry)");
    public static final Default<String> CFN_NAT_CONNECTIVITY =
            Default.of("public", "EC2 CreateNatGateway ConnectivityType default public");
    public static final Default<String> CFN_SG_DEFAULT_EGRESS_PROTOCOL =
            Default.of("-1", "AWS::EC2::SecurityGroup without egress rules gets allow-all IPv4 and IPv6 egress rules");
    public static final Default<String> CFN_SG_DEFAULT_EGRESS_IPV4 =
            Default.of("0.0.0.0/0", "AWS::EC2::SecurityGroup without egress rules gets an allow-all IPv4 egress rule");
    public static final Default<String> CFN_SG_DEFAULT_EGRESS_IPV6 =
            Default.of("::/0", "AWS::EC2::SecurityGroup without egress rules gets an allow-all IPv6 egress rule");
    public static final Default<Boolean> CFN_ELB_DELETION_PROTECTION =
            Default.of(false, "ELBv2 load balancer attribute deletion_protection.enabled default false");
    public static final Default<Boolean> CFN_ELB_ACCESS_LOGS =
            Default.of(false, "ELBv2 load balancer attribute access_logs.s3.enabled default false");
    public static final Default<Boolean> CFN_ELB_DROP_INVALID_HEADERS =
            Default.of(false, "ELBv2 load balancer attribute routing.http.drop_invalid_header_fields.enabled default false");
    public static final Default<java.util.List<String>> CFN_EKS_PUBLIC_ACCESS_CIDRS =
            Default.of(java.util.List.of("0.0.0.0/0"), "EKS ResourcesVpcConfig PublicAccessCidrs default 0.0.0.0/0");
    public static final Default<java.util.List<String>> CFN_EKS_NO_ENCRYPTION_CONFIG =
            Default.of(java.util.List.of(), "EKS EncryptionConfig absent: no envelope encryption with a customer managed KMS key");
    public static final Default<Ref> CFN_EKS_NO_SECRETS_KEY =
            Default.of(null, "EKS EncryptionConfig absent: no customer managed KMS key for secrets");
    public static final Default<java.util.List<String>> CFN_EKS_LOGGING_OFF =
            Default.of(java.util.List.of(), "EKS control plane logging is off unless Logging.ClusterLogging enables types");
    public static final Default<String> CFN_EKS_NO_SSH_KEY =
            Default.of(null, "EKS node group without RemoteAccess: no SSH key, no SSH access");
    public static final Default<java.util.List<Ref>> CFN_EKS_SSH_FROM_ANYWHERE =
            Default.of(java.util.List.of(), "EKS node group RemoteAccess without SourceSecurityGroups opens port 22 to 0.0.0.0/0");
    public static final Default<java.util.List<String>> CFN_EKS_NODEGROUP_INSTANCE_TYPES =
            Default.of(java.util.List.of("t3.medium"), "EKS CreateNodegroup instanceTypes default t3.medium (no launch template)");
    public static final Default<String> CFN_RDS_ENGINE_MODE =
            Default.of("provisioned", "RDS API CreateDBCluster EngineMode default provisioned");
    public static final Default<Ref> CFN_RDS_NO_KMS_KEY =
            Default.of(null, "RDS without KmsKeyId: no customer managed key (AWS managed or AWS owned key when encrypted)");
    public static final Default<Boolean> CFN_RDS_IAM_AUTH =
            Default.of(false, "RDS API EnableIAMDatabaseAuthentication default false");
    public static final Default<Boolean> CFN_RDS_MANAGE_MASTER_PASSWORD =
            Default.of(false, "RDS API ManageMasterUserPassword default false");
    public static final Default<java.util.List<String>> CFN_RDS_NO_LOG_EXPORTS =
            Default.of(java.util.List.of(), "RDS EnableCloudwatchLogsExports absent: no log is exported");
    public static final Default<Boolean> CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NON_AURORA =
            Default.of(true, "RDS API CreateDBInstance PubliclyAccessible: true for non-Aurora instances without DBSubnetGroupName");
    public static final Default<Boolean> CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NAMED_GROUP =
            Default.of(false, "RDS API CreateDBInstance PubliclyAccessible: false when DBSubnetGroupName is given and is not 'default'");
    public static final Default<Boolean> CFN_RDS_INSTANCE_MULTI_AZ =
            Default.of(false, "RDS API CreateDBInstance MultiAZ default false");
    public static final Default<String> CFN_ELASTICACHE_ENGINE =
            Default.of("redis", "ElastiCache CreateReplicationGroup creates a Redis OSS group when Engine is omitted");
    public static final Default<Ref> CFN_ELASTICACHE_NO_KMS_KEY =
            Default.of(null, "ElastiCache without KmsKeyId: no customer managed key");
    public static final Default<Boolean> CFN_ELASTICACHE_SERVERLESS_AT_REST =
            Default.of(true, "ElastiCache Serverless always encrypts data at rest");
    public static final Default<Boolean> CFN_ELASTICACHE_SERVERLESS_TRANSIT =
            Default.of(true, "ElastiCache Serverless always encrypts data in transit (TLS only)");
    public static final Default<Boolean> CFN_ELASTICACHE_SERVERLESS_MULTI_AZ =
            Default.of(true, "ElastiCache Serverless replicates data across multiple AZs by design");
    public static final Default<String> CFN_KMS_KEY_MANAGER =
            Default.of("CUSTOMER", "AWS::KMS::Key creates customer managed keys");
    public static final Default<String> CFN_KMS_ORIGIN = Default.of("AWS_KMS", "KMS API CreateKey Origin default AWS_KMS");
    public static final Default<String> CFN_KMS_DEFAULT_KEY_POLICY =
            Default.of(null, "AWS::KMS::Key without KeyPolicy gets the KMS default key policy (the account root)");
    public static final Default<String> CFN_S3_DEFAULT_SSE =
            Default.of("AES256", "S3 encrypts new objects with SSE-S3 (AES256) by default since 2023-01-05");
    public static final Default<Ref> CFN_S3_NO_KMS_KEY =
            Default.of(null, "S3 default encryption without KMSMasterKeyID: no customer managed key");
    public static final Default<Boolean> CFN_S3_BUCKET_KEY = Default.of(false, "S3 BucketKeyEnabled default false");
    public static final Default<Boolean> CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS =
            Default.of(true, "S3 turns on all four Block Public Access settings for new buckets since April 2023");
    public static final Default<Ref> CFN_S3_NO_ACCESS_LOGGING =
            Default.of(null, "S3 server access logging is off unless LoggingConfiguration is given");
    public static final Default<Ref> CFN_S3_LOGGING_TO_ITSELF =
            Default.of(null, "S3 LoggingConfiguration without DestinationBucketName: logs go to the bucket itself");
    public static final Default<String> CFN_S3_NO_BUCKET_POLICY =
            Default.of(null, "no AWS::S3::BucketPolicy for this bucket in the template");
    public static final Default<java.util.List<io.plumbline.model.storage.ReplicationRule>> CFN_S3_NO_REPLICATION =
            Default.of(java.util.List.of(), "S3 ReplicationConfiguration absent: no replication");
    public static final Default<java.util.List<io.plumbline.model.storage.LifecycleRule>> CFN_S3_NO_LIFECYCLE =
            Default.of(java.util.List.of(), "S3 LifecycleConfiguration absent: no lifecycle rule");
    public static final Default<Ref> CFN_SECRET_AWS_MANAGED_KEY =
            Default.of(null, "Secrets Manager encrypts with the AWS managed key aws/secretsmanager when KmsKeyId is omitted");
    public static final Default<Boolean> CFN_SECRET_NO_ROTATION =
            Default.of(false, "no AWS::SecretsManager::RotationSchedule for this secret in the template: rotation off");
    public static final Default<java.util.List<String>> CFN_SECRET_NO_REPLICAS =
            Default.of(java.util.List.of(), "Secrets Manager ReplicaRegions absent: not replicated");
    public static final Default<Boolean> CFN_ECR_SCAN_ON_PUSH =
            Default.of(false, "ECR ImageScanningConfiguration ScanOnPush default false");
    public static final Default<String> CFN_ECR_TAG_MUTABILITY = Default.of("MUTABLE", "ECR ImageTagMutability default MUTABLE");
    public static final Default<String> CFN_ECR_ENCRYPTION = Default.of("AES256", "ECR EncryptionType default AES256");
    public static final Default<Ref> CFN_CLOUDFRONT_NO_WEB_ACL = Default.of(null, "CloudFront WebACLId absent: no web ACL");
    public static final Default<Ref> CFN_CLOUDFRONT_NO_LOGGING =
            Default.of(null, "CloudFront Logging absent: standard logging off");
    public static final Default<String> CFN_CLOUDFRONT_MIN_TLS =
            Default.of("TLSv1", "CloudFront MinimumProtocolVersion default TLSv1; with the default *.cloudfront.net certificate TLSv1 is always accepted");
    public static final Default<Integer> CFN_ROUTE53_FAILURE_THRESHOLD =
            Default.of(3, "Route 53 health check FailureThreshold default 3");
    public static final Default<Integer> CFN_LOGS_NEVER_EXPIRE =
            Default.of(null, "CloudWatch Logs RetentionInDays absent: logs never expire");
    public static final Default<Ref> CFN_LOGS_NO_KMS_KEY =
            Default.of(null, "CloudWatch Logs KmsKeyId absent: encrypted with a service-owned key, not a customer managed key");
    public static final Default<Integer> CFN_BACKUP_RETAIN_FOREVER =
            Default.of(null, "AWS Backup rule without Lifecycle: recovery points are kept indefinitely");
    public static final Default<java.util.List<String>> CFN_BACKUP_NO_COPY =
            Default.of(java.util.List.of(), "AWS Backup rule without CopyActions: no copy to another vault");
    public static final Default<Ref> BACKUP_VAULT_AWS_MANAGED_KEY = Default.of(null,
            "AWS Backup CreateBackupVault without EncryptionKeyArn: AWS Backup uses a KMS key it creates (AWS managed)");
    public static final Default<Boolean> BACKUP_VAULT_NOT_LOCKED = Default.of(false,
            "no Vault Lock configuration for this vault in the input: a vault is created without Vault Lock");

    // Terraform
    public static final Default<Boolean> TF_ROUTE_TABLE_NOT_MAIN = Default.of(false,
            "EC2 CreateRouteTable: a new route table is not the VPC's main table (only aws_main_route_table_association "
                    + "or aws_default_route_table make one main)");
    public static final Default<String> NAT_CONNECTIVITY_TYPE =
            Default.of("public", "EC2 CreateNatGateway ConnectivityType default public");
    public static final Default<java.util.List<String>> EKS_PUBLIC_ACCESS_CIDRS =
            Default.of(java.util.List.of("0.0.0.0/0"), "EKS publicAccessCidrs default 0.0.0.0/0");
    public static final Default<java.util.List<String>> EKS_INSTANCE_TYPES =
            Default.of(java.util.List.of("t3.medium"), "EKS CreateNodegroup instanceTypes default t3.medium");
    public static final Default<Boolean> ELB_ACCESS_LOGS =
            Default.of(false, "ELBv2 load balancer attribute access_logs.s3.enabled default false");
    public static final Default<Boolean> ELB_DELETION_PROTECTION =
            Default.of(false, "ELBv2 load balancer attribute deletion_protection.enabled default false");
    public static final Default<Boolean> ELB_DROP_INVALID_HEADER_FIELDS = Default.of(false,
            "ELBv2 load balancer attribute routing.http.drop_invalid_header_fields.enabled default false");
    public static final Default<Integer> TF_RDS_PROMOTION_TIER =
            Default.of(0, "terraform-provider-aws aws_rds_cluster_instance promotion_tier default 0");
    public static final Default<Boolean> TF_DB_INSTANCE_PUBLICLY_ACCESSIBLE =
            Default.of(false, "terraform-provider-aws aws_db_instance publicly_accessible default false");
    public static final Default<Ref> RDS_DEFAULT_SUBNET_GROUP = Default.of(new Ref("default"),
            "RDS API CreateDBCluster: without DBSubnetGroupName the cluster goes to the default VPC's default group");
    public static final Default<Boolean> TF_EBS_ENCRYPTION_BY_DEFAULT = Default.of(true,
            "aws_ebs_encryption_by_default: enabled defaults to true");
    public static final Default<String> RDS_DEFAULT_CLUSTER_PARAMETER_GROUP = Default.of(null,
            "RDS API CreateDBCluster: without DBClusterParameterGroupName the engine's default group applies");
    public static final Default<Boolean> ELASTICACHE_SERVERLESS_ENCRYPTED =
            Default.of(true, "ElastiCache Serverless always encrypts data at rest");
    public static final Default<Boolean> ELASTICACHE_SERVERLESS_TRANSIT =
            Default.of(true, "ElastiCache Serverless always encrypts data in transit (TLS required)");
    public static final Default<Boolean> ELASTICACHE_SERVERLESS_HA = Default.of(true,
            "ElastiCache Serverless replicates data across Availability Zones and fails over automatically");
    public static final Default<Boolean> SECRETS_MANAGER_ROTATION =
            Default.of(false, "Secrets Manager: a secret does not rotate until rotation is configured");
    public static final Default<Boolean> ECR_SCAN_ON_PUSH =
            Default.of(false, "ECR imageScanningConfiguration.scanOnPush default false");
    public static final Default<String> ECR_TAG_MUTABILITY =
            Default.of("MUTABLE", "ECR imageTagMutability default MUTABLE");
    public static final Default<String> ECR_ENCRYPTION_TYPE =
            Default.of("AES256", "ECR encryptionConfiguration.encryptionType default AES256");
    public static final Default<Integer> LOG_GROUP_RETENTION_NEVER =
            Default.of(0, "CloudWatch Logs: a log group without a retention policy never expires (0)");
    public static final Default<String> S3_DEFAULT_SSE = Default.of("AES256",
            "S3 applies SSE-S3 (AES256) to every bucket without a default-encryption configuration (since 2023-01-05)");
    public static final Default<java.util.List<io.plumbline.model.storage.ReplicationRule>> S3_NO_REPLICATION =
            Default.of(java.util.List.of(), "S3: a new bucket has no replication configuration");
    public static final Default<java.util.List<io.plumbline.model.storage.LifecycleRule>> S3_NO_LIFECYCLE =
            Default.of(java.util.List.of(), "S3: a new bucket has no lifecycle configuration");
    public static final Default<Ref> S3_NO_LOGGING =
            Default.of(null, "S3: server access logging is off on a new bucket");
    public static final Default<String> S3_NO_POLICY = Default.of(null, "S3: a new bucket has no bucket policy");

    // Shared by the sources
    public static final Default<Ref> NO_CUSTOMER_MANAGED_KEY = Default.of(null,
            "no KMS key given: AWS uses an AWS managed or AWS owned key, never a customer managed key");
    public static final Default<java.util.Map<String, String>> CFN_NO_TAGS = Default.of(java.util.Map.of(),
            "no Tags in the template (stack-level tags given at deploy time may add more)");
}
