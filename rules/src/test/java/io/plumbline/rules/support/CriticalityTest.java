package io.plumbline.rules.support;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalityTest {

    private static NodeGroup group(String capacity, Map<String, String> labels, List<String> taints) {
        NodeGroup g = new NodeGroup("aws_eks_node_group.g", "aws_eks_node_group", at());
        g.capacityType = explicit(capacity);
        g.labels = explicit(labels);
        g.taints = explicit(taints);
        g.launchTemplate = explicit(null);
        return g;
    }

    private static Criticality.Verdict of(NodeGroup g, Resource... more) {
        List<Resource> all = new java.util.ArrayList<>(List.of(more));
        all.add(g);
        return Criticality.of(new Model(all, List.of(), List.of()), g, profile().roles());
    }

    @Test
    void theLabelWinsThenTaintsThenSpotCapacity() {
        assertEquals(true, of(group("SPOT", Map.of("plumbline.io/criticality", "critical"), List.of())).critical());
        Criticality.Verdict labelled = of(group("ON_DEMAND", Map.of("plumbline.io/criticality", "non-critical"),
                List.of()));
        assertEquals(false, labelled.critical());
        assertEquals("label plumbline.io/criticality = non-critical", labelled.how());
        Criticality.Verdict tainted = of(group("ON_DEMAND", Map.of(), List.of("spot=true:NO_SCHEDULE")));
        assertEquals(false, tainted.critical());
        assertEquals("taint spot=true:NO_SCHEDULE", tainted.how());
        assertEquals(false, of(group("ON_DEMAND", Map.of("karpenter.sh/capacity-type", "spot"), List.of())).critical());
        Criticality.Verdict spot = of(group("SPOT", Map.of(), List.of()));
        assertEquals(false, spot.critical());
        assertEquals("capacity type SPOT", spot.how());
        Criticality.Verdict onDemand = of(group("ON_DEMAND", Map.of("team", "web"), List.of("dedicated=db:NO_SCHEDULE")));
        assertEquals(true, onDemand.critical());
        assertTrue(onDemand.how().contains("no label or taint marks it non-critical"), onDemand.how());
    }

    @Test
    void unknownsThatDecideAreUnknown() {
        NodeGroup g = group("ON_DEMAND", Map.of(), List.of());
        g.capacityType = unknown("known only after apply");
        Criticality.Verdict v = of(g);
        assertNull(v.critical());
        assertTrue(v.how().contains("capacity type is unknown"), v.how());
        NodeGroup labels = group("ON_DEMAND", Map.of(), List.of());
        labels.labels = unknown("known only after apply");
        assertNull(of(labels).critical());
    }

    @Test
    void spotThroughTheLaunchTemplateOrAMixedInstancesPolicy() {
        LaunchTemplate t = new LaunchTemplate("aws_launch_template.spot", "aws_launch_template", at());
        t.marketType = explicit("spot");
        NodeGroup g = group("ON_DEMAND", Map.of(), List.of());
        g.launchTemplate = ref("aws_launch_template.spot");
        assertEquals("launch template aws_launch_template.spot buys spot instances", of(g, t).how());

        AutoScalingGroup asg = new AutoScalingGroup("aws_autoscaling_group.a", "aws_autoscaling_group", at());
        asg.onDemandPercentageAboveBase = explicit(20);
        asg.launchTemplate = explicit(null);
        Model m = new Model(List.of(asg), List.of(), List.of());
        assertEquals(false, Criticality.of(m, asg).critical());
        asg.onDemandPercentageAboveBase = explicit(100);
        assertEquals(true, Criticality.of(m, asg).critical());
    }
}
