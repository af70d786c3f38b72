package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Engines;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Zones;

/**
 * MAZ-008. A Redis/Valkey replication group has Multi-AZ on, automatic failover on, at least
 * {@code profile.cache.minimumReplicas} replicas per shard, and a subnet group that is not {@code default} and spans
 * at least two AZs (the profile's {@code minimumAvailabilityZones} is the target, shown in the evidence).
 *
 * <p>Replicas: {@code replicasPerNodeGroup} when written (node groups, cluster mode on or off), else — when node
 * groups were chosen ({@code numNodeGroups} written) — its default/unknown value, else {@code numCacheClusters - 1}
 * (default 1 cache cluster: no replica). No subnet group means ElastiCache's {@code default} group: FAIL. Serverless
 * caches replicate across AZs by design: PASS. Memcached is not applicable.
 */
@RuleInfo(
        id = "MAZ-008",
        title = "ElastiCache Redis: Multi-AZ on, automatic failover on, ≥ 1 replica per shard, subnet group spans ≥ 2 "
                + "AZs (target 3) and is not default",
        severity = Severity.CRITICAL,
        group = "multi-az",
        rationale = "Without a replica in another AZ and automatic failover, an AZ or primary-node loss takes the cache "
                + "down.",
        remediation = "Set multi_az_enabled = true, automatic_failover_enabled = true, num_cache_clusters >= 2 (or "
                + "replicas_per_node_group >= 1) and subnet_group_name to an aws_elasticache_subnet_group with subnets "
                + "in three AZs (CloudFormation: MultiAZEnabled, AutomaticFailoverEnabled, NumCacheClusters or "
                + "ReplicasPerNodeGroup, CacheSubnetGroupName).",
        controls = {"SH ElastiCache.3", "SH ElastiCache.7", "NIST CP-10", "NIST SC-36", "NIST SC-5(2)",
                "NIST SI-13(5)", "NIST AC-4", "NIST AC-4(21)", "NIST SC-7", "NIST SC-7(11)", "NIST SC-7(16)",
                "NIST SC-7(21)", "NIST SC-7(4)", "NIST SC-7(5)", "CKV CKV2_AWS_50", "CKV CKV_AWS_323",
                "NAG AwsSolutions-AEC4", "NAG AwsSolutions-AEC1"},
        reads = {Kind.SUBNET, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class RedisMultiAzWithFailover implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (CacheReplicationGroup g : ctx.model().all(CacheReplicationGroup.class)) {
            if (Fields.deleted(g)) continue;
            if (Engines.isMemcached(g.engine)) {
                ctx.notApplicable(g, "Memcached cache: it has no replicas or failover; the rule covers Redis OSS and "
                        + "Valkey", Evidence.of("engine", g.engine, "redis or valkey"));
                continue;
            }
            if (g.serverless) {
                ctx.pass(g, "serverless cache: ElastiCache Serverless stores data across multiple AZs and fails over "
                        + "by design", Evidence.of("serverless", "true", "multi-AZ by design", g.location()));
                continue;
            }
            Checks v = new Checks("Multi-AZ with automatic failover, enough replicas, and a subnet group across "
                    + "several AZs");
            bool(v, "multiAz", g.multiAz, "Multi-AZ is off");
            bool(v, "automaticFailover", g.automaticFailover, "automatic failover is off");
            replicas(ctx, g, v);
            subnetGroup(ctx, g, v);
            ctx.report(g, v.verdict());
        }
    }

    private static void bool(Checks v, String attr, Value<Boolean> value, String off) {
        Evidence e = Evidence.of(attr, value, "true");
        if (value.isUnknown()) v.unknown(attr + " is unknown: " + value.note(), e);
        else if (Boolean.TRUE.equals(value.get())) v.pass(e);
        else v.fail(off + " (" + attr + " " + value.display() + ")", e);
    }

    private static void replicas(RuleContext ctx, CacheReplicationGroup g, Checks v) {
        int min = ctx.profile().cache().minimumReplicas();
        String expected = "at least " + Fields.count(min, "replica", "replicas") + " per shard";
        boolean explicitReplicas = g.replicasPerNodeGroup.isPresent() && !g.replicasPerNodeGroup.isDefaulted();
        boolean nodeGroupsChosen = g.numNodeGroups.isPresent() && !g.numNodeGroups.isDefaulted();
        if (explicitReplicas || (nodeGroupsChosen && !Fields.notSet(g.replicasPerNodeGroup))) {
            Value<Integer> r = g.replicasPerNodeGroup;
            Evidence e = Evidence.of("replicasPerNodeGroup", r, expected);
            if (r.isUnknown()) v.unknown("replicasPerNodeGroup is unknown: " + r.note(), e);
            else if (r.get() >= min) v.pass(e);
            else v.fail("each shard has " + Fields.count(r, "replica", "replicas") + " (replicasPerNodeGroup "
                    + r.display() + "); the profile requires at least " + min, e);
            return;
        }
        Value<Integer> n = g.numCacheClusters;
        Evidence e = Evidence.of("numCacheClusters", n, "at least " + (1 + min) + " (a primary and "
                + Fields.count(min, "replica", "replicas") + ")");
        if (n.isUnknown()) {
            v.unknown("the number of replicas is unknown: numCacheClusters is unknown (" + n.note() + ")"
                    + (g.replicasPerNodeGroup.isUnknown() && !Fields.absentFromInput(g.replicasPerNodeGroup)
                    ? " and replicasPerNodeGroup is unknown (" + g.replicasPerNodeGroup.note() + ")" : ""), e);
        } else if (n.get() == null) {
            v.unknown("the number of replicas is not given (numCacheClusters and replicasPerNodeGroup not set)", e);
        } else if (n.get() - 1 >= min) {
            v.pass(e);
        } else {
            v.fail("the group has " + Fields.count(n, "cache node", "cache nodes") + " (numCacheClusters "
                    + n.display() + "), i.e. " + Fields.count(n.map(x -> Math.max(0, x - 1)), "replica", "replicas")
                    + "; the profile requires at least " + min, e);
        }
    }

    private static void subnetGroup(RuleContext ctx, CacheReplicationGroup g, Checks v) {
        Value<Ref> sg = g.subnetGroup;
        String expected = "a subnet group (not default) across at least 2 AZs (target "
                + ctx.profile().minimumAvailabilityZones() + ")";
        Evidence e = Evidence.of("subnetGroup", sg, expected);
        if (sg.isUnknown() && !Fields.absentFromInput(sg)) {
            v.unknown("subnetGroup is unknown: " + sg.note(), e);
            return;
        }
        if (Fields.notSet(sg) || sg.get().target() == null || sg.get().target().isBlank()) {
            v.fail("no subnet group is given, so ElastiCache uses the default subnet group", e);
            return;
        }
        Resource resolved = ctx.model().resolve(g, sg.get(), CacheSubnetGroup.class).map(Resource.class::cast)
                .or(() -> ctx.model().resolve(g, sg.get())).orElse(null);
        if (!(resolved instanceof CacheSubnetGroup group)) {
            if (sg.get().target().trim().equalsIgnoreCase("default")) {
                v.fail("the group uses the default subnet group", e);
            } else {
                v.unknown("subnet group " + Fields.shown(sg) + (resolved == null ? " is not in the input"
                        : " resolves to " + resolved + ", not a cache subnet group") + ", so its AZs are unknown", e);
            }
            return;
        }
        if (Fields.is(group.name, "default")) {
            v.fail("the group uses the default subnet group (" + group.address() + ")",
                    Evidence.of("subnetGroup name", group.name, "not default"));
            return;
        }
        Zones.Spread spread = Zones.ofSubnets(ctx.model(), group, "subnet group " + group.address() + " subnets",
                group.subnets);
        Evidence span = Evidence.of("subnet group AZs", spread.distinct() + " " + spread.zones(), expected,
                group.location());
        if (spread.distinct() >= 2) {
            v.pass(span);
        } else if (spread.incomplete()) {
            v.unknown("subnet group " + group.address() + " spans " + Fields.count(spread.distinct(), "known AZ",
                    "known AZs") + " and " + String.join("; ", spread.unknowns()), span);
        } else {
            v.fail("subnet group " + group.address() + " spans only " + Fields.count(spread.distinct(), "AZ", "AZs")
                    + " " + spread.zones() + "; a replica in another AZ needs at least 2", span);
        }
        spread.evidence().forEach(v::note);
    }
}
