package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertPointer;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.hop;
import static io.plumbline.reach.PathAssertions.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plumbline.model.network.InternetGateway;
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

/** The edge: public addresses, internal and internet-facing load balancers, listeners, IPv6. */
class InternetPathTest {

    /** A public subnet (0.0.0.0/0 and ::/0 to the internet gateway) and an open load-balancer security group. */
    private static final class Edge {
        final TestNet n = new TestNet();
        final Vpc vpc = n.vpc("10.0.0.0/16");
        final Subnet pub = n.subnet("public", vpc, "10.0.0.0/24");
        final InternetGateway igw = n.igw(vpc);
        final RouteTable rt = n.table("public", vpc, pub);
        final SecurityGroup lbSg = n.sg("lb", vpc);

        Edge() {
            n.route(rt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/v4");
            n.route(rt, "::/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/v6");
            n.cidrRule(lbSg, Direction.INGRESS, "tcp", 0, 65535, "0.0.0.0/0");
            n.cidrRule(lbSg, Direction.EGRESS, "-1", 0, 0, "10.0.0.0/16");
        }
    }

    @Test
    void anInternalLoadBalancerInAPublicSubnetIsNotReachableFromTheInternet() {
        Edge e = new Edge();
        e.n.lb("internal", true, List.of(e.pub), List.of(e.lbSg), 443);
        e.n.lb("facing", false, List.of(e.pub), List.of(e.lbSg), 443);
        Reachability r = e.n.reach();
        PathResult internal = path(r, Endpoint.INTERNET, "aws_lb.internal", Traffic.tcp(443));
        assertReach(Reach.DENIED, internal);
        Hop h = blocking(internal);
        assertEquals(Layer.INTERNET_GATEWAY, h.layer());
        assertEquals("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", h.code());
        assertPointer("aws_lb.internal/internal", h);
        assertReach(Reach.ALLOWED, path(r, Endpoint.INTERNET, "aws_lb.facing", Traffic.tcp(443)));
    }

    @Test
    void aLoadBalancerAcceptsOnlyItsListenerPorts() {
        Edge e = new Edge();
        e.n.lb("web", false, List.of(e.pub), List.of(e.lbSg), 443);
        Reachability r = e.n.reach();
        PathResult p = path(r, Endpoint.INTERNET, "aws_lb.web", Traffic.tcp(443, 8443));
        assertReach(Reach.PARTIAL, p);
        assertEquals(Traffic.tcp(443), p.allowed());
        Hop accepted = hop(p, Layer.LOAD_BALANCER_LISTENER, Decision.ALLOW);
        assertPointer("aws_lb_listener.web_443", accepted);
        PathResult other = path(r, Endpoint.INTERNET, "aws_lb.web", Traffic.tcp(8443));
        assertReach(Reach.DENIED, other);
        Hop h = blocking(other);
        assertEquals(Layer.LOAD_BALANCER_LISTENER, h.layer());
        assertEquals("ELBV2_LISTENERS_MISMATCH", h.code());
        // the security group let 8443 in: the listener decided
        hop(other, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW);
    }

    @Test
    void anInstanceWithAPublicAddressInAPublicSubnetIsReachable() {
        Edge e = new Edge();
        SecurityGroup g = e.n.sg("web", e.vpc);
        e.n.cidrRule(g, Direction.INGRESS, "tcp", 22, 22, "203.0.113.0/24");
        e.n.instance("bastion", e.pub, true, g);
        e.n.instance("hidden", e.pub, false, g);
        Reachability r = e.n.reach();
        // from some internet hosts (203.0.113.0/24), not from others
        PathResult any = path(r, Endpoint.INTERNET, "aws_instance.bastion", Traffic.tcp(22));
        assertReach(Reach.ALLOWED, any);
        assertReach(Reach.DENIED, r.path(r.internet("198.51.100.1"), PathAssertions.endpoint(r, "aws_instance.bastion"),
                Traffic.tcp(22)));
        assertReach(Reach.ALLOWED, r.path(r.internet("203.0.113.9"), PathAssertions.endpoint(r, "aws_instance.bastion"),
                Traffic.tcp(22)));
        PathResult hidden = path(r, Endpoint.INTERNET, "aws_instance.hidden", Traffic.tcp(22));
        assertReach(Reach.DENIED, hidden);
        assertPointer("aws_instance.hidden/associate_public_ip_address", blocking(hidden));
    }

    @Test
    void privateSourceAddressesNeverComeFromTheInternet() {
        Edge e = new Edge();
        SecurityGroup g = e.n.sg("web", e.vpc);
        e.n.cidrRule(g, Direction.INGRESS, "tcp", 22, 22, "10.0.0.0/8"); // private: never an internet address
        e.n.instance("web", e.pub, true, g);
        PathResult p = path(e.n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(22));
        assertReach(Reach.DENIED, p);
        assertEquals("ENI_SG_RULES_MISMATCH", blocking(p).code());
    }

    @Test
    void ipv6Only() {
        Edge e = new Edge();
        Subnet v6 = e.n.subnet("v6", e.vpc, null, "2001:db8:0:1::/64");
        e.rt.subnets.add(TestNet.ref(v6));
        SecurityGroup g = e.n.sg("v6", e.vpc);
        e.n.cidrRule(g, Direction.INGRESS, "tcp", 443, 443, "::/0");
        e.n.cidrRule(g, Direction.INGRESS, "tcp", 22, 22, "0.0.0.0/0"); // IPv4 only: no use in an IPv6-only subnet
        e.n.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "::/0");
        e.n.instance("v6", v6, false, g);
        Reachability r = e.n.reach();
        PathResult in = path(r, Endpoint.INTERNET, "aws_instance.v6", Traffic.tcp(22, 443));
        assertReach(Reach.PARTIAL, in);
        assertEquals(Traffic.tcp(443), in.allowed());
        assertPointer("public/route/v6", hop(in, Layer.ROUTE, Decision.ALLOW));
        assertElementContains("::/0", hop(in, Layer.DESTINATION_SECURITY_GROUP_INGRESS, Decision.ALLOW));
        PathResult out = path(r, "aws_instance.v6", Endpoint.INTERNET, Traffic.tcp(443));
        assertReach(Reach.ALLOWED, out);
        assertPointer("public/route/v6", hop(out, Layer.ROUTE, Decision.ALLOW));

        // without the IPv6 route nothing gets in or out
        e.rt.routes.removeIf(x -> x.destinationIpv6Cidr().isPresent());
        Reachability noRoute = e.n.reach();
        PathResult blocked = path(noRoute, Endpoint.INTERNET, "aws_instance.v6", Traffic.tcp(443));
        assertReach(Reach.DENIED, blocked);
        assertEquals("NO_ROUTE_TO_DESTINATION", blocking(blocked).code());
    }

    @Test
    void natGatewaysAcceptNoConnectionFromTheInternet() {
        Edge e = new Edge();
        e.n.nat("a", e.pub);
        PathResult p = path(e.n.reach(), Endpoint.INTERNET, "aws_nat_gateway.a", Traffic.ALL);
        assertReach(Reach.DENIED, p);
    }
}
