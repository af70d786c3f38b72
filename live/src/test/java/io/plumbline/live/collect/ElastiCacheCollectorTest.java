package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class ElastiCacheCollectorTest {

    static final String GROUP_ARN = "arn:aws:elasticache:eu-west-1:" + SeedData.ACCOUNT + ":replicationgroup:";

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static CacheReplicationGroup group(Model m, String id) {
        List<CacheReplicationGroup> g = m.all(CacheReplicationGroup.class).stream().filter(x -> x.name.is(id)).toList();
        assertEquals(1, g.size(), () -> "" + m.all(CacheReplicationGroup.class));
        return g.get(0);
    }

    @Test
    void encryptedMultiAzGroupIsCollectedAndPasses() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.cacheSubnetGroup(moto, "cache-data", net.dataA(), net.dataB());
        String key = SeedData.key(moto, "cache", true);
        SeedData.redis(moto, "sessions", true, 1, key, "required", "cache-data");
        SeedData.memberStandIns(moto, "sessions", 2, "cache-data", "eu-west-1b");
        Model m = SeedData.collect(moto, new Ec2Collector(), new KmsCollector(), new ElastiCacheCollector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        CacheReplicationGroup g = group(m, "sessions");
        assertEquals(GROUP_ARN + "sessions", g.address());
        assertFalse(g.serverless);
        assertEquals("redis", g.engine.get());
        assertEquals(true, g.atRestEncryption.get());
        assertEquals(ElastiCacheCollector.DESCRIBE_REPLICATION_GROUPS, g.atRestEncryption.provenance().operation());
        assertEquals(g.address(), g.atRestEncryption.provenance().arn());
        assertSame(m.all(KmsKey.class).stream().filter(k -> k.address().equals(key)).findFirst().orElseThrow(),
                m.resolve(g, g.kmsKey.get(), KmsKey.class).orElseThrow());
        assertEquals(true, g.transitEncryption.get());
        assertEquals("required", g.transitEncryptionMode.get());
        assertEquals(true, g.multiAz.get());
        assertEquals(true, g.automaticFailover.get());
        assertEquals(7, g.snapshotRetentionLimit.get());
        assertEquals(6380, g.port.get());
        assertEquals(2, g.numCacheClusters.get());
        assertEquals(1, g.numNodeGroups.get());
        assertEquals(1, g.replicasPerNodeGroup.get());
        // moto hard-codes the members' preferred AZ (us-east-1a/b, even in eu-west-1): only the shape is checked.
        assertEquals(2, g.preferredAzs.get().size());
        assertEquals(Certainty.UNKNOWN, g.storageEncryptionType.certainty(), "not in the SDK version used");
        // subnet group from the member clusters (DescribeCacheClusters)
        assertEquals(new Ref("cache-data"), g.subnetGroup.get());
        assertEquals(ElastiCacheCollector.DESCRIBE_CACHE_CLUSTERS, g.subnetGroup.provenance().operation());
        CacheSubnetGroup sg = m.resolve(g, g.subnetGroup.get(), CacheSubnetGroup.class).orElseThrow();
        assertEquals("arn:aws:elasticache:eu-west-1:" + SeedData.ACCOUNT + ":subnetgroup:cache-data", sg.address());
        assertEquals(List.of(new Ref(net.dataA()), new Ref(net.dataB())), sg.subnets.get());

        for (String rule : List.of("ENC-005", "ENC-006", "MAZ-008")) {
            Finding f = SeedData.finding(m, rule, g.address());
            assertEquals(Status.PASS, f.status(), f.toString());
        }
    }

    @Test
    void unencryptedSingleAzGroupFails() {
        SeedData.redis(moto, "plain", false, 1, null, null, null);
        Model m = SeedData.collect(moto, new ElastiCacheCollector()).model();
        CacheReplicationGroup g = group(m, "plain");
        assertEquals(false, g.atRestEncryption.get());
        assertEquals(Certainty.EXPLICIT, g.kmsKey.certainty());
        assertNull(g.kmsKey.get());
        assertEquals(false, g.transitEncryption.get());
        assertEquals(false, g.multiAz.get());
        for (String rule : List.of("ENC-005", "ENC-006", "MAZ-008")) {
            Finding f = SeedData.finding(m, rule, g.address());
            assertEquals(Status.FAIL, f.status(), f.toString());
        }
    }

    @Test
    void membersMissingFromDescribeCacheClustersLeaveSubnetGroupUnknown() {
        // moto gap: a group's member clusters are not returned by DescribeCacheClusters (it answers []). The
        // collector must then say "unknown", never "no subnet group" (which would mean the default group).
        SeedData.Net net = SeedData.network(moto);
        SeedData.cacheSubnetGroup(moto, "cache-data", net.dataA(), net.dataB());
        SeedData.redis(moto, "orphan", true, 1, null, "required", "cache-data");
        Model m = SeedData.collect(moto, new ElastiCacheCollector()).model();
        CacheReplicationGroup g = group(m, "orphan");
        assertEquals(Certainty.UNKNOWN, g.subnetGroup.certainty());
        assertTrue(g.subnetGroup.note().contains("not returned by DescribeCacheClusters"), g.subnetGroup.note());
        assertEquals(Certainty.UNKNOWN, g.securityGroups.certainty());
        Finding f = SeedData.finding(m, "MAZ-008", g.address());
        assertEquals(Status.UNKNOWN, f.status(), f.toString());
    }

    @Test
    void deniedDescribeCacheClustersLeavesOnlyMemberAttributesUnknown() {
        SeedData.redis(moto, "sessions", true, 1, null, "required", null);
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("DescribeCacheClusters"), seen),
                new ElastiCacheCollector());
        CacheReplicationGroup g = group(run.model(), "sessions");
        assertEquals(Certainty.UNKNOWN, g.subnetGroup.certainty());
        assertTrue(g.subnetGroup.note().contains(ElastiCacheCollector.DESCRIBE_CACHE_CLUSTERS + " failed"),
                g.subnetGroup.note());
        assertEquals(true, g.multiAz.get(), "what DescribeReplicationGroups said stays known");
        assertTrue(run.model().gaps().isEmpty(), "no kind is missing");
        assertTrue(run.model().diagnostics().stream().anyMatch(d -> d.message().contains("DescribeCacheClusters")));
    }

    @Test
    void deniedDescribeReplicationGroupsIsAGap() {
        SeedData.redis(moto, "sessions", true, 1, null, "required", null);
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("DescribeReplicationGroups"), seen),
                new ElastiCacheCollector());
        assertTrue(run.model().all(CacheReplicationGroup.class).isEmpty());
        assertEquals(List.of(Kind.CACHE_REPLICATION_GROUP), run.model().gaps().stream().map(x -> x.kind()).toList());
        assertFalse(seen.contains("DescribeCacheClusters"), "no member lookup without groups");
    }

    @Test
    void cacheSubnetGroupWithAPublicSubnetFailsNet013() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.cacheSubnetGroup(moto, "cache-data", net.dataA(), net.dataB());
        SeedData.cacheSubnetGroup(moto, "cache-leaky", net.dataB(), net.publicC());
        Model m = SeedData.collect(moto, new Ec2Collector(), new ElastiCacheCollector()).model();
        assertEquals(2, m.all(CacheSubnetGroup.class).size());
        String arn = "arn:aws:ec2:eu-west-1:" + SeedData.ACCOUNT + ":subnet/";
        assertEquals(Status.PASS, SeedData.finding(m, "NET-013", arn + net.dataA()).status());
        assertEquals(Status.FAIL, SeedData.finding(m, "NET-013", arn + net.publicC()).status());
    }

    /**
     * The same unencrypted Redis group as a Terraform plan and live: ENC-005 and ENC-006 give the same verdicts.
     */
    @Test
    void encryptionRulesGiveTheSameVerdictLiveAsOnAPlan() {
        String plan = """
                {"format_version":"1.2","terraform_version":"1.9.0","resource_changes":[
                 {"address":"aws_elasticache_replication_group.plain","mode":"managed",
                  "type":"aws_elasticache_replication_group","name":"plain",
                  "provider_name":"registry.terraform.io/hashicorp/aws",
                  "change":{"actions":["create"],"before":null,
                   "after":{"replication_group_id":"plain","description":"test","engine":"redis",
                    "node_type":"cache.t3.micro","num_cache_clusters":2,"automatic_failover_enabled":false,
                    "multi_az_enabled":false,"at_rest_encryption_enabled":false,"transit_encryption_enabled":false,
                    "kms_key_id":null,"snapshot_retention_limit":7,"port":6380},
                   "after_unknown":{}}}]}
                """;
        Model planModel = Inputs.load("plan.json", plan.getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT);
        SeedData.redis(moto, "plain", false, 1, null, null, null);
        Model live = SeedData.collect(moto, new ElastiCacheCollector()).model();
        for (String rule : List.of("ENC-005", "ENC-006")) {
            Finding onPlan = SeedData.finding(planModel, rule, "aws_elasticache_replication_group.plain");
            Finding onLive = SeedData.finding(live, rule, GROUP_ARN + "plain");
            assertEquals(Status.FAIL, onPlan.status(), onPlan.toString());
            assertEquals(onPlan.status(), onLive.status(), () -> onPlan + "\nvs\n" + onLive);
            assertEquals(onPlan.message(), onLive.message(), "same reasons, whatever the input");
        }
    }
}
