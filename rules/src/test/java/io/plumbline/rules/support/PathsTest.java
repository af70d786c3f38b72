package io.plumbline.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.Provenance;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Hop;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.Traffic;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of {@link Paths} that do not ask the engine: intents from the profile, evidence from witnesses. */
class PathsTest {
    private static final Profile PROFILE = ReferenceArchitecture.profile();
    private static final Provenance SG_RULE = Provenance.inFile("plan.json", 1, 500, "/resource_changes/7");
    private static final Provenance NACL = Provenance.inFile("plan.json", 1, 900, "/resource_changes/9");

    @Test
    void theReferenceIntentsAreTheFrontDoorAndTheDataPorts() {
        assertEquals(Traffic.tcp(443, 80), Paths.intent(PROFILE, "internet", "public"));
        assertEquals(Traffic.NONE, Paths.intent(PROFILE, "internet", "data"));
        assertEquals(Traffic.tcp(PortSet.ALL), Paths.intent(PROFILE, "public", "app"), "ports [] = any target port");
        assertEquals(Traffic.tcp(5432, 6379), Paths.intent(PROFILE, "APP", "Data"), "tiers compare without case");
        assertEquals(2, Paths.flows(PROFILE, "internet", "public").size());
    }

    @Test
    void flowsBecomeTraffic() {
        assertEquals(Traffic.ALL, Paths.traffic(new Profile.Flow("a", "b", "-1", List.of(), null)));
        assertEquals(Traffic.ALL, Paths.traffic(new Profile.Flow("a", "b", "all", List.of(22), null)));
        assertEquals(Traffic.of(Traffic.Protocol.UDP, PortSet.of(53)),
                Paths.traffic(new Profile.Flow("a", "b", "17", List.of(53), null)));
        assertEquals(Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL),
                Paths.traffic(new Profile.Flow("a", "b", "icmp", List.of(), null)));
        assertTrue(Paths.anyPort(new Profile.Flow("a", "b", "tcp", List.of(), null)));
        assertEquals("tcp 443 (HTTPS)", Paths.describe(new Profile.Flow("a", "b", "tcp", List.of(443), "HTTPS")));
        assertEquals("all traffic", Paths.show(Traffic.ALL));
        assertEquals("no traffic", Paths.show(Traffic.NONE));
    }

    private static PathResult blocked() {
        Endpoint internet = new Endpoint(Endpoint.INTERNET, "internet", null);
        Endpoint db = new Endpoint("aws_rds_cluster.main", "data",
                new io.plumbline.model.data.DbCluster("aws_rds_cluster.main", "aws_rds_cluster", Provenance.NONE));
        return new PathResult(internet, db, Traffic.ALL, Traffic.NONE, Traffic.NONE, List.of(
                new Hop(Layer.INTERNET_GATEWAY, "aws_internet_gateway.main", "igw", Decision.ALLOW, Provenance.NONE, null),
                new Hop(Layer.DESTINATION_SUBNET_ACL_INBOUND, "aws_network_acl.data", "entry 32767 deny all",
                        Decision.DENY, NACL, "SUBNET_ACL_RESTRICTION")), "no public IP");
    }

    @Test
    void evidenceIsASummaryAtTheDecidingHopThenEveryHopInOrder() {
        List<Evidence> ev = Paths.evidence(blocked(), "denied", "nothing from the internet");
        assertEquals(3, ev.size());
        assertTrue(ev.get(0).attribute().startsWith("path internet -> aws_rds_cluster.main"), ev.get(0).attribute());
        assertEquals(NACL, ev.get(0).location(), "the summary stands where the path is blocked");
        assertTrue(ev.get(0).actual().contains("SUBNET_ACL_RESTRICTION"), ev.get(0).actual());
        assertEquals("hop 1 internet-gateway aws_internet_gateway.main", ev.get(1).attribute());
        assertEquals("igw -> ALLOW", ev.get(1).actual());
        assertEquals("hop 2 destination-subnet-acl-inbound aws_network_acl.data", ev.get(2).attribute());
        assertEquals("entry 32767 deny all -> DENY (SUBNET_ACL_RESTRICTION)", ev.get(2).actual());
        assertEquals(NACL, ev.get(2).location());
        assertEquals("blocks", ev.get(2).expected());
    }

    @Test
    void anAllowedPathIsPlacedAtTheSecurityGroupRuleThatLetsItIn() {
        Endpoint internet = new Endpoint(Endpoint.INTERNET, "internet", null);
        Endpoint alb = new Endpoint("aws_lb.public", "public",
                new io.plumbline.model.network.LoadBalancer("aws_lb.public", "aws_lb", Provenance.NONE));
        PathResult r = new PathResult(internet, alb, Traffic.tcp(8080), Traffic.tcp(8080), Traffic.NONE, List.of(
                new Hop(Layer.ROUTE, "aws_route_table.public", "0.0.0.0/0 -> igw", Decision.ALLOW, NACL, null),
                new Hop(Layer.DESTINATION_SECURITY_GROUP_INGRESS, "aws_security_group.alb", "tcp 8080 from 0.0.0.0/0",
                        Decision.ALLOW, SG_RULE, null),
                new Hop(Layer.LOAD_BALANCER_LISTENER, "aws_lb.public", "listener 8080", Decision.ALLOW, NACL, null)),
                null);
        assertEquals(SG_RULE, Paths.keyHop(r).location());
        Evidence summary = Paths.evidence(r, "allowed tcp 8080", "nothing beyond tcp 80, 443").get(0);
        assertEquals(SG_RULE, summary.location());
        assertEquals(Certainty.EXPLICIT, summary.certainty());
    }

    @Test
    void outcomesPutFailuresFirstAndPassesShowOnlyTheirSummary() {
        List<Evidence> blockedEv = Paths.evidence(blocked(), "denied", "x");
        Paths.Outcomes o = new Paths.Outcomes("fine");
        o.add(new Paths.Outcome(Paths.Outcome.Kind.PASS, "ok", blockedEv, blocked()));
        o.add(new Paths.Outcome(Paths.Outcome.Kind.FAIL, "bad", blockedEv, blocked()));
        var v = o.verdict();
        assertEquals(Status.FAIL, v.status());
        assertEquals("bad", v.message());
        assertEquals(3 + 1, v.evidence().size(), "the failing path's summary and hops, the passing path's summary");
        assertTrue(v.evidence().get(0).attribute().startsWith("path "));
        Paths.Outcomes none = new Paths.Outcomes("fine");
        assertEquals(Status.UNKNOWN, none.verdict().status(), "nothing checked is never a pass");
    }
}
