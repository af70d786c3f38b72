package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;

import io.plumbline.model.Resource;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadBalancerAcrossAzsTest {
    private final LoadBalancerAcrossAzs rule = new LoadBalancerAcrossAzs();

    private static List<Resource> network() {
        return new ArrayList<>(List.of(vpc("main"),
                subnet("pub_a", "main", "public", "eu-west-1a"), subnet("pub_b", "main", "public", "eu-west-1b"),
                subnet("pub_c", "main", "public", "eu-west-1c"), subnet("app_c", "main", "app", "eu-west-1c")));
    }

    private static LoadBalancer lb(String name, String type, boolean internal, String... subnets) {
        LoadBalancer lb = new LoadBalancer("aws_lb." + name, "aws_lb", at());
        lb.type = explicit(type);
        lb.internal = explicit(internal);
        lb.subnets = refs(subnets);
        return lb;
    }

    private io.plumbline.engine.Result runWith(Resource... more) {
        List<Resource> all = network();
        all.addAll(List.of(more));
        return run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void anInternetFacingAlbInThreePublicAzsPasses() {
        expect(runWith(lb("web", "application", false, "aws_subnet.pub_a", "subnet-pub_b", "aws_subnet.pub_c")),
                "aws_lb.web", Status.PASS);
    }

    @Test
    void twoAzsFailAgainstTheProfilesThree() {
        expect(runWith(lb("web", "application", false, "aws_subnet.pub_a", "aws_subnet.pub_b")), "aws_lb.web",
                Status.FAIL, "only 2 AZs", "requires 3");
    }

    @Test
    void anInternetFacingAlbInAnAppSubnetFails() {
        expect(runWith(lb("web", "application", false, "aws_subnet.pub_a", "aws_subnet.pub_b", "aws_subnet.app_c")),
                "aws_lb.web", Status.FAIL, "aws_subnet.app_c is not public");
        // an internal ALB belongs in private subnets: only its spread is judged
        expect(runWith(lb("api", "application", true, "aws_subnet.pub_a", "aws_subnet.pub_b", "aws_subnet.app_c")),
                "aws_lb.api", Status.PASS);
    }

    @Test
    void unknownSubnetsAreUnknownAndOtherTypesNotApplicable() {
        LoadBalancer unknownSubnets = lb("later", "application", false);
        unknownSubnets.subnets = unknown("known only after apply");
        expect(runWith(unknownSubnets), "aws_lb.later", Status.UNKNOWN, "subnets is");
        expect(runWith(lb("missing", "application", false, "aws_subnet.pub_a", "aws_subnet.pub_b", "subnet-zzz")),
                "aws_lb.missing", Status.UNKNOWN, "subnet-zzz is not in the input");
        expect(runWith(lb("nlb", "network", false, "aws_subnet.pub_a")), "aws_lb.nlb", Status.NOT_APPLICABLE,
                "network load balancer");
    }
}
