package io.plumbline.live.collect;

import static io.plumbline.live.collect.Ec2CollectorTest.only;
import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedCompute;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.CapacityTypes;
import software.amazon.awssdk.services.eks.model.LogType;
import software.amazon.awssdk.services.eks.model.TaintEffect;

@ExtendWith(MotoServer.class)
class EksCollectorTest {

    static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/99999999-8888-7777-6666-555555555555";
    static final String ROLE = "arn:aws:iam::123456789012:role/eks";

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    record Seeded(SeedCompute.Net net, String extraGroup, String bastion, String template) {
    }

    /**
     * Cluster "platform": private + public endpoint limited to one CIDR, secrets encrypted with a key, api/audit logs;
     * node groups "critical" (on-demand, SSH only from the bastion group), "spot" (spot, tainted, launch template) and
     * "open-ssh" (SSH key without source groups: EKS opens 22 to the world).
     */
    static Seeded seed(MotoServer moto) {
        SeedCompute.Net net = SeedCompute.network(moto);
        String extra = SeedCompute.openGroup(moto, net.vpc(), "cluster-extra", 443);
        String bastion = SeedCompute.openGroup(moto, net.vpc(), "bastion", 22);
        String lt;
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            lt = ec2.createLaunchTemplate(b -> b.launchTemplateName("spot-nodes").launchTemplateData(d -> d
                    .metadataOptions(o -> o.httpTokens("required")))).launchTemplate().launchTemplateId();
        }
        try (EksClient eks = SeedCompute.eks(moto)) {
            eks.createCluster(b -> b.name("platform").roleArn(ROLE).version("1.29")
                    .resourcesVpcConfig(v -> v.subnetIds(net.appA(), net.dataB()).securityGroupIds(extra)
                            .endpointPublicAccess(true).endpointPrivateAccess(true)
                            .publicAccessCidrs("203.0.113.0/24"))
                    .encryptionConfig(e -> e.resources("secrets").provider(p -> p.keyArn(KEY)))
                    .logging(l -> l.clusterLogging(s -> s.types(LogType.API, LogType.AUDIT).enabled(true),
                            s -> s.types(LogType.SCHEDULER).enabled(false)))
                    .tags(Map.of("team", "platform")));
            eks.createNodegroup(b -> b.clusterName("platform").nodegroupName("critical").nodeRole(ROLE)
                    .subnets(net.appA(), net.dataB()).capacityType(CapacityTypes.ON_DEMAND)
                    .scalingConfig(s -> s.minSize(3).desiredSize(3).maxSize(6))
                    .labels(Map.of("plumbline.io/criticality", "critical"))
                    .instanceTypes("m6i.large")
                    .remoteAccess(r -> r.ec2SshKey("ops").sourceSecurityGroups(bastion)));
            eks.createNodegroup(b -> b.clusterName("platform").nodegroupName("spot").nodeRole(ROLE)
                    .subnets(net.appA()).capacityType(CapacityTypes.SPOT)
                    .scalingConfig(s -> s.minSize(0).desiredSize(1).maxSize(4))
                    .labels(Map.of("plumbline.io/criticality", "non-critical"))
                    .taints(t -> t.key("spot").value("true").effect(TaintEffect.NO_SCHEDULE))
                    .launchTemplate(t -> t.id(lt).version("1")));
            eks.createNodegroup(b -> b.clusterName("platform").nodegroupName("open-ssh").nodeRole(ROLE)
                    .subnets(net.appA()).remoteAccess(r -> r.ec2SshKey("ops")));
        }
        return new Seeded(net, extra, bastion, lt);
    }

    @Test
    void clusterWithEndpointEncryptionLoggingAndIssuer() {
        Seeded s = seed(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new EksCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        EksCluster c = only(m.all(EksCluster.class));
        String arn = "arn:aws:eks:eu-west-1:" + SeedCompute.ACCOUNT + ":cluster/platform";
        assertEquals(arn, c.address());
        assertEquals("platform", c.name.get());
        assertTrue(c.aliases().contains("platform"), "node groups name their cluster");
        assertEquals(EksCollector.DESCRIBE_CLUSTER, c.endpointPublicAccess.provenance().operation());
        assertEquals(arn, c.endpointPublicAccess.provenance().arn());
        assertEquals(Certainty.EXPLICIT, c.endpointPublicAccess.certainty());
        assertTrue(c.endpointPublicAccess.get());
        assertTrue(c.endpointPrivateAccess.get());
        assertEquals(List.of("203.0.113.0/24"), c.publicAccessCidrs.get());
        assertEquals(List.of(new Ref(s.net().appA()), new Ref(s.net().dataB())), c.subnets.get());
        for (Ref r : c.subnets.get()) assertTrue(m.resolve(c, r, Subnet.class).isPresent());
        assertEquals(List.of(new Ref(s.extraGroup())), c.securityGroups.get());
        assertEquals(List.of("secrets"), c.encryptedResources.get());
        assertEquals(new Ref(KEY), c.secretsEncryptionKey.get());
        assertEquals("1.29", c.version.get());
        assertEquals(List.of("api", "audit"), c.enabledLogTypes.get(), "only the enabled setup's types");
        assertTrue(c.oidcIssuer.get().startsWith("https://oidc.eks.eu-west-1.amazonaws.com/id/"), c.oidcIssuer.get());
        assertEquals(Map.of("team", "platform"), c.tags.get());
        // moto gap: DescribeCluster returns the resourcesVpcConfig as given, without the clusterSecurityGroupId EKS
        // creates; the collector reports what the answer says (no group), explicitly
        assertNull(c.clusterSecurityGroup.get());
        assertEquals(Certainty.EXPLICIT, c.clusterSecurityGroup.certainty());
    }

    @Test
    void nodeGroupsWithScalingCapacityLabelsTaintsAndTemplate() {
        Seeded s = seed(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Ec2ComputeCollector(), new EksCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        EksCluster cluster = only(m.all(EksCluster.class));
        assertEquals(Set.of("critical", "spot", "open-ssh"),
                m.all(NodeGroup.class).stream().map(n -> n.name.get()).collect(Collectors.toSet()));

        NodeGroup critical = only(m.all(NodeGroup.class).stream().filter(n -> n.name.is("critical")).toList());
        assertTrue(critical.address().startsWith("arn:aws:eks:eu-west-1:" + SeedCompute.ACCOUNT
                + ":nodegroup/platform/critical/"), critical.address());
        assertEquals(EksCollector.DESCRIBE_NODEGROUP, critical.minSize.provenance().operation());
        assertEquals(critical.address(), critical.minSize.provenance().arn());
        assertSame(cluster, m.resolve(critical, critical.cluster.get(), EksCluster.class).orElseThrow());
        assertEquals(List.of(new Ref(s.net().appA()), new Ref(s.net().dataB())), critical.subnets.get());
        assertEquals(3, critical.minSize.get());
        assertEquals(3, critical.desiredSize.get());
        assertEquals(6, critical.maxSize.get());
        assertEquals("ON_DEMAND", critical.capacityType.get(), "the enum Terraform's capacity_type uses");
        assertEquals(Map.of("plumbline.io/criticality", "critical"), critical.labels.get());
        assertEquals("ops", critical.sshKey.get());
        assertEquals(List.of(new Ref(s.bastion())), critical.sshSourceSecurityGroups.get());
        assertNull(critical.launchTemplate.get());
        assertEquals(List.of("m6i.large"), critical.instanceTypes.get());
        assertEquals(List.of(), critical.taints.get());
        assertEquals(1, critical.autoScalingGroups.get().size());

        NodeGroup spot = only(m.all(NodeGroup.class).stream().filter(n -> n.name.is("spot")).toList());
        assertEquals("SPOT", spot.capacityType.get());
        assertEquals(List.of("spot=true:NO_SCHEDULE"), spot.taints.get());
        assertEquals(new Ref(s.template()), spot.launchTemplate.get());
        assertTrue(m.resolve(spot, spot.launchTemplate.get(), LaunchTemplate.class).isPresent());
    }

    @Test
    void net009FailsForSshWithoutSourceGroupsAndPassesWithThem() {
        seed(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new EksCollector());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().select(List.of("NET-009")));
        String open = only(m.all(NodeGroup.class).stream().filter(n -> n.name.is("open-ssh")).toList()).address();
        String critical = only(m.all(NodeGroup.class).stream().filter(n -> n.name.is("critical")).toList()).address();
        Finding bad = only(r.findings().stream().filter(f -> f.resource().equals(open)).toList());
        assertEquals(Status.FAIL, bad.status(), bad.toString());
        Finding good = only(r.findings().stream().filter(f -> f.resource().equals(critical)).toList());
        assertEquals(Status.PASS, good.status(), good.toString());
    }

    @Test
    void deniedEksLeavesClustersAndNodeGroupsOut() throws Exception {
        seed(moto);
        try (var proxy = new SeedCompute.Denying(moto, Set.of("eks"))) {
            Model m = SeedCompute.collect(proxy.endpoint(), new EksCollector());
            assertTrue(m.all(EksCluster.class).isEmpty());
            assertTrue(m.all(NodeGroup.class).isEmpty());
            assertEquals(Set.of(Kind.EKS_CLUSTER, Kind.NODE_GROUP),
                    m.gaps().stream().map(g -> g.kind()).collect(Collectors.toSet()), () -> "" + m.gaps());
            assertTrue(m.gaps().stream().allMatch(g -> g.operation().equals(EksCollector.LIST_CLUSTERS)));
            Result r = Engine.evaluate(m, ReferenceArchitecture.profile(),
                    RuleRegistry.discover().select(List.of("NET-009")));
            assertTrue(r.findings().stream().noneMatch(f -> f.status() == Status.PASS && f.resourceType() != null
                    && f.resourceType().startsWith("eks:")), "nothing about node groups passes");
        }
    }
}
