package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;

import io.plumbline.model.Resource;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EksControlPlaneAcrossAzsTest {
    private final EksControlPlaneAcrossAzs rule = new EksControlPlaneAcrossAzs();

    private static EksCluster cluster(String name, String... subnets) {
        EksCluster c = new EksCluster("aws_eks_cluster." + name, "aws_eks_cluster", at());
        c.subnets = refs(subnets);
        return c;
    }

    private io.plumbline.engine.Result runWith(Resource... more) {
        List<Resource> all = new ArrayList<>(List.of(vpc("main"),
                subnet("app_a", "main", "app", "eu-west-1a"), subnet("app_b", "main", "app", "eu-west-1b"),
                subnet("app_c", "main", "app", "eu-west-1c"), subnet("pub_c", "main", "public", "eu-west-1c"),
                subnet("app_x", "main", "app", unknown("known only after apply"))));
        all.addAll(List.of(more));
        return run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void privateSubnetsInThreeAzsPass() {
        expect(runWith(cluster("main", "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c")),
                "aws_eks_cluster.main", Status.PASS);
    }

    @Test
    void twoAzsOrAPublicSubnetFail() {
        expect(runWith(cluster("two", "aws_subnet.app_a", "aws_subnet.app_b")), "aws_eks_cluster.two", Status.FAIL,
                "only 2 AZs");
        expect(runWith(cluster("pub", "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.pub_c")),
                "aws_eks_cluster.pub", Status.FAIL, "aws_subnet.pub_c is not private");
    }

    @Test
    void anUnknownAzThatCouldCompleteTheSpreadIsUnknown() {
        expect(runWith(cluster("later", "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_x")),
                "aws_eks_cluster.later", Status.UNKNOWN, "aws_subnet.app_x is unknown");
    }
}
