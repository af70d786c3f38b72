package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisMultiAzWithFailoverTest {
    private final RedisMultiAzWithFailover rule = new RedisMultiAzWithFailover();

    private static Subnet subnet(String name, Value<String> az) {
        Subnet s = new Subnet("aws_subnet." + name, "aws_subnet", at());
        s.availabilityZone = az;
        s.addAlias("subnet-" + name);
        return s;
    }

    private static CacheSubnetGroup subnetGroup(String name, String... subnets) {
        CacheSubnetGroup g = new CacheSubnetGroup("aws_elasticache_subnet_group." + name,
                "aws_elasticache_subnet_group", at());
        g.name = explicit(name);
        g.addAlias(name);
        g.subnets = refs(subnets);
        return g;
    }

    private static CacheReplicationGroup good(String name) {
        CacheReplicationGroup g = new CacheReplicationGroup("aws_elasticache_replication_group." + name,
                "aws_elasticache_replication_group", at());
        g.engine = explicit("redis");
        g.multiAz = explicit(true);
        g.automaticFailover = explicit(true);
        g.numCacheClusters = explicit(3);
        g.subnetGroup = ref("aws_elasticache_subnet_group.data");
        return g;
    }

    private static List<Resource> network() {
        return new ArrayList<>(List.of(
                subnet("a", explicit("eu-west-1a")), subnet("b", explicit("eu-west-1b")),
                subnet("c", explicit("eu-west-1c")), subnet("a2", explicit("eu-west-1a")),
                subnet("x", unknown()),
                subnetGroup("data", "aws_subnet.a", "subnet-b", "aws_subnet.c"),
                subnetGroup("single", "aws_subnet.a", "aws_subnet.a2"),
                subnetGroup("half", "aws_subnet.a", "aws_subnet.x"),
                subnetGroup("default", "aws_subnet.a", "aws_subnet.b")));
    }

    private static Result runWith(Resource... groups) {
        List<Resource> all = network();
        all.addAll(List.of(groups));
        return run(new RedisMultiAzWithFailover(), all.toArray(Resource[]::new));
    }

    @Test
    void multiAzFailoverReplicasAndSubnetsAcrossAzsPass() {
        Finding f = expect(runWith(good("ok")), "aws_elasticache_replication_group.ok", Status.PASS);
        assertTrue(evidenceShows(f, "subnet group AZs", "3"), describe(f));
    }

    @Test
    void eachMissingPieceFails() {
        CacheReplicationGroup noMaz = good("no_maz");
        noMaz.multiAz = defaulted(Defaults.ELASTICACHE_MULTI_AZ);
        CacheReplicationGroup noFailover = good("no_failover");
        noFailover.automaticFailover = explicit(false);
        CacheReplicationGroup oneNode = good("one_node");
        oneNode.numCacheClusters = defaulted(Defaults.ELASTICACHE_NUM_CACHE_CLUSTERS);
        CacheReplicationGroup noReplicas = good("no_replicas");
        noReplicas.numNodeGroups = explicit(3);
        noReplicas.replicasPerNodeGroup = explicit(0);
        CacheReplicationGroup oneAz = good("one_az");
        oneAz.subnetGroup = ref("aws_elasticache_subnet_group.single");
        CacheReplicationGroup defaultGroup = good("default_group");
        defaultGroup.subnetGroup = ref("default");
        CacheReplicationGroup declaredDefault = good("declared_default");
        declaredDefault.subnetGroup = ref("aws_elasticache_subnet_group.default");
        CacheReplicationGroup noGroup = good("no_group");
        noGroup.subnetGroup = Value.notInInput();
        Result r = runWith(noMaz, noFailover, oneNode, noReplicas, oneAz, defaultGroup, declaredDefault, noGroup);
        expect(r, "aws_elasticache_replication_group.no_maz", Status.FAIL, "Multi-AZ is off", "default");
        expect(r, "aws_elasticache_replication_group.no_failover", Status.FAIL, "automatic failover is off");
        expect(r, "aws_elasticache_replication_group.one_node", Status.FAIL, "0 replicas", "default");
        expect(r, "aws_elasticache_replication_group.no_replicas", Status.FAIL, "0 replicas");
        expect(r, "aws_elasticache_replication_group.one_az", Status.FAIL, "only 1 AZ");
        expect(r, "aws_elasticache_replication_group.default_group", Status.FAIL, "default subnet group");
        expect(r, "aws_elasticache_replication_group.declared_default", Status.FAIL, "default subnet group");
        expect(r, "aws_elasticache_replication_group.no_group", Status.FAIL, "default subnet group");
    }

    @Test
    void clusterModeReplicasCountPerShard() {
        CacheReplicationGroup sharded = good("sharded");
        sharded.numCacheClusters = unknown();
        sharded.numNodeGroups = explicit(3);
        sharded.replicasPerNodeGroup = explicit(2);
        expect(runWith(sharded), "aws_elasticache_replication_group.sharded", Status.PASS);
    }

    @Test
    void unknownsStayUnknown() {
        CacheReplicationGroup failoverUnknown = good("failover_unknown");
        failoverUnknown.automaticFailover = unknown();
        CacheReplicationGroup countUnknown = good("count_unknown");
        countUnknown.numCacheClusters = unknown();
        countUnknown.replicasPerNodeGroup = unknown();
        CacheReplicationGroup azUnknown = good("az_unknown");
        azUnknown.subnetGroup = ref("aws_elasticache_subnet_group.half");
        CacheReplicationGroup foreign = good("foreign");
        foreign.subnetGroup = ref("shared-cache-subnets");
        CacheReplicationGroup groupUnknown = good("group_unknown");
        groupUnknown.subnetGroup = unknown();
        Result r = runWith(failoverUnknown, countUnknown, azUnknown, foreign, groupUnknown);
        expect(r, "aws_elasticache_replication_group.failover_unknown", Status.UNKNOWN, "automaticFailover");
        expect(r, "aws_elasticache_replication_group.count_unknown", Status.UNKNOWN, "replicas");
        expect(r, "aws_elasticache_replication_group.az_unknown", Status.UNKNOWN, "aws_subnet.x");
        expect(r, "aws_elasticache_replication_group.foreign", Status.UNKNOWN, "not in the input");
        expect(r, "aws_elasticache_replication_group.group_unknown", Status.UNKNOWN, "known only after apply");
    }

    @Test
    void serverlessPassesByDesignAndMemcachedIsNotApplicable() {
        CacheReplicationGroup s = new CacheReplicationGroup("aws_elasticache_serverless_cache.s",
                "aws_elasticache_serverless_cache", at());
        s.serverless = true;
        CacheReplicationGroup mc = good("mc");
        mc.engine = explicit("memcached");
        Result r = runWith(s, mc);
        expect(r, "aws_elasticache_serverless_cache.s", Status.PASS, "by design");
        expect(r, "aws_elasticache_replication_group.mc", Status.NOT_APPLICABLE);
    }
}
