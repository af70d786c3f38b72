package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Engines;
import io.plumbline.rules.support.Fields;

/**
 * BAK-004. ElastiCache keeps automatic snapshots for at least {@code profile.cache.snapshotRetentionDays} days (7 in
 * the reference profile; Security Hub ElastiCache.1 asks for 1, cdk-nag for 15, hence a parameter).
 * Replication groups: {@code SnapshotRetentionLimit} in days, API default 0 = automatic snapshots off.
 * Serverless caches (Redis OSS, Valkey and Memcached) have their own {@code SnapshotRetentionLimit}: the number of
 * daily snapshots kept, which is the same window in days; the API reference states no default for it, so an unset
 * value there is UNKNOWN, never taken for off or on. Node-based Memcached keeps no snapshots at all: NOT_APPLICABLE.
 */
@RuleInfo(
        id = "BAK-004",
        title = "ElastiCache keeps automatic snapshots ≥ 1 day (target 7)",
        severity = Severity.MEDIUM,
        group = "backups",
        rationale = "Without snapshots a Redis failure or a bad flush loses all cached state (sessions).",
        remediation = "Set snapshot_retention_limit (CloudFormation: SnapshotRetentionLimit) to at least the "
                + "profile's cache.snapshotRetentionDays (7 in the reference profile) and a snapshot_window outside "
                + "peak hours; serverless caches: snapshot_retention_limit / SnapshotRetentionLimit with "
                + "daily_snapshot_time.",
        controls = {"SH ElastiCache.1", "NIST CP-10", "NIST CP-6", "NIST CP-6(1)", "NIST CP-6(2)", "NIST CP-9",
                "NIST SC-5(2)", "NIST SI-12", "NIST SI-13(5)", "CKV CKV_AWS_134", "AVD AVD-AWS-0050",
                "NAG NAG-R5 ElastiCacheRedisClusterAutomaticBackup"},
        reads = {Kind.CACHE_REPLICATION_GROUP})
public final class RedisSnapshotRetention implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = ctx.profile().cache().snapshotRetentionDays();
        String expected = "at least " + Fields.count(required, "day", "days");
        for (CacheReplicationGroup g : ctx.model().all(CacheReplicationGroup.class)) {
            if (Fields.deleted(g)) continue;
            if (!g.serverless && Engines.isMemcached(g.engine)) {
                ctx.notApplicable(g, "node-based Memcached takes no snapshots",
                        Evidence.of("engine", g.engine, "redis or valkey"));
                continue;
            }
            Value<Integer> limit = g.snapshotRetentionLimit;
            Evidence e = Evidence.of("snapshotRetentionLimit", limit, expected);
            String what = g.serverless ? "serverless cache snapshot retention" : "snapshot retention";
            if (limit.isUnknown()) {
                ctx.unknown(g, what + " is unknown: " + limit.note(), e);
            } else if (limit.get() == null) {
                ctx.unknown(g, what + " is not set and "
                        + (g.serverless ? "the API reference states no default for serverless caches"
                                : "no default is known for this input"), e);
            } else if (limit.get() == 0) {
                ctx.fail(g, "automatic snapshots are off (" + describe(limit) + ")", e);
            } else if (limit.get() >= required) {
                ctx.pass(g, what + " is " + describe(limit), e);
            } else {
                ctx.fail(g, what + " is " + describe(limit) + ", the profile requires at least "
                        + Fields.count(required, "day", "days"), e);
            }
        }
    }

    private static String describe(Value<Integer> days) {
        String base = Fields.count(days, "day", "days");
        return days.isDefaulted() ? base + " (default: " + days.note() + ")" : base;
    }
}
