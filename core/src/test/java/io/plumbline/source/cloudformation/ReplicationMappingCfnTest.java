package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.*;
import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.model.Model;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replication fields REP-001, REP-002 and REP-006 read from a template, and the stack's region. */
class ReplicationMappingCfnTest {
    private static final String TEMPLATE = """
            Resources:
              Source:
                Type: AWS::S3::Bucket
                Properties:
                  ReplicationConfiguration:
                    Role: arn:aws:iam::123456789012:role/replication
                    Rules:
                      - Status: Enabled
                        Filter: {Prefix: ""}
                        DeleteMarkerReplication: {Status: Disabled}
                        SourceSelectionCriteria: {SseKmsEncryptedObjects: {Status: Enabled}}
                        Destination:
                          Bucket: arn:aws:s3:::acme-replica-usw2
                          EncryptionConfiguration: {ReplicaKmsKeyID: arn:aws:kms:us-west-2:123456789012:key/1}
                      - Status: Enabled
                        Filter: {And: {Prefix: logs/, TagFilters: [{Key: class, Value: audit}]}}
                        Destination: {Bucket: !GetAtt Copy.Arn}
                      - Status: Enabled
                        Prefix: v1/
                        Destination: {Bucket: !GetAtt Copy.Arn}
              Copy:
                Type: AWS::S3::Bucket
              Registry:
                Type: AWS::ECR::ReplicationConfiguration
                Properties:
                  ReplicationConfiguration:
                    Rules:
                      - Destinations: [{Region: us-west-2, RegistryId: "123456789012"}]
                        RepositoryFilters: [{Filter: team-, FilterType: PREFIX_MATCH}]
            """;

    @Test
    void replicationRulesCarryFilterDeleteMarkersSelectionAndRole() {
        Model m = yaml(TEMPLATE, "eu-west-1", Map.of());
        S3Bucket source = get(m, "Source", S3Bucket.class);
        List<ReplicationRule> rules = source.replicationRules.get();
        assertEquals(3, rules.size());
        assertEquals("", rules.get(0).filter().get());
        assertEquals("Disabled", rules.get(0).deleteMarkerReplication().get());
        assertEquals("Enabled", rules.get(0).sseKmsEncryptedObjects().get());
        assertEquals("arn:aws:kms:us-west-2:123456789012:key/1", rules.get(0).replicaKmsKey().get().target());
        assertEquals("logs/ tags: class=audit", rules.get(1).filter().get());
        assertNull(rules.get(1).sseKmsEncryptedObjects().get(), "no SourceSelectionCriteria: not selected");
        assertTrue(rules.get(1).sseKmsEncryptedObjects().isKnown());
        assertEquals("v1/", rules.get(2).filter().get(), "V1 rule-level Prefix");
        assertEquals("arn:aws:iam::123456789012:role/replication", source.replicationRole.get().target());
        assertEquals("eu-west-1", source.region.get());
        assertNull(get(m, "Copy", S3Bucket.class).replicationRole.get(), "no ReplicationConfiguration: no role");
    }

    @Test
    void registryReplicationIsItsOwnKind() {
        Model m = yaml(TEMPLATE);
        EcrReplicationConfiguration c = get(m, "Registry", EcrReplicationConfiguration.class);
        EcrReplicationConfiguration.Rule rule = c.rules.get().get(0);
        assertEquals("us-west-2", rule.destinations().get().get(0).region().get());
        assertEquals("123456789012", rule.destinations().get().get(0).registryId().get());
        assertEquals(List.of("team-"), rule.prefixFilters().get());
        assertEquals(List.of("PREFIX_MATCH"), rule.filterTypes().get());
        assertTrue(c.region.isUnknown(), "a template states no region of its own");
    }
}
