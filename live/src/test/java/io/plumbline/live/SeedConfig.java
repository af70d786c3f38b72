package io.plumbline.live;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * Seeds AWS Config for the {@code --use-config} tests: a configuration recorder in moto (which serves the recorder
 * calls), and HAND-WRITTEN configuration items for {@link ConfigStub} (moto does not serve SelectResourceConfig).
 *
 * <p>The items follow the documented shapes, not recorded output: the CI envelope (accountId, arn, awsRegion,
 * resourceId, resourceName, resourceType, tags as [{key, value}] in advanced-query results) of the AWS Config developer
 * guide ("Components of a configuration item", "Query components") and the property paths and casing of
 * awslabs/aws-config-resource-schema {@code config/properties/resource-types/AWS::S3::Bucket.properties.json}
 * (supplementaryConfiguration.BucketVersioningConfiguration.status "Off"/"Enabled"/"Suspended" and isMfaDeleteEnabled,
 * ServerSideEncryptionConfiguration.rules[].applyServerSideEncryptionByDefault.{sseAlgorithm,kmsMasterKeyID} and
 * bucketKeyEnabled, PublicAccessBlockConfiguration.*, BucketLifecycleConfiguration.rules[].{status,
 * transitions[].storageClass, expirationInDays, noncurrentVersionExpirationInDays},
 * BucketReplicationConfiguration.roleARN, BucketLoggingConfiguration.destinationBucketName) and
 * {@code AWS::KMS::Key.properties.json} (configuration.{keyId, enabled, keyState, keyUsage, keyManager,
 * customerMasterKeySpec, origin}, supplementaryConfiguration.KeyRotationStatus).
 * Values absent from a bucket's settings are omitted as Config omits them (PublicAccessBlockConfiguration,
 * BucketLifecycleConfiguration, BucketReplicationConfiguration only for buckets that have them).
 */
public final class SeedConfig {

    private SeedConfig() {
    }

    public static ConfigClient config(MotoServer moto) {
        return ConfigClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    /**
     * A recorder in moto recording {@code types} (empty: all supported types), started when {@code recording}. moto
     * needs a delivery channel before it starts a recorder, as AWS does.
     */
    public static void recorder(MotoServer moto, boolean recording, List<String> types) {
        try (ConfigClient config = config(moto)) {
            config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                    .roleARN("arn:aws:iam::" + SeedData.ACCOUNT + ":role/config")
                    .recordingGroup(g -> {
                        if (types.isEmpty()) g.allSupported(true).includeGlobalResourceTypes(false);
                        else g.allSupported(false).includeGlobalResourceTypes(false).resourceTypesWithStrings(types);
                    })));
            config.putDeliveryChannel(b -> b.deliveryChannel(d -> d.name("default").s3BucketName("config-delivery")));
            if (recording) config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
        }
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> "{\"key\":" + q(e.getKey()) + ",\"value\":" + q(e.getValue()) + "}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** What a bucket has, as a test seeds it and as its hand-written configuration item then describes it. */
    public record Bucket(String name, Map<String, String> tags, String versioning, Boolean mfaDelete,
                         String sseAlgorithm, String kmsKey, boolean bucketKey, boolean publicAccessBlock,
                         String lifecycleStorageClass, Integer expirationDays, Integer noncurrentDays,
                         String replicationRole, String loggingTarget) {

        public static Bucket bare(String name) {
            return new Bucket(name, Map.of(), "Off", null, null, null, false, false, null, null, null, null, null);
        }
    }

    /** HAND-WRITTEN AWS::S3::Bucket configuration item (documented shape; see the class comment). */
    public static String s3Item(String region, Bucket b) {
        StringBuilder supp = new StringBuilder();
        supp.append("\"BucketVersioningConfiguration\":{\"status\":").append(q(b.versioning()))
                .append(",\"isMfaDeleteEnabled\":").append(b.mfaDelete()).append('}');
        supp.append(",\"BucketLoggingConfiguration\":{\"destinationBucketName\":").append(q(b.loggingTarget()))
                .append(",\"logFilePrefix\":").append(b.loggingTarget() == null ? "null" : "\"logs/\"").append('}');
        supp.append(",\"BucketPolicy\":{\"policyText\":null}");
        supp.append(",\"IsRequesterPaysEnabled\":false");
        if (b.sseAlgorithm() != null) {
            supp.append(",\"ServerSideEncryptionConfiguration\":{\"rules\":[{\"applyServerSideEncryptionByDefault\":")
                    .append("{\"sseAlgorithm\":").append(q(b.sseAlgorithm())).append(",\"kmsMasterKeyID\":")
                    .append(q(b.kmsKey())).append("},\"bucketKeyEnabled\":").append(b.bucketKey()).append("}]}");
        }
        if (b.publicAccessBlock()) {
            supp.append(",\"PublicAccessBlockConfiguration\":{\"blockPublicAcls\":true,\"ignorePublicAcls\":true,"
                    + "\"blockPublicPolicy\":true,\"restrictPublicBuckets\":true}");
        }
        if (b.lifecycleStorageClass() != null) {
            supp.append(",\"BucketLifecycleConfiguration\":{\"rules\":[{\"id\":\"archive\",\"status\":\"Enabled\","
                    + "\"expirationInDays\":").append(b.expirationDays() == null ? -1 : b.expirationDays())
                    .append(",\"noncurrentVersionExpirationInDays\":")
                    .append(b.noncurrentDays() == null ? -1 : b.noncurrentDays())
                    .append(",\"transitions\":[{\"days\":90,\"storageClass\":").append(q(b.lifecycleStorageClass()))
                    .append("}],\"filter\":{\"predicate\":{\"type\":\"LifecyclePrefixPredicate\","
                            + "\"prefix\":\"old/\"}}}]}");
        }
        if (b.replicationRole() != null) {
            supp.append(",\"BucketReplicationConfiguration\":{\"roleARN\":").append(q(b.replicationRole()))
                    .append(",\"rules\":{\"dr\":{\"prefix\":\"\",\"status\":\"Enabled\",\"destinationConfig\":")
                    .append("{\"bucketARN\":\"arn:aws:s3:::").append(b.name()).append("-dr\"}}}}");
        }
        return "{\"version\":\"1.3\",\"accountId\":\"" + SeedData.ACCOUNT + "\","
                + "\"configurationItemCaptureTime\":\"2026-11-20T10:00:00.000Z\",\"configurationItemStatus\":\"OK\","
                + "\"configurationStateId\":\"1763632800000\",\"arn\":\"arn:aws:s3:::" + b.name() + "\","
                + "\"resourceType\":\"AWS::S3::Bucket\",\"resourceId\":" + q(b.name()) + ",\"resourceName\":"
                + q(b.name()) + ",\"awsRegion\":" + q(region) + ",\"availabilityZone\":\"Regional\","
                + "\"resourceCreationTime\":\"2026-11-19T09:00:00.000Z\",\"tags\":" + tags(b.tags()) + ","
                + "\"relationships\":[],\"configuration\":{\"name\":" + q(b.name())
                + ",\"owner\":{\"displayName\":null,"
                + "\"id\":\"75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a\"},"
                + "\"creationDate\":\"2026-11-19T09:00:00.000Z\"},\"supplementaryConfiguration\":{" + supp + "}}";
    }

    /** What a key is, as seeded, and as its hand-written configuration item describes it. */
    public record Key(String keyId, String arn, String keyManager, String keyState, boolean enabled, String keyUsage,
                      String keySpec, String origin, Boolean rotation, Map<String, String> tags) {
    }

    /** HAND-WRITTEN AWS::KMS::Key configuration item (documented shape; see the class comment). */
    public static String kmsItem(String region, Key k) {
        return "{\"version\":\"1.3\",\"accountId\":\"" + SeedData.ACCOUNT + "\","
                + "\"configurationItemCaptureTime\":\"2026-11-20T10:00:00.000Z\",\"configurationItemStatus\":\"OK\","
                + "\"arn\":" + q(k.arn()) + ",\"resourceType\":\"AWS::KMS::Key\",\"resourceId\":" + q(k.keyId())
                + ",\"awsRegion\":" + q(region) + ",\"availabilityZone\":\"Not Applicable\",\"tags\":" + tags(k.tags())
                + ",\"relationships\":[],\"configuration\":{\"keyId\":" + q(k.keyId()) + ",\"arn\":" + q(k.arn())
                + ",\"awsaccountId\":\"" + SeedData.ACCOUNT + "\",\"creationDate\":\"2026-11-19T09:00:00.000Z\","
                + "\"enabled\":" + k.enabled() + ",\"description\":\"\",\"keyUsage\":" + q(k.keyUsage())
                + ",\"keyState\":" + q(k.keyState()) + ",\"origin\":" + q(k.origin()) + ",\"keyManager\":"
                + q(k.keyManager()) + ",\"customerMasterKeySpec\":" + q(k.keySpec()) + ",\"encryptionAlgorithms\":"
                + "[\"SYMMETRIC_DEFAULT\"]},\"supplementaryConfiguration\":{"
                + (k.rotation() == null ? "" : "\"KeyRotationStatus\":" + k.rotation()) + "}}";
    }
}
