package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.AuditOptions;
import io.plumbline.live.DenyingProxy;
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

    /**
     * moto 5.2.5 answers GetBucketReplication with a fixed {@code DeleteMarkerReplication Disabled} and
     * {@code Filter Prefix ""} for every rule and drops {@code SourceSelectionCriteria}, so this reply is HAND-WRITTEN
     * in the documented response format (S3 API reference, GetBucketReplication, "Response Syntax"); the bucket
     * itself and every other call are moto's.
     */
    private static final String REPLICATION_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Role>arn:aws:iam::123456789012:role/replication</Role>
              <Rule>
                <ID>all</ID><Priority>1</Priority><Status>Enabled</Status>
                <Filter><Prefix></Prefix></Filter>
                <DeleteMarkerReplication><Status>Enabled</Status></DeleteMarkerReplication>
                <SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status></SseKmsEncryptedObjects></SourceSelectionCriteria>
                <Destination>
                  <Bucket>arn:aws:s3:::acme-state-usw2</Bucket>
                  <EncryptionConfiguration><ReplicaKmsKeyID>arn:aws:kms:us-west-2:123456789012:key/1</ReplicaKmsKeyID></EncryptionConfiguration>
                </Destination>
              </Rule>
              <Rule>
                <ID>audit</ID><Priority>2</Priority><Status>Enabled</Status>
                <Filter><And><Prefix>logs/</Prefix><Tag><Key>class</Key><Value>audit</Value></Tag></And></Filter>
                <DeleteMarkerReplication><Status>Disabled</Status></DeleteMarkerReplication>
                <Destination><Bucket>arn:aws:s3:::acme-audit-usw2</Bucket></Destination>
              </Rule>
            </ReplicationConfiguration>
            """;

    @Test
    void bucketReplicationCarriesFilterDeleteMarkersSseKmsSelectionAndRole() throws Exception {
        try (var s3 = SeedData.s3(moto, SeedData.REGION)) {
            s3.createBucket(b -> b.bucket("acme-state").createBucketConfiguration(c -> c.locationConstraint(
                    software.amazon.awssdk.services.s3.model.BucketLocationConstraint.fromValue(SeedData.REGION))));
            s3.putBucketVersioning(b -> b.bucket("acme-state").versioningConfiguration(v -> v.status("Enabled")));
        }
        Model m;
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), (method, path, headers, body) ->
                method.equals("GET") && path.contains("acme-state") && path.contains("replication")
                        ? new DenyingProxy.Reply(200, "application/xml",
                                REPLICATION_XML.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        : null)) {
            m = SeedData.collect(new AuditOptions(proxy.endpoint(), List.of(SeedData.REGION), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.STANDARD),
                    new S3Collector()).model();
        }
        var bucket = m.all(io.plumbline.model.storage.S3Bucket.class).stream()
                .filter(b -> b.name.is("acme-state")).findFirst().orElseThrow(() -> new AssertionError(m.diagnostics()));
        var rules = bucket.replicationRules.get();
        assertEquals(2, rules.size(), () -> "" + rules);
        var all = rules.get(0);
        assertEquals("", all.filter().get());
        assertEquals("Enabled", all.deleteMarkerReplication().get());
        assertEquals("Enabled", all.sseKmsEncryptedObjects().get());
        assertEquals("arn:aws:kms:us-west-2:123456789012:key/1", all.replicaKmsKey().get().target());
        var audit = rules.get(1);
        assertEquals("logs/ tags: class=audit", audit.filter().get());
        assertEquals("Disabled", audit.deleteMarkerReplication().get());
        assertNull(audit.sseKmsEncryptedObjects().get(), "no SourceSelectionCriteria");
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
