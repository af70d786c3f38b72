package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.describe;
import static io.plumbline.rules.Fixtures.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class InternetReachesOnlyTheFrontDoorTest {
    private final InternetReachesOnlyTheFrontDoor rule = new InternetReachesOnlyTheFrontDoor();

    static boolean hasWitnessHop(Finding f) {
        return f.evidence().stream().anyMatch(e -> e.attribute().startsWith("hop "));
    }

    @Test
    void theReferenceInMiniaturePassesEverywhere() {
        TinyNetwork n = new TinyNetwork();
        Result r = n.run(rule);
        expect(r, n.alb.address(), Status.PASS);
        expect(r, n.nodes.address(), Status.PASS);
        expect(r, n.aurora.address(), Status.PASS);
        expect(r, n.redis.address(), Status.PASS);
        assertTrue(r.findings().stream().allMatch(f -> f.status() == Status.PASS), () -> r.findings().toString());
    }

    @Test
    void anExtraPortOnTheFrontDoorFailsNamingThePortAndTheRuleThatOpensIt() {
        TinyNetwork n = new TinyNetwork();
        SgRule open = TinyNetwork.in(n.albSg, "tcp", 8080, 8080, "0.0.0.0/0");
        n.listener(8080, "HTTP");
        Result r = n.run(rule);
        Finding f = expect(r, n.alb.address(), Status.FAIL, "8080");
        assertTrue(hasWitnessHop(f), () -> describe(f));
        assertTrue(f.evidence().stream().anyMatch(e -> open.location().equals(e.location())),
                () -> "the witness names the SG rule that opens 8080: " + describe(f));
        // Side by side: the same SG rule without a listener on 8080 opens nothing (the ALB answers only listeners).
        TinyNetwork m = new TinyNetwork();
        TinyNetwork.in(m.albSg, "tcp", 8080, 8080, "0.0.0.0/0");
        expect(m.run(rule), m.alb.address(), Status.PASS);
    }

    @Test
    void aClosedHttpsPortIsInformationNotAFailure() {
        // Catalog §14: intent rows are permissions, not obligations. A blocked tcp 443 exposes nothing.
        TinyNetwork n = new TinyNetwork();
        n.albSg.rules.remove(n.albHttps);
        Result r = n.run(rule);
        Finding f = expect(r, n.alb.address(), Status.PASS, "is blocked", "443", "availability");
        assertTrue(f.evidence().stream().anyMatch(e -> e.attribute().contains("(information)")
                && e.actual().contains("DENY")), () -> "the evidence names the blocking hop: " + describe(f));
        assertTrue(hasWitnessHop(f), () -> describe(f));
    }

    @Test
    void aClosedFrontDoorOfALoadBalancerOfUnknownSchemeIsInformationToo() {
        TinyNetwork n = new TinyNetwork();
        n.alb.internal = io.plumbline.model.Value.unknown("not known", io.plumbline.model.Provenance.NONE);
        n.albSg.rules.remove(n.albHttps);
        n.albSg.rules.remove(n.albHttp);
        expect(n.run(rule), n.alb.address(), Status.PASS, "is blocked", "information");
    }

    @Test
    void plainHttpOnPort80FailsOnlyWhenTheInternetReachesIt() {
        TinyNetwork n = new TinyNetwork();
        n.alb.listeners.remove(n.httpListener);
        n.listener(80, "HTTP"); // forwards to the targets: plain HTTP
        Finding f = expect(n.run(rule), n.alb.address(), Status.FAIL, "tcp 80", "does not redirect to HTTPS");
        assertTrue(hasWitnessHop(f), () -> describe(f));
        // Side by side: the same listener behind a closed tcp 80 exposes nothing.
        n.albSg.rules.remove(n.albHttp);
        expect(n.run(rule), n.alb.address(), Status.PASS);
    }

    @Test
    void aPort80ListenerWhoseActionIsUnknownMakesAnOpenPort80Unknown() {
        TinyNetwork n = new TinyNetwork();
        n.alb.listeners.remove(n.httpListener);
        io.plumbline.model.Provenance p = io.plumbline.model.Provenance.NONE;
        n.alb.listeners.add(new io.plumbline.model.network.Listener("aws_lb_listener.http",
                io.plumbline.rules.Fixtures.explicit(80), io.plumbline.rules.Fixtures.explicit("HTTP"),
                io.plumbline.model.Value.notInInput(), io.plumbline.model.Value.notInInput(),
                io.plumbline.model.Value.unknown("known after apply", p), io.plumbline.model.Value.notInInput(),
                io.plumbline.model.Value.notInInput(), p));
        expect(n.run(rule), n.alb.address(), Status.UNKNOWN, "redirects to HTTPS is unknown");
    }

    @Test
    void anInternalLoadBalancerNeedsNoOpenFrontDoor() {
        TinyNetwork n = new TinyNetwork();
        n.alb.internal = io.plumbline.rules.Fixtures.explicit(true);
        n.albSg.rules.remove(n.albHttps);
        n.albSg.rules.remove(n.albHttp);
        expect(n.run(rule), n.alb.address(), Status.PASS);
    }

    @Test
    void sshOpenToTheWorldMattersOnlyWhereTheInternetCanGetIn() {
        TinyNetwork n = new TinyNetwork();
        // The node group's group admits 22 from anywhere, but the nodes sit in a private subnet without public IPs.
        TinyNetwork.in(n.nodesSg, "tcp", 22, 22, "0.0.0.0/0");
        // An instance in the public subnet with a public IP and the same opening is reachable.
        SecurityGroup bastion = TinyNetwork.sg("bastion", "public");
        TinyNetwork.in(bastion, "tcp", 22, 22, "0.0.0.0/0");
        n.publicInstance("bastion", bastion);
        Result r = n.run(rule);
        expect(r, n.nodes.address(), Status.PASS);
        Finding f = expect(r, "aws_instance.bastion", Status.FAIL, "tcp 22");
        assertTrue(hasWitnessHop(f), () -> describe(f));
    }

    @Test
    void anUnknownCidrMakesTheExposureUnknownNeverAPass() {
        TinyNetwork n = new TinyNetwork();
        SecurityGroup bastion = TinyNetwork.sg("bastion", "public");
        TinyNetwork.inFromUnknownCidr(bastion, "tcp", 22, 22);
        n.publicInstance("bastion", bastion);
        Result r = n.run(rule);
        Finding f = expect(r, "aws_instance.bastion", Status.UNKNOWN, "22");
        assertEquals(Status.UNKNOWN, f.status());
        // Side by side: a known private CIDR closes it.
        TinyNetwork m = new TinyNetwork();
        SecurityGroup closed = TinyNetwork.sg("bastion", "public");
        TinyNetwork.in(closed, "tcp", 22, 22, "10.0.0.0/16");
        m.publicInstance("bastion", closed);
        expect(m.run(rule), "aws_instance.bastion", Status.PASS);
    }

    @Test
    void aDataSubnetWithAPublicRouteAndAnOpenGroupIsReachable() {
        TinyNetwork n = new TinyNetwork();
        TinyNetwork.route(n.dataRoutes, "0.0.0.0/0", io.plumbline.model.network.Route.RouteTarget.INTERNET_GATEWAY,
                n.igw.address());
        TinyNetwork.in(n.redisSg, "tcp", 6379, 6379, "0.0.0.0/0");
        // No public IP on the cache nodes: still unreachable from the internet (IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS).
        expect(n.run(rule), n.redis.address(), Status.PASS);
    }
}
