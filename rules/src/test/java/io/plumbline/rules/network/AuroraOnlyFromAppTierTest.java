package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.describe;
import static io.plumbline.rules.Fixtures.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class AuroraOnlyFromAppTierTest {
    private final AuroraOnlyFromAppTier rule = new AuroraOnlyFromAppTier();

    @Test
    void onlyTheNodesReachAuroraOn5432OneFindingPerCluster() {
        TinyNetwork n = new TinyNetwork();
        Result r = n.run(rule);
        expect(r, n.aurora.address(), Status.PASS);
        assertTrue(r.findings().stream().noneMatch(f -> f.resource().equals(n.auroraInstance.address())),
                "the instance's endpoint counts as its cluster's");
        assertTrue(r.findings().stream().noneMatch(f -> f.resource().equals(n.redis.address())), "Redis is NET-008's");
    }

    @Test
    void theAlbReachingAuroraFails() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.inFromGroup(n.auroraSg, "tcp", 5432, 5432, n.albSg);
        TinyNetwork.outToGroup(n.albSg, "tcp", 5432, 5432, n.auroraSg);
        Finding f = expect(n.run(rule), n.aurora.address(), Status.FAIL, "aws_lb.public", "5432");
        assertTrue(f.evidence().stream().anyMatch(e -> e.attribute().startsWith("hop ")), () -> describe(f));
    }

    @Test
    void aVpcCidrSourceLetsThePublicSubnetsIn() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.in(n.auroraSg, "tcp", 5432, 5432, TinyNetwork.VPC_CIDR);
        TinyNetwork.out(n.albSg, "-1", 0, 0, "0.0.0.0/0");
        expect(n.run(rule), n.aurora.address(), Status.FAIL, "aws_lb.public");
        // Side by side: the app subnet's CIDR admits only the app tier.
        TinyNetwork m = new TinyNetwork();
        TinyNetwork.in(m.auroraSg, "tcp", 5432, 5432, TinyNetwork.APP_CIDR);
        TinyNetwork.out(m.albSg, "-1", 0, 0, "0.0.0.0/0");
        expect(m.run(rule), m.aurora.address(), Status.PASS);
    }

    @Test
    void theAppTierOnAnotherPortFails() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.inFromGroup(n.auroraSg, "tcp", 0, 65535, n.nodesSg);
        expect(n.run(rule), n.aurora.address(), Status.FAIL, "aws_eks_node_group.main");
    }

    @Test
    void noPathFromTheNodesBreaksTheIntent() {
        TinyNetwork n = new TinyNetwork();
        n.auroraSg.rules.remove(n.auroraFromNodes);
        expect(n.run(rule), n.aurora.address(), Status.FAIL, "intent is broken", "5432");
    }

    @Test
    void anUnknownCidrWithAnOpenAlbIsUnknown() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.inFromUnknownCidr(n.auroraSg, "tcp", 5432, 5432);
        TinyNetwork.out(n.albSg, "-1", 0, 0, "0.0.0.0/0");
        expect(n.run(rule), n.aurora.address(), Status.UNKNOWN);
    }

    @Test
    void theClustersDeclaredPortIsTheOneJudged() {
        TinyNetwork n = new TinyNetwork();
        n.aurora.port = io.plumbline.model.Value.explicit(5432, io.plumbline.model.Provenance.NONE);
        Finding pass = expect(n.run(rule), n.aurora.address(), Status.PASS);
        assertTrue(pass.evidence().stream().anyMatch(e -> e.attribute().equals("port")), () -> describe(pass));

        // Moved to 5433: the nodes' 5432 path no longer serves it, and the profile's flows do not name 5433.
        TinyNetwork m = new TinyNetwork();
        m.aurora.port = io.plumbline.model.Value.explicit(5433, io.plumbline.model.Provenance.NONE);
        expect(m.run(rule), m.aurora.address(), Status.UNKNOWN, "5433");
    }
}
