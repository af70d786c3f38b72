package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.model.Model;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replication fields REP-001, REP-002 and REP-006 read, from inline blocks, split resources and v6 regions. */
class ReplicationMappingTest {

    private static Model plan() throws IOException {
        try (InputStream in = ReplicationMappingTest.class.getResourceAsStream("/terraform/replication.json")) {
            return Inputs.load("replication.json", in.readAllBytes(), SourceOptions.DEFAULT);
        }
    }

    private static S3Bucket bucket(Model m, String address) {
        return m.all(S3Bucket.class).stream().filter(b -> b.address().equals(address)).findFirst().orElseThrow();
    }

    @Test
    void inlineReplicationRulesCarryFilterDeleteMarkersSseKmsSelectionAndRole() throws IOException {
        Model m = plan();
        S3Bucket state = bucket(m, "aws_s3_bucket.state");
        assertEquals("eu-west-1", state.region.get(), "the provider's region");
        ReplicationRule r = state.replicationRules.get().get(0);
        assertEquals("Enabled", r.status().get());
        assertEquals("arn:aws:s3:::acme-state-replica", r.destinationBucket().get().target());
        assertEquals("", r.filter().get(), "prefix \"\": every object");
        assertEquals("Enabled", r.deleteMarkerReplication().get());
        assertEquals("Enabled", r.sseKmsEncryptedObjects().get(), "inline enabled = true");
        assertEquals("arn:aws:kms:us-west-2:123456789012:key/1", r.replicaKmsKey().get().target());
        assertEquals("arn:aws:iam::123456789012:role/replication", state.replicationRole.get().target());
        assertEquals("us-west-2", bucket(m, "aws_s3_bucket.state_replica").region.get(), "v6 per-resource region");
    }

    @Test
    void splitReplicationRulesReadTagFiltersAndAbsentSelection() throws IOException {
        S3Bucket logs = bucket(plan(), "aws_s3_bucket.logs");
        ReplicationRule r = logs.replicationRules.get().get(0);
        assertEquals("tags: class=audit", r.filter().get());
        assertEquals("Disabled", r.deleteMarkerReplication().get());
        assertTrue(r.sseKmsEncryptedObjects().isKnown());
        assertNull(r.sseKmsEncryptedObjects().get(), "no source_selection_criteria: SSE-KMS objects not selected");
        assertEquals("arn:aws:iam::123456789012:role/replication", logs.replicationRole.get().target());
    }

    @Test
    void ecrRegistryReplicationIsItsOwnKind() throws IOException {
        List<EcrReplicationConfiguration> all = plan().all(EcrReplicationConfiguration.class);
        assertEquals(1, all.size());
        EcrReplicationConfiguration c = all.get(0);
        assertEquals("eu-west-1", c.region.get());
        EcrReplicationConfiguration.Rule rule = c.rules.get().get(0);
        assertEquals("us-west-2", rule.destinations().get().get(0).region().get());
        assertEquals("123456789012", rule.destinations().get().get(0).registryId().get());
        assertEquals(List.of("team-"), rule.prefixFilters().get());
        assertEquals(List.of("PREFIX_MATCH"), rule.filterTypes().get());
    }
}
