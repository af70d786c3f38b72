package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Engines;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;
import java.util.Locale;

/**
 * ENC-005. Redis/Valkey replication groups (and caches whose engine is unknown) encrypt at rest with a
 * customer-managed key. Serverless caches are always encrypted at rest, so only the key part applies. When the input
 * carries {@code storageEncryptionType} (live), it decides the at-rest part: {@code sse-kms} is a customer-managed
 * key, {@code sse-elasticache} the service key, {@code none} no encryption. Memcached is not applicable.
 */
@RuleInfo(
        id = "ENC-005",
        title = "ElastiCache Redis is encrypted at rest with a CMK",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Snapshots and swap of cache nodes hold session and application data.",
        remediation = "Set at_rest_encryption_enabled = true and kms_key_id to a customer-managed aws_kms_key "
                + "(CloudFormation: AtRestEncryptionEnabled: true, KmsKeyId). Both force a new replication group: "
                + "migrate through a snapshot. Serverless caches: set kms_key_id / KmsKeyId.",
        controls = {"SH ElastiCache.4", "NIST CA-9(1)", "NIST CM-3(6)", "NIST SC-13", "NIST SC-28", "NIST SC-28(1)",
                "NIST SC-7(10)", "NIST SI-7(6)", "CKV CKV_AWS_29", "CKV CKV_AWS_191", "AVD AVD-AWS-0045",
                "NAG AwsSolutions-AEC3"},
        reads = {Kind.CACHE_REPLICATION_GROUP, Kind.KMS_KEY})
public final class RedisEncryptedAtRestWithCmk implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (CacheReplicationGroup g : ctx.model().all(CacheReplicationGroup.class)) {
            if (Fields.deleted(g)) continue;
            if (Engines.isMemcached(g.engine)) {
                ctx.notApplicable(g, "Memcached cache: the rule covers Redis OSS and Valkey",
                        Evidence.of("engine", g.engine, "redis or valkey"));
                continue;
            }
            Keys.KeyCheck key = Keys.classify(ctx.model(), g, g.kmsKey);
            Checks v = new Checks((g.serverless ? "serverless cache, " : "") + "encrypted at rest with "
                    + key.description());
            Evidence typeEvidence = Evidence.of("storageEncryptionType", g.storageEncryptionType, "sse-kms");
            if (g.storageEncryptionType.isPresent()) {
                String type = g.storageEncryptionType.get().trim().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "sse-kms" -> {
                        v.pass(typeEvidence);
                        if (key.owner() == Keys.Owner.AWS_MANAGED) {
                            v.fail("no customer-managed key: " + key.description(), Keys.evidence("kmsKey", g.kmsKey, key));
                        } else {
                            v.note(Keys.evidence("kmsKey", g.kmsKey, key));
                        }
                    }
                    case "sse-elasticache" -> v.fail("encrypted at rest with the ElastiCache service key "
                            + "(storageEncryptionType sse-elasticache), not a customer-managed key", typeEvidence);
                    case "none" -> v.fail("not encrypted at rest (storageEncryptionType none)", typeEvidence);
                    default -> v.unknown("storageEncryptionType " + type + " is not one this rule knows", typeEvidence);
                }
                ctx.report(g, v.verdict());
                continue;
            }
            if (g.serverless) {
                v.note(Evidence.of("serverless", "true", "serverless caches are always encrypted at rest",
                        g.location()));
            } else {
                Evidence e = Evidence.of("atRestEncryption", g.atRestEncryption, "true");
                if (g.atRestEncryption.isUnknown()) {
                    v.unknown("atRestEncryption is unknown: " + g.atRestEncryption.note()
                            + (g.engine.isPresent() ? "" : " (the API default depends on the engine, which is unknown)"), e);
                } else if (Boolean.TRUE.equals(g.atRestEncryption.get())) {
                    v.pass(e);
                } else {
                    v.fail("at-rest encryption is off (atRestEncryption " + g.atRestEncryption.display() + ")", e);
                }
            }
            Evidence keyEvidence = Keys.evidence("kmsKey", g.kmsKey, key);
            switch (key.owner()) {
                case CUSTOMER -> v.pass(keyEvidence);
                case AWS_MANAGED -> v.fail("no customer-managed key: " + key.description(), keyEvidence);
                case NONE -> v.fail("no customer-managed key: no KMS key is given, so ElastiCache uses its service "
                        + "key", keyEvidence);
                case UNPROVEN -> v.unknown(key.description(), keyEvidence);
                case UNKNOWN -> v.unknown("kmsKey is unknown: " + g.kmsKey.note(), keyEvidence);
            }
            ctx.report(g, v.verdict());
        }
    }
}
