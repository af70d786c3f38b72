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

/**
 * ENC-006. Redis/Valkey replication groups (and unknown engines) have in-transit encryption on in {@code required}
 * mode: {@code preferred} still accepts plaintext. Enabled with no mode is UNKNOWN (AWS does not document the mode it
 * then applies). Serverless caches always have in-transit encryption on (ElastiCache user guide, "In-transit
 * encryption": "All serverless caches have in-transit encryption enabled") and pass.
 * Memcached is not applicable.
 */
@RuleInfo(
        id = "ENC-006",
        title = "ElastiCache Redis encrypts in transit in required mode",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "TLS protects AUTH tokens and data between EKS pods and Redis; the preferred mode still accepts "
                + "plaintext connections.",
        remediation = "Set transit_encryption_enabled = true and transit_encryption_mode = \"required\" "
                + "(CloudFormation: TransitEncryptionEnabled: true, TransitEncryptionMode: required), after moving "
                + "every client to TLS under the preferred mode.",
        controls = {"SH ElastiCache.5", "NIST AC-17(2)", "NIST AC-4", "NIST IA-5(1)", "NIST SC-12(3)", "NIST SC-13",
                "NIST SC-23", "NIST SC-23(3)", "NIST SC-7(4)", "NIST SC-8", "NIST SC-8(1)", "NIST SC-8(2)",
                "NIST SI-7(6)", "CKV CKV_AWS_30", "AVD AVD-AWS-0051", "NAG AwsSolutions-AEC3"},
        reads = {Kind.CACHE_REPLICATION_GROUP})
public final class RedisTransitEncryptionRequired implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (CacheReplicationGroup g : ctx.model().all(CacheReplicationGroup.class)) {
            if (Fields.deleted(g)) continue;
            if (Engines.isMemcached(g.engine)) {
                ctx.notApplicable(g, "Memcached cache: the rule covers Redis OSS and Valkey",
                        Evidence.of("engine", g.engine, "redis or valkey"));
                continue;
            }
            Checks v = new Checks("in-transit encryption is on in required mode");
            Evidence enabled = Evidence.of("transitEncryption", g.transitEncryption, "true");
            Evidence mode = Evidence.of("transitEncryptionMode", g.transitEncryptionMode, "required");
            if (g.serverless) {
                ctx.pass(g, "serverless cache: in-transit encryption is always on", Evidence.of("serverless",
                        "true", "serverless caches always encrypt in transit", g.location()));
                continue;
            }
            if (g.transitEncryption.isUnknown()) {
                v.unknown("transitEncryption is unknown: " + g.transitEncryption.note(), enabled);
            } else if (!Boolean.TRUE.equals(g.transitEncryption.get())) {
                v.fail("in-transit encryption is off (transitEncryption " + g.transitEncryption.display() + ")",
                        enabled);
            } else {
                v.pass(enabled);
                if (Fields.is(g.transitEncryptionMode, "required")) {
                    v.pass(mode);
                } else if (g.transitEncryptionMode.isPresent() && !g.transitEncryptionMode.get().isBlank()) {
                    v.fail("in-transit encryption mode is " + g.transitEncryptionMode.display()
                            + ", which still accepts plaintext connections; it must be required", mode);
                } else if (g.transitEncryptionMode.isUnknown() && !Fields.absentFromInput(g.transitEncryptionMode)) {
                    v.unknown("transitEncryptionMode is unknown: " + g.transitEncryptionMode.note(), mode);
                } else {
                    v.unknown("in-transit encryption is on but no mode is given, and AWS does not document which "
                            + "mode it then applies (required or preferred)", mode);
                }
            }
            ctx.report(g, v.verdict());
        }
    }
}
