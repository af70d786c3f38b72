package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformKeysEnabledAndRotatingTest {
    private final PlatformKeysEnabledAndRotating rule = new PlatformKeysEnabledAndRotating();

    private static KmsKey key(String name, Value<Boolean> enabled, Value<Boolean> rotation) {
        KmsKey k = new KmsKey("aws_kms_key." + name, "aws_kms_key", at());
        k.enabled = enabled;
        k.rotationEnabled = rotation;
        k.keySpec = defaulted(Defaults.KMS_KEY_SPEC);
        return k;
    }

    private static DbCluster clusterUsing(String name, String key) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.kmsKey = ref(key);
        return c;
    }

    @Test
    void enabledRotatingKeyPassesAndNamesItsUsers() {
        KmsKey k = key("rds", defaulted(Defaults.KMS_ENABLED), explicit(true));
        Finding f = expect(run(rule, k, clusterUsing("db", "aws_kms_key.rds")), "aws_kms_key.rds", Status.PASS);
        assertTrue(evidenceShows(f, "referenced by", "aws_rds_cluster.db"), describe(f));
        assertTrue(evidenceShows(f, "enabled", "(default: KMS key Enabled default true)"), describe(f));
    }

    @Test
    void rotationOffByDefaultFailsAndDisabledFails() {
        Result r = run(rule,
                key("no_rotation", explicit(true), defaulted(Defaults.KMS_ROTATION)),
                key("disabled", explicit(false), explicit(true)),
                key("enabled_unknown", unknown(), explicit(true)),
                key("rotation_unknown", explicit(true), unknown()));
        expect(r, "aws_kms_key.no_rotation", Status.FAIL, "rotation is off", "default: KMS key EnableKeyRotation");
        expect(r, "aws_kms_key.disabled", Status.FAIL, "disabled");
        expect(r, "aws_kms_key.enabled_unknown", Status.UNKNOWN, "enabled is unknown");
        expect(r, "aws_kms_key.rotation_unknown", Status.UNKNOWN, "rotationEnabled is unknown");
    }

    @Test
    void keysThatCannotRotateAreJudgedOnBeingEnabledOnly() {
        KmsKey rsa = key("rsa", explicit(true), defaulted(Defaults.KMS_ROTATION));
        rsa.keySpec = explicit("RSA_2048");
        KmsKey hmac = key("hmac", explicit(false), defaulted(Defaults.KMS_ROTATION));
        hmac.keySpec = explicit("HMAC_256");
        KmsKey imported = key("imported", explicit(true), explicit(false));
        imported.origin = explicit("EXTERNAL");
        KmsKey noSpec = key("no_spec", explicit(true), explicit(false));
        noSpec.keySpec = Value.notInInput();
        KmsKey specUnknown = key("spec_unknown", explicit(true), explicit(false));
        specUnknown.keySpec = unknown("unresolved parameter KeySpec");
        Result r = run(rule, rsa, hmac, imported, noSpec, specUnknown);
        Finding f = expect(r, "aws_kms_key.rsa", Status.PASS);
        assertTrue(evidenceShows(f, "rotationEnabled", "not applicable"), describe(f));
        expect(r, "aws_kms_key.hmac", Status.FAIL, "disabled");
        expect(r, "aws_kms_key.imported", Status.PASS);
        expect(r, "aws_kms_key.no_spec", Status.FAIL, "rotation is off");
        expect(r, "aws_kms_key.spec_unknown", Status.UNKNOWN, "keySpec is unknown", "unresolved parameter KeySpec");
    }

    @Test
    void awsManagedKeysAreNotApplicableAndKeyStateCountsWhenPresent() {
        KmsKey aws = key("aws", explicit(true), explicit(false));
        aws.keyManager = explicit("AWS");
        KmsKey pending = key("pending", explicit(true), explicit(true));
        pending.keyState = explicit("PendingDeletion");
        Result r = run(rule, aws, pending);
        expect(r, "aws_kms_key.aws", Status.NOT_APPLICABLE, "AWS-managed");
        expect(r, "aws_kms_key.pending", Status.FAIL, "PendingDeletion", "scheduled for deletion");
    }

    @Test
    void plannedDeleteOfAKeyStillInUseFails() {
        KmsKey used = key("used", explicit(true), explicit(true));
        used.change = ChangeAction.DELETE;
        KmsKey unused = key("unused", explicit(true), explicit(true));
        unused.change = ChangeAction.DELETE;
        KmsKey usedByDeleted = key("used_by_deleted", explicit(true), explicit(true));
        usedByDeleted.change = ChangeAction.DELETE;
        DbCluster goneToo = clusterUsing("gone", "aws_kms_key.used_by_deleted");
        goneToo.change = ChangeAction.DELETE;
        Result r = run(rule, used, unused, usedByDeleted, clusterUsing("db", "aws_kms_key.used"), goneToo);
        expect(r, "aws_kms_key.used", Status.FAIL, "deletes this key", "aws_rds_cluster.db");
        assertEquals(1, r.findings().size(), r.findings()::toString);
    }

    @Test
    void referencesAreFoundInNestedRecordsAndThroughAliases() {
        KmsKey k = key("shared", explicit(true), explicit(true));
        k.addAlias("alias/platform");
        LaunchTemplate lt = new LaunchTemplate("aws_launch_template.nodes", "aws_launch_template", at());
        lt.blockDevices = explicit(List.of(new EbsDevice(explicit("/dev/xvda"), explicit(true), ref("aws_kms_key.shared"))));
        S3Bucket b = new S3Bucket("aws_s3_bucket.logs", "aws_s3_bucket", at());
        b.sseKmsKey = ref("alias/platform");
        KmsKey lonely = key("lonely", explicit(true), explicit(true));
        Result r = run(rule, k, lt, b, lonely);
        Finding f = expect(r, "aws_kms_key.shared", Status.PASS);
        assertTrue(evidenceShows(f, "referenced by", "aws_launch_template.nodes, aws_s3_bucket.logs"), describe(f));
        Finding l = expect(r, "aws_kms_key.lonely", Status.PASS);
        assertTrue(evidenceShows(l, "referenced by", "no resource"), describe(l));
    }
}
