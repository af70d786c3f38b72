package io.plumbline.features.check;

import io.plumbline.model.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names a feature may give a resource kind: the model's kind ({@code DB_CLUSTER}, or in words {@code DB cluster})
 * and the names an auditor uses ({@code Aurora cluster}, {@code Redis replication group}, {@code S3 bucket}...).
 * Names are compared without case, spaces, underscores or hyphens. A synonym selects the whole kind: "Aurora cluster"
 * is every DB cluster of the input.
 */
public final class Kinds {
    private static final Map<String, Kind> BY_NAME = new LinkedHashMap<>();
    private static final Map<Kind, String> LABEL = new LinkedHashMap<>();

    static {
        for (Kind k : Kind.values()) {
            BY_NAME.put(norm(k.name()), k);
            LABEL.put(k, k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        label(Kind.VPC, "VPC");
        label(Kind.NAT_GATEWAY, "NAT gateway");
        label(Kind.NETWORK_ACL, "network ACL", "NACL");
        label(Kind.INSTANCE, "EC2 instance");
        label(Kind.EKS_CLUSTER, "EKS cluster");
        label(Kind.NODE_GROUP, "EKS node group");
        label(Kind.AUTO_SCALING_GROUP, "Auto Scaling group");
        label(Kind.EBS_VOLUME, "EBS volume");
        label(Kind.EBS_ENCRYPTION_DEFAULT, "EBS encryption by default", "EBS default encryption");
        label(Kind.DB_CLUSTER, "DB cluster", "Aurora cluster", "RDS cluster");
        label(Kind.DB_INSTANCE, "DB instance", "Aurora instance", "RDS instance");
        label(Kind.DB_SUBNET_GROUP, "DB subnet group");
        label(Kind.DB_CLUSTER_SNAPSHOT, "DB cluster snapshot", "cluster snapshot");
        label(Kind.DB_CLUSTER_PARAMETER_GROUP, "DB cluster parameter group", "cluster parameter group");
        label(Kind.CACHE_REPLICATION_GROUP, "cache replication group", "Redis replication group",
                "ElastiCache replication group");
        label(Kind.KMS_KEY, "KMS key");
        label(Kind.S3_BUCKET, "S3 bucket");
        label(Kind.SECRET, "secret", "Secrets Manager secret");
        label(Kind.ECR_REPOSITORY, "ECR repository");
        label(Kind.ECR_REPLICATION_CONFIGURATION, "ECR replication configuration", "ECR registry replication");
        label(Kind.CLOUDFRONT_DISTRIBUTION, "CloudFront distribution");
        label(Kind.WAF_WEB_ACL, "WAF web ACL", "web ACL");
        label(Kind.ROUTE53_HEALTH_CHECK, "Route 53 health check");
        label(Kind.LOG_GROUP, "log group", "CloudWatch log group");
        label(Kind.BACKUP_PLAN, "backup plan", "AWS Backup plan");
        label(Kind.BACKUP_VAULT, "backup vault", "AWS Backup vault");
        label(Kind.GLOBAL_CLUSTER, "global cluster", "Aurora global database", "global database");
        label(Kind.IAM_ROLE, "IAM role", "role");
        label(Kind.OIDC_PROVIDER, "OIDC provider", "OpenID Connect provider");
        label(Kind.CONFIG_RECORDER, "Config recorder", "AWS Config recorder", "configuration recorder");
        label(Kind.ACCOUNT_PUBLIC_ACCESS_BLOCK, "account public access block", "account Block Public Access");
        label(Kind.BUCKET_WRITER, "bucket writer", "log delivery", "artifact store");
        label(Kind.GENERIC, "generic");
    }

    private Kinds() {
    }

    private static void label(Kind kind, String label, String... synonyms) {
        LABEL.put(kind, label);
        BY_NAME.put(norm(label), kind);
        for (String s : synonyms) BY_NAME.put(norm(s), kind);
    }

    static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The kind a feature names; an unknown name is an error that lists the names there are. */
    public static Kind parse(String name) {
        Kind k = BY_NAME.get(norm(name));
        if (k == null) {
            throw new IllegalArgumentException("unknown resource kind '" + name + "' (known: " + String.join(", ", names())
                    + ")");
        }
        return k;
    }

    /** How the kind reads in a message: "DB cluster", "S3 bucket". */
    public static String label(Kind kind) {
        return LABEL.get(kind);
    }

    /** Every accepted name, for error messages and documentation. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) out.add(LABEL.get(k));
        return out;
    }
}
