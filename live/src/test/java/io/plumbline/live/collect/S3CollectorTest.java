package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.LifecycleRule;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

@ExtendWith(MotoServer.class)
class S3CollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static S3Bucket bucket(Model m, String name) {
        List<S3Bucket> b = m.all(S3Bucket.class).stream().filter(x -> x.name.is(name)).toList();
        assertEquals(1, b.size(), () -> "" + m.all(S3Bucket.class));
        return b.get(0);
    }

    private void create(S3Client s3, String name, String region, String role) {
        s3.createBucket(b -> {
            b.bucket(name);
            if (!region.equals("us-east-1")) {
                b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            }
        });
        if (role != null) s3.putBucketTagging(b -> b.bucket(name).tagging(t -> t.tagSet(x -> x.key("plumbline:role")
                .value(role))));
    }

    @Test
    void eachBucketIsCollectedOnceInItsOwnRegion() {
        try (S3Client eu = SeedData.s3(moto, "eu-west-1"); S3Client us = SeedData.s3(moto, "us-east-1")) {
            create(eu, "eu-logs", "eu-west-1", null);
            create(us, "us-artifacts", "us-east-1", null);
        }
        Model inEu = SeedData.collect(moto, "eu-west-1", new S3Collector()).model();
        Model inUs = SeedData.collect(moto, "us-east-1", new S3Collector()).model();
        assertEquals(List.of("eu-logs"), inEu.all(S3Bucket.class).stream().map(b -> b.name.get()).toList());
        assertEquals(List.of("us-artifacts"), inUs.all(S3Bucket.class).stream().map(b -> b.name.get()).toList());
        S3Bucket b = bucket(inEu, "eu-logs");
        assertEquals("arn:aws:s3:::eu-logs", b.address());
        assertEquals("eu-west-1", b.region.get());
        assertEquals("eu-west-1", b.versioning.provenance().region());
        assertTrue(inEu.diagnostics().isEmpty() && inUs.diagnostics().isEmpty());
    }

    @Test
    void aFullyConfiguredStateBucketIsReadSettingBySetting() {
        String key = SeedData.key(moto, "state", true);
        String replicaKey = "arn:aws:kms:eu-central-1:" + SeedData.ACCOUNT + ":key/replica";
        try (S3Client s3 = SeedData.s3(moto, "eu-west-1")) {
            create(s3, "acme-tfstate", "eu-west-1", "tfstate");
            s3.putBucketVersioning(b -> b.bucket("acme-tfstate").versioningConfiguration(v -> v.status("Enabled")));
            s3.putBucketEncryption(b -> b.bucket("acme-tfstate").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d
                            .sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID(key)))));
            s3.putPublicAccessBlock(b -> b.bucket("acme-tfstate").publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(true).blockPublicPolicy(true).ignorePublicAcls(true).restrictPublicBuckets(true)));
            s3.putBucketReplication(b -> b.bucket("acme-tfstate").replicationConfiguration(c -> c
                    .role("arn:aws:iam::" + SeedData.ACCOUNT + ":role/replication")
                    .rules(r -> r.id("dr").status("Enabled").priority(1).filter(f -> f.prefix(""))
                            .deleteMarkerReplication(d -> d.status("Disabled"))
                            .destination(d -> d.bucket("arn:aws:s3:::acme-tfstate-dr").storageClass("STANDARD_IA")
                                    .encryptionConfiguration(e -> e.replicaKmsKeyID(replicaKey))))));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("acme-tfstate").lifecycleConfiguration(c -> c
                    .rules(r -> r.id("archive").status("Enabled").filter(f -> f.prefix("old/"))
                            .transitions(t -> t.days(90).storageClass(TransitionStorageClass.GLACIER))
                            .expiration(e -> e.days(365))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(30)))));
            create(s3, "acme-logs", "eu-west-1", "logs");
            s3.putBucketAcl(b -> b.bucket("acme-logs").acl("log-delivery-write"));
            s3.putBucketLogging(b -> b.bucket("acme-tfstate").bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                    .targetBucket("acme-logs").targetPrefix("tfstate/"))));
            s3.putBucketPolicy(b -> b.bucket("acme-tfstate").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                    + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":"
                    + "\"arn:aws:s3:::acme-tfstate/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}"));
        }
        Model m = SeedData.collect(moto, new KmsCollector(), new S3Collector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        S3Bucket b = bucket(m, "acme-tfstate");
        assertEquals(Map.of("plumbline:role", "tfstate"), b.tags.get());
        assertEquals("Enabled", b.versioning.get());
        assertEquals(S3Collector.GET_BUCKET_VERSIONING, b.versioning.provenance().operation());
        assertEquals("arn:aws:s3:::acme-tfstate", b.versioning.provenance().arn());
        assertEquals("aws:kms", b.sseAlgorithm.get());
        assertEquals(S3Collector.GET_ENCRYPTION_CONFIGURATION, b.sseAlgorithm.provenance().operation());
        assertSame(m.all(KmsKey.class).stream().filter(k -> k.address().equals(key)).findFirst().orElseThrow(),
                m.resolve(b, b.sseKmsKey.get(), KmsKey.class).orElseThrow());
        assertEquals(true, b.bucketKeyEnabled.get());
        for (var flag : List.of(b.blockPublicAcls, b.blockPublicPolicy, b.ignorePublicAcls, b.restrictPublicBuckets)) {
            assertEquals(true, flag.get());
            assertEquals(S3Collector.GET_PUBLIC_ACCESS_BLOCK, flag.provenance().operation());
        }
        ReplicationRule rep = b.replicationRules.get().get(0);
        assertEquals(1, b.replicationRules.get().size());
        assertEquals("Enabled", rep.status().get());
        assertEquals(new Ref("arn:aws:s3:::acme-tfstate-dr"), rep.destinationBucket().get());
        assertEquals("STANDARD_IA", rep.storageClass().get());
        assertEquals(new Ref(replicaKey), rep.replicaKmsKey().get());
        assertEquals(S3Collector.GET_REPLICATION_CONFIGURATION, rep.status().provenance().operation());
        LifecycleRule life = b.lifecycleRules.get().get(0);
        assertEquals("Enabled", life.status().get());
        assertEquals(List.of("GLACIER"), life.transitionStorageClasses().get());
        assertEquals(365, life.expirationDays().get());
        assertEquals(30, life.noncurrentExpirationDays().get());
        assertEquals(new io.plumbline.model.Ref("acme-logs"), b.loggingTarget.get());
        assertTrue(b.policy.get().contains("aws:SecureTransport"), b.policy.get());

        Finding f = SeedData.finding(m, "BAK-005", b.address());
        assertEquals(Status.PASS, f.status(), f.toString());
        // the logs bucket was never versioned: a protected role without versioning fails
        Finding logs = SeedData.finding(m, "BAK-005", "arn:aws:s3:::acme-logs");
        assertEquals(Status.FAIL, logs.status(), logs.toString());
    }

    @Test
    void notConfiguredSettingsAreExplicitAbsenceInTheSourcesShape() {
        try (S3Client s3 = SeedData.s3(moto, "eu-west-1")) {
            create(s3, "bare", "eu-west-1", null);
        }
        Model m = SeedData.collect(moto, new S3Collector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        S3Bucket b = bucket(m, "bare");
        assertEquals(Map.of(), b.tags.get(), "NoSuchTagSet: no tags");
        assertEquals("Disabled", b.versioning.get(), "never enabled, as the plan and template sources say");
        assertEquals(Certainty.EXPLICIT, b.versioning.certainty());
        assertNull(b.mfaDelete.get());
        // moto still answers ServerSideEncryptionConfigurationNotFoundError (AWS applies SSE-S3 since 2023)
        assertEquals("AES256", b.sseAlgorithm.get());
        assertEquals(Certainty.DEFAULTED, b.sseAlgorithm.certainty());
        assertEquals(Certainty.EXPLICIT, b.sseKmsKey.certainty());
        assertNull(b.sseKmsKey.get());
        assertEquals(false, b.blockPublicAcls.get());
        assertEquals(Certainty.EXPLICIT, b.blockPublicAcls.certainty());
        assertEquals(List.of(), b.replicationRules.get());
        assertEquals(Certainty.EXPLICIT, b.replicationRules.certainty());
        assertEquals(List.of(), b.lifecycleRules.get());
        assertNull(b.loggingTarget.get());
        assertEquals(Certainty.EXPLICIT, b.loggingTarget.certainty());
        assertNull(b.policy.get());
        assertEquals(Certainty.EXPLICIT, b.policy.certainty());
    }

    @Test
    void aDeniedSettingIsUnknownAndTheRestStaysKnown() {
        try (S3Client s3 = SeedData.s3(moto, "eu-west-1")) {
            create(s3, "acme-backups", "eu-west-1", "backups");
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("GetBucketVersioning"), seen), new S3Collector());
        S3Bucket b = bucket(run.model(), "acme-backups");
        assertEquals(Certainty.UNKNOWN, b.versioning.certainty());
        assertTrue(b.versioning.note().contains(S3Collector.GET_BUCKET_VERSIONING), b.versioning.note());
        assertEquals(Certainty.UNKNOWN, b.mfaDelete.certainty());
        assertEquals(List.of(), b.lifecycleRules.get());
        assertTrue(run.model().gaps().isEmpty());
        assertEquals(Status.UNKNOWN, SeedData.finding(run.model(), "BAK-005", b.address()).status(),
                "never a verdict from a setting that could not be read");
        assertFalse(seen.contains("GetObject"), "no object is ever read");
    }

    @Test
    void aBucketWhoseRegionCannotBeReadMakesTheKindAGap() {
        try (S3Client s3 = SeedData.s3(moto, "eu-west-1")) {
            create(s3, "somewhere", "eu-west-1", null);
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("GetBucketLocation"), seen), new S3Collector());
        assertTrue(run.model().all(S3Bucket.class).isEmpty());
        assertTrue(run.model().gaps().stream().anyMatch(g -> g.kind() == Kind.S3_BUCKET
                && g.operation().equals(S3Collector.GET_BUCKET_LOCATION)), () -> "" + run.model().gaps());
    }
}
