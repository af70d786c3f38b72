package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.describe;
import static io.plumbline.rules.Fixtures.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class AppTierOnlyFromLoadBalancerTest {
    private final AppTierOnlyFromLoadBalancer rule = new AppTierOnlyFromLoadBalancer();

    @Test
    void theAlbReachesTheNodesAndNothingElseDoes() {
        TinyNetwork n = new TinyNetwork();
        Result r = n.run(rule);
        expect(r, n.nodes.address(), Status.PASS);
        assertTrue(r.findings().stream().noneMatch(f -> f.resource().equals(n.alb.address())), "only app workloads");
    }

    @Test
    void removingTheNodeRuleFromTheAlbBreaksTheIntent() {
        TinyNetwork n = new TinyNetwork();
        n.nodesSg.rules.remove(n.nodesFromAlb);
        Finding f = expect(n.run(rule), n.nodes.address(), Status.FAIL, "intent is broken");
        assertTrue(f.evidence().stream().anyMatch(e -> e.attribute().startsWith("hop ") && e.actual().contains("DENY")),
                () -> describe(f));
    }

    @Test
    void aPublicEndpointSendingUdpToTheNodesFailsTcpFromItIsTheIntent() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.in(n.nodesSg, "udp", 53, 53, TinyNetwork.PUBLIC_CIDR);
        SecurityGroup jump = TinyNetwork.sg("jump", "public");
        TinyNetwork.out(jump, "-1", 0, 0, "0.0.0.0/0");
        n.publicInstance("jump", jump);
        expect(n.run(rule), n.nodes.address(), Status.FAIL, "udp 53");
        // Side by side: tcp from a public endpoint is within the profile's public -> app flow (tcp, any target port).
        TinyNetwork m = new TinyNetwork();
        TinyNetwork.in(m.nodesSg, "tcp", 9000, 9000, TinyNetwork.PUBLIC_CIDR);
        SecurityGroup jump2 = TinyNetwork.sg("jump", "public");
        TinyNetwork.out(jump2, "-1", 0, 0, "0.0.0.0/0");
        m.publicInstance("jump", jump2);
        expect(m.run(rule), m.nodes.address(), Status.PASS);
    }

    @Test
    void theDataTierMustNotOpenConnectionsToTheNodes() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.in(n.nodesSg, "-1", 0, 0, TinyNetwork.VPC_CIDR);
        TinyNetwork.out(n.auroraSg, "-1", 0, 0, "0.0.0.0/0");
        expect(n.run(rule), n.nodes.address(), Status.FAIL, "aws_rds_cluster");
    }

    @Test
    void internetToTheNodesFails() {
        TinyNetwork n = new TinyNetwork();
        // Nodes in the public subnet with public IPs, open to the world on 8080.
        n.nodes.subnets = io.plumbline.rules.Fixtures.refs(n.publicSubnet.address());
        n.publicSubnet.mapPublicIpOnLaunch = io.plumbline.rules.Fixtures.explicit(true);
        TinyNetwork.in(n.nodesSg, "tcp", 8080, 8080, "0.0.0.0/0");
        expect(n.run(rule), n.nodes.address(), Status.FAIL, "the internet");
    }

    @Test
    void anUnknownCidrInsteadOfTheAlbGroupLeavesTheIntentUnknown() {
        TinyNetwork n = new TinyNetwork();
        n.nodesSg.rules.remove(n.nodesFromAlb);
        TinyNetwork.inFromUnknownCidr(n.nodesSg, "tcp", 8080, 8080);
        expect(n.run(rule), n.nodes.address(), Status.UNKNOWN);
    }
}
