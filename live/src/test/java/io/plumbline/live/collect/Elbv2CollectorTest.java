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
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;

@ExtendWith(MotoServer.class)
class Elbv2CollectorTest {

    /** moto checks that a listener's certificate exists (ACM or IAM); IAM server certificates need no ACM client. */
    static String certificate(MotoServer moto, String name) {
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build()) {
            // moto stores the body as given; no key material is needed for a listener reference
            return iam.uploadServerCertificate(b -> b.serverCertificateName(name).certificateBody("test-body")
                    .privateKey("test-key")).serverCertificateMetadata().arn();
        }
    }
    static final String POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    /** A group opening the given tcp ports to 0.0.0.0/0. */
    static String group(MotoServer moto, String vpc, String name, int... ports) {
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            String g = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName(name).description(name)).groupId();
            for (int port : ports) {
                ec2.authorizeSecurityGroupIngress(b -> b.groupId(g).ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp").fromPort(port).toPort(port)
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
            }
            return g;
        }
    }

    record Alb(String arn, String targetGroup, String certificate) {
    }

    /** An internet-facing ALB in the two public subnets: HTTPS 443 forwarding, HTTP 80 redirecting, extra ports forwarding. */
    static Alb alb(MotoServer moto, SeedCompute.Net net, String name, String sg, int... extraPorts) {
        String cert = certificate(moto, name);
        try (ElasticLoadBalancingV2Client elb = SeedCompute.elb(moto)) {
            String arn = elb.createLoadBalancer(b -> b.name(name).subnets(net.publicA(), net.publicB())
                    .securityGroups(sg).scheme(LoadBalancerSchemeEnum.INTERNET_FACING)
                    .type(LoadBalancerTypeEnum.APPLICATION).tags(t -> t.key("team").value("edge")))
                    .loadBalancers().get(0).loadBalancerArn();
            String tg = elb.createTargetGroup(b -> b.name(name + "-tg").protocol(ProtocolEnum.HTTP).port(30080)
                    .vpcId(net.vpc())).targetGroups().get(0).targetGroupArn();
            elb.createListener(b -> b.loadBalancerArn(arn).protocol(ProtocolEnum.HTTPS).port(443).sslPolicy(POLICY)
                    .certificates(c -> c.certificateArn(cert))
                    .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
            elb.createListener(b -> b.loadBalancerArn(arn).protocol(ProtocolEnum.HTTP).port(80)
                    .defaultActions(a -> a.type(ActionTypeEnum.REDIRECT).redirectConfig(r -> r.protocol("HTTPS")
                            .port("443").statusCode(RedirectActionStatusCodeEnum.HTTP_301))));
            for (int port : extraPorts) {
                elb.createListener(b -> b.loadBalancerArn(arn).protocol(ProtocolEnum.HTTP).port(port)
                        .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(tg)));
            }
            return new Alb(arn, tg, cert);
        }
    }

    @Test
    void loadBalancerWithListenersAndAttributes() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String sg = group(moto, net.vpc(), "alb", 443, 80);
        Alb alb = alb(moto, net, "front", sg);
        try (ElasticLoadBalancingV2Client elb = SeedCompute.elb(moto)) {
            elb.modifyLoadBalancerAttributes(b -> b.loadBalancerArn(alb.arn()).attributes(
                    a -> a.key("deletion_protection.enabled").value("true"),
                    a -> a.key("routing.http.drop_invalid_header_fields.enabled").value("true"),
                    a -> a.key("routing.http.desync_mitigation_mode").value("strictest")));
        }
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Elbv2Collector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        LoadBalancer lb = only(m.all(LoadBalancer.class));
        assertEquals(alb.arn(), lb.address());
        assertEquals("front", lb.name.get());
        assertTrue(lb.aliases().contains("front"));
        assertEquals("application", lb.type.get(), "the Terraform/CloudFormation spelling");
        assertFalse(lb.internal.get());
        assertEquals(Certainty.EXPLICIT, lb.internal.certainty());
        assertEquals(Elbv2Collector.DESCRIBE_LOAD_BALANCERS, lb.internal.provenance().operation());
        assertEquals(alb.arn(), lb.internal.provenance().arn());
        assertEquals(Set.of(net.publicA(), net.publicB()),
                lb.subnets.get().stream().map(Ref::target).collect(Collectors.toSet()));
        for (Ref s : lb.subnets.get()) assertTrue(m.resolve(lb, s, Subnet.class).isPresent());
        assertEquals(List.of(new Ref(sg)), lb.securityGroups.get());
        assertEquals(Map.of("team", "edge"), lb.tags.get());

        assertTrue(lb.deletionProtection.get());
        assertEquals(Elbv2Collector.DESCRIBE_LOAD_BALANCER_ATTRIBUTES, lb.deletionProtection.provenance().operation());
        assertTrue(lb.dropInvalidHeaderFields.get());
        // moto gap: DescribeLoadBalancerAttributes leaves access_logs.s3.enabled (and drop_invalid_header_fields,
        // desync_mitigation_mode) out until they are set, where AWS returns every attribute of the type; a key the
        // answer lacks is an explicit null (not applicable to the type), never a guessed false
        assertNull(lb.accessLogsEnabled.get());
        assertEquals(Certainty.EXPLICIT, lb.accessLogsEnabled.certainty());
        assertEquals("strictest", lb.desyncMitigationMode.get());

        assertEquals(2, lb.listeners.size());
        Listener https = only(lb.listeners.stream().filter(l -> l.port().is(443)).toList());
        assertEquals("HTTPS", https.protocol().get());
        assertEquals(POLICY, https.sslPolicy().get());
        assertEquals(alb.certificate(), https.certificateArn().get());
        assertEquals("forward", https.defaultActionType().get(), "as aws_lb_listener default_action.type");
        assertEquals(new Ref(alb.targetGroup()), https.targetGroup().get());
        assertEquals(Elbv2Collector.DESCRIBE_LISTENERS, https.location().operation());
        assertTrue(https.address().startsWith("arn:aws:elasticloadbalancing:eu-west-1:" + SeedCompute.ACCOUNT
                + ":listener/app/front/"), https.address());
        Listener http = only(lb.listeners.stream().filter(l -> l.port().is(80)).toList());
        assertEquals("HTTP", http.protocol().get());
        assertEquals("redirect", http.defaultActionType().get());
        assertEquals("HTTPS", http.redirectProtocol().get());
        assertNull(http.certificateArn().get());
        assertNull(http.targetGroup().get());
    }

    @Test
    void net004PassesForTheFrontDoorAndFailsForAnExtraOpenListener() {
        SeedCompute.Net net = SeedCompute.network(moto);
        Alb good = alb(moto, net, "front", group(moto, net.vpc(), "front", 443, 80));
        Alb bad = alb(moto, net, "admin", group(moto, net.vpc(), "admin", 443, 80, 8080), 8080);
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Elbv2Collector());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().select(List.of("NET-004")));
        Finding front = only(r.findings().stream().filter(f -> f.resource().equals(good.arn())).toList());
        assertEquals(Status.PASS, front.status(), front.toString());
        Finding admin = only(r.findings().stream().filter(f -> f.resource().equals(bad.arn())).toList());
        assertEquals(Status.FAIL, admin.status(), admin.toString());
        assertTrue(admin.message().contains("8080"), admin.message());
    }

    @Test
    void loadBalancersWhoseListenersAreDeniedAreLeftOut() throws Exception {
        SeedCompute.Net net = SeedCompute.network(moto);
        alb(moto, net, "front", group(moto, net.vpc(), "front", 443));
        try (var proxy = new SeedCompute.Denying(moto, Set.of("elasticloadbalancing:DescribeListeners"))) {
            Model m = SeedCompute.collect(proxy.endpoint(), new Elbv2Collector());
            assertTrue(m.all(LoadBalancer.class).isEmpty(), "never a load balancer that seems to listen on nothing");
            assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == Kind.LOAD_BALANCER
                    && g.operation().equals(Elbv2Collector.DESCRIBE_LISTENERS)), () -> "" + m.gaps());
            assertTrue(m.gaps().stream().allMatch(g -> g.reason() != null), () -> "" + m.gaps());
        }
    }

    @Test
    void deniedAttributesAreUnknownNotDefaults() throws Exception {
        SeedCompute.Net net = SeedCompute.network(moto);
        alb(moto, net, "front", group(moto, net.vpc(), "front", 443));
        try (var proxy = new SeedCompute.Denying(moto,
                Set.of("elasticloadbalancing:DescribeLoadBalancerAttributes"))) {
            Model m = SeedCompute.collect(proxy.endpoint(), new Elbv2Collector());
            LoadBalancer lb = only(m.all(LoadBalancer.class));
            assertTrue(lb.deletionProtection.isUnknown());
            assertTrue(lb.dropInvalidHeaderFields.isUnknown());
            assertTrue(lb.deletionProtection.note().contains("AccessDenied"), lb.deletionProtection.note());
            assertEquals(2, lb.listeners.size(), "listeners still collected");
            assertTrue(m.gaps().isEmpty());
        }
    }
}
