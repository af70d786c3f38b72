package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataSubnetsHaveNoInternetRouteTest {
    private final DataSubnetsHaveNoInternetRoute rule = new DataSubnetsHaveNoInternetRoute();

    private static Vpc vpc() {
        Vpc v = new Vpc("aws_vpc.main", "aws_vpc", at());
        v.cidrBlock = explicit("10.0.0.0/16");
        return v;
    }

    private static Subnet subnet(String name, String tier) {
        Subnet s = new Subnet("aws_subnet." + name, "aws_subnet", at());
        s.vpc = ref("aws_vpc.main");
        s.tags = explicit(tier == null ? Map.of() : Map.of("plumbline:tier", tier));
        return s;
    }

    private static RouteTable table(String name, Subnet... subnets) {
        RouteTable t = new RouteTable("aws_route_table." + name, "aws_route_table", at());
        t.vpc = ref("aws_vpc.main");
        t.main = explicit(false);
        for (Subnet s : subnets) t.subnets.add(ref(s.address()));
        return t;
    }

    private Result run(Resource... resources) {
        List<Resource> all = new ArrayList<>(List.of(resources));
        return io.plumbline.rules.Fixtures.run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void localOnlyPassesInternetAndNatRoutesFail() {
        Subnet ok = subnet("data_a", "data");
        Subnet nat = subnet("data_b", "data");
        Subnet igw = subnet("data_c", "Data");
        Subnet v6 = subnet("data_d", "data");
        Subnet app = subnet("app_a", "app");
        RouteTable local = table("data_a", ok);
        RouteTable toNat = table("data_b", nat);
        Route natRoute = TinyNetwork.route(toNat, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, "aws_nat_gateway.a");
        RouteTable toIgw = table("data_c", igw);
        TinyNetwork.route(toIgw, "203.0.113.0/24", RouteTarget.INTERNET_GATEWAY, "aws_internet_gateway.main");
        RouteTable toEigw = table("data_d", v6);
        TinyNetwork.route(toEigw, "::/0", RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY, "aws_egress_only_internet_gateway.x");
        RouteTable appTable = table("app_a", app);
        TinyNetwork.route(appTable, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, "aws_nat_gateway.a");
        Result r = run(vpc(), ok, nat, igw, v6, app, local, toNat, toIgw, toEigw, appTable);
        expect(r, ok.address(), Status.PASS);
        Finding f = expect(r, nat.address(), Status.FAIL, "0.0.0.0/0", "aws_nat_gateway.a");
        assertEquals(natRoute.location(), f.location(), "the finding points at the route");
        expect(r, igw.address(), Status.FAIL, "203.0.113.0/24", "aws_internet_gateway.main");
        expect(r, v6.address(), Status.FAIL, "::/0");
        assertTrue(r.findings().stream().noneMatch(x -> x.resource().equals(app.address())), "app subnets: not data");
    }

    @Test
    void subnetsOfSubnetGroupsAreDataSubnetsEvenUntagged() {
        Subnet untagged = subnet("db_a", null);
        DbSubnetGroup group = new DbSubnetGroup("aws_db_subnet_group.db", "aws_db_subnet_group", at());
        group.subnets = refs(untagged.address(), "subnet-0123456789abcdef0");
        RouteTable t = table("db_a", untagged);
        TinyNetwork.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, "aws_internet_gateway.main");
        Result r = run(vpc(), untagged, group, t);
        expect(r, untagged.address(), Status.FAIL, "aws_internet_gateway.main");
        expect(r, group.address(), Status.UNKNOWN, "subnet-0123456789abcdef0", "not in the input");
    }

    @Test
    void withoutAnAssociationTheMainTableDecides() {
        Subnet s = subnet("data_a", "data");
        RouteTable main = table("main");
        main.main = explicit(true);
        TinyNetwork.route(main, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, "aws_internet_gateway.main");
        expect(run(vpc(), s, main), s.address(), Status.FAIL, "main route table");
        // Side by side: no main table declared, the VPC is in the input: its implicit main table has the local route.
        Subnet s2 = subnet("data_a", "data");
        expect(run(vpc(), s2), s2.address(), Status.PASS);
        // The VPC is not in the input: its main table is unknown.
        Subnet s3 = subnet("data_a", "data");
        s3.vpc = ref("vpc-0abc");
        expect(run(s3), s3.address(), Status.UNKNOWN, "vpc-0abc");
    }

    @Test
    void unknownTargetsAndRoutesLeavingTheVpcAreUnknownPrivateRoutesPass() {
        Subnet unknownTarget = subnet("data_a", "data");
        RouteTable t1 = table("data_a", unknownTarget);
        t1.routes.add(new Route(explicit("0.0.0.0/0"), explicit(null), explicit(null), RouteTarget.UNKNOWN,
                unknown("the route's target is known only after apply"), Value.notInInput(), at()));
        Subnet tgw = subnet("data_b", "data");
        RouteTable t2 = table("data_b", tgw);
        TinyNetwork.route(t2, "0.0.0.0/0", RouteTarget.TRANSIT_GATEWAY, "tgw-0abc");
        Subnet peering = subnet("data_c", "data");
        RouteTable t3 = table("data_c", peering);
        TinyNetwork.route(t3, "10.1.0.0/16", RouteTarget.VPC_PEERING, "pcx-0abc");
        TinyNetwork.route(t3, "10.0.0.0/16", RouteTarget.LOCAL, "local");
        Subnet incomplete = subnet("data_d", "data");
        RouteTable t4 = table("data_d", incomplete);
        t4.routesComplete = unknown("inline routes are known only after apply");
        Subnet blackhole = subnet("data_e", "data");
        RouteTable t5 = table("data_e", blackhole);
        t5.routes.add(new Route(explicit("0.0.0.0/0"), explicit(null), explicit(null), RouteTarget.NAT_GATEWAY,
                ref("aws_nat_gateway.gone"), explicit("blackhole"), at()));
        Result r = run(vpc(), unknownTarget, t1, tgw, t2, peering, t3, incomplete, t4, blackhole, t5);
        expect(r, unknownTarget.address(), Status.UNKNOWN, "known only after apply");
        expect(r, tgw.address(), Status.UNKNOWN, "tgw-0abc");
        expect(r, peering.address(), Status.PASS);
        expect(r, incomplete.address(), Status.UNKNOWN, "incomplete");
        expect(r, blackhole.address(), Status.PASS);
    }

    @Test
    void anAssociationWithAnUnknownSubnetMayBeThisSubnets() {
        Subnet s = subnet("data_a", "data");
        RouteTable open = table("public");
        open.subnets.add(unknown("known only after apply"));
        TinyNetwork.route(open, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, "aws_internet_gateway.main");
        expect(run(vpc(), s, open), s.address(), Status.UNKNOWN, "aws_route_table.public");
    }
}
