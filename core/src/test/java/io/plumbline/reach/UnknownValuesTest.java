package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.path;
import static io.plumbline.reach.PathAssertions.undecided;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values the input does not give: read both ways, never allowed through. */
class UnknownValuesTest {

    private static final class Net {
        final TestNet n = new TestNet();
        final Vpc vpc = n.vpc("10.0.0.0/16");
        final Subnet pub = n.subnet("public", vpc, "10.0.0.0/24");
        final Subnet app = n.subnet("app", vpc, "10.0.1.0/24");
        final InternetGateway igw = n.igw(vpc);
        final RouteTable rt = n.table("public", vpc, pub);
        final SecurityGroup client = n.sg("client", vpc);

        Net() {
            n.route(rt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
            n.cidrRule(client, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            n.instance("client", app, false, client);
        }
    }

    @Test
    void aPrefixListWithoutEntriesIsUnknown() {
        Net t = new Net();
        SecurityGroup lb = t.n.sg("lb", t.vpc);
        t.n.prefixListRule(lb, Direction.INGRESS, "tcp", 443, 443, "pl-cloudfront");
        t.n.lb("web", false, List.of(t.pub), List.of(lb), 443);
        Reachability r = t.n.reach();
        PathResult p = path(r, Endpoint.INTERNET, "aws_lb.web", Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, p);
        Hop h = PathAssertions.hop(p, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.UNKNOWN);
        assertElementContains("pl-cloudfront", h);
        assertElementContains("not in the input", h);
        // a client inside the VPC may be in the list too
        assertReach(Reach.UNKNOWN, path(r, "aws_instance.client", "aws_lb.web", Traffic.tcp(443)));
    }

    @Test
    void anUnknownCidrIsUndecidedNeverAllowed() {
        Net t = new Net();
        SecurityGroup g = t.n.sg("web", t.vpc);
        t.n.unknownCidrRule(g, Direction.INGRESS, "tcp", 22, 22);
        t.n.instance("web", t.pub, true, g);
        Reachability r = t.n.reach();
        PathResult p = path(r, Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(22));
        assertReach(Reach.UNKNOWN, p);
        assertTrue(p.allowed().isEmpty());
        assertEquals(Traffic.tcp(22), p.undecided());
        assertElementContains("known only after apply", undecided(p));
        assertReach(Reach.UNKNOWN, path(r, "aws_instance.client", "aws_instance.web", Traffic.tcp(22)));
        // a port no rule names stays denied
        assertReach(Reach.DENIED, path(r, Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(23)));
    }

    @Test
    void aSubnetOnlyPartlyInsideACidrIsUndecided() {
        Net t = new Net();
        SecurityGroup g = t.n.sg("db", t.vpc);
        t.n.cidrRule(g, Direction.INGRESS, "tcp", 5432, 5432, "10.0.1.0/25"); // half of the app subnet
        t.n.cidrRule(g, Direction.INGRESS, "tcp", 6379, 6379, "10.0.0.0/16"); // all of it
        t.n.instance("db", t.pub, false, g);
        PathResult p = path(t.n.reach(), "aws_instance.client", "aws_instance.db", Traffic.tcp(5432, 6379));
        assertEquals(Traffic.tcp(6379), p.allowed());
        assertEquals(Traffic.tcp(5432), p.undecided());
        assertElementContains("10.0.1.0/25", undecided(p));
    }

    @Test
    void anIncompleteRuleListLeavesTheRestUndecided() {
        Net t = new Net();
        SecurityGroup g = t.n.sg("web", t.vpc);
        t.n.cidrRule(g, Direction.INGRESS, "tcp", 443, 443, "10.0.0.0/16");
        g.rulesComplete = Value.unknown("inline ingress rules are known only after apply", TestNet.at("web/ingress"));
        t.n.instance("web", t.pub, false, g);
        PathResult p = path(t.n.reach(), "aws_instance.client", "aws_instance.web", Traffic.tcp(22, 443));
        assertReach(Reach.PARTIAL, p);
        assertEquals(Traffic.tcp(443), p.allowed());
        assertEquals(Traffic.tcp(22), p.undecided());
        assertElementContains("known only after apply", undecided(p));
    }

    @Test
    void aNodeGroupWithoutLaunchTemplateGroupsCarriesTheUnknownClusterGroup() {
        Net t = new Net();
        EksCluster c = new EksCluster("aws_eks_cluster.main", "aws_eks_cluster", TestNet.at("aws_eks_cluster.main"));
        c.subnets = TestNet.refs(t.app);
        c.securityGroups = Value.explicit(List.of(), Provenance.NONE);
        NodeGroup ng = new NodeGroup("aws_eks_node_group.workers", "aws_eks_node_group", TestNet.at("aws_eks_node_group.workers"));
        ng.cluster = TestNet.ref(c);
        ng.subnets = TestNet.refs(t.app);
        ng.launchTemplate = Value.explicit(null, Provenance.NONE);
        t.n.resources.add(c);
        t.n.resources.add(ng);
        SecurityGroup db = t.n.sg("db", t.vpc);
        t.n.cidrRule(db, Direction.INGRESS, "tcp", 5432, 5432, "10.0.0.0/16");
        t.n.instance("db", t.pub, false, db);
        Reachability r = t.n.reach();
        assertEquals("app", PathAssertions.endpoint(r, "aws_eks_node_group.workers").tier());
        PathResult p = path(r, "aws_eks_node_group.workers", "aws_instance.db", Traffic.tcp(5432));
        assertReach(Reach.UNKNOWN, p);
        Hop h = undecided(p);
        assertEquals(Layer.SOURCE_SECURITY_GROUP_EGRESS, h.layer());
        assertEquals("cluster security group of aws_eks_cluster.main", h.component());
        // a group that references the cluster security group admits the nodes (they carry it)
        SecurityGroup api = t.n.sg("api", t.vpc);
        t.n.groupRule(api, Direction.INGRESS, "tcp", 443, 443, t.client);
        api.rules.add(new io.plumbline.model.network.SgRule(Direction.INGRESS, TestNet.v("tcp", "api/ingress/1"),
                TestNet.v(10250, "api/ingress/1"), TestNet.v(10250, "api/ingress/1"),
                io.plumbline.model.network.SgRule.PeerKind.SECURITY_GROUP, Value.notInInput(),
                Value.explicit(new Ref(c.address()), Provenance.NONE), null, api.address(), TestNet.at("api/ingress/1")));
        t.n.instance("api", t.pub, false, api);
        PathResult kubelet = path(t.n.reach(), "aws_eks_node_group.workers", "aws_instance.api", Traffic.tcp(10250));
        assertReach(Reach.UNKNOWN, kubelet); // egress of the cluster group is unknown; the ingress side matched
        PathAssertions.hop(kubelet, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
    }

    @Test
    void anUnknownNetworkAclAssociationMakesEveryCandidateAclCount() {
        Net t = new Net();
        SecurityGroup g = t.n.sg("web", t.vpc);
        t.n.cidrRule(g, Direction.INGRESS, "tcp", 443, 443, "10.0.0.0/16");
        t.n.instance("web", t.pub, false, g);
        NetworkAcl maybe = t.n.acl("maybe", t.vpc);
        maybe.subnets.add(Value.unknown("known only after apply", TestNet.at("maybe/subnet_ids")));
        PathResult p = path(t.n.reach(), "aws_instance.client", "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, p); // the default ACL allows, the candidate (no entries) denies
        assertTrue(p.witness().stream().anyMatch(h -> h.component().contains("one of 2 possible network ACLs")));
    }

    @Test
    void anInstanceInAnUnknownSubnetIsUndecided() {
        Net t = new Net();
        SecurityGroup g = t.n.sg("web", t.vpc);
        t.n.cidrRule(g, Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0");
        var web = t.n.instance("web", t.pub, false, g);
        web.subnet = Value.unknown("known only after apply", TestNet.at("aws_instance.web/subnet_id"));
        Reachability r = t.n.reach();
        PathResult p = path(r, "aws_instance.client", "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, p);
        assertReach(Reach.DENIED, path(r, "aws_instance.client", "aws_instance.web", Traffic.tcp(22)));
    }

    /**
     * A load balancer whose subnets are unknown may be in the client's subnet, where the client subnet's ACL (which
     * lets nothing in or out) does not apply; or in another subnet, where it does. Placements disagree: UNKNOWN, and
     * the witness says why. What the security groups deny stays denied whatever the placement.
     */
    @Test
    void anEndpointInUnknownSubnetsMayShareTheOtherEndsSubnet() {
        Net t = new Net();
        t.n.acl("closed", t.vpc, t.app); // no entry: denies everything both ways, but only between subnets
        SecurityGroup lbGroup = t.n.sg("lb", t.vpc);
        t.n.cidrRule(lbGroup, Direction.INGRESS, "tcp", 443, 443, "10.0.0.0/16");
        t.n.cidrRule(lbGroup, Direction.EGRESS, "tcp", 8080, 8080, "10.0.0.0/16");
        var lb = t.n.lb("web", true, List.of(t.pub), List.of(lbGroup), 443);
        lb.subnets = Value.unknown("known only after apply", TestNet.at("aws_lb.web/subnets"));
        Reachability r = t.n.reach();

        PathResult in = path(r, "aws_instance.client", "aws_lb.web", Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, in);
        Hop h = undecided(in);
        assertEquals(Layer.PLACEMENT, h.layer());
        assertElementContains("may be aws_subnet.app", h);
        assertElementContains("no network ACL lies between them", h);
        assertTrue(in.reason().contains("the destination's subnet is unknown"), in.reason());
        Endpoint client = PathAssertions.endpoint(r, "aws_instance.client");
        Endpoint web = PathAssertions.endpoint(r, "aws_lb.web");
        assertReach(Reach.UNKNOWN, r.verdict(client, web, Traffic.tcp(443)));
        // the load balancer's group admits 443 only, and lets out 8080 only: denied wherever it is
        assertReach(Reach.DENIED, path(r, "aws_instance.client", "aws_lb.web", Traffic.tcp(22)));
        assertReach(Reach.DENIED, path(r, "aws_lb.web", "aws_instance.client", Traffic.tcp(22)));
        // and the source index offers the client as a source of the load balancer
        assertTrue(r.mayReach(web, Traffic.tcp(443)).contains(client));
    }
}
