package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;

import io.plumbline.model.Default;
import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** S3 buckets with their lifecycle rules and bucket policies. */
final class StorageMapper extends FamilyMapper {
    private final Map<S3Bucket, Res> bucketPolicies = new IdentityHashMap<>();

    StorageMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return r.type().equals("AWS::S3::Bucket") ? bucket(r) : null;
    }

    @Override
    Set<String> foldingTypes() {
        return Set.of("AWS::S3::BucketPolicy");
    }

    @Override
    Resource fold(Res r) {
        return foldBucketPolicy(r);
    }

    private S3Bucket bucket(Res r) {
        S3Bucket b = new S3Bucket(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(b, r, "BucketName", false);
        if (b.name.isPresent()) b.addAlias("arn:aws:s3:::" + b.name.get());
        Ev versioning = get(p, "VersioningConfiguration");
        b.versioning = versioning == null ? Value.defaulted(Defaults.S3_VERSIONING_NEVER_ENABLED, r.loc())
                : c.str(get(versioning, "Status"));
        Ev encryption = get(p, "BucketEncryption");
        if (encryption == null) {
            b.sseAlgorithm = Value.defaulted(Defaults.CFN_S3_DEFAULT_SSE, r.loc());
            b.sseKmsKey = Value.defaulted(Defaults.CFN_S3_NO_KMS_KEY, r.loc());
            b.bucketKeyEnabled = Value.defaulted(Defaults.CFN_S3_BUCKET_KEY, r.loc());
        } else {
            Ev rules = get(encryption, "ServerSideEncryptionConfiguration");
            List<Ev> all = items(rules);
            Ev first = all == null ? rules : all.isEmpty() ? null : all.get(0);
            Ev byDefault = get(first, "ServerSideEncryptionByDefault");
            if (byDefault == null) {
                b.sseAlgorithm = Value.defaulted(Defaults.CFN_S3_DEFAULT_SSE, c.at(encryption));
                b.sseKmsKey = Value.defaulted(Defaults.CFN_S3_NO_KMS_KEY, c.at(encryption));
            } else {
                b.sseAlgorithm = c.str(get(byDefault, "SSEAlgorithm"));
                b.sseKmsKey = c.ref(get(byDefault, "KMSMasterKeyID"), Defaults.CFN_S3_NO_KMS_KEY, c.at(byDefault));
            }
            b.bucketKeyEnabled = first == null ? Value.defaulted(Defaults.CFN_S3_BUCKET_KEY, c.at(encryption))
                    : c.bool(get(first, "BucketKeyEnabled"), Defaults.CFN_S3_BUCKET_KEY, c.at(first));
        }
        Ev block = get(p, "PublicAccessBlockConfiguration");
        if (block == null) {
            Value<Boolean> on = Value.defaulted(Defaults.CFN_S3_NEW_BUCKET_BLOCKS_PUBLIC_ACCESS, r.loc());
            b.blockPublicAcls = on;
            b.blockPublicPolicy = on;
            b.ignorePublicAcls = on;
            b.restrictPublicBuckets = on;
        } else {
            Provenance at = c.at(block);
            b.blockPublicAcls = c.bool(get(block, "BlockPublicAcls"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.blockPublicPolicy = c.bool(get(block, "BlockPublicPolicy"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.ignorePublicAcls = c.bool(get(block, "IgnorePublicAcls"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
            b.restrictPublicBuckets = c.bool(get(block, "RestrictPublicBuckets"), Defaults.S3_PUBLIC_ACCESS_BLOCK_FLAG, at);
        }
        Ev replication = get(p, "ReplicationConfiguration");
        b.replicationRules = replication == null ? Value.defaulted(Defaults.CFN_S3_NO_REPLICATION, r.loc())
                : objects(get(replication, "Rules"), rule -> {
                    Ev dest = get(rule, "Destination");
                    return new ReplicationRule(c.str(get(rule, "Status")), c.ref(get(dest, "Bucket")),
                            c.str(get(dest, "StorageClass")),
                            c.ref(get(dest, "EncryptionConfiguration", "ReplicaKmsKeyID")),
                            orNull(c.str(get(rule, "DeleteMarkerReplication", "Status")), r),
                            replicationFilter(rule, r),
                            orNull(c.str(get(rule, "SourceSelectionCriteria", "SseKmsEncryptedObjects", "Status")), r));
                });
        b.replicationRole = replication == null ? Value.explicit(null, r.loc()) : c.ref(get(replication, "Role"));
        Ev lifecycle = get(p, "LifecycleConfiguration");
        b.lifecycleRules = lifecycle == null ? Value.defaulted(Defaults.CFN_S3_NO_LIFECYCLE, r.loc())
                : objects(get(lifecycle, "Rules"), this::lifecycleRule);
        Ev logging = get(p, "LoggingConfiguration");
        if (logging == null) {
            b.loggingTarget = Value.defaulted(Defaults.CFN_S3_NO_ACCESS_LOGGING, r.loc());
        } else {
            Ev target = get(logging, "DestinationBucketName");
            b.loggingTarget = target != null ? c.ref(target)
                    : Value.defaulted(Default.of(new Ref(r.id()), Defaults.CFN_S3_LOGGING_TO_ITSELF.description()),
                    c.at(logging));
        }
        b.policy = Value.defaulted(Defaults.CFN_S3_NO_BUCKET_POLICY, r.loc());
        return b;
    }

    private LifecycleRule lifecycleRule(Ev rule) {
        Ev list = get(rule, "Transitions");
        Value<List<String>> classes = null;
        List<Ev> all = items(list);
        if (all == null) {
            classes = c.unknown(list);
        } else {
            List<Ev> transitions = new ArrayList<>(all);
            Ev single = get(rule, "Transition");
            if (single != null) transitions.add(single);
            List<String> out = new ArrayList<>();
            for (Ev t : transitions) {
                Value<String> sc = c.str(get(t, "StorageClass"));
                if (sc.isUnknown()) {
                    classes = Value.unknown(sc.note(), sc.provenance());
                    break;
                }
                if (sc.isPresent()) out.add(sc.get());
            }
            if (classes == null) classes = Value.explicit(List.copyOf(out), c.at(rule));
        }
        Ev expiration = get(rule, "ExpirationInDays");
        Ev noncurrent = get(rule, "NoncurrentVersionExpiration", "NoncurrentDays");
        if (noncurrent == null) noncurrent = get(rule, "NoncurrentVersionExpirationInDays");
        return new LifecycleRule(c.str(get(rule, "Status")), classes,
                expiration == null ? Value.explicit(null, c.at(rule)) : c.integer(expiration),
                noncurrent == null ? Value.explicit(null, c.at(rule)) : c.integer(noncurrent));
    }

    private Resource foldBucketPolicy(Res r) {
        Ev p = r.props();
        S3Bucket b = target(r, get(p, "Bucket"), S3Bucket.class, "Bucket", "a bucket");
        if (b == null) return null;
        Res previous = bucketPolicies.put(b, r);
        if (previous != null) {
            diagnostics.add(Diagnostic.warning("bucket " + b.address() + " has several bucket policies ("
                    + previous.id() + ", " + r.id() + "): a bucket has one policy, the last one applied wins", r.loc()));
            b.policy = Value.unknown("several bucket policies target this bucket (" + previous.id() + ", " + r.id()
                    + ")", r.loc());
            return b;
        }
        if (r.uncertain() != null) {
            b.policy = Value.unknown("the bucket policy " + existence(r), r.loc());
        } else {
            Ev doc = get(p, "PolicyDocument");
            b.policy = doc == null ? Value.notInInput() : document(doc);
        }
        return b;
    }

    /** A property the template leaves out that has no default: not set (explicit null at the resource). */
    private static Value<String> orNull(Value<String> v, Res r) {
        return v == Value.<String>notInInput() ? Value.explicit(null, r.loc()) : v;
    }

    /**
     * The objects a replication rule selects, as the Terraform mapping writes it: {@code Filter.Prefix} ({@code ""} =
     * every object), {@code TagFilter} and {@code And} as text, else the V1 rule-level {@code Prefix}; null when the
     * rule has neither.
     */
    private Value<String> replicationFilter(Ev rule, Res r) {
        Ev filter = get(rule, "Filter");
        if (filter == null) return orNull(c.str(get(rule, "Prefix")), r);
        StringBuilder text = new StringBuilder();
        java.util.List<String> tags = new java.util.ArrayList<>();
        for (Ev prefixEv : new Ev[] {get(filter, "Prefix"), get(filter, "And", "Prefix")}) {
            Value<String> prefix = c.str(prefixEv);
            if (prefix.isUnknown() && prefixEv != null) return prefix;
            if (prefix.isPresent()) text.append(prefix.get());
        }
        java.util.List<Ev> tagEvs = new java.util.ArrayList<>();
        if (get(filter, "TagFilter") != null) tagEvs.add(get(filter, "TagFilter"));
        tagEvs.addAll(Conv.items(get(filter, "And", "TagFilters")));
        for (Ev t : tagEvs) {
            Value<String> key = c.str(get(t, "Key"));
            Value<String> value = c.str(get(t, "Value"));
            if (key.isUnknown() && get(t, "Key") != null) return key;
            if (value.isUnknown() && get(t, "Value") != null) return value;
            tags.add(key.orElse("") + "=" + value.orElse(""));
        }
        if (!tags.isEmpty()) text.append(text.length() > 0 ? " " : "").append("tags: ").append(String.join(", ", tags));
        return Value.explicit(text.toString(), c.at(filter));
    }
}
