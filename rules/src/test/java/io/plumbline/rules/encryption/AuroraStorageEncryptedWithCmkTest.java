package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class AuroraStorageEncryptedWithCmkTest {
    private final AuroraStorageEncryptedWithCmk rule = new AuroraStorageEncryptedWithCmk();

    private static DbCluster cluster(String name, Value<Boolean> encrypted, Value<io.plumbline.model.Ref> key) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.engine = explicit("aurora-postgresql");
        c.storageEncrypted = encrypted;
        c.kmsKey = key;
        return c;
    }

    private static KmsKey key(String address) {
        KmsKey k = new KmsKey(address, "aws_kms_key", at());
        k.addAlias("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        k.addAlias("alias/platform-rds");
        return k;
    }

    @Test
    void encryptedWithDeclaredKeyPassesAndUnknownOrAwsKeysDoNot() {
        KmsKey k = key("aws_kms_key.rds");
        Result r = run(rule, k,
                cluster("cmk", explicit(true), ref("aws_kms_key.rds")),
                cluster("by_arn", explicit(true), ref("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
                cluster("by_alias", explicit(true), ref("alias/platform-rds")),
                cluster("aws_alias", explicit(true), ref("alias/aws/rds")),
                cluster("aws_alias_arn", explicit(true), ref("arn:aws:kms:eu-west-1:111122223333:alias/aws/rds")),
                cluster("foreign_arn", explicit(true), ref("arn:aws:kms:eu-west-1:444455556666:key/ffff")),
                cluster("key_unknown", explicit(true), unknown()),
                cluster("no_key", explicit(true), explicit(null)));
        expect(r, "aws_rds_cluster.cmk", Status.PASS, "customer-managed key aws_kms_key.rds");
        expect(r, "aws_rds_cluster.by_arn", Status.PASS);
        expect(r, "aws_rds_cluster.by_alias", Status.PASS);
        expect(r, "aws_rds_cluster.aws_alias", Status.FAIL, "no customer-managed key", "AWS-managed");
        expect(r, "aws_rds_cluster.aws_alias_arn", Status.FAIL, "AWS-managed");
        expect(r, "aws_rds_cluster.foreign_arn", Status.UNKNOWN, "cannot be proven");
        expect(r, "aws_rds_cluster.key_unknown", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_rds_cluster.no_key", Status.FAIL, "no customer-managed key", "aws/rds");
    }

    @Test
    void unknownStorageEncryptionWithoutKeyFailsForNoCmkButWithCmkIsUnknown() {
        KmsKey k = key("aws_kms_key.rds");
        Result r = run(rule, k,
                cluster("unset_no_key", unknown(), explicit(null)),
                cluster("unset_absent_key", unknown(), Value.notInInput()),
                cluster("unset_cmk", unknown(), ref("aws_kms_key.rds")));
        Finding f = expect(r, "aws_rds_cluster.unset_no_key", Status.FAIL, "no customer-managed key");
        assertTrue(!f.message().contains("unencrypted"), f.message());
        expect(r, "aws_rds_cluster.unset_absent_key", Status.FAIL, "no customer-managed key");
        expect(r, "aws_rds_cluster.unset_cmk", Status.UNKNOWN, "storageEncrypted is unknown", "known only after apply");
    }

    @Test
    void defaultedOffFailsAndTheEvidenceShowsTheDefault() {
        KmsKey k = key("aws_kms_key.rds");
        DbCluster c = cluster("cfn", defaulted(Defaults.CFN_RDS_STORAGE_ENCRYPTED), ref("aws_kms_key.rds"));
        Finding f = expect(run(rule, k, c), "aws_rds_cluster.cfn", Status.FAIL, "storage encryption is off",
                "default: RDS API CreateDBCluster StorageEncrypted default false");
        assertTrue(evidenceShows(f, "storageEncrypted", "(default: "), describe(f));
    }

    @Test
    void keyManagedByAwsIsNotCustomerManaged() {
        KmsKey k = key("aws_kms_key.rds");
        k.keyManager = explicit("AWS");
        expect(run(rule, k, cluster("c", explicit(true), ref("aws_kms_key.rds"))), "aws_rds_cluster.c", Status.FAIL,
                "managed by AWS");
    }

    @Test
    void nonAuroraClustersAndUnknownEnginesAreEvaluatedAndDeletedOnesSkipped() {
        KmsKey k = key("aws_kms_key.rds");
        DbCluster multiAz = cluster("multi_az", explicit(false), explicit(null));
        multiAz.engine = explicit("postgres");
        DbCluster noEngine = cluster("no_engine", explicit(true), ref("aws_kms_key.rds"));
        noEngine.engine = unknown();
        DbCluster gone = cluster("gone", explicit(false), explicit(null));
        gone.change = ChangeAction.DELETE;
        Result r = run(rule, k, multiAz, noEngine, gone);
        expect(r, "aws_rds_cluster.multi_az", Status.FAIL);
        expect(r, "aws_rds_cluster.no_engine", Status.PASS);
        assertEquals(0, r.findings().stream().filter(f -> f.resource().equals("aws_rds_cluster.gone")).count());
    }

    @Test
    void restoredClusterInheritsTheSnapshotsEncryptionUnlessAKeyIsGiven() {
        KmsKey k = key("aws_kms_key.rds");
        DbCluster withKey = cluster("restored_cmk", defaulted(Defaults.CFN_RDS_STORAGE_ENCRYPTED), ref("aws_kms_key.rds"));
        withKey.restoredFromSnapshot = explicit("snap-1");
        DbCluster noKey = cluster("restored", defaulted(Defaults.CFN_RDS_STORAGE_ENCRYPTED), Value.notInInput());
        noKey.restoredFromSnapshot = explicit("snap-1");
        Result r = run(rule, k, withKey, noKey);
        expect(r, "aws_rds_cluster.restored_cmk", Status.PASS);
        expect(r, "aws_rds_cluster.restored", Status.UNKNOWN, "snap-1");
    }

    @Test
    void failurePointsAtTheDecidingValue() {
        DbCluster c = cluster("c", explicit(false), explicit(null));
        Finding f = finding(run(rule, c), "aws_rds_cluster.c");
        assertEquals(c.storageEncrypted.provenance(), f.location());
    }
}
