package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class RedisEncryptedAtRestWithCmkTest {
    private final RedisEncryptedAtRestWithCmk rule = new RedisEncryptedAtRestWithCmk();

    static CacheReplicationGroup group(String name, String engine, Value<Boolean> atRest, Value<Ref> key) {
        CacheReplicationGroup g = new CacheReplicationGroup("aws_elasticache_replication_group." + name,
                "aws_elasticache_replication_group", at());
        g.engine = engine == null ? unknown() : explicit(engine);
        g.atRestEncryption = atRest;
        g.kmsKey = key;
        return g;
    }

    @Test
    void atRestWithCustomerKeyPassesEverythingElseDoesNot() {
        KmsKey k = new KmsKey("aws_kms_key.cache", "aws_kms_key", at());
        Result r = run(rule, k,
                group("ok", "redis", explicit(true), ref("aws_kms_key.cache")),
                group("valkey_default", "valkey", defaulted(Defaults.ELASTICACHE_AT_REST_VALKEY), ref("aws_kms_key.cache")),
                group("redis_default", "redis", defaulted(Defaults.ELASTICACHE_AT_REST_REDIS), ref("aws_kms_key.cache")),
                group("service_key", "redis", explicit(true), explicit(null)),
                group("aws_alias", "redis", explicit(true), ref("alias/aws/elasticache")),
                group("engine_unknown", null, unknown("at_rest_encryption_enabled is unset and the engine unknown"),
                        ref("aws_kms_key.cache")),
                group("foreign_key", "redis", explicit(true), ref("arn:aws:kms:eu-west-1:1:key/x")));
        expect(r, "aws_elasticache_replication_group.ok", Status.PASS);
        Finding valkey = expect(r, "aws_elasticache_replication_group.valkey_default", Status.PASS);
        assertTrue(evidenceShows(valkey, "atRestEncryption", "default: ElastiCache API"), describe(valkey));
        expect(r, "aws_elasticache_replication_group.redis_default", Status.FAIL, "at-rest encryption is off",
                "default");
        expect(r, "aws_elasticache_replication_group.service_key", Status.FAIL, "no customer-managed key");
        expect(r, "aws_elasticache_replication_group.aws_alias", Status.FAIL, "AWS-managed");
        expect(r, "aws_elasticache_replication_group.engine_unknown", Status.UNKNOWN, "engine");
        expect(r, "aws_elasticache_replication_group.foreign_key", Status.UNKNOWN, "cannot be proven");
    }

    @Test
    void serverlessNeedsOnlyTheCustomerKeyAndMemcachedIsNotApplicable() {
        KmsKey k = new KmsKey("aws_kms_key.cache", "aws_kms_key", at());
        CacheReplicationGroup sOk = group("s_ok", "valkey", Value.notInInput(), ref("aws_kms_key.cache"));
        sOk.serverless = true;
        CacheReplicationGroup sNoKey = group("s_no_key", "redis", Value.notInInput(), explicit(null));
        sNoKey.serverless = true;
        CacheReplicationGroup mc = group("mc", "memcached", explicit(false), explicit(null));
        Result r = run(rule, k, sOk, sNoKey, mc);
        expect(r, "aws_elasticache_replication_group.s_ok", Status.PASS, "serverless");
        expect(r, "aws_elasticache_replication_group.s_no_key", Status.FAIL, "no customer-managed key");
        expect(r, "aws_elasticache_replication_group.mc", Status.NOT_APPLICABLE, "Memcached");
    }

    @Test
    void storageEncryptionTypeDecidesWhenTheInputHasIt() {
        CacheReplicationGroup kms = group("kms", "redis", explicit(false), ref("arn:aws:kms:eu-west-1:1:key/x"));
        kms.storageEncryptionType = explicit("sse-kms");
        CacheReplicationGroup svc = group("svc", "redis", explicit(true), explicit(null));
        svc.storageEncryptionType = explicit("sse-elasticache");
        Result r = run(rule, kms, svc);
        expect(r, "aws_elasticache_replication_group.kms", Status.PASS);
        expect(r, "aws_elasticache_replication_group.svc", Status.FAIL, "service key");
    }
}
