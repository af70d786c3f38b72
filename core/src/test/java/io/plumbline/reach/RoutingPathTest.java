package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertPointer;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hop;
import static io.plumbline.reach.PathAssertions.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import org.junit.jupiter.api.Test;

/** Routes decide: the explicit association over the main table, longest prefix, blackholes, NAT gateways. */
class RoutingPathTest {

    /** One instance with a public IP, open security group, in a subnet the test routes. */
    private static TestNet open(boolean publicIp) {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet s = n.subnet("web", vpc, "10.0.1.0/24");
        SecurityGroup g = n.sg("web", vpc);
        n.cidrRule(g, Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0");
        n.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        n.instance("web", s, publicIp, g);
        return n;
    }

    private static Vpc vpc(TestNet n) {
        return (Vpc) n.resources.get(0);
    }

    private static Subnet subnet(TestNet n, String name) {
        return (Subnet) n.resources.stream().filter(r -> r.address().equals("aws_subnet." + name)).findFirst().orElseThrow();
    }

    @Test
    void withoutARouteToTheInternetGatewayNothingComesIn() {
        TestNet n = open(true);
        n.igw(vpc(n)); // attached, but no route to it
        PathResult p = path(n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.ROUTE, h.layer());
        assertEquals("NO_ROUTE_TO_DESTINATION", h.code());
        assertElementContains("reply", h);
        PathResult out = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, out);
        assertEquals("NO_ROUTE_TO_DESTINATION", blocking(out).code());
    }

    @Test
    void theExplicitAssociationWinsOverTheMainTable() {
        TestNet n = open(true);
        InternetGateway igw = n.igw(vpc(n));
        RouteTable main = n.table("main", vpc(n));
        main.main = TestNet.v(true, main.address());
        n.route(main, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "main/route/0");
        // the subnet has no association: the main table routes it
        PathResult viaMain = path(n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.ALLOWED, viaMain);
        Hop r = hop(viaMain, Layer.ROUTE, Decision.ALLOW);
        assertEquals("aws_route_table.main", r.component());
        assertPointer("main/route/0", r);

        // an explicitly associated table without the internet route takes over
        n.table("private", vpc(n), subnet(n, "web"));
        PathResult viaPrivate = path(n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.DENIED, viaPrivate);
        Hop b = blocking(viaPrivate);
        assertEquals("aws_route_table.private", b.component());
        assertEquals("NO_ROUTE_TO_DESTINATION", b.code());
    }

    @Test
    void aVpcWithoutADeclaredMainTableHasOnlyTheLocalRoute() {
        TestNet n = open(true);
        n.igw(vpc(n));
        PathResult p = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, p);
        assertTrue(blocking(p).component().contains("local route only"), blocking(p).toString());
    }

    @Test
    void aBlackholeRouteIsABadStateRoute() {
        TestNet n = open(true);
        InternetGateway igw = n.igw(vpc(n));
        RouteTable t = n.table("public", vpc(n), subnet(n, "web"));
        n.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, "blackhole", "public/route/0");
        PathResult p = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals("BAD_STATE_ROUTE", h.code());
        assertPointer("public/route/0", h);
    }

    @Test
    void aRouteToAGatewayThePlanDeletesIsABlackhole() {
        TestNet n = open(true);
        InternetGateway igw = n.igw(vpc(n));
        igw.change = ChangeAction.DELETE;
        RouteTable t = n.table("public", vpc(n), subnet(n, "web"));
        n.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
        PathResult p = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertEquals("BAD_STATE_ROUTE", blocking(p).code());
    }

    @Test
    void theLongestPrefixDecides() {
        TestNet n = open(true);
        InternetGateway igw = n.igw(vpc(n));
        RouteTable t = n.table("public", vpc(n), subnet(n, "web"));
        n.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
        n.route(t, "203.0.113.0/24", RouteTarget.INTERNET_GATEWAY, igw, "blackhole", "public/route/1");
        Reachability r = n.reach();
        Endpoint web = PathAssertions.endpoint(r, "aws_instance.web");
        PathResult toTestNet = r.path(web, r.internet("203.0.113.7"), Traffic.tcp(443));
        assertReach(Reach.DENIED, toTestNet);
        assertPointer("public/route/1", blocking(toTestNet));
        PathResult elsewhere = r.path(web, r.internet("198.51.100.0/24"), Traffic.tcp(443));
        assertReach(Reach.ALLOWED, elsewhere);
        assertPointer("public/route/0", hop(elsewhere, Layer.ROUTE, Decision.ALLOW));
        // the internet as a whole: some host still gets through
        assertReach(Reach.ALLOWED, r.path(web, r.internet(), Traffic.tcp(443)));
    }

    @Test
    void aPrivateSubnetReachesTheInternetThroughItsNatGateway() {
        TestNet n = open(false);
        Vpc vpc = vpc(n);
        InternetGateway igw = n.igw(vpc);
        Subnet pub = n.subnet("public", vpc, "10.0.0.0/24");
        NatGateway nat = n.nat("a", pub);
        RouteTable pubRt = n.table("public", vpc, pub);
        n.route(pubRt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
        RouteTable priv = n.table("private", vpc, subnet(n, "web"));
        n.route(priv, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat, null, "private/route/0");
        Reachability r = n.reach();
        PathResult out = path(r, "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.ALLOWED, out);
        assertPointer("private/route/0", hop(out, Layer.ROUTE, Decision.ALLOW));
        // and nothing comes in: no public address, replies leave through the NAT gateway
        PathResult in = path(r, Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(443));
        assertReach(Reach.DENIED, in);
        assertEquals("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", blocking(in).code());
        // the NAT gateway's own subnet must route to the internet gateway
        pubRt.routes.clear();
        PathResult stuck = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, stuck);
        assertEquals("NO_ROUTE_TO_DESTINATION", blocking(stuck).code());
        assertTrue(blocking(stuck).component().contains("aws_route_table.public"), blocking(stuck).toString());
    }

    @Test
    void aPrivateAddressUsingTheInternetGatewayIsDropped() {
        TestNet n = open(false);
        InternetGateway igw = n.igw(vpc(n));
        RouteTable t = n.table("public", vpc(n), subnet(n, "web"));
        n.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
        PathResult p = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.INTERNET_GATEWAY, h.layer());
        assertEquals("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", h.code());
    }

    @Test
    void aRouteThroughAPeeringConnectionLeavesTheModelAndIsUndecided() {
        TestNet n = open(true);
        n.igw(vpc(n));
        RouteTable t = n.table("private", vpc(n), subnet(n, "web"));
        t.routes.add(new io.plumbline.model.network.Route(TestNet.v("0.0.0.0/0", "r"), TestNet.v(null, "r"),
                TestNet.v(null, "r"), RouteTarget.VPC_PEERING, TestNet.v(new io.plumbline.model.Ref("pcx-0abc"), "r"),
                io.plumbline.model.Value.notInInput(), TestNet.at("private/route/0")));
        PathResult p = path(n.reach(), "aws_instance.web", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, p);
        assertElementContains("leaves the modelled network", PathAssertions.undecided(p));
    }
}
