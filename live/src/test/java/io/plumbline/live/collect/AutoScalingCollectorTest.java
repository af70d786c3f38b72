package io.plumbline.live.collect;

import static io.plumbline.live.collect.Ec2CollectorTest.only;
import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedCompute;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.network.Subnet;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

@ExtendWith(MotoServer.class)
class AutoScalingCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    static String template(MotoServer moto, String name, String sg) {
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            String ami = Ec2ComputeCollectorTest.ami(ec2);
            return ec2.createLaunchTemplate(b -> b.launchTemplateName(name).launchTemplateData(d -> d.imageId(ami)
                    .instanceType("t3.micro").securityGroupIds(sg))).launchTemplate().launchTemplateId();
        }
    }

    @Test
    void groupsWithPlacementSizesTemplateAndSpotShare() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String sg = SeedCompute.openGroup(moto, net.vpc(), "nodes", 443);
        String lt = template(moto, "nodes", sg);
        try (AutoScalingClient asg = SeedCompute.autoscaling(moto)) {
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("on-demand").minSize(1).maxSize(3).desiredCapacity(2)
                    .vpcZoneIdentifier(net.appA() + "," + net.dataB())
                    .launchTemplate(t -> t.launchTemplateId(lt).version("$Default"))
                    .tags(t -> t.key("plumbline:tier").value("app").propagateAtLaunch(true)));
            asg.createAutoScalingGroup(b -> b.autoScalingGroupName("spot").minSize(0).maxSize(4).desiredCapacity(0)
                    .vpcZoneIdentifier(net.appA())
                    .mixedInstancesPolicy(p -> p
                            .launchTemplate(t -> t.launchTemplateSpecification(s -> s.launchTemplateName("nodes"))
                                    .overrides(o -> o.instanceType("m5.large"), o -> o.instanceType("m6i.large")))
                            .instancesDistribution(d -> d.onDemandBaseCapacity(0)
                                    .onDemandPercentageAboveBaseCapacity(0))));
        }
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Ec2ComputeCollector(), new AutoScalingCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        AutoScalingGroup od = only(m.all(AutoScalingGroup.class).stream().filter(g -> g.name.is("on-demand")).toList());
        assertTrue(od.address().startsWith("arn:aws:autoscaling:eu-west-1:" + SeedCompute.ACCOUNT
                + ":autoScalingGroup:"), od.address());
        assertTrue(od.address().endsWith(":autoScalingGroupName/on-demand"), od.address());
        assertEquals(AutoScalingCollector.DESCRIBE_AUTO_SCALING_GROUPS, od.minSize.provenance().operation());
        assertEquals(od.address(), od.minSize.provenance().arn());
        assertEquals(List.of(new Ref(net.appA()), new Ref(net.dataB())), od.subnets.get());
        for (Ref s : od.subnets.get()) assertTrue(m.resolve(od, s, Subnet.class).isPresent());
        assertEquals(Set.of("eu-west-1a", "eu-west-1b"), Set.copyOf(od.availabilityZones.get()));
        assertEquals(1, od.minSize.get());
        assertEquals(3, od.maxSize.get());
        assertEquals(2, od.desiredCapacity.get());
        assertEquals(new Ref(lt), od.launchTemplate.get());
        assertTrue(m.resolve(od, od.launchTemplate.get(), LaunchTemplate.class).isPresent());
        assertEquals(Map.of("plumbline:tier", "app"), od.tags.get());
        assertNull(od.onDemandPercentageAboveBase.get(), "no mixed instances policy");
        assertEquals(Certainty.EXPLICIT, od.onDemandPercentageAboveBase.certainty());
        assertEquals(List.of(), od.instanceTypes.get());
        // moto launches the desired instances, spread over the group's subnets
        assertFalse(od.instanceAvailabilityZones.get().isEmpty());
        assertTrue(Set.of("eu-west-1a", "eu-west-1b").containsAll(od.instanceAvailabilityZones.get()));

        AutoScalingGroup spot = only(m.all(AutoScalingGroup.class).stream().filter(g -> g.name.is("spot")).toList());
        // seeded by name; the answer carries the id as well (as AWS does), and the id is preferred
        assertEquals(new Ref(lt), spot.launchTemplate.get());
        assertTrue(m.resolve(spot, spot.launchTemplate.get(), LaunchTemplate.class).isPresent());
        assertEquals(0, spot.onDemandPercentageAboveBase.get());
        assertEquals(0, spot.onDemandBaseCapacity.get());
        assertEquals(List.of("m5.large", "m6i.large"), spot.instanceTypes.get());
        assertEquals(List.of(), spot.instanceAvailabilityZones.get());
    }

    @Test
    void net004FollowsTheGroupThroughItsTemplateToTheSecurityGroup() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String ssh = SeedCompute.openGroup(moto, net.vpc(), "ssh-open", 22);
        String lt = template(moto, "ssh-nodes", ssh);
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            ec2.modifySubnetAttribute(b -> b.subnetId(net.openSubnet()).mapPublicIpOnLaunch(a -> a.value(true)));
        }
        try (AutoScalingClient asg = SeedCompute.autoscaling(moto)) {
            for (String[] g : new String[][] {{"exposed", net.openSubnet()}, {"private", net.appA()}}) {
                asg.createAutoScalingGroup(b -> b.autoScalingGroupName(g[0]).minSize(0).maxSize(1).desiredCapacity(0)
                        .vpcZoneIdentifier(g[1]).launchTemplate(t -> t.launchTemplateId(lt)));
            }
        }
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Ec2ComputeCollector(), new AutoScalingCollector());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().select(List.of("NET-004")));
        String exposed = only(m.all(AutoScalingGroup.class).stream().filter(g -> g.name.is("exposed")).toList()).address();
        String priv = only(m.all(AutoScalingGroup.class).stream().filter(g -> g.name.is("private")).toList()).address();
        Finding bad = only(r.findings().stream().filter(f -> f.resource().equals(exposed)).toList());
        assertEquals(Status.FAIL, bad.status(), bad.toString());
        assertTrue(bad.message().contains("22"), bad.message());
        Finding good = only(r.findings().stream().filter(f -> f.resource().equals(priv)).toList());
        assertEquals(Status.PASS, good.status(), good.toString());
    }
}
