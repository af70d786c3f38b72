package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Default;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * KMS keys: every key of the region, customer-managed and AWS-managed (an RDS cluster or bucket pointing at the key
 * ARN of {@code aws/rds} must resolve to a key whose {@code keyManager} says AWS, not to "a key not in the input").
 * Aliases ({@code alias/x} and their ARNs) are added to their key so that references by alias resolve.
 *
 * <p>Per key: {@code DescribeKey} (state, manager, spec, usage, origin, multi-Region). For customer-managed keys also
 * {@code GetKeyRotationStatus} (only for symmetric encryption keys with KMS key material: other keys cannot rotate
 * automatically and the call would be refused), {@code GetKeyPolicy} and {@code ListResourceTags}. AWS-managed keys
 * are rotated by AWS every year and cannot be configured: their rotation is recorded as that AWS default, their policy
 * and tags are not read.
 */
public final class KmsCollector implements Collector {

    public static final String LIST_KEYS = "kms:ListKeys";
    public static final String LIST_ALIASES = "kms:ListAliases";
    public static final String DESCRIBE_KEY = "kms:DescribeKey";
    public static final String GET_KEY_ROTATION_STATUS = "kms:GetKeyRotationStatus";
    public static final String GET_KEY_POLICY = "kms:GetKeyPolicy";
    public static final String LIST_RESOURCE_TAGS = "kms:ListResourceTags";

    static final Default<Boolean> AWS_MANAGED_ROTATION = Default.of(true,
            "AWS-managed KMS keys are rotated by AWS every year; their rotation cannot be configured");
    static final Default<Boolean> CANNOT_ROTATE = Default.of(false,
            "only symmetric encryption keys with KMS key material rotate automatically; this key cannot");

    private KmsClient kms;
    private CollectContext ctx;
    private ConfigSelect.Items fromConfig;

    @Override
    public String service() {
        return "kms";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.KMS_KEY);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        // --use-config: the region's key settings in a few queries (null: read directly, a note says why)
        this.fromConfig = ConfigSelect.select(clients, ctx, "AWS::KMS::Key", ConfigItems.KMS_PROPERTIES,
                "KMS key settings");
        try (KmsClient client = clients.build(KmsClient.builder(), ctx.region())) {
            this.kms = client;
            ctx.collect(Kind.KMS_KEY, "KMS keys", LIST_KEYS, this::keys);
        }
    }

    /** Key id → its aliases (names and ARNs), or unknown when ListAliases failed. */
    private Map<String, List<AliasListEntry>> aliases() {
        Map<String, List<AliasListEntry>> out = new LinkedHashMap<>();
        for (var page : kms.listAliasesPaginator(b -> { })) {
            for (AliasListEntry a : page.aliases()) {
                if (a.targetKeyId() != null) out.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a);
            }
        }
        return out;
    }

    public List<KmsKey> keys() {
        List<KmsKey> out = new ArrayList<>();
        List<software.amazon.awssdk.services.kms.model.KeyListEntry> entries = new ArrayList<>();
        for (var page : kms.listKeysPaginator(b -> { })) entries.addAll(page.keys());
        if (entries.isEmpty()) return out;
        Value<Map<String, List<AliasListEntry>>> aliases = ctx.read(LIST_ALIASES, ctx.at(null, LIST_ALIASES),
                this::aliases);
        for (var e : entries) out.add(key(e.keyId(), e.keyArn(), aliases));
        return out;
    }

    private KmsKey key(String keyId, String listedArn, Value<Map<String, List<AliasListEntry>>> aliases) {
        String arn = listedArn != null ? listedArn : ctx.arn("kms", null, "key/" + keyId);
        Provenance p = ctx.at(arn, LIST_KEYS);
        KmsKey r = new KmsKey(arn, "kms:Key", p);
        r.awsId = v(keyId, p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(keyId);
        String firstAlias = null;
        if (aliases.isKnown()) {
            for (AliasListEntry a : aliases.get().getOrDefault(keyId, List.of())) {
                r.addAlias(a.aliasName());
                r.addAlias(a.aliasArn());
                if (firstAlias == null) firstAlias = a.aliasName();
            }
            r.name = v(firstAlias, ctx.at(arn, LIST_ALIASES));
        } else {
            r.name = Value.unknown(aliases.note(), aliases.provenance());
        }

        ConfigItems.Item ci = fromConfig == null ? null : fromConfig.get(keyId);
        if (ci != null) {
            // From the configuration item; the key is read directly only for what the item lacks.
            java.util.Set<String> direct = ConfigItems.kmsKey(ci, r, ctx.at(arn, ConfigSelect.SELECT_RESOURCE_CONFIG));
            if (direct.isEmpty()) return r;
            if (!direct.contains(DESCRIBE_KEY)) {
                rotation(r, arn);
                return r;
            }
        }

        Value<KeyMetadata> meta = ctx.read(DESCRIBE_KEY, ctx.at(arn, DESCRIBE_KEY),
                () -> kms.describeKey(b -> b.keyId(arn)).keyMetadata());
        r.enabled = meta.map(KeyMetadata::enabled);
        r.keyState = meta.map(KeyMetadata::keyStateAsString);
        r.keyManager = meta.map(KeyMetadata::keyManagerAsString);
        r.keySpec = meta.map(KeyMetadata::keySpecAsString);
        r.keyUsage = meta.map(KeyMetadata::keyUsageAsString);
        r.origin = meta.map(KeyMetadata::originAsString);
        r.multiRegion = meta.map(KeyMetadata::multiRegion);
        // Only a key scheduled for deletion has a pending window; otherwise it is a setting of a future delete call.
        if (meta.isPresent() && meta.get().pendingDeletionWindowInDays() != null) {
            r.deletionWindowDays = v(meta.get().pendingDeletionWindowInDays(), meta.provenance());
        }
        if (!meta.isPresent()) {
            String why = meta.isUnknown() ? meta.note() : "DescribeKey returned no metadata";
            r.rotationEnabled = Value.unknown("whether the key is AWS- or customer-managed is unknown: " + why,
                    meta.provenance());
            r.tags = Value.unknown(why, meta.provenance());
            r.policy = Value.unknown(why, meta.provenance());
            return r;
        }
        KeyMetadata m = meta.get();
        if ("AWS".equals(m.keyManagerAsString())) {
            r.rotationEnabled = Value.defaulted(AWS_MANAGED_ROTATION, meta.provenance());
            r.tags = v(Map.of(), meta.provenance()); // AWS-managed keys cannot carry tags
            return r;
        }
        // SYMMETRIC_DEFAULT is the symmetric encryption spec (HMAC keys have HMAC_* specs), so the usage need not be
        // checked; imported (EXTERNAL) and custom-key-store material cannot rotate automatically.
        boolean canRotate = "SYMMETRIC_DEFAULT".equals(m.keySpecAsString()) && "AWS_KMS".equals(m.originAsString());
        if (canRotate) {
            rotation(r, arn);
        } else {
            r.rotationEnabled = Value.defaulted(CANNOT_ROTATE, meta.provenance());
        }
        r.policy = ctx.read(GET_KEY_POLICY, ctx.at(arn, GET_KEY_POLICY),
                () -> kms.getKeyPolicy(b -> b.keyId(arn).policyName("default")).policy());
        r.tags = ctx.read(LIST_RESOURCE_TAGS, ctx.at(arn, LIST_RESOURCE_TAGS), () -> tags(arn));
        return r;
    }

    private void rotation(KmsKey r, String arn) {
        Value<GetKeyRotationStatusResponse> rot = ctx.read(GET_KEY_ROTATION_STATUS,
                ctx.at(arn, GET_KEY_ROTATION_STATUS), () -> kms.getKeyRotationStatus(b -> b.keyId(arn)));
        r.rotationEnabled = rot.map(GetKeyRotationStatusResponse::keyRotationEnabled);
        r.rotationPeriodDays = rot.map(GetKeyRotationStatusResponse::rotationPeriodInDays);
    }

    private Map<String, String> tags(String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (var page : kms.listResourceTagsPaginator(b -> b.keyId(arn))) {
            for (Tag t : page.tags()) out.put(t.tagKey(), t.tagValue());
        }
        return out;
    }
}
