package io.plumbline.live.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.Defaults;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.OidcProvider;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads AWS Config configuration items (CIs) as {@code config:SelectResourceConfig} returns them (each result a JSON
 * document in a string) or as BatchGetResourceConfig/GetResourceConfigHistory give them (where {@code configuration}
 * is itself a JSON string and {@code supplementaryConfiguration} values are JSON strings). Meant as an accelerator
 * beside the Describe/List collectors: one query per resource type instead of calls per resource, where Config
 * records the type.
 *
 * <p>Config's casing is inconsistent across types ({@code dbclusterMembers}, {@code dBSubnetGroup}, PascalCase for
 * Cloud Control types): paths are matched without case. A property a query did not select (or Config did not
 * record) is left {@code notInInput}, never taken for "off".
 */
public final class ConfigItems {

    public static final String SELECT_RESOURCE_CONFIG = "config:SelectResourceConfig";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigItems() {
    }

    /** One configuration item: the envelope fields, and the whole document for {@link #path}. */
    public record Item(String accountId, String awsRegion, String resourceType, String resourceId,
                       String resourceName, String arn, Map<String, String> tags, JsonNode document) {

        /** The node at a dotted path ({@code configuration.distributionConfig.webACLId}), keys matched without case. */
        public JsonNode path(String dotted) {
            JsonNode n = document;
            for (String key : dotted.split("\\.")) n = child(n, key);
            return n;
        }

        /** Where a value of this item comes from: its account, region, ARN and the Config operation. */
        public Provenance provenance() {
            return Provenance.live(accountId, awsRegion, arn, SELECT_RESOURCE_CONFIG);
        }
    }

    /** Parses one result string; an invalid document is an {@link IllegalArgumentException} naming the problem. */
    public static Item parse(String result) {
        JsonNode root;
        try {
            root = JSON.readTree(result);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a configuration item (invalid JSON): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a configuration item: a JSON object was expected");
        }
        // BatchGetResourceConfig style: configuration is a JSON string, supplementaryConfiguration values too.
        var obj = (com.fasterxml.jackson.databind.node.ObjectNode) root;
        JsonNode conf = child(root, "configuration");
        if (conf.isTextual()) obj.set(fieldName(root, "configuration"), readOrText(conf.asText()));
        JsonNode supp = child(root, "supplementaryConfiguration");
        if (supp.isObject()) {
            var s = (com.fasterxml.jackson.databind.node.ObjectNode) supp;
            List<String> names = new ArrayList<>();
            s.fieldNames().forEachRemaining(names::add);
            for (String name : names) if (s.get(name).isTextual()) s.set(name, readOrText(s.get(name).asText()));
        }
        return new Item(text(root, "accountId"), text(root, "awsRegion"), text(root, "resourceType"),
                text(root, "resourceId"), text(root, "resourceName"), text(root, "arn"), tags(child(root, "tags")),
                root);
    }

    /** Every result string of one SelectResourceConfig page. */
    public static List<Item> parseAll(List<String> results) {
        List<Item> out = new ArrayList<>(results.size());
        for (String r : results) out.add(parse(r));
        return out;
    }

    private static JsonNode readOrText(String s) {
        String t = s.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) return JSON.getNodeFactory().textNode(s);
        try {
            return JSON.readTree(t);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }

    /** Select results give tags as [{key, value}]; configuration items as {key: value}. */
    private static Map<String, String> tags(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isArray()) {
            for (JsonNode t : n) out.put(child(t, "key").asText(), child(t, "value").asText());
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static JsonNode child(JsonNode n, String key) {
        if (n == null || !n.isObject()) return MissingNode.getInstance();
        JsonNode exact = n.get(key);
        if (exact != null) return exact;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return MissingNode.getInstance();
    }

    private static String fieldName(JsonNode n, String key) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase(key)) return name;
        }
        return key;
    }

    private static String text(JsonNode n, String key) {
        JsonNode c = child(n, key);
        return c.isMissingNode() || c.isNull() ? null : c.asText();
    }

    // ------------------------------------------------------------------ values

    private static Value<String> str(Item item, String path) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        return Value.explicit(n.isNull() ? null : n.asText(), item.provenance());
    }

    private static Value<Boolean> bool(Item item, String path) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        if (n.isNull()) return Value.explicit(null, item.provenance());
        if (n.isBoolean()) return Value.explicit(n.asBoolean(), item.provenance());
        String t = n.asText();
        if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
            return Value.explicit(Boolean.parseBoolean(t), item.provenance());
        }
        return Value.unknown(path + " is not a boolean: " + t, item.provenance());
    }

    /** CloudFront-style lists are {@code {quantity, items: [...]}}; plain arrays are accepted too. */
    private static List<JsonNode> items(JsonNode n) {
        JsonNode arr = n.isArray() ? n : child(n, "items");
        List<JsonNode> out = new ArrayList<>();
        if (arr.isArray()) arr.forEach(out::add);
        return out;
    }

    private static Value<List<String>> strings(Item item, String path, Function<JsonNode, JsonNode> each) {
        JsonNode n = item.path(path);
        if (n.isMissingNode()) return Value.notInInput();
        List<String> out = new ArrayList<>();
        for (JsonNode x : items(n)) {
            JsonNode v = each.apply(x);
            if (!v.isMissingNode() && !v.isNull()) out.add(v.asText());
        }
        return Value.explicit(List.copyOf(out), item.provenance());
    }

    // ------------------------------------------------------------------ AWS::CloudFront::Distribution

    /**
     * A distribution from its CI ({@code configuration.distributionConfig.*}, Config casing), the same shape as
     * {@link CloudFrontCollector} gives.
     */
    public static CloudFrontDistribution cloudFront(Item item) {
        if (!"AWS::CloudFront::Distribution".equals(item.resourceType())) {
            throw new IllegalArgumentException("not a CloudFront distribution: " + item.resourceType());
        }
        Provenance p = item.provenance();
        String arn = item.arn() != null ? item.arn()
                : "arn:aws:cloudfront::" + item.accountId() + ":distribution/" + item.resourceId();
        CloudFrontDistribution d = new CloudFrontDistribution(arn, "config:AWS::CloudFront::Distribution", p);
        d.awsId = Value.explicit(item.resourceId(), p);
        d.region = Value.explicit(item.awsRegion(), p);
        d.addAlias(arn);
        d.addAlias(item.resourceId());
        if (item.tags() != null) d.tags = Value.explicit(item.tags(), p);
        String dc = "configuration.distributionConfig.";
        Value<String> acl = str(item, dc + "webACLId");
        d.webAcl = acl.map(s -> s.isEmpty() ? null : new Ref(s));
        JsonNode def = item.path(dc + "defaultCacheBehavior");
        JsonNode ordered = item.path(dc + "cacheBehaviors");
        // Both are needed to know every behavior's policy (a full CI has cacheBehaviors {quantity: 0} when none).
        if (!def.isMissingNode() && !ordered.isMissingNode()) {
            List<String> policies = new ArrayList<>();
            policies.add(child(def, "viewerProtocolPolicy").asText());
            for (JsonNode b : items(ordered)) policies.add(child(b, "viewerProtocolPolicy").asText());
            d.viewerProtocolPolicies = Value.explicit(List.copyOf(policies), p);
        }
        d.minimumProtocolVersion = str(item, dc + "viewerCertificate.minimumProtocolVersion");
        d.acmCertificateArn = str(item, dc + "viewerCertificate.acmCertificateArn");
        d.sslSupportMethod = str(item, dc + "viewerCertificate.sslSupportMethod");
        d.defaultCertificate = bool(item, dc + "viewerCertificate.cloudFrontDefaultCertificate");
        Value<Boolean> logging = bool(item, dc + "logging.enabled");
        Value<String> bucket = str(item, dc + "logging.bucket");
        if (logging.isPresent() && !logging.get()) d.loggingBucket = Value.explicit(null, p);
        else if (logging.isPresent()) d.loggingBucket = bucket.map(s -> s.isEmpty() ? null : new Ref(s));
        d.originDomains = strings(item, dc + "origins", o -> child(o, "domainName"));
        JsonNode origins = item.path(dc + "origins");
        if (!origins.isMissingNode()) {
            List<String> policies = new ArrayList<>();
            Set<String> ssl = new LinkedHashSet<>();
            for (JsonNode o : items(origins)) {
                JsonNode custom = child(o, "customOriginConfig");
                if (custom.isMissingNode() || custom.isNull()) continue;
                policies.add(child(custom, "originProtocolPolicy").asText());
                for (JsonNode s : items(child(custom, "originSslProtocols"))) ssl.add(s.asText());
            }
            d.originProtocolPolicies = Value.explicit(List.copyOf(policies), p);
            d.originSslProtocols = Value.explicit(List.copyOf(ssl), p);
        }
        d.aliases = strings(item, dc + "aliases", x -> x);
        d.enabled = bool(item, dc + "enabled");
        return d;
    }

    // ------------------------------------------------------------------ AWS::IAM::OIDCProvider

    /** An OIDC provider from its CI (a Cloud Control type: PascalCase {@code Url}, {@code ClientIdList}...). */
    public static OidcProvider oidcProvider(Item item) {
        if (!"AWS::IAM::OIDCProvider".equals(item.resourceType())) {
            throw new IllegalArgumentException("not an IAM OIDC provider: " + item.resourceType());
        }
        Provenance p = item.provenance();
        String arn = item.arn() != null ? item.arn() : str(item, "configuration.Arn").orElse(item.resourceId());
        OidcProvider o = new OidcProvider(arn, "config:AWS::IAM::OIDCProvider", p);
        o.awsId = Value.explicit(arn, p);
        o.region = Value.explicit(item.awsRegion(), p);
        o.addAlias(arn);
        if (item.tags() != null) o.tags = Value.explicit(item.tags(), p);
        o.url = str(item, "configuration.Url").map(IamCollector::stripScheme);
        if (o.url.isPresent()) {
            o.name = o.url;
            o.addAlias(o.url.get());
        }
        o.clientIds = strings(item, "configuration.ClientIdList", x -> x);
        o.thumbprints = strings(item, "configuration.ThumbprintList", x -> x);
        return o;
    }

    // ------------------------------------------------------------------ AWS::S3::Bucket

    private static final String SC = "supplementaryConfiguration.";

    /**
     * What {@link S3Collector} selects for {@code --use-config}: only properties of the advanced-query schema of
     * AWS::S3::Bucket (awslabs/aws-config-resource-schema, {@code AWS::S3::Bucket.properties.json}), leaf by leaf.
     * Bucket policies and replication rules are not queryable there (only
     * {@code BucketReplicationConfiguration.roleARN}).
     */
    public static final List<String> S3_PROPERTIES = List.of("resourceId", "resourceName", "resourceType", "arn",
            "awsRegion", "tags",
            SC + "BucketVersioningConfiguration.status",
            SC + "BucketVersioningConfiguration.isMfaDeleteEnabled",
            SC + "ServerSideEncryptionConfiguration.rules.applyServerSideEncryptionByDefault.sseAlgorithm",
            SC + "ServerSideEncryptionConfiguration.rules.applyServerSideEncryptionByDefault.kmsMasterKeyID",
            SC + "ServerSideEncryptionConfiguration.rules.bucketKeyEnabled",
            SC + "PublicAccessBlockConfiguration.blockPublicAcls",
            SC + "PublicAccessBlockConfiguration.blockPublicPolicy",
            SC + "PublicAccessBlockConfiguration.ignorePublicAcls",
            SC + "PublicAccessBlockConfiguration.restrictPublicBuckets",
            SC + "BucketLifecycleConfiguration.rules.status",
            SC + "BucketLifecycleConfiguration.rules.transitions.storageClass",
            SC + "BucketLifecycleConfiguration.rules.expirationInDays",
            SC + "BucketLifecycleConfiguration.rules.noncurrentVersionExpirationInDays",
            SC + "BucketReplicationConfiguration.roleARN",
            SC + "BucketLoggingConfiguration.destinationBucketName");

    /** Why a bucket policy is unknown under {@code --use-config}. */
    public static final String NO_BUCKET_POLICY = "AWS Config advanced queries do not return bucket policies "
            + "(BucketPolicy is not a queryable property of AWS::S3::Bucket); audit without --use-config to read them";

    /**
     * Fills {@code r}'s settings from its configuration item, with the same strings and the same meaning of "not
     * configured" as {@link S3Collector}'s Get calls, at provenance {@code p} (the bucket ARN and
     * {@code config:SelectResourceConfig}). Answers the S3 operations whose settings the item cannot give and that
     * must be read directly: every setting when the item carries no recorded settings (no versioning status, which
     * Config records for every bucket — "Off" when never enabled), the replication rules when replication is
     * configured (Config's query schema only has its role). A value of the wrong type is UNKNOWN naming the path.
     *
     * <p>Config records {@code PublicAccessBlockConfiguration}, {@code BucketLifecycleConfiguration} and
     * {@code BucketReplicationConfiguration} only for buckets that have them (the same "not configured" the Get calls
     * answer with NoSuchPublicAccessBlockConfiguration, NoSuchLifecycleConfiguration,
     * ReplicationConfigurationNotFoundError); {@code BucketLoggingConfiguration} always, with a null destination
     * when logging is off; {@code ServerSideEncryptionConfiguration} whenever the bucket has one (all buckets since
     * 2023; without one S3 applies SSE-S3, the same default the direct path records).
     */
    public static Set<String> s3Bucket(Item item, S3Bucket r, Provenance p) {
        if (!"AWS::S3::Bucket".equals(item.resourceType()) && item.resourceType() != null) {
            throw new IllegalArgumentException("not an S3 bucket: " + item.resourceType());
        }
        Set<String> direct = new TreeSet<>();
        JsonNode status = item.path(SC + "BucketVersioningConfiguration.status");
        if (status.isMissingNode() || status.isNull()) {
            // Config has not recorded this bucket's settings (yet): nothing of it is taken for "not configured".
            direct.addAll(List.of(S3Collector.GET_BUCKET_TAGGING, S3Collector.GET_BUCKET_VERSIONING,
                    S3Collector.GET_ENCRYPTION_CONFIGURATION, S3Collector.GET_PUBLIC_ACCESS_BLOCK,
                    S3Collector.GET_REPLICATION_CONFIGURATION, S3Collector.GET_LIFECYCLE_CONFIGURATION,
                    S3Collector.GET_BUCKET_LOGGING, S3Collector.GET_BUCKET_POLICY));
            return direct;
        }
        r.tags = Value.explicit(item.tags() == null ? Map.of() : item.tags(), p);
        // Config records the SDK's BucketVersioningConfiguration: "Off" when never enabled (the sources' "Disabled").
        String st = status.asText();
        r.versioning = switch (st) {
            case "Off" -> Value.explicit("Disabled", p);
            case "Enabled", "Suspended" -> Value.explicit(st, p);
            default -> Value.unknown(SC + "BucketVersioningConfiguration.status is not a versioning status: " + st, p);
        };
        String mfaPath = SC + "BucketVersioningConfiguration.isMfaDeleteEnabled";
        Value<Boolean> mfa = flag(item, mfaPath, null, p);
        r.mfaDelete = mfa.map(b -> b ? "Enabled" : "Disabled");
        s3Encryption(item, r, p);
        JsonNode pab = item.path(SC + "PublicAccessBlockConfiguration");
        r.blockPublicAcls = flag(item, SC + "PublicAccessBlockConfiguration.blockPublicAcls", false, p);
        r.blockPublicPolicy = flag(item, SC + "PublicAccessBlockConfiguration.blockPublicPolicy", false, p);
        r.ignorePublicAcls = flag(item, SC + "PublicAccessBlockConfiguration.ignorePublicAcls", false, p);
        r.restrictPublicBuckets = flag(item, SC + "PublicAccessBlockConfiguration.restrictPublicBuckets", false, p);
        if (!pab.isMissingNode() && !pab.isNull() && !pab.isObject()) {
            Value<Boolean> bad = Value.unknown(SC + "PublicAccessBlockConfiguration is not an object", p);
            r.blockPublicAcls = bad;
            r.blockPublicPolicy = bad;
            r.ignorePublicAcls = bad;
            r.restrictPublicBuckets = bad;
        }
        r.lifecycleRules = s3Lifecycle(item, p);
        JsonNode replication = item.path(SC + "BucketReplicationConfiguration");
        if (replication.isMissingNode() || replication.isNull()) {
            r.replicationRules = Value.explicit(List.of(), p);
            r.replicationRole = Value.explicit(null, p); // no replication: no role, as the direct call says
        } else direct.add(S3Collector.GET_REPLICATION_CONFIGURATION); // rules are not queryable: read them directly
        JsonNode target = item.path(SC + "BucketLoggingConfiguration.destinationBucketName");
        if (target.isMissingNode() || target.isNull() || (target.isTextual() && target.asText().isBlank())) {
            r.loggingTarget = Value.explicit(null, p);
        } else if (target.isTextual()) {
            r.loggingTarget = Value.explicit(new Ref(target.asText()), p);
        } else {
            r.loggingTarget = Value.unknown(SC + "BucketLoggingConfiguration.destinationBucketName is not a name", p);
        }
        r.policy = Value.unknown(NO_BUCKET_POLICY, p);
        return direct;
    }

    private static void s3Encryption(Item item, S3Bucket r, Provenance p) {
        JsonNode cfg = item.path(SC + "ServerSideEncryptionConfiguration");
        JsonNode rules = child(cfg, "rules");
        if (!cfg.isMissingNode() && !cfg.isNull() && !(rules.isArray() || rules.isMissingNode())) {
            String why = SC + "ServerSideEncryptionConfiguration.rules is not a list";
            r.sseAlgorithm = Value.unknown(why, p);
            r.sseKmsKey = Value.unknown(why, p);
            r.bucketKeyEnabled = Value.unknown(why, p);
            return;
        }
        JsonNode rule = rules.isArray() && rules.size() > 0 ? rules.get(0) : MissingNode.getInstance();
        JsonNode byDefault = child(rule, "applyServerSideEncryptionByDefault");
        if (byDefault.isMissingNode() || byDefault.isNull()) {
            // No default-encryption configuration: S3 applies SSE-S3 (as S3Collector records it).
            r.sseAlgorithm = Value.defaulted(Defaults.S3_DEFAULT_SSE, p);
            r.sseKmsKey = Value.explicit(null, p);
        } else {
            JsonNode alg = child(byDefault, "sseAlgorithm");
            r.sseAlgorithm = alg.isTextual() ? Value.explicit(alg.asText(), p)
                    : Value.unknown(SC + "ServerSideEncryptionConfiguration has a rule without sseAlgorithm", p);
            JsonNode key = child(byDefault, "kmsMasterKeyID");
            r.sseKmsKey = Value.explicit(key.isTextual() && !key.asText().isBlank() ? new Ref(key.asText()) : null, p);
        }
        JsonNode bucketKey = child(rule, "bucketKeyEnabled");
        if (bucketKey.isMissingNode() || bucketKey.isNull()) r.bucketKeyEnabled = Value.explicit(false, p);
        else if (bucketKey.isBoolean()) r.bucketKeyEnabled = Value.explicit(bucketKey.asBoolean(), p);
        else r.bucketKeyEnabled = Value.unknown(SC + "ServerSideEncryptionConfiguration.rules.bucketKeyEnabled "
                    + "is not a boolean: " + bucketKey.asText(), p);
    }

    private static Value<List<LifecycleRule>> s3Lifecycle(Item item, Provenance p) {
        JsonNode cfg = item.path(SC + "BucketLifecycleConfiguration");
        if (cfg.isMissingNode() || cfg.isNull()) return Value.explicit(List.of(), p);
        JsonNode rules = child(cfg, "rules");
        if (rules.isMissingNode() || rules.isNull()) return Value.explicit(List.of(), p);
        if (!rules.isArray()) return Value.unknown(SC + "BucketLifecycleConfiguration.rules is not a list", p);
        List<LifecycleRule> out = new ArrayList<>();
        for (JsonNode rule : rules) {
            JsonNode status = child(rule, "status");
            if (!status.isTextual()) {
                return Value.unknown(SC + "BucketLifecycleConfiguration has a rule without status", p);
            }
            List<String> classes = new ArrayList<>();
            for (JsonNode t : items(child(rule, "transitions"))) {
                JsonNode sc = child(t, "storageClass");
                if (sc.isTextual()) classes.add(sc.asText());
            }
            out.add(new LifecycleRule(Value.explicit(status.asText(), p), Value.explicit(List.copyOf(classes), p),
                    days(child(rule, "expirationInDays"), "expirationInDays", p),
                    days(child(rule, "noncurrentVersionExpirationInDays"), "noncurrentVersionExpirationInDays", p)));
        }
        return Value.explicit(List.copyOf(out), p);
    }

    /** Days of a lifecycle action; the SDK Config records with leaves -1 (or 0) where the rule has none. */
    private static Value<Integer> days(JsonNode n, String what, Provenance p) {
        if (n.isMissingNode() || n.isNull()) return Value.explicit(null, p);
        if (!n.isIntegralNumber()) return Value.unknown(what + " is not a number of days: " + n.asText(), p);
        return Value.explicit(n.asInt() > 0 ? n.asInt() : null, p);
    }

    /** A boolean at {@code path}; {@code absent} when missing or null; UNKNOWN when not a boolean. */
    private static Value<Boolean> flag(Item item, String path, Boolean absent, Provenance p) {
        JsonNode n = item.path(path);
        if (n.isMissingNode() || n.isNull()) return Value.explicit(absent, p);
        if (n.isBoolean()) return Value.explicit(n.asBoolean(), p);
        return Value.unknown(path + " is not a boolean: " + n.asText(), p);
    }

    // ------------------------------------------------------------------ AWS::KMS::Key

    /**
     * What {@link KmsCollector} selects for {@code --use-config}: properties of the advanced-query schema of
     * AWS::KMS::Key ({@code AWS::KMS::Key.properties.json}; {@code customerMasterKeySpec} is the key spec under its
     * older name). The key policy, multi-Region flag, rotation period and pending-deletion window are not in it.
     */
    public static final List<String> KMS_PROPERTIES = List.of("resourceId", "resourceType", "arn", "awsRegion", "tags",
            "configuration.keyId", "configuration.enabled", "configuration.keyState", "configuration.keyManager",
            "configuration.keyUsage", "configuration.customerMasterKeySpec", "configuration.origin",
            "supplementaryConfiguration.KeyRotationStatus");

    public static final String NO_KEY_POLICY = "AWS Config does not record KMS key policies (not a property of "
            + "AWS::KMS::Key configuration items); audit without --use-config to read them";
    public static final String NO_MULTI_REGION = "AWS Config does not record whether a KMS key is multi-Region; audit "
            + "without --use-config to read it";
    public static final String NO_ROTATION_PERIOD = "AWS Config records whether a KMS key rotates, not its rotation "
            + "period; audit without --use-config to read it";
    public static final String NO_DELETION_WINDOW = "AWS Config records the deletion date of a KMS key pending "
            + "deletion, not its waiting period; audit without --use-config to read it";

    /**
     * Fills {@code r} (already named and aliased by ListKeys/ListAliases) from its configuration item with the same
     * strings and defaults as {@link KmsCollector}'s DescribeKey/GetKeyRotationStatus/ListResourceTags path. Answers
     * the KMS operations still to call: {@code kms:DescribeKey} (meaning: read the whole key directly) when the item
     * lacks the manager, state, spec or origin that everything else depends on; {@code kms:GetKeyRotationStatus}
     * when a key that can rotate has no recorded rotation status.
     */
    public static Set<String> kmsKey(Item item, KmsKey r, Provenance p) {
        if (!"AWS::KMS::Key".equals(item.resourceType()) && item.resourceType() != null) {
            throw new IllegalArgumentException("not a KMS key: " + item.resourceType());
        }
        JsonNode manager = item.path("configuration.keyManager");
        JsonNode state = item.path("configuration.keyState");
        JsonNode spec = item.path("configuration.customerMasterKeySpec");
        JsonNode origin = item.path("configuration.origin");
        if (!manager.isTextual() || !state.isTextual() || !spec.isTextual() || !origin.isTextual()) {
            return Set.of(KmsCollector.DESCRIBE_KEY);
        }
        Set<String> direct = new TreeSet<>();
        r.keyManager = Value.explicit(manager.asText(), p);
        r.keyState = Value.explicit(state.asText(), p);
        r.keySpec = Value.explicit(spec.asText(), p);
        r.origin = Value.explicit(origin.asText(), p);
        r.keyUsage = item.path("configuration.keyUsage").isMissingNode()
                ? Value.unknown("the configuration item has no configuration.keyUsage", p)
                : str(item, "configuration.keyUsage").withProvenance(p);
        r.enabled = item.path("configuration.enabled").isMissingNode()
                ? Value.unknown("the configuration item has no configuration.enabled", p)
                : bool(item, "configuration.enabled").withProvenance(p);
        r.multiRegion = Value.unknown(NO_MULTI_REGION, p);
        if ("PendingDeletion".equals(state.asText())) r.deletionWindowDays = Value.unknown(NO_DELETION_WINDOW, p);
        if ("AWS".equals(manager.asText())) {
            r.rotationEnabled = Value.defaulted(KmsCollector.AWS_MANAGED_ROTATION, p);
            r.tags = Value.explicit(Map.of(), p); // AWS-managed keys cannot carry tags
            return direct;
        }
        boolean canRotate = "SYMMETRIC_DEFAULT".equals(spec.asText()) && "AWS_KMS".equals(origin.asText());
        if (canRotate) {
            JsonNode rot = item.path("supplementaryConfiguration.KeyRotationStatus");
            if (rot.isMissingNode() || rot.isNull()) {
                direct.add(KmsCollector.GET_KEY_ROTATION_STATUS);
            } else if (rot.isBoolean() || "true".equals(rot.asText()) || "false".equals(rot.asText())) {
                boolean on = rot.isBoolean() ? rot.asBoolean() : Boolean.parseBoolean(rot.asText());
                r.rotationEnabled = Value.explicit(on, p);
                // GetKeyRotationStatus reports a period only for a rotating key
                r.rotationPeriodDays = on ? Value.unknown(NO_ROTATION_PERIOD, p) : Value.explicit(null, p);
            } else {
                r.rotationEnabled = Value.unknown("supplementaryConfiguration.KeyRotationStatus is not a boolean: "
                        + rot.asText(), p);
                r.rotationPeriodDays = Value.unknown("supplementaryConfiguration.KeyRotationStatus is not a boolean: "
                        + rot.asText(), p);
            }
        } else {
            r.rotationEnabled = Value.defaulted(KmsCollector.CANNOT_ROTATE, p);
        }
        r.policy = Value.unknown(NO_KEY_POLICY, p);
        r.tags = Value.explicit(item.tags() == null ? Map.of() : item.tags(), p);
        return direct;
    }
}
