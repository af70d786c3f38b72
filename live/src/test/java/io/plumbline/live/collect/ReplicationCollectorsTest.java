package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Model;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.security.Secret;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ecr.model.RepositoryFilterType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** REP-005's and REP-006's live inputs, read from moto in server mode: secret replicas and registry replication. */
@ExtendWith(MotoServer.class)
class ReplicationCollectorsTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    @Test
    void registryReplicationIsOneResourcePerRegionAndEmptyWhenNeverConfigured() {
        Model none = SeedData.collect(moto, new EcrCollector()).model();
        List<EcrReplicationConfiguration> empty = none.all(EcrReplicationConfiguration.class);
        assertEquals(1, empty.size());
        assertEquals(List.of(), empty.get(0).rules.get(), "no configuration: no rules");
        assertEquals(EcrCollector.DESCRIBE_REGISTRY, empty.get(0).rules.provenance().operation());

        try (var ecr = SeedData.ecr(moto)) {
            ecr.putReplicationConfiguration(b -> b.replicationConfiguration(c -> c.rules(r -> r
                    .destinations(d -> d.region("us-west-2").registryId(SeedData.ACCOUNT))
                    .repositoryFilters(f -> f.filter("plumbline/").filterType(RepositoryFilterType.PREFIX_MATCH)))));
        }
        Model m = SeedData.collect(moto, new EcrCollector()).model();
        EcrReplicationConfiguration c = m.all(EcrReplicationConfiguration.class).get(0);
        assertEquals("eu-west-1", c.region.get());
        EcrReplicationConfiguration.Rule rule = c.rules.get().get(0);
        assertEquals("us-west-2", rule.destinations().get().get(0).region().get());
        assertEquals(List.of("plumbline/"), rule.prefixFilters().get());
        assertEquals(List.of("PREFIX_MATCH"), rule.filterTypes().get());
    }

    @Test
    void bucketReplicationCarriesFilterDeleteMarkersSseKmsSelectionAndRole() {
        try (var s3 = SeedData.s3(moto, SeedData.REGION)) {
            s3.createBucket(b -> b.bucket("acme-state").createBucketConfiguration(c -> c.locationConstraint(
                    software.amazon.awssdk.services.s3.model.BucketLocationConstraint.fromValue(SeedData.REGION))));
            s3.putBucketVersioning(b -> b.bucket("acme-state").versioningConfiguration(v -> v.status("Enabled")));
            s3.putBucketReplication(b -> b.bucket("acme-state").replicationConfiguration(c -> c
                    .role("arn:aws:iam::123456789012:role/replication").rules(
                            r -> r.id("all").status("Enabled").priority(1).filter(f -> f.prefix(""))
                                    .deleteMarkerReplication(d -> d.status("Disabled"))
                                    .sourceSelectionCriteria(x -> x.sseKmsEncryptedObjects(k -> k.status("Enabled")))
                                    .destination(d -> d.bucket("arn:aws:s3:::acme-state-usw2")
                                            .encryptionConfiguration(e -> e.replicaKmsKeyID(
                                                    "arn:aws:kms:us-west-2:123456789012:key/1"))),
                            r -> r.id("audit").status("Enabled").priority(2)
                                    .filter(f -> f.tag(t -> t.key("class").value("audit")))
                                    .deleteMarkerReplication(d -> d.status("Disabled"))
                                    .destination(d -> d.bucket("arn:aws:s3:::acme-audit-usw2")))));
        }
        Model m = SeedData.collect(moto, new S3Collector()).model();
        var bucket = m.all(io.plumbline.model.storage.S3Bucket.class).stream()
                .filter(b -> b.name.is("acme-state")).findFirst().orElseThrow();
        var rules = bucket.replicationRules.get();
        assertEquals(2, rules.size(), () -> "" + rules);
        var all = rules.stream().filter(r -> "".equals(r.filter().get())).findFirst().orElseThrow();
        assertEquals("Disabled", all.deleteMarkerReplication().get());
        assertEquals("Enabled", all.sseKmsEncryptedObjects().get());
        assertEquals("arn:aws:kms:us-west-2:123456789012:key/1", all.replicaKmsKey().get().target());
        assertTrue(rules.stream().anyMatch(r -> "tags: class=audit".equals(r.filter().get())), () -> "" + rules);
        assertEquals("arn:aws:iam::123456789012:role/replication", bucket.replicationRole.get().target());
        assertEquals(S3Collector.GET_REPLICATION_CONFIGURATION, bucket.replicationRole.provenance().operation());
    }

    @Test
    void secretReplicasCarryRegionStatusAndTheReplicaKnowsItsPrimary() {
        try (SecretsManagerClient sm = SeedData.secrets(moto)) {
            sm.createSecret(b -> b.name("acme/app-db").secretString("not-read")
                    .addReplicaRegions(r -> r.region("us-west-2")));
            sm.createSecret(b -> b.name("acme/plain").secretString("not-read"));
        }
        Model m = SeedData.collect(moto, new SecretsManagerCollector()).model();
        Secret app = m.all(Secret.class).stream().filter(s -> s.name.is("acme/app-db")).findFirst().orElseThrow();
        assertEquals(List.of("us-west-2"), app.replicaRegions.get());
        assertTrue(app.replicaStatus.get().containsKey("us-west-2"), () -> "" + app.replicaStatus.get());
        assertNull(app.primaryRegion.get(), "a primary secret");
        Secret plain = m.all(Secret.class).stream().filter(s -> s.name.is("acme/plain")).findFirst().orElseThrow();
        assertEquals(List.of(), plain.replicaRegions.get());
    }
}
