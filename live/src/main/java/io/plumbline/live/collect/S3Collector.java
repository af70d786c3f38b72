package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Defaults;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * S3 buckets. {@code ListBuckets} is account-wide, so every region's task lists all buckets and keeps only those whose
 * region is the task's own: each bucket is collected exactly once, in its region, with that region's provenance. The
 * region comes from {@code ListBuckets}' {@code BucketRegion} when the endpoint reports it, else from
 * {@code GetBucketLocation} (empty = {@code us-east-1}, legacy {@code EU} = {@code eu-west-1}). A bucket whose region
 * cannot be read belongs to no task: then the whole kind is recorded as not collected in this region (no rule may
 * take its absence for compliance).
 *
 * <p>Each setting is one per-bucket Get call read through {@link CollectContext#read}: a denied call leaves that
 * setting UNKNOWN; the service's "not configured" errors are what they mean (no replication, no lifecycle rules, no
 * public access block, no policy, no tags). Values use the same strings as the Terraform and CloudFormation sources:
 * versioning {@code Enabled}/{@code Suspended}/{@code Disabled} (never enabled), algorithms {@code AES256}/
 * {@code aws:kms}/{@code aws:kms:dsse}, keys and destination buckets as references (bucket ARNs).
 */
public final class S3Collector implements Collector {

    public static final String LIST_BUCKETS = "s3:ListAllMyBuckets";
    public static final String GET_BUCKET_LOCATION = "s3:GetBucketLocation";
    public static final String GET_BUCKET_TAGGING = "s3:GetBucketTagging";
    public static final String GET_BUCKET_VERSIONING = "s3:GetBucketVersioning";
    public static final String GET_ENCRYPTION_CONFIGURATION = "s3:GetEncryptionConfiguration";
    public static final String GET_PUBLIC_ACCESS_BLOCK = "s3:GetBucketPublicAccessBlock";
    public static final String GET_REPLICATION_CONFIGURATION = "s3:GetReplicationConfiguration";
    public static final String GET_LIFECYCLE_CONFIGURATION = "s3:GetLifecycleConfiguration";
    public static final String GET_BUCKET_LOGGING = "s3:GetBucketLogging";
    public static final String GET_BUCKET_POLICY = "s3:GetBucketPolicy";

    private S3Client s3;
    private Clients clients;
    private CollectContext ctx;
    private ConfigSelect.Items fromConfig;

    @Override
    public String service() {
        return "s3";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.S3_BUCKET);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        this.clients = clients;
        // --use-config: the region's bucket settings in a few queries (null: read directly, a note says why)
        this.fromConfig = ConfigSelect.select(clients, ctx, "AWS::S3::Bucket", ConfigItems.S3_PROPERTIES,
                "S3 bucket settings");
        try (S3Client client = clients.s3(ctx.region())) {
            this.s3 = client;
            List<String> unplaced = new ArrayList<>();
            List<S3Bucket> got = ctx.collect(Kind.S3_BUCKET, "S3 buckets", LIST_BUCKETS, () -> buckets(unplaced));
            if (!unplaced.isEmpty()) {
                ctx.withdraw(Kind.S3_BUCKET, got, "S3 buckets, because the region of bucket(s) " + unplaced
                        + " could not be read: any of them may belong to this region", GET_BUCKET_LOCATION);
            }
        }
    }

    /** The region a GetBucketLocation constraint names. */
    static String regionOf(String constraint) {
        if (constraint == null || constraint.isBlank()) return "us-east-1";
        if (constraint.equals("EU")) return "eu-west-1";
        return constraint;
    }

    /** The error code of a service error, or null. */
    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Runs {@code call}; the "not configured" error {@code absentCode} (or a 404 with it) gives {@code absent}. */
    private static <T> Supplier<T> orAbsent(Supplier<T> call, String absentCode, T absent) {
        return () -> {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (absentCode.equals(code(e))) return absent;
                throw e;
            }
        };
    }

    /** Unknown stays unknown (same note and operation); a known answer, null included, goes through {@code fn}. */
    private static <T, R> Value<R> derive(Value<T> raw, Function<T, R> fn) {
        if (raw.isUnknown()) return Value.unknown(raw.note(), raw.provenance());
        return Value.explicit(fn.apply(raw.get()), raw.provenance());
    }

    public List<S3Bucket> buckets(List<String> unplaced) {
        List<S3Bucket> out = new ArrayList<>();
        List<Bucket> all = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        for (var page : s3.listBucketsPaginator(b -> { })) all.addAll(page.buckets());
        for (Bucket b : all) {
            String arn = b.bucketArn() != null ? b.bucketArn() : "arn:" + ctx.partition() + ":s3:::" + b.name();
            String region = b.bucketRegion();
            ConfigItems.Item ci = fromConfig == null ? null : fromConfig.get(b.name());
            if (ci != null && (region == null || region.isBlank() || region.equals(ctx.region()))) {
                out.add(bucket(b.name(), arn, ci)); // Config recorded it in this region
                continue;
            }
            if (region == null || region.isBlank()) {
                // Once per bucket for the whole audit of this account, not once per audited region.
                Value<String> location = ctx.read(GET_BUCKET_LOCATION, ctx.at(arn, GET_BUCKET_LOCATION),
                        () -> clients.once(GET_BUCKET_LOCATION + " " + b.name(), () -> regionOf(
                                s3.getBucketLocation(r -> r.bucket(b.name())).locationConstraintAsString())));
                if (location.isUnknown()) {
                    unplaced.add(b.name());
                    continue;
                }
                region = location.get();
            }
            if (region.equals(ctx.region())) {
                out.add(bucket(b.name(), arn, null));
                if (fromConfig != null) unrecorded.add(b.name());
            }
        }
        if (!unrecorded.isEmpty()) {
            ctx.diagnostics().add(io.plumbline.model.Diagnostic.info("--use-config: AWS Config has no configuration "
                    + "item for bucket(s) " + unrecorded + " " + CollectContext.where(ctx.account(), ctx.region())
                    + " (not recorded yet?); they were read directly",
                    ctx.at(null, ConfigSelect.SELECT_RESOURCE_CONFIG)));
        }
        return out;
    }

    /** Every setting's operation: what the direct path reads for a bucket Config does not describe. */
    private static final java.util.Set<String> ALL_SETTINGS = java.util.Set.of(GET_BUCKET_TAGGING,
            GET_BUCKET_VERSIONING, GET_ENCRYPTION_CONFIGURATION, GET_PUBLIC_ACCESS_BLOCK, GET_REPLICATION_CONFIGURATION,
            GET_LIFECYCLE_CONFIGURATION, GET_BUCKET_LOGGING, GET_BUCKET_POLICY);

    private S3Bucket bucket(String name, String arn, ConfigItems.Item ci) {
        Provenance p = ctx.at(arn, LIST_BUCKETS);
        S3Bucket r = new S3Bucket(arn, "s3:Bucket", p);
        r.awsId = v(name, p);
        r.name = v(name, p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(name);
        r.addAlias("arn:aws:s3:::" + name);

        // From the configuration item where Config has it; what it cannot give is read directly below.
        java.util.Set<String> direct = ci == null ? ALL_SETTINGS
                : ConfigItems.s3Bucket(ci, r, ctx.at(arn, ConfigSelect.SELECT_RESOURCE_CONFIG));
        if (direct.contains(GET_BUCKET_TAGGING)) r.tags = ctx.read(GET_BUCKET_TAGGING,
                ctx.at(arn, GET_BUCKET_TAGGING), orAbsent(() -> {
            Map<String, String> tags = new LinkedHashMap<>();
            s3.getBucketTagging(x -> x.bucket(name)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        }, "NoSuchTagSet", Map.of()));

        if (direct.contains(GET_BUCKET_VERSIONING)) {
            Value<GetBucketVersioningResponse> ver = ctx.read(GET_BUCKET_VERSIONING,
                    ctx.at(arn, GET_BUCKET_VERSIONING), () -> s3.getBucketVersioning(x -> x.bucket(name)));
            // No Status: versioning was never enabled ("Disabled", as the plan and template sources say).
            r.versioning = derive(ver, x -> x.statusAsString() == null ? "Disabled" : x.statusAsString());
            r.mfaDelete = derive(ver, GetBucketVersioningResponse::mfaDeleteAsString);
        }

        if (direct.contains(GET_ENCRYPTION_CONFIGURATION)) encryption(r, name, arn);
        if (direct.contains(GET_PUBLIC_ACCESS_BLOCK)) publicAccessBlock(r, name, arn);
        if (direct.contains(GET_REPLICATION_CONFIGURATION)) replication(r, name, arn);
        if (direct.contains(GET_LIFECYCLE_CONFIGURATION)) lifecycle(r, name, arn);

        if (direct.contains(GET_BUCKET_LOGGING)) r.loggingTarget = ctx.read(GET_BUCKET_LOGGING,
                ctx.at(arn, GET_BUCKET_LOGGING), () -> {
            var logging = s3.getBucketLogging(x -> x.bucket(name)).loggingEnabled();
            return logging == null || logging.targetBucket() == null ? null
                    : new io.plumbline.model.Ref(logging.targetBucket());
        });
        if (direct.contains(GET_BUCKET_POLICY)) r.policy = ctx.read(GET_BUCKET_POLICY, ctx.at(arn, GET_BUCKET_POLICY),
                orAbsent(() -> s3.getBucketPolicy(x -> x.bucket(name)).policy(), "NoSuchBucketPolicy", null));
        return r;
    }

    private void encryption(S3Bucket r, String name, String arn) {
        Value<ServerSideEncryptionRule> rule = ctx.read(GET_ENCRYPTION_CONFIGURATION,
                ctx.at(arn, GET_ENCRYPTION_CONFIGURATION), orAbsent(() -> {
                    var cfg = s3.getBucketEncryption(x -> x.bucket(name)).serverSideEncryptionConfiguration();
                    return cfg == null || cfg.rules().isEmpty() ? null : cfg.rules().get(0);
                }, "ServerSideEncryptionConfigurationNotFoundError", null));
        if (rule.isUnknown()) {
            r.sseAlgorithm = Value.unknown(rule.note(), rule.provenance());
            r.sseKmsKey = Value.unknown(rule.note(), rule.provenance());
            r.bucketKeyEnabled = Value.unknown(rule.note(), rule.provenance());
            return;
        }
        ServerSideEncryptionRule x = rule.get();
        var byDefault = x == null ? null : x.applyServerSideEncryptionByDefault();
        if (byDefault == null) {
            // No default-encryption configuration: S3 applies SSE-S3 to every bucket (the same default the plan and
            // template sources use). Real AWS always answers with a configuration since 2023.
            r.sseAlgorithm = Value.defaulted(Defaults.S3_DEFAULT_SSE, rule.provenance());
            r.sseKmsKey = v(null, rule.provenance());
        } else {
            r.sseAlgorithm = v(byDefault.sseAlgorithmAsString(), rule.provenance());
            String key = byDefault.kmsMasterKeyID();
            r.sseKmsKey = v(key == null || key.isBlank() ? null : new Ref(key), rule.provenance());
        }
        // BucketKeyEnabled is omitted when off (S3 default false).
        r.bucketKeyEnabled = v(x != null && Boolean.TRUE.equals(x.bucketKeyEnabled()), rule.provenance());
    }

    private void publicAccessBlock(S3Bucket r, String name, String arn) {
        // No bucket-level configuration: none of the four blocks is on at bucket level (account-level settings are
        // s3:GetAccountPublicAccessBlock's, not the bucket's).
        PublicAccessBlockConfiguration none = PublicAccessBlockConfiguration.builder().blockPublicAcls(false)
                .blockPublicPolicy(false).ignorePublicAcls(false).restrictPublicBuckets(false).build();
        Value<PublicAccessBlockConfiguration> pab = ctx.read(GET_PUBLIC_ACCESS_BLOCK,
                ctx.at(arn, GET_PUBLIC_ACCESS_BLOCK), orAbsent(
                        () -> s3.getPublicAccessBlock(x -> x.bucket(name)).publicAccessBlockConfiguration(),
                        "NoSuchPublicAccessBlockConfiguration", none));
        r.blockPublicAcls = derive(pab, c -> c != null && Boolean.TRUE.equals(c.blockPublicAcls()));
        r.blockPublicPolicy = derive(pab, c -> c != null && Boolean.TRUE.equals(c.blockPublicPolicy()));
        r.ignorePublicAcls = derive(pab, c -> c != null && Boolean.TRUE.equals(c.ignorePublicAcls()));
        r.restrictPublicBuckets = derive(pab, c -> c != null && Boolean.TRUE.equals(c.restrictPublicBuckets()));
    }

    private void replication(S3Bucket r, String name, String arn) {
        Value<ReplicationConfiguration> cfg = ctx.read(GET_REPLICATION_CONFIGURATION,
                ctx.at(arn, GET_REPLICATION_CONFIGURATION), orAbsent(
                        () -> s3.getBucketReplication(x -> x.bucket(name)).replicationConfiguration(),
                        "ReplicationConfigurationNotFoundError", null));
        r.replicationRules = derive(cfg, c -> {
            if (c == null) return List.of();
            Provenance p = cfg.provenance();
            List<ReplicationRule> rules = new ArrayList<>();
            for (var rule : c.rules()) {
                var dest = rule.destination();
                String bucket = dest == null ? null : dest.bucket();
                String key = dest == null || dest.encryptionConfiguration() == null ? null
                        : dest.encryptionConfiguration().replicaKmsKeyID();
                String deleteMarkers = rule.deleteMarkerReplication() == null ? null
                        : rule.deleteMarkerReplication().statusAsString();
                var selection = rule.sourceSelectionCriteria();
                String sseKms = selection == null || selection.sseKmsEncryptedObjects() == null ? null
                        : selection.sseKmsEncryptedObjects().statusAsString();
                rules.add(new ReplicationRule(v(rule.statusAsString(), p), v(bucket == null ? null : new Ref(bucket), p),
                        v(dest == null ? null : dest.storageClassAsString(), p), v(key == null ? null : new Ref(key), p),
                        v(deleteMarkers, p), v(filter(rule), p), v(sseKms, p)));
            }
            return List.copyOf(rules);
        });
        r.replicationRole = derive(cfg, c -> c == null || c.role() == null ? null : new Ref(c.role()));
    }

    /** The objects a rule selects, as the plan source writes it: a prefix ("" = every object), tags as text. */
    private static String filter(software.amazon.awssdk.services.s3.model.ReplicationRule rule) {
        var f = rule.filter();
        if (f == null) return rule.prefix();
        StringBuilder text = new StringBuilder();
        List<String> tags = new ArrayList<>();
        if (f.prefix() != null) text.append(f.prefix());
        if (f.tag() != null) tags.add(f.tag().key() + "=" + f.tag().value());
        if (f.and() != null) {
            if (f.and().prefix() != null) text.append(f.and().prefix());
            f.and().tags().forEach(t -> tags.add(t.key() + "=" + t.value()));
        }
        if (!tags.isEmpty()) text.append(text.length() > 0 ? " " : "").append("tags: ").append(String.join(", ", tags));
        return text.toString();
    }

    private void lifecycle(S3Bucket r, String name, String arn) {
        Value<List<software.amazon.awssdk.services.s3.model.LifecycleRule>> cfg = ctx.read(
                GET_LIFECYCLE_CONFIGURATION, ctx.at(arn, GET_LIFECYCLE_CONFIGURATION), orAbsent(
                        () -> s3.getBucketLifecycleConfiguration(x -> x.bucket(name)).rules(),
                        "NoSuchLifecycleConfiguration", List.of()));
        r.lifecycleRules = derive(cfg, rules -> {
            Provenance p = cfg.provenance();
            List<LifecycleRule> out = new ArrayList<>();
            for (var rule : rules == null ? List.<software.amazon.awssdk.services.s3.model.LifecycleRule>of() : rules) {
                List<String> classes = rule.transitions().stream().map(t -> t.storageClassAsString()).toList();
                Integer days = rule.expiration() == null ? null : rule.expiration().days();
                Integer noncurrent = rule.noncurrentVersionExpiration() == null ? null
                        : rule.noncurrentVersionExpiration().noncurrentDays();
                out.add(new LifecycleRule(v(rule.statusAsString(), p), v(classes, p), v(days, p), v(noncurrent, p)));
            }
            return List.copyOf(out);
        });
    }
}
