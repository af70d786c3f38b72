package io.plumbline.rules.replication;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicationRulesTest {

    private static S3Bucket bucket(String name, String role, String region) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name, "aws_s3_bucket", at());
        b.name = explicit("acme-" + name);
        b.addAlias(b.name.get());
        b.tags = explicit(role == null ? Map.of("Name", name) : Map.of("plumbline:role", role));
        b.region = explicit(region);
        b.versioning = explicit("Enabled");
        b.sseAlgorithm = explicit("aws:kms");
        b.replicationRules = explicit(List.of());
        return b;
    }

    private static ReplicationRule rule(String destination, String filter, String sseKms, Value<Ref> key) {
        return new ReplicationRule(explicit("Enabled"), ref(destination), explicit("STANDARD"), key,
                explicit("Enabled"), explicit(filter), explicit(sseKms));
    }

    private static KmsKey key(String name, String region) {
        KmsKey k = new KmsKey("aws_kms_key." + name, "aws_kms_key", at());
        k.region = explicit(region);
        return k;
    }

    @Test
    void rep001PassesOnlyForEveryObjectIntoAVersionedBucketOfTheSecondaryRegion() {
        S3Bucket state = bucket("state", "tfstate", "eu-west-1");
        S3Bucket stateReplica = bucket("state-replica", null, "us-west-2");
        state.replicationRules = explicit(List.of(rule("acme-state-replica", "", "Enabled", ref("k"))));
        S3Bucket logs = bucket("logs", "logs", "eu-west-1");
        S3Bucket logsCopy = bucket("logs-copy", null, "eu-west-1");
        logs.replicationRules = explicit(List.of(rule("arn:aws:s3:::acme-logs-copy", "", null, ref("k"))));
        S3Bucket backups = bucket("backups", "backups", "eu-west-1");
        backups.replicationRules = explicit(List.of(rule("arn:aws:s3:::elsewhere-usw2", "", null, ref("k"))));
        S3Bucket partial = bucket("partial", "backups", "eu-west-1");
        S3Bucket partialReplica = bucket("partial-replica", null, "us-west-2");
        partial.replicationRules = explicit(List.of(rule("acme-partial-replica", "db/", null, ref("k"))));
        S3Bucket none = bucket("none", "tfstate", "eu-west-1");
        S3Bucket outside = bucket("outside", "logs", "eu-west-1");
        outside.replicationRules = explicit(List.of(rule("arn:aws:s3:::unknown-place", "", null, ref("k"))));
        S3Bucket unversionedTarget = bucket("vt", "logs", "eu-west-1");
        S3Bucket vtReplica = bucket("vt-replica", null, "us-west-2");
        vtReplica.versioning = explicit("Suspended");
        unversionedTarget.replicationRules = explicit(List.of(rule("acme-vt-replica", "", null, ref("k"))));
        S3Bucket general = bucket("assets", "general", "eu-west-1");
        Result r = run(new ProtectedBucketsReplicateCrossRegion(), state, stateReplica, logs, logsCopy, backups,
                partial, partialReplica, none, outside, unversionedTarget, vtReplica, general);
        expect(r, "aws_s3_bucket.state", Status.PASS, "us-west-2");
        expect(r, "aws_s3_bucket.state-replica", Status.NOT_APPLICABLE, "the copy");
        expect(r, "aws_s3_bucket.logs", Status.FAIL, "within eu-west-1", "same-region");
        // The reference profile places *-usw2 buckets in us-west-2 (replication.bucketRegions).
        expect(r, "aws_s3_bucket.backups", Status.PASS, "us-west-2");
        expect(r, "aws_s3_bucket.partial", Status.UNKNOWN, "db/");
        expect(r, "aws_s3_bucket.none", Status.FAIL, "no replication configuration");
        expect(r, "aws_s3_bucket.outside", Status.UNKNOWN, "not in this input", "no region");
        expect(r, "aws_s3_bucket.vt", Status.FAIL, "Suspended");
        expect(r, "aws_s3_bucket.assets", Status.NOT_APPLICABLE);
    }

    @Test
    void rep001SameTemplateDestinationFailsAndUnknownRulesStayUnknown() {
        S3Bucket src = new S3Bucket("TfStateBucket", "AWS::S3::Bucket", io.plumbline.model.Provenance.inFile("t.yaml",
                3, 1, "/Resources/TfStateBucket"));
        src.tags = explicit(Map.of("plumbline:role", "tfstate"));
        src.region = unknown("the region is chosen at deploy time: pass --region");
        src.versioning = explicit("Enabled");
        S3Bucket dst = new S3Bucket("BackupsCopy", "AWS::S3::Bucket", io.plumbline.model.Provenance.inFile("t.yaml",
                40, 1, "/Resources/BackupsCopy"));
        dst.region = src.region;
        dst.versioning = explicit("Enabled");
        dst.replicationRules = explicit(List.of());
        src.replicationRules = explicit(List.of(rule("BackupsCopy", "", null, ref("k"))));
        expect(run(new ProtectedBucketsReplicateCrossRegion(), src, dst), "TfStateBucket", Status.FAIL,
                "same CloudFormation stack");
        S3Bucket open = bucket("open", "tfstate", "eu-west-1");
        open.replicationRules = unknown();
        expect(run(new ProtectedBucketsReplicateCrossRegion(), open), "aws_s3_bucket.open", Status.UNKNOWN,
                "known only after apply");
    }

    @Test
    void rep002NeedsSseKmsSelectionAndAKeyOfTheDestinationRegion() {
        KmsKey primary = key("primary", "eu-west-1");
        KmsKey secondary = key("secondary", "us-west-2");
        S3Bucket good = bucket("good", "backups", "eu-west-1");
        S3Bucket goodReplica = bucket("good-replica", null, "us-west-2");
        good.replicationRules = explicit(List.of(rule("acme-good-replica", "", "Enabled",
                ref("aws_kms_key.secondary"))));
        S3Bucket noSel = bucket("nosel", "backups", "eu-west-1");
        S3Bucket noSelReplica = bucket("nosel-replica", null, "us-west-2");
        noSel.replicationRules = explicit(List.of(rule("acme-nosel-replica", "", null, ref("aws_kms_key.secondary"))));
        S3Bucket wrongKey = bucket("wrongkey", "backups", "eu-west-1");
        S3Bucket wrongKeyReplica = bucket("wrongkey-replica", null, "us-west-2");
        wrongKey.replicationRules = explicit(List.of(rule("acme-wrongkey-replica", "", "Enabled",
                ref("aws_kms_key.primary"))));
        S3Bucket noKey = bucket("nokey", "backups", "eu-west-1");
        S3Bucket noKeyReplica = bucket("nokey-replica", null, "us-west-2");
        noKey.replicationRules = explicit(List.of(rule("acme-nokey-replica", "", "Enabled", explicit(null))));
        S3Bucket sseS3 = bucket("sses3", "logs", "eu-west-1");
        S3Bucket sseS3Replica = bucket("sses3-replica", null, "us-west-2");
        sseS3.sseAlgorithm = explicit("AES256");
        sseS3.replicationRules = explicit(List.of(rule("acme-sses3-replica", "", null, explicit(null))));
        S3Bucket notReplicated = bucket("plain", "backups", "eu-west-1");
        Result r = run(new ReplicationCopiesKmsObjects(), primary, secondary, good, goodReplica, noSel, noSelReplica,
                wrongKey, wrongKeyReplica, noKey, noKeyReplica, sseS3, sseS3Replica, notReplicated);
        expect(r, "aws_s3_bucket.good", Status.PASS);
        expect(r, "aws_s3_bucket.nosel", Status.FAIL, "skips every KMS-encrypted object");
        expect(r, "aws_s3_bucket.wrongkey", Status.FAIL, "eu-west-1", "us-west-2");
        expect(r, "aws_s3_bucket.nokey", Status.FAIL, "no replica KMS key");
        expect(r, "aws_s3_bucket.sses3", Status.NOT_APPLICABLE, "not SSE-KMS");
        expect(r, "aws_s3_bucket.plain", Status.NOT_APPLICABLE, "does not replicate");
        expect(r, "aws_s3_bucket.good-replica", Status.NOT_APPLICABLE, "itself a replication destination");
    }

    @Test
    void rep002ReadsTheRegionOfAKeyArnAndNeedsTheProfileToVouchForItsOwner() {
        String declared = "arn:aws:kms:us-west-2:123456789012:key/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b";
        S3Bucket vouched = bucket("vouched", "backups", "eu-west-1");
        S3Bucket vouchedReplica = bucket("vouched-replica", null, "us-west-2");
        vouched.replicationRules = explicit(List.of(rule("acme-vouched-replica", "", "Enabled", ref(declared))));
        S3Bucket unproven = bucket("unproven", "backups", "eu-west-1");
        S3Bucket unprovenReplica = bucket("unproven-replica", null, "us-west-2");
        unproven.replicationRules = explicit(List.of(rule("acme-unproven-replica", "", "Enabled",
                ref("arn:aws:kms:us-west-2:123456789012:key/other"))));
        S3Bucket elsewhere = bucket("elsewhere", "backups", "eu-west-1");
        S3Bucket elsewhereReplica = bucket("elsewhere-replica", null, "us-west-2");
        elsewhere.replicationRules = explicit(List.of(rule("acme-elsewhere-replica", "", "Enabled",
                ref("arn:aws:kms:eu-west-1:123456789012:key/primary"))));
        S3Bucket managed = bucket("managed", "backups", "eu-west-1");
        S3Bucket managedReplica = bucket("managed-replica", null, "us-west-2");
        managed.replicationRules = explicit(List.of(rule("acme-managed-replica", "", "Enabled",
                ref("arn:aws:kms:us-west-2:123456789012:alias/aws/s3"))));
        Result r = run(new ReplicationCopiesKmsObjects(), vouched, vouchedReplica, unproven, unprovenReplica,
                elsewhere, elsewhereReplica, managed, managedReplica);
        expect(r, "aws_s3_bucket.vouched", Status.PASS);
        expect(r, "aws_s3_bucket.unproven", Status.UNKNOWN, "cannot be proven", "customerManagedKeys");
        expect(r, "aws_s3_bucket.elsewhere", Status.FAIL, "eu-west-1", "only in its own region");
        expect(r, "aws_s3_bucket.managed", Status.FAIL, "AWS-managed");
    }

    private static Secret secret(String address, String name, Map<String, String> tags, List<String> replicas) {
        Secret s = new Secret(address, "aws_secretsmanager_secret", at());
        s.name = explicit(name);
        s.tags = explicit(tags);
        s.replicaRegions = explicit(replicas);
        return s;
    }

    @Test
    void rep005JudgesTheSecretsThatHoldDbCredentialsAndSaysHowItKnows() {
        Secret app = secret("s.app", "acme/app-db", Map.of(), List.of("us-west-2"));
        Secret none = secret("s.none", "acme/postgres-admin", Map.of(), List.of());
        Secret other = secret("s.other", "acme/api-token", Map.of(), List.of());
        Secret tagged = secret("s.tagged", "acme/creds", Map.of("plumbline:role", "db-credentials"),
                List.of("eu-central-1"));
        Secret failed = secret("s.failed", "rds!cluster-1234", Map.of(), List.of("us-west-2"));
        failed.replicaStatus = explicit(Map.of("us-west-2", "Failed"));
        Secret replica = secret("s.replica", "acme/app-db", Map.of(), List.of());
        replica.primaryRegion = explicit("eu-west-1");
        Secret unknownReplicas = secret("s.unknown", "acme/db", Map.of(), List.of());
        unknownReplicas.replicaRegions = unknown();
        Result r = run(new DbSecretReplicated(), app, none, other, tagged, failed, replica, unknownReplicas);
        expect(r, "s.app", Status.PASS, "has the word db");
        expect(r, "s.none", Status.FAIL, "no replica", "postgres");
        expect(r, "s.other", Status.NOT_APPLICABLE, "not a database credential");
        expect(r, "s.tagged", Status.FAIL, "eu-central-1", "tag plumbline:role = db-credentials");
        expect(r, "s.failed", Status.FAIL, "Failed");
        expect(r, "s.replica", Status.NOT_APPLICABLE, "replica");
        expect(r, "s.unknown", Status.UNKNOWN, "known only after apply");
    }

    private static EcrRepository repo(String name, String region) {
        EcrRepository e = new EcrRepository("aws_ecr_repository." + name.replace('/', '_'), "aws_ecr_repository", at());
        e.name = explicit(name);
        e.region = explicit(region);
        return e;
    }

    private static EcrReplicationConfiguration config(String region, String destination, List<String> filters) {
        EcrReplicationConfiguration c = new EcrReplicationConfiguration("aws_ecr_replication_configuration.this",
                "aws_ecr_replication_configuration", at());
        c.region = explicit(region);
        c.rules = explicit(List.of(new EcrReplicationConfiguration.Rule(explicit(List.of(
                new EcrReplicationConfiguration.Destination(explicit(destination), explicit("123456789012")))),
                explicit(filters), explicit(filters.stream().map(f -> "PREFIX_MATCH").toList()))));
        return c;
    }

    @Test
    void rep006MatchesRepositoriesByPrefixAgainstARuleToTheSecondaryRegion() {
        Result r = run(new EcrImagesReplicated(), repo("plumbline/app", "eu-west-1"), repo("tools/ci", "eu-west-1"),
                repo("plumbline/app-dr", "us-west-2"), config("eu-west-1", "us-west-2", List.of("plumbline/")));
        expect(r, "aws_ecr_repository.plumbline_app", Status.PASS, "prefix plumbline/");
        expect(r, "aws_ecr_repository.tools_ci", Status.FAIL, "[plumbline/]", "tools/ci");
        expect(r, "aws_ecr_repository.plumbline_app-dr", Status.NOT_APPLICABLE, "secondary region");

        expect(run(new EcrImagesReplicated(), repo("x", "eu-west-1"), config("eu-west-1", "us-west-2", List.of())),
                "aws_ecr_repository.x", Status.PASS, "every repository");
        expect(run(new EcrImagesReplicated(), repo("x", "eu-west-1"), config("eu-west-1", "eu-central-1", List.of())),
                "aws_ecr_repository.x", Status.FAIL, "eu-central-1");
        expect(run(new EcrImagesReplicated(), repo("x", "eu-west-1")), "aws_ecr_repository.x", Status.UNKNOWN,
                "no ECR replication configuration");
    }
}
