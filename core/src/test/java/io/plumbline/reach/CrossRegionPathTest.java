package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.blocking;
import static io.plumbline.reach.PathAssertions.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.Hop.Layer;
import io.plumbline.reach.PathResult.Reach;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: VPCs in different regions share no network unless a peering connection or a transit gateway joins them.
 * An app instance in eu-west-1 and a Redis group in us-east-1 whose security group admits 10.0.0.0/8, the app
 * subnet's default route to a NAT gateway.
 */
class CrossRegionPathTest {
    private static final String APP = "aws_instance.app";
    private static final String REDIS = "aws_elasticache_replication_group.redis";

    private final TestNet n = new TestNet();
    private final Vpc eu = n.vpc("eu", "10.0.0.0/16");
    private final Vpc us = n.vpc("us", "10.1.0.0/16");
    private final RouteTable appRoutes;

    CrossRegionPathTest() {
        Subnet app = n.subnet("app", eu, "10.0.1.0/24");
        Subnet pub = n.subnet("pub", eu, "10.0.9.0/24");
        Subnet data = n.subnet("data", us, "10.1.2.0/24");
        SecurityGroup appSg = n.sg("app", eu);
        n.cidrRule(appSg, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        SecurityGroup redisSg = n.sg("redis", us);
        n.cidrRule(redisSg, Direction.INGRESS, "tcp", 6379, 6379, "10.0.0.0/8");
        n.instance("app", app, false, appSg);
        n.cache("redis", List.of(data), redisSg);
        appRoutes = n.table("app", eu, app);
        n.route(appRoutes, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, n.nat("nat", pub), null, "app/route/0");
    }

    private void regions(String euRegion, String usRegion) {
        for (Resource r : n.resources) {
            boolean inUs = List.of("aws_vpc.us", "aws_subnet.data", "aws_security_group.redis", REDIS,
                    "aws_elasticache_subnet_group.redis").contains(r.address());
            if (inUs ? usRegion != null : euRegion != null) TestNet.region(inUs ? usRegion : euRegion, r);
        }
    }

    @Test
    void vpcsOfTwoRegionsWithoutPeeringOrTransitGatewayAreDeniedAtTheVpcBoundary() {
        regions("eu-west-1", "us-east-1");
        PathResult p = path(n.reach(), APP, REDIS, Traffic.tcp(6379));
        assertReach(Reach.DENIED, p);
        Hop h = blocking(p);
        assertEquals(Layer.ROUTE, h.layer());
        assertEquals("NO_ROUTE_TO_DESTINATION", h.code());
        assertTrue(h.element().contains("us-east-1") && h.element().contains("eu-west-1"), h::toString);
    }

    @Test
    void theSameVpcsInOneRegionLeaveTheModelledNetworkThroughTheNatGateway() {
        // Side by side: in one region (or regions unknown) the NAT route may lead anywhere: undecided, as before.
        regions("eu-west-1", "eu-west-1");
        assertReach(Reach.UNKNOWN, path(n.reach(), APP, REDIS, Traffic.tcp(6379)));
    }

    @Test
    void anUnknownRegionDecidesNothing() {
        regions("eu-west-1", null);
        assertReach(Reach.UNKNOWN, path(n.reach(), APP, REDIS, Traffic.tcp(6379)));
    }

    @Test
    void aPeeringRouteOrATransitGatewayMakesTheCrossRegionPathUnknown() {
        for (RouteTarget via : List.of(RouteTarget.VPC_PEERING, RouteTarget.TRANSIT_GATEWAY)) {
            CrossRegionPathTest t = new CrossRegionPathTest();
            t.regions("eu-west-1", "us-east-1");
            t.appRoutes.routes.add(new io.plumbline.model.network.Route(TestNet.v("10.1.0.0/16", "app/route/1"),
                    TestNet.v(null, "app/route/1"), TestNet.v(null, "app/route/1"), via,
                    Value.explicit(new Ref(via == RouteTarget.VPC_PEERING ? "pcx-1" : "tgw-1"), TestNet.at("app/route/1")),
                    Value.notInInput(), TestNet.at("app/route/1")));
            PathResult p = path(t.n.reach(), APP, REDIS, Traffic.tcp(6379));
            assertReach(Reach.UNKNOWN, p);
            assertEquals(Layer.ROUTE, PathAssertions.undecided(p).layer(), p::toString);
        }
    }
}
