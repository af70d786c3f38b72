package io.plumbline.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The reference model's parameters: what "compliant" means for this platform. The reference profile ships in
 * {@code infra-reference}; a user's file overrides any part of it ({@link ProfileLoader}).
 */
public record Profile(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int minimumAvailabilityZones,
        String primaryRegion,
        String secondaryRegion,
        @JsonProperty(required = true) Aurora aurora,
        @JsonProperty(required = true) Cache cache,
        @JsonProperty(required = true) Network network,
        @JsonProperty(required = true) Roles roles,
        List<Flow> allowedFlows,
        Replication replication) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public Profile {
    }

    /** A profile without replication settings. */
    public Profile(String name, int minimumAvailabilityZones, String primaryRegion, String secondaryRegion,
                   Aurora aurora, Cache cache, Network network, Roles roles, List<Flow> allowedFlows) {
        this(name, minimumAvailabilityZones, primaryRegion, secondaryRegion, aurora, cache, network, roles,
                allowedFlows, null);
    }

    /**
     * Cross-region replication: {@code bucketRegions} names the region of buckets the input does not hold (a
     * replication destination created elsewhere), by bucket name, because an S3 ARN carries no region;
     * {@code customerManagedKeys} lists KMS key ARNs the input does not hold that the operator states are
     * customer-managed (replica keys created in the secondary region's stack), since nothing in the input can prove it.
     */
    public record Replication(Map<String, String> bucketRegions, List<String> customerManagedKeys) {
    }

    /** Whether the profile states that this key ARN (outside the input) is customer-managed. */
    public boolean declaresCustomerManagedKey(String keyArn) {
        if (replication == null || replication.customerManagedKeys() == null || keyArn == null) return false;
        return replication.customerManagedKeys().contains(keyArn.trim());
    }

    /**
     * The region the profile gives a bucket the input does not hold, or null: the entry of its exact name, else the
     * first entry whose key, read as a glob ({@code *} any text), matches the name ({@code "*-usw2": us-west-2}).
     */
    public String bucketRegion(String bucketName) {
        if (replication == null || replication.bucketRegions() == null || bucketName == null) return null;
        String exact = replication.bucketRegions().get(bucketName);
        if (exact != null) return exact;
        for (Map.Entry<String, String> e : replication.bucketRegions().entrySet()) {
            if (e.getKey() == null || !e.getKey().contains("*")) continue;
            String[] parts = e.getKey().split("\\*", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) regex.append(".*");
                regex.append(java.util.regex.Pattern.quote(parts[i]));
            }
            if (bucketName.matches(regex.toString())) return e.getValue();
        }
        return null;
    }

    /** Aurora: readers beyond the writer, backup retention (the PITR window). */
    public record Aurora(int minimumReaders, int backupRetentionDays) {
    }

    /** ElastiCache: replicas per shard, snapshot retention. */
    public record Cache(int minimumReplicas, int snapshotRetentionDays) {
    }

    /** Ports that must never be open to the internet; the tag that names a subnet's or SG's tier. */
    public record Network(List<Integer> adminPorts, String tierTag) {
    }

    /**
     * Which resource plays which role (rule catalog §0.7): the bucket role tag, which roles are platform buckets the
     * backup rules protect, name patterns that assign a role when the tag is missing, the node-group label, and the
     * roles the baseline bucket rules (versioning, encryption, public access, TLS-only) cover: null or absent = every
     * bucket, {@code general} (no use found) included (catalog §14).
     */
    public record Roles(String bucketRoleTag, List<String> protectedBucketRoles, Map<String, String> bucketNamePatterns,
                        String criticalityLabel, List<String> baselineBucketRoles) {
        @com.fasterxml.jackson.annotation.JsonCreator
        public Roles {
        }

        /** Baseline rules on every bucket. */
        public Roles(String bucketRoleTag, List<String> protectedBucketRoles, Map<String, String> bucketNamePatterns,
                     String criticalityLabel) {
            this(bucketRoleTag, protectedBucketRoles, bucketNamePatterns, criticalityLabel, null);
        }
    }

    /** An allowed flow between tiers: {@code from} and {@code to} are tiers ("internet" included). */
    public record Flow(String from, String to, String protocol, List<Integer> ports, String note) {
    }
}
