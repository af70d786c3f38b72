package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertPointer;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hasHop;
import static io.plumbline.reach.PathAssertions.hop;
import static io.plumbline.reach.PathAssertions.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import org.junit.jupiter.api.Test;

/** Network ACLs decide: first match by rule number, implicit deny, stateless return on ephemeral ports. */
class NetworkAclPathTest {

    /** app (10.0.1.0/24) -> db (10.0.2.0/24); security groups allow tcp 5432; the db subnet's ACL is given by the test. */
    private static TestNet twoTier(java.util.function.BiConsumer<TestNet, NetworkAcl> entries) {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet app = n.subnet("app", vpc, "10.0.1.0/24");
        Subnet db = n.subnet("db", vpc, "10.0.2.0/24");
        SecurityGroup appSg = n.sg("app", vpc);
        SecurityGroup dbSg = n.sg("db", vpc);
        n.cidrRule(appSg, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.groupRule(dbSg, Direction.INGRESS, "tcp", 5432, 5432, appSg);
        n.instance("app", app, false, appSg);
        n.instance("db", db, false, dbSg);
        entries.accept(n, n.acl("db", vpc, db));
        return n;
    }

    @Test
    void theSecurityGroupAllowsButTheNetworkAclDenies() {
        TestNet n = twoTier((t, acl) -> {
            t.entry(acl, 90, false, "tcp", "deny", "10.0.1.0/24", 5432, 5432);
            t.entry(acl, 100, false, "-1", "allow", "0.0.0.0/0", 0, 0);
            t.entry(acl, 100, true, "-1", "allow", "0.0.0.0/0", 0, 0);
        });
        PathResult p = path(n.reach(), "aws_instance.app", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.DESTINATION_SUBNET_ACL_INBOUND, h.layer());
        assertEquals("SUBNET_ACL_RESTRICTION", h.code());
        assertEquals("aws_network_acl.db", h.component());
        assertPointer("aws_network_acl.db/ingress/90", h);
        assertElementContains("rule 90", h);
        // the security group would have let it in: the ACL decided
        assertFalse(hasHop(p, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.DENY));
    }

    @Test
    void rulesAreReadInRuleNumberOrderNotInputOrder() {
        TestNet n = twoTier((t, acl) -> {
            t.entry(acl, 200, false, "tcp", "deny", "0.0.0.0/0", 0, 65535);
            t.entry(acl, 100, false, "tcp", "allow", "10.0.0.0/16", 5432, 5432);
            t.entry(acl, 100, true, "tcp", "allow", "10.0.0.0/16", 1024, 65535);
        });
        PathResult p = path(n.reach(), "aws_instance.app", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.ALLOWED, p);
        assertPointer("aws_network_acl.db/ingress/100", hop(p, Layer.DESTINATION_SUBNET_ACL_INBOUND, Decision.ALLOW));
        assertPointer("aws_network_acl.db/egress/100", hop(p, Layer.RETURN_SUBNET_ACL, Decision.ALLOW));
    }

    @Test
    void inboundAllowedButTheEphemeralReturnIsBlocked() {
        TestNet n = twoTier((t, acl) -> {
            t.entry(acl, 100, false, "tcp", "allow", "10.0.1.0/24", 5432, 5432);
            t.entry(acl, 100, true, "tcp", "allow", "10.0.1.0/24", 22, 22); // not the ephemeral ports
        });
        PathResult p = path(n.reach(), "aws_instance.app", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.DENIED, p);
        hop(p, Layer.DESTINATION_SUBNET_ACL_INBOUND, Decision.ALLOW);
        Hop h = blocking(p);
        assertEquals(Layer.RETURN_SUBNET_ACL, h.layer());
        assertEquals("SUBNET_ACL_RESTRICTION", h.code());
        assertElementContains("tcp 1024-65535", h);
        assertElementContains("implicit rule *", h);
    }

    @Test
    void aReturnPathOpenOnlyToSomeEphemeralPortsIsUndecided() {
        TestNet n = twoTier((t, acl) -> {
            t.entry(acl, 100, false, "tcp", "allow", "10.0.1.0/24", 5432, 5432);
            t.entry(acl, 100, true, "tcp", "allow", "10.0.1.0/24", 32768, 60999); // Linux's range only
        });
        PathResult p = path(n.reach(), "aws_instance.app", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.UNKNOWN, p);
    }

    @Test
    void theImplicitDenyOfACustomAclWithoutEntries() {
        TestNet n = twoTier((t, acl) -> { });
        PathResult p = path(n.reach(), "aws_instance.app", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.DESTINATION_SUBNET_ACL_INBOUND, h.layer());
        assertElementContains("implicit rule *", h);
    }

    @Test
    void sameSubnetTrafficSkipsTheAcl() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet s = n.subnet("s", vpc, "10.0.1.0/24");
        SecurityGroup g = n.sg("g", vpc);
        n.selfRule(g, Direction.INGRESS, "-1", 0, 0);
        n.selfRule(g, Direction.EGRESS, "-1", 0, 0);
        n.instance("a", s, false, g);
        n.instance("b", s, false, g);
        n.acl("deny_all", vpc, s);
        PathResult p = path(n.reach(), "aws_instance.a", "aws_instance.b", Traffic.tcp(22));
        assertReach(Reach.ALLOWED, p);
        assertFalse(hasHop(p, Layer.SOURCE_SUBNET_ACL_OUTBOUND, Decision.DENY));
    }

    @Test
    void aDeclaredDefaultAclReplacesTheAllowAllDefault() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        Subnet b = n.subnet("b", vpc, "10.0.2.0/24");
        SecurityGroup g = n.sg("g", vpc);
        n.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.cidrRule(g, Direction.INGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.instance("a", a, false, g);
        n.instance("b", b, false, g);
        Reachability open = n.reach();
        PathResult before = path(open, "aws_instance.a", "aws_instance.b", Traffic.tcp(22));
        assertReach(Reach.ALLOWED, before);
        assertTrue(hop(before, Layer.DESTINATION_SUBNET_ACL_INBOUND, Decision.ALLOW).component().contains("AWS default"));

        NetworkAcl d = n.acl("default", vpc);
        d.isDefault = TestNet.v(true, d.address());
        n.entry(d, 100, false, "tcp", "allow", "10.0.0.0/16", 443, 443);
        n.entry(d, 110, false, "tcp", "allow", "10.0.0.0/16", 1024, 65535); // replies
        n.entry(d, 100, true, "-1", "allow", "0.0.0.0/0", 0, 0);
        PathResult after = path(n.reach(), "aws_instance.a", "aws_instance.b", Traffic.tcp(22, 443));
        assertReach(Reach.PARTIAL, after);
        assertEquals(Traffic.tcp(443), after.allowed());
    }
}
