package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class RedisOnlyFromAppTierTest {
    private final RedisOnlyFromAppTier rule = new RedisOnlyFromAppTier();

    @Test
    void onlyTheNodesReachRedisOn6379() {
        TinyNetwork n = new TinyNetwork();
        Result r = n.run(rule);
        expect(r, n.redis.address(), Status.PASS);
        assertTrue(r.findings().stream().noneMatch(f -> f.resource().equals(n.aurora.address())), "Aurora is NET-007's");
    }

    @Test
    void theVpcCidrLetsThePublicSubnetsReachRedis() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.in(n.redisSg, "tcp", 6379, 6379, TinyNetwork.VPC_CIDR);
        TinyNetwork.out(n.albSg, "-1", 0, 0, "0.0.0.0/0");
        expect(n.run(rule), n.redis.address(), Status.FAIL, "aws_lb.public", "6379");
        // Side by side: the ALB's own egress (tcp 8080 to the app subnet) keeps it out.
        TinyNetwork m = new TinyNetwork();
        TinyNetwork.in(m.redisSg, "tcp", 6379, 6379, TinyNetwork.VPC_CIDR);
        expect(m.run(rule), m.redis.address(), Status.PASS);
    }

    @Test
    void noPathFromTheNodesBreaksTheIntent() {
        TinyNetwork n = new TinyNetwork();
        n.redisSg.rules.remove(n.redisFromNodes);
        expect(n.run(rule), n.redis.address(), Status.FAIL, "intent is broken", "6379");
    }

    @Test
    void anUnknownCidrWithAnOpenAlbIsUnknown() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.inFromUnknownCidr(n.redisSg, "tcp", 6379, 6379);
        TinyNetwork.out(n.albSg, "-1", 0, 0, "0.0.0.0/0");
        expect(n.run(rule), n.redis.address(), Status.UNKNOWN);
    }

    @Test
    void memcachedIsJudgedOnItsOwnPortWhichTheProfileDoesNotAllow() {
        TinyNetwork n = new TinyNetwork();
        n.redis.engine = io.plumbline.rules.Fixtures.explicit("memcached");
        expect(n.run(rule), n.redis.address(), Status.UNKNOWN, "11211");
    }
}
