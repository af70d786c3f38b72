package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivateEgressThroughOwnAzNatTest {
    private final PrivateEgressThroughOwnAzNat rule = new PrivateEgressThroughOwnAzNat();

    private static Route route(Route.RouteTarget type, String target, Value<String> state) {
        return new Route(explicit("0.0.0.0/0"), Value.notInInput(), Value.notInInput(), type, ref(target), state, at());
    }

    private static RouteTable table(String name, Route route, String... subnets) {
        RouteTable t = new RouteTable("aws_route_table." + name, "aws_route_table", at());
        t.vpc = ref("aws_vpc.main");
        if (route != null) t.routes.add(route);
        for (String s : subnets) t.subnets.add(ref(s));
        return t;
    }

    private static NatGateway nat(String name, String subnet) {
        NatGateway n = new NatGateway("aws_nat_gateway." + name, "aws_nat_gateway", at());
        n.subnet = ref(subnet);
        n.connectivityType = explicit("public");
        return n;
    }

    /** Public subnets a and b with their NAT gateways, and app subnets a and b. */
    private static List<Resource> network() {
        InternetGateway igw = new InternetGateway("aws_internet_gateway.main", "aws_internet_gateway", at());
        igw.vpc = ref("aws_vpc.main");
        return new ArrayList<>(List.of(vpc("main"), igw,
                subnet("pub_a", "main", "public", "eu-west-1a"), subnet("pub_b", "main", "public", "eu-west-1b"),
                subnet("app_a", "main", "app", "eu-west-1a"), subnet("app_b", "main", "app", "eu-west-1b"),
                table("public", route(Route.RouteTarget.INTERNET_GATEWAY, "aws_internet_gateway.main",
                        Value.notInInput()), "aws_subnet.pub_a", "aws_subnet.pub_b"),
                nat("a", "aws_subnet.pub_a"), nat("b", "aws_subnet.pub_b")));
    }

    private io.plumbline.engine.Result runWith(Resource... more) {
        List<Resource> all = network();
        all.addAll(List.of(more));
        return run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void eachAppSubnetThroughItsOwnAzNatPasses() {
        var r = runWith(table("app_a", route(Route.RouteTarget.NAT_GATEWAY, "aws_nat_gateway.a", Value.notInInput()),
                "aws_subnet.app_a"), table("app_b", route(Route.RouteTarget.NAT_GATEWAY, "aws_nat_gateway.b",
                Value.notInInput()), "aws_subnet.app_b"));
        expect(r, "aws_subnet.app_a", Status.PASS);
        expect(r, "aws_subnet.app_b", Status.PASS);
    }

    @Test
    void aSharedNatFailsForTheOtherAzAndABlackholeFails() {
        var r = runWith(table("app", route(Route.RouteTarget.NAT_GATEWAY, "aws_nat_gateway.a", Value.notInInput()),
                "aws_subnet.app_a", "aws_subnet.app_b"));
        expect(r, "aws_subnet.app_a", Status.PASS);
        expect(r, "aws_subnet.app_b", Status.FAIL, "in eu-west-1a, not in the subnet's AZ eu-west-1b");

        var dead = runWith(table("app_a", route(Route.RouteTarget.NAT_GATEWAY, "aws_nat_gateway.a",
                explicit("blackhole")), "aws_subnet.app_a"));
        expect(dead, "aws_subnet.app_a", Status.FAIL, "no egress");
    }

    @Test
    void noDefaultRouteIsNotApplicableAndAnUnknownNatIsUnknown() {
        var r = runWith(table("app_a", null, "aws_subnet.app_a"), table("app_b", route(Route.RouteTarget.NAT_GATEWAY,
                "nat-0123456789abcdef0", Value.notInInput()), "aws_subnet.app_b"));
        expect(r, "aws_subnet.app_a", Status.NOT_APPLICABLE, "VPC endpoints only");
        expect(r, "aws_subnet.app_b", Status.UNKNOWN, "not in the input");
    }
}
