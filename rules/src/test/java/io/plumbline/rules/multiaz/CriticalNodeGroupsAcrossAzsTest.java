package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static io.plumbline.rules.multiaz.Placed.subnet;
import static io.plumbline.rules.multiaz.Placed.vpc;

import io.plumbline.model.Resource;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalNodeGroupsAcrossAzsTest {
    private final CriticalNodeGroupsAcrossAzs rule = new CriticalNodeGroupsAcrossAzs();

    private static EksCluster cluster() {
        EksCluster c = new EksCluster("aws_eks_cluster.main", "aws_eks_cluster", at());
        c.name = explicit("main");
        c.addAlias("main");
        return c;
    }

    private static NodeGroup group(String name, String capacity, int min, String... subnets) {
        NodeGroup g = new NodeGroup("aws_eks_node_group." + name, "aws_eks_node_group", at());
        g.cluster = ref("main");
        g.capacityType = explicit(capacity);
        g.labels = explicit(Map.of());
        g.taints = explicit(List.of());
        g.minSize = explicit(min);
        g.subnets = refs(subnets);
        return g;
    }

    private io.plumbline.engine.Result runWith(Resource... more) {
        List<Resource> all = new ArrayList<>(List.of(vpc("main"), cluster(),
                subnet("app_a", "main", "app", "eu-west-1a"), subnet("app_b", "main", "app", "eu-west-1b"),
                subnet("app_c", "main", "app", "eu-west-1c")));
        all.addAll(List.of(more));
        return run(rule, all.toArray(Resource[]::new));
    }

    @Test
    void oneGroupPerAzOrOneMultiAzGroupWithAMinimumOfThreePasses() {
        expect(runWith(group("a", "ON_DEMAND", 1, "aws_subnet.app_a"), group("b", "ON_DEMAND", 1, "aws_subnet.app_b"),
                group("c", "ON_DEMAND", 1, "aws_subnet.app_c")), "aws_eks_cluster.main", Status.PASS);
        expect(runWith(group("all", "ON_DEMAND", 3, "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c")),
                "aws_eks_cluster.main", Status.PASS);
    }

    @Test
    void aMinimumBelowTheAzsOrSpotOnlyThirdAzFails() {
        expect(runWith(group("all", "ON_DEMAND", 2, "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c")),
                "aws_eks_cluster.main", Status.FAIL, "aws_eks_node_group.all may scale in to 2 nodes");
        // the third AZ is covered by spot capacity only, which does not count
        expect(runWith(group("ab", "ON_DEMAND", 2, "aws_subnet.app_a", "aws_subnet.app_b"),
                group("spot", "SPOT", 3, "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c")),
                "aws_eks_cluster.main", Status.FAIL, "cover only 2 AZs");
        expect(runWith(group("spot", "SPOT", 3, "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c")),
                "aws_eks_cluster.main", Status.FAIL, "none of the cluster's 1 node group is critical");
    }

    @Test
    void unknownCriticalityOrNoNodeGroupIsUnknown() {
        NodeGroup maybe = group("maybe", "ON_DEMAND", 3, "aws_subnet.app_a", "aws_subnet.app_b", "aws_subnet.app_c");
        maybe.capacityType = unknown("known only after apply");
        expect(runWith(group("ab", "ON_DEMAND", 2, "aws_subnet.app_a", "aws_subnet.app_b"), maybe),
                "aws_eks_cluster.main", Status.UNKNOWN, "aws_eks_node_group.maybe is critical is unknown");
        expect(runWith(), "aws_eks_cluster.main", Status.UNKNOWN, "no managed node group");
    }
}
