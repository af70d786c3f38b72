package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;

/**
 * ENC-001. Every DB cluster — Aurora, an unknown engine, and also non-Aurora Multi-AZ DB clusters, whose
 * {@code StorageEncrypted}/{@code KmsKeyId} mean the same — must have storage encryption on with a customer-managed
 * key. Encryption switched off fails; no key, or an AWS-managed one, fails with "no customer-managed key" even when
 * {@code storageEncrypted} is unknown (the key is then none, {@code aws/rds} or AWS-owned: never a CMK). A key named
 * only by an ARN that is not in the input cannot be proven customer-managed: UNKNOWN. A cluster restored from a
 * snapshot without an explicit setting inherits the snapshot's encryption: it passes only with a CMK given.
 */
@RuleInfo(
        id = "ENC-001",
        title = "Aurora storage is encrypted with a customer-managed KMS key",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Data, automated backups, snapshots and replicas inherit the cluster key; a customer-managed key "
                + "gives key-policy control, audit and cross-region copy options.",
        remediation = "Set storage_encrypted = true and kms_key_id to a customer-managed aws_kms_key (CloudFormation: "
                + "StorageEncrypted: true and KmsKeyId). Both are create-only: the cluster is replaced, so restore it "
                + "from a snapshot copied with the new key.",
        controls = {"SH RDS.27", "CIS 2.3.1", "NIST SC-28", "NIST SC-28(1)", "NIST SC-13", "NIST CA-9(1)",
                "NIST CM-3(6)", "NIST SC-7(10)", "NIST SI-7(6)", "CKV CKV_AWS_96", "CKV CKV_AWS_327",
                "AVD AVD-AWS-0079", "NAG AwsSolutions-RDS2", "NAG NAG-R5 RDSStorageEncrypted"},
        reads = {Kind.DB_CLUSTER, Kind.KMS_KEY})
public final class AuroraStorageEncryptedWithCmk implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Keys.KeyCheck key = Keys.classify(ctx.model(), c, c.kmsKey);
            Checks v = new Checks("storage is encrypted with " + key.description());
            Value<Boolean> enc = c.storageEncrypted;
            Evidence encEvidence = Evidence.of("storageEncrypted", enc, "true");
            boolean restored = Fields.hasText(c.restoredFromSnapshot);
            boolean off = enc.is(false) && !(restored && enc.isDefaulted());
            boolean inherits = restored && !off && !enc.is(true);
            if (off) {
                v.fail("storage encryption is off (storageEncrypted " + enc.display() + "), so there is no "
                        + "customer-managed key", encEvidence);
            } else if (enc.is(true)) {
                v.pass(encEvidence);
            } else if (inherits) {
                v.note(encEvidence).note(Evidence.of("restoredFromSnapshot", c.restoredFromSnapshot,
                        "encryption inherited from the snapshot unless a key is given"));
            } else if (enc.isUnknown() && key.customerManaged()) {
                v.unknown("storageEncrypted is unknown: " + enc.note(), encEvidence);
            } else {
                v.note(encEvidence);
            }

            Evidence keyEvidence = Keys.evidence("kmsKey", c.kmsKey, key);
            switch (key.owner()) {
                case CUSTOMER -> v.pass(keyEvidence);
                case AWS_MANAGED -> v.fail("no customer-managed key: " + key.description(), keyEvidence);
                case NONE -> {
                    if (inherits) {
                        v.unknown("restored from snapshot " + Fields.shown(c.restoredFromSnapshot) + " without a key: the "
                                + "cluster inherits the snapshot's encryption, which is not in the input", keyEvidence);
                    } else {
                        v.fail("no customer-managed key: no KMS key is given, so storage uses "
                                + (enc.is(true) ? "the AWS-managed aws/rds key" : "no key or an AWS-owned key"),
                                keyEvidence);
                    }
                }
                case UNPROVEN -> v.unknown(key.description(), keyEvidence);
                case UNKNOWN -> v.unknown("kmsKey is unknown: " + c.kmsKey.note(), keyEvidence);
            }
            ctx.report(c, v.verdict());
        }
    }
}
