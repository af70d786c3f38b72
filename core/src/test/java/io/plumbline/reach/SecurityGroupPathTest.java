package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertPointer;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hop;
import static io.plumbline.reach.PathAssertions.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security groups decide: references between groups, self references, the VPC default group. */
class SecurityGroupPathTest {

    @Test
    void aChainOfGroupReferencesLetsOnlyTheReferencedGroupIn() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        Subnet b = n.subnet("b", vpc, "10.0.2.0/24");
        SecurityGroup web = n.sg("web", vpc);
        SecurityGroup app = n.sg("app", vpc);
        SecurityGroup db = n.sg("db", vpc);
        SecurityGroup other = n.sg("other", vpc);
        for (SecurityGroup g : List.of(web, app, other)) n.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.groupRule(app, Direction.INGRESS, "tcp", 8080, 8080, web);
        n.groupRule(db, Direction.INGRESS, "tcp", 5432, 5432, app);
        n.instance("web", a, false, web);
        n.instance("app", b, false, app);
        n.instance("db", b, false, db);
        n.instance("other", a, false, other);
        Reachability r = n.reach();

        PathResult webToApp = path(r, "aws_instance.web", "aws_instance.app", Traffic.tcp(8080));
        assertReach(Reach.ALLOWED, webToApp);
        Hop in = hop(webToApp, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
        assertPointer("aws_security_group.app/ingress/1", in);
        assertElementContains("aws_security_group_rule.app_1", in);

        assertReach(Reach.ALLOWED, path(r, "aws_instance.app", "aws_instance.db", Traffic.tcp(5432)));
        // the chain is not transitive: web reaches app, app reaches db, web does not reach db
        PathResult webToDb = path(r, "aws_instance.web", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.DENIED, webToDb);
        Hop block = blocking(webToDb);
        assertEquals(Layer.DESTINATION_SECURITY_GROUP_INGRESS, block.layer());
        assertEquals("ENI_SG_RULES_MISMATCH", block.code());
        assertReach(Reach.DENIED, path(r, "aws_instance.other", "aws_instance.app", Traffic.tcp(8080)));
        // only the port of the rule
        PathResult wide = path(r, "aws_instance.web", "aws_instance.app", Traffic.tcp(PortSet.range(8000, 8100)));
        assertReach(Reach.PARTIAL, wide);
        assertEquals(Traffic.tcp(8080), wide.allowed());
    }

    @Test
    void aSelfReferencingGroupLetsItsMembersTalk() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        Subnet b = n.subnet("b", vpc, "10.0.2.0/24");
        SecurityGroup nodes = n.sg("nodes", vpc);
        SecurityGroup outsider = n.sg("outsider", vpc);
        n.selfRule(nodes, Direction.INGRESS, "-1", 0, 0);
        n.selfRule(nodes, Direction.EGRESS, "-1", 0, 0);
        n.cidrRule(outsider, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.instance("n1", a, false, nodes);
        n.instance("n2", b, false, nodes);
        n.instance("x", b, false, outsider);
        Reachability r = n.reach();

        PathResult p = path(r, "aws_instance.n1", "aws_instance.n2", Traffic.ALL);
        // every IPv4 protocol; ICMPv6 cannot pass: these subnets have no IPv6 block
        assertReach(Reach.PARTIAL, p);
        assertEquals(TrafficSets.IPV4, p.allowed());
        assertReach(Reach.ALLOWED, path(r, "aws_instance.n1", "aws_instance.n2", TrafficSets.IPV4));
        assertPointer("aws_security_group.nodes/egress/1", hop(p, Layer.SOURCE_SECURITY_GROUP_EGRESS, Decision.ALLOW));
        assertPointer("aws_security_group.nodes/ingress/0", hop(p, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW));
        PathResult fromOutside = path(r, "aws_instance.x", "aws_instance.n2", Traffic.tcp(22));
        assertReach(Reach.DENIED, fromOutside);
        assertEquals("ENI_SG_RULES_MISMATCH", blocking(fromOutside).code());
    }

    @Test
    void aGroupWithoutRulesBlocksWithSgHasNoRules() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        SecurityGroup empty = n.sg("empty", vpc);
        SecurityGroup open = n.sg("open", vpc);
        n.cidrRule(open, Direction.INGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.instance("quiet", a, false, empty);
        n.instance("target", a, false, open);
        Reachability r = n.reach();
        PathResult p = path(r, "aws_instance.quiet", "aws_instance.target", Traffic.tcp(443));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.SOURCE_SECURITY_GROUP_EGRESS, h.layer());
        assertEquals("SG_HAS_NO_RULES", h.code());
    }

    @Test
    void aCacheWithoutSecurityGroupsGetsTheVpcDefaultGroup() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        Subnet data = n.subnet("data", vpc, "10.0.2.0/24");
        SecurityGroup app = n.sg("app", vpc);
        n.cidrRule(app, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.instance("app", a, false, app);
        n.cache("redis", List.of(data));
        // a second cache also in the default group: AWS's default group lets its members talk on every port
        n.cache("sessions", List.of(data));
        Reachability r = n.reach();

        PathResult fromApp = path(r, "aws_instance.app", "aws_elasticache_replication_group.redis", Traffic.tcp(6379));
        assertReach(Reach.DENIED, fromApp);
        Hop h = blocking(fromApp);
        assertEquals(Layer.DESTINATION_SECURITY_GROUP_INGRESS, h.layer());
        assertEquals("default security group of aws_vpc.main", h.component());
        PathResult member = path(r, "aws_elasticache_replication_group.sessions", "aws_elasticache_replication_group.redis",
                Traffic.tcp(6379));
        assertReach(Reach.ALLOWED, member);
        Hop rule = hop(member, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
        assertElementContains("all traffic from itself", rule);
        assertEquals("/aws_vpc.main", rule.location().pointer());
    }

    @Test
    void aDeclaredDefaultGroupReplacesAwsDefaults() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet data = n.subnet("data", vpc, "10.0.2.0/24");
        SecurityGroup closed = n.sg("default", vpc); // groupName "default": the VPC's default group, no rules
        n.cache("redis", List.of(data));
        n.cache("sessions", List.of(data));
        Reachability r = n.reach();
        PathResult member = path(r, "aws_elasticache_replication_group.sessions", "aws_elasticache_replication_group.redis",
                Traffic.tcp(6379));
        assertReach(Reach.DENIED, member);
        Hop h = blocking(member);
        assertEquals("SG_HAS_NO_RULES", h.code());
        assertEquals(closed.address(), h.component());
    }

    @Test
    void protocolNumbersOtherThanTcpUdpIcmpAllowEveryPort() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        SecurityGroup g = n.sg("g", vpc);
        n.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.cidrRule(g, Direction.INGRESS, "50", 0, 0, "10.0.0.0/16");
        n.cidrRule(g, Direction.INGRESS, "icmp", -1, -1, "10.0.0.0/16");
        n.instance("x", a, false, g);
        n.instance("y", a, false, g);
        Reachability r = n.reach();
        PathResult p = path(r, "aws_instance.x", "aws_instance.y", Traffic.ALL);
        assertEquals(Traffic.of(Traffic.Protocol.OTHER, PortSet.ALL).union(Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL)),
                p.allowed());
    }
}
