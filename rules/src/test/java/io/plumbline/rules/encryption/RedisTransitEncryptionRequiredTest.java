package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.encryption.RedisEncryptedAtRestWithCmkTest.group;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class RedisTransitEncryptionRequiredTest {
    private final RedisTransitEncryptionRequired rule = new RedisTransitEncryptionRequired();

    private static CacheReplicationGroup transit(String name, Value<Boolean> enabled, Value<String> mode) {
        CacheReplicationGroup g = group(name, "redis", explicit(true), explicit(null));
        g.transitEncryption = enabled;
        g.transitEncryptionMode = mode;
        return g;
    }

    @Test
    void onlyEnabledAndRequiredPasses() {
        Result r = run(rule,
                transit("required", explicit(true), explicit("required")),
                transit("preferred", explicit(true), explicit("preferred")),
                transit("no_mode", explicit(true), Value.notInInput()),
                transit("mode_unknown", explicit(true), unknown()),
                transit("off", explicit(false), explicit("required")),
                transit("defaulted_off", defaulted(Defaults.ELASTICACHE_TRANSIT_ENCRYPTION), Value.notInInput()),
                transit("enabled_unknown", unknown(), Value.notInInput()));
        expect(r, "aws_elasticache_replication_group.required", Status.PASS);
        expect(r, "aws_elasticache_replication_group.preferred", Status.FAIL, "preferred", "plaintext");
        expect(r, "aws_elasticache_replication_group.no_mode", Status.UNKNOWN, "no mode");
        expect(r, "aws_elasticache_replication_group.mode_unknown", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_elasticache_replication_group.off", Status.FAIL, "in-transit encryption is off");
        expect(r, "aws_elasticache_replication_group.defaulted_off", Status.FAIL, "default: ElastiCache API");
        expect(r, "aws_elasticache_replication_group.enabled_unknown", Status.UNKNOWN, "known only after apply");
    }

    @Test
    void serverlessAlwaysEncryptsInTransitAndMemcachedIsNotApplicable() {
        CacheReplicationGroup s = transit("serverless", Value.notInInput(), Value.notInInput());
        s.serverless = true;
        CacheReplicationGroup mc = transit("mc", explicit(false), Value.notInInput());
        mc.engine = explicit("memcached");
        Result r = run(rule, s, mc);
        expect(r, "aws_elasticache_replication_group.serverless", Status.PASS, "serverless");
        expect(r, "aws_elasticache_replication_group.mc", Status.NOT_APPLICABLE);
    }
}
