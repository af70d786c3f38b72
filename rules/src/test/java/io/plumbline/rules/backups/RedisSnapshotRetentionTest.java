package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class RedisSnapshotRetentionTest {
    private final RedisSnapshotRetention rule = new RedisSnapshotRetention();

    static CacheReplicationGroup group(String name, String engine, boolean serverless, Value<Integer> limit) {
        CacheReplicationGroup g = new CacheReplicationGroup("aws_elasticache_replication_group." + name,
                "aws_elasticache_replication_group", at());
        g.engine = explicit(engine);
        g.serverless = serverless;
        g.snapshotRetentionLimit = limit;
        return g;
    }

    @Test
    void retentionIsComparedWithTheProfileAndZeroMeansOff() {
        Result r = run(rule,
                group("seven", "redis", false, explicit(7)),
                group("one", "redis", false, explicit(1)),
                group("default_off", "valkey", false, defaulted(Defaults.ELASTICACHE_SNAPSHOT_RETENTION)),
                group("unknown", "redis", false, unknown("known after apply")),
                group("serverless_ok", "valkey", true, explicit(14)),
                group("serverless_unset", "valkey", true, explicit(null)),
                group("serverless_memcached", "memcached", true, explicit(0)),
                group("memcached", "memcached", false, defaulted(Defaults.ELASTICACHE_SNAPSHOT_RETENTION)));
        expect(r, "aws_elasticache_replication_group.seven", Status.PASS, "7 days");
        expect(r, "aws_elasticache_replication_group.one", Status.FAIL, "1 day", "at least 7 days");
        expect(r, "aws_elasticache_replication_group.default_off", Status.FAIL, "off", "default");
        expect(r, "aws_elasticache_replication_group.unknown", Status.UNKNOWN, "known after apply");
        expect(r, "aws_elasticache_replication_group.serverless_ok", Status.PASS, "serverless");
        expect(r, "aws_elasticache_replication_group.serverless_unset", Status.UNKNOWN, "no default");
        expect(r, "aws_elasticache_replication_group.serverless_memcached", Status.FAIL, "off");
        expect(r, "aws_elasticache_replication_group.memcached", Status.NOT_APPLICABLE, "Memcached");
    }

    @Test
    void aLowerProfileThresholdIsHonoured() {
        var p = profile();
        var lenient = new io.plumbline.profile.Profile(p.name(), p.minimumAvailabilityZones(), p.primaryRegion(),
                p.secondaryRegion(), p.aurora(), new io.plumbline.profile.Profile.Cache(p.cache().minimumReplicas(), 1),
                p.network(), p.roles(), p.allowedFlows());
        Result r = run(rule, lenient, group("one", "redis", false, explicit(1)));
        expect(r, "aws_elasticache_replication_group.one", Status.PASS, "1 day");
    }
}
