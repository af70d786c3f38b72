package io.plumbline.live.collect;

import static io.plumbline.live.collect.Ec2CollectorTest.byId;
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
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.VolumeType;

@ExtendWith(MotoServer.class)
class Ec2ComputeCollectorTest {

    static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555";

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    static String ami(Ec2Client ec2) {
        return ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
    }

    /** Runs one instance; {@code publicIp} asks for a public address on the primary interface. */
    static String run(Ec2Client ec2, String subnet, String group, boolean publicIp, String name, boolean imdsV2) {
        String ami = ami(ec2);
        return ec2.runInstances(b -> {
            b.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                    .tagSpecifications(SeedCompute.tags(ResourceType.INSTANCE, name, null))
                    .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).groups(group)
                            .associatePublicIpAddress(publicIp));
            if (imdsV2) b.metadataOptions(o -> o.httpTokens(HttpTokensState.REQUIRED).httpPutResponseHopLimit(1));
        }).instances().get(0).instanceId();
    }

    @Test
    void instancesWithPlacementGroupsPublicIpAndImds() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String ssh = SeedCompute.openGroup(moto, net.vpc(), "ssh-open", 22);
        String exposed;
        String priv;
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            exposed = run(ec2, net.openSubnet(), ssh, true, "exposed", false);
            priv = run(ec2, net.appA(), ssh, false, "private", true);
        }
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Ec2ComputeCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        Instance i = byId(m, Instance.class, exposed);
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":instance/" + exposed, i.address());
        assertEquals("exposed", i.name.get());
        assertEquals(Ec2ComputeCollector.DESCRIBE_INSTANCES, i.subnet.provenance().operation());
        assertEquals(i.address(), i.subnet.provenance().arn());
        assertSame(byId(m, Subnet.class, net.openSubnet()), m.resolve(i, i.subnet.get(), Subnet.class).orElseThrow());
        assertEquals(List.of(new Ref(ssh)), i.securityGroups.get());
        assertSame(byId(m, SecurityGroup.class, ssh), m.resolve(i, i.securityGroups.get().get(0),
                SecurityGroup.class).orElseThrow());
        assertTrue(i.associatePublicIp.get());
        assertEquals("eu-west-1a", i.availabilityZone.get());
        assertEquals("optional", i.metadataHttpTokens.get(), "IMDSv1 allowed unless required");

        Instance p = byId(m, Instance.class, priv);
        assertFalse(p.associatePublicIp.get());
        assertEquals("required", p.metadataHttpTokens.get(), "the string Terraform's http_tokens uses");
        assertEquals(1, p.metadataHopLimit.get());
    }

    @Test
    void net004FailsForAnExposedInstanceAndPassesWhenItsSubnetAclDeniesAll() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String ssh = SeedCompute.openGroup(moto, net.vpc(), "ssh-open", 22);
        String exposed;
        String behindAcl;
        String priv;
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            exposed = run(ec2, net.openSubnet(), ssh, true, "exposed", false);
            behindAcl = run(ec2, net.closedSubnet(), ssh, true, "behind-acl", false);
            priv = run(ec2, net.appA(), ssh, false, "private", false);
        }
        Model m = SeedCompute.collect(moto, new Ec2Collector(), new Ec2ComputeCollector());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().select(List.of("NET-004")));

        Finding bad = only(r.findings().stream().filter(f -> f.resource().equals(byId(m, Instance.class, exposed)
                .address())).toList());
        assertEquals(Status.FAIL, bad.status(), bad.toString());
        assertTrue(bad.message().contains("tcp 22") || bad.message().contains("tcp/22") || bad.message().contains("22"),
                bad.message());
        // same group and public IP, but the subnet's custom ACL only has the final deny entries
        Finding acl = only(r.findings().stream().filter(f -> f.resource().equals(byId(m, Instance.class, behindAcl)
                .address())).toList());
        assertEquals(Status.PASS, acl.status(), acl.toString());
        // no public IP, subnet routed to the NAT only
        Finding inside = only(r.findings().stream().filter(f -> f.resource().equals(byId(m, Instance.class, priv)
                .address())).toList());
        assertEquals(Status.PASS, inside.status(), inside.toString());
    }

    @Test
    void volumesWithEncryptionAndKey() {
        String enc;
        String plain;
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            enc = ec2.createVolume(b -> b.availabilityZone("eu-west-1a").size(20).volumeType(VolumeType.GP3)
                    .encrypted(true).kmsKeyId(KEY)
                    .tagSpecifications(SeedCompute.tags(ResourceType.VOLUME, "data", null))).volumeId();
            plain = ec2.createVolume(b -> b.availabilityZone("eu-west-1b").size(8)).volumeId();
        }
        Model m = SeedCompute.collect(moto, new Ec2ComputeCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        EbsVolume e = byId(m, EbsVolume.class, enc);
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":volume/" + enc, e.address());
        assertTrue(e.encrypted.get());
        assertEquals(Certainty.EXPLICIT, e.encrypted.certainty());
        assertEquals(Ec2ComputeCollector.DESCRIBE_VOLUMES, e.encrypted.provenance().operation());
        assertEquals(new Ref(KEY), e.kmsKey.get());
        assertEquals(20, e.sizeGib.get());
        assertEquals("eu-west-1a", e.availabilityZone.get());
        assertEquals("data", e.name.get());
        EbsVolume p = byId(m, EbsVolume.class, plain);
        assertFalse(p.encrypted.get());
        assertNull(p.kmsKey.get());
        assertEquals(Certainty.EXPLICIT, p.kmsKey.certainty(), "no key: explicit null, not unknown");
    }

    @Test
    void launchTemplateDefaultVersionIsRead() {
        SeedCompute.Net net = SeedCompute.network(moto);
        String sg = SeedCompute.openGroup(moto, net.vpc(), "nodes", 443);
        String hardened;
        String plain;
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            hardened = ec2.createLaunchTemplate(b -> b.launchTemplateName("nodes-hardened").launchTemplateData(d -> d
                    .securityGroupIds(sg)
                    .metadataOptions(o -> o.httpTokens("required").httpPutResponseHopLimit(1))
                    .instanceMarketOptions(o -> o.marketType(MarketType.SPOT))
                    .blockDeviceMappings(bd -> bd.deviceName("/dev/xvda").ebs(e -> e.encrypted(true).kmsKeyId(KEY)
                            .volumeSize(50))))).launchTemplate().launchTemplateId();
            // a later version that is not the default: it must not be what the model shows
            ec2.createLaunchTemplateVersion(b -> b.launchTemplateId(hardened).launchTemplateData(d -> d
                    .metadataOptions(o -> o.httpTokens("optional"))
                    .blockDeviceMappings(bd -> bd.deviceName("/dev/xvda").ebs(e -> e.encrypted(false)))));
            plain = ec2.createLaunchTemplate(b -> b.launchTemplateName("nodes-plain").launchTemplateData(d -> d
                    .networkInterfaces(n -> n.deviceIndex(0).associatePublicIpAddress(true).groups(sg))
                    .blockDeviceMappings(bd -> bd.deviceName("/dev/xvda").ebs(e -> e.volumeSize(20)))))
                    .launchTemplate().launchTemplateId();
        }
        Model m = SeedCompute.collect(moto, new Ec2ComputeCollector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        LaunchTemplate h = byId(m, LaunchTemplate.class, hardened);
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":launch-template/" + hardened, h.address());
        assertEquals("nodes-hardened", h.name.get());
        assertTrue(h.aliases().contains("nodes-hardened"), "node groups and ASGs may name it");
        EbsDevice d = only(h.blockDevices.get());
        assertEquals("/dev/xvda", d.deviceName().get());
        assertTrue(d.encrypted().get(), "version 1 (the default), not version 2");
        assertEquals(new Ref(KEY), d.kmsKey().get());
        assertEquals(Ec2ComputeCollector.DESCRIBE_LAUNCH_TEMPLATE_VERSIONS, h.blockDevices.provenance().operation());
        assertEquals(h.address(), h.blockDevices.provenance().arn());
        assertEquals("required", h.metadataHttpTokens.get());
        assertEquals(1, h.metadataHopLimit.get());
        assertEquals(List.of(new Ref(sg)), h.securityGroups.get());
        assertEquals("spot", h.marketType.get());
        assertNull(h.associatePublicIp.get());

        LaunchTemplate p = byId(m, LaunchTemplate.class, plain);
        EbsDevice pd = only(p.blockDevices.get());
        assertNull(pd.encrypted().get(), "not set in the template: explicit null (encryption then comes from the "
                + "account default)");
        assertNull(p.metadataHttpTokens.get());
        assertTrue(p.associatePublicIp.get());
        assertEquals(List.of(new Ref(sg)), p.securityGroups.get(), "from the primary network interface");
        assertNull(p.marketType.get());
    }

    @Test
    void deniedVersionCallMakesTemplateDataUnknownNotEmpty() throws Exception {
        try (Ec2Client ec2 = SeedCompute.ec2(moto)) {
            ec2.createLaunchTemplate(b -> b.launchTemplateName("t").launchTemplateData(d -> d
                    .metadataOptions(o -> o.httpTokens("required"))));
        }
        try (var proxy = new SeedCompute.Denying(moto, Set.of("ec2:DescribeLaunchTemplateVersions"))) {
            Model m = SeedCompute.collect(proxy.endpoint(), new Ec2ComputeCollector());
            LaunchTemplate t = only(m.all(LaunchTemplate.class));
            assertEquals("t", t.name.get());
            assertTrue(t.blockDevices.isUnknown());
            assertTrue(t.metadataHttpTokens.isUnknown());
            assertTrue(t.securityGroups.isUnknown());
            assertTrue(t.metadataHttpTokens.note().contains(Ec2ComputeCollector.DESCRIBE_LAUNCH_TEMPLATE_VERSIONS),
                    t.metadataHttpTokens.note());
            assertTrue(m.gaps().isEmpty(), "the kind itself was collected");
            assertEquals(1, m.diagnostics().size(), () -> "" + m.diagnostics());
        }
    }

    /**
     * moto 5 serves GetEbsEncryptionByDefault but not GetEbsDefaultKmsKeyId: this loopback stub answers that one call
     * in the EC2 query API's documented response ({@code GetEbsDefaultKmsKeyIdResponse} with {@code kmsKeyId}, EC2 API
     * reference) and forwards the rest to moto. Without it the key comes back unknown naming the failed call.
     */
    private static io.plumbline.live.DenyingProxy defaultKeyStub(MotoServer moto, String keyArn) throws Exception {
        return io.plumbline.live.DenyingProxy.answering(moto.endpoint(), (method, path, headers, body) -> {
            String form = new String(body, java.nio.charset.StandardCharsets.UTF_8);
            if (!form.contains("Action=GetEbsDefaultKmsKeyId")) return null;
            String xml = "<GetEbsDefaultKmsKeyIdResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    + "<requestId>5dc3c4a8-0b4b-4b0e-9a3e-1d2f3e4f5a6b</requestId><kmsKeyId>" + keyArn
                    + "</kmsKeyId></GetEbsDefaultKmsKeyIdResponse>";
            return new io.plumbline.live.DenyingProxy.Reply(200, "text/xml;charset=UTF-8",
                    xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    @Test
    void ebsEncryptionByDefaultAndItsKeyAreReadPerRegion() throws Exception {
        try (Ec2Client ec2 = io.plumbline.live.SeedData.ec2(moto)) {
            ec2.enableEbsEncryptionByDefault(b -> { });
        }
        try (var proxy = defaultKeyStub(moto, KEY)) {
            var options = new io.plumbline.live.AuditOptions(proxy.endpoint(), List.of("eu-west-1"),
                    MotoServer.CREDENTIALS, java.time.Duration.ofSeconds(30),
                    software.amazon.awssdk.core.retry.RetryMode.STANDARD);
            Model m = io.plumbline.live.SeedData.collect(options, new Ec2ComputeCollector()).model();
            var d = only(m.all(io.plumbline.model.compute.EbsEncryptionDefault.class));
            assertEquals("eu-west-1", d.region.get());
            assertEquals(true, d.enabled.get());
            assertEquals(Ec2ComputeCollector.GET_EBS_ENCRYPTION_BY_DEFAULT, d.enabled.provenance().operation());
            assertEquals(new Ref(KEY), d.defaultKey.get());
            assertEquals(Ec2ComputeCollector.GET_EBS_DEFAULT_KMS_KEY_ID, d.defaultKey.provenance().operation());
            // the key is not among the collected KMS keys: it cannot be proven customer-managed, so not a PASS
            Finding f = io.plumbline.live.SeedData.finding(m, "ENC-003", d.address());
            assertEquals(Status.UNKNOWN, f.status(), f.toString());
        }
        // straight to moto, which does not serve the key call: with encryption by default on, the key is unknown
        // naming the failed call and the setting stays known
        Model on = io.plumbline.live.SeedData.collect(moto, new Ec2ComputeCollector()).model();
        var unserved = only(on.all(io.plumbline.model.compute.EbsEncryptionDefault.class));
        assertEquals(true, unserved.enabled.get());
        assertEquals(Certainty.UNKNOWN, unserved.defaultKey.certainty());
        assertTrue(unserved.defaultKey.note().contains(Ec2ComputeCollector.GET_EBS_DEFAULT_KMS_KEY_ID + " failed"),
                unserved.defaultKey.note());
        assertEquals(Status.UNKNOWN, io.plumbline.live.SeedData.finding(on, "ENC-003", unserved.address()).status());
        // off: FAIL without the key call
        try (Ec2Client ec2 = io.plumbline.live.SeedData.ec2(moto)) {
            ec2.disableEbsEncryptionByDefault(b -> { });
        }
        Model m = io.plumbline.live.SeedData.collect(moto, new Ec2ComputeCollector()).model();
        var d = only(m.all(io.plumbline.model.compute.EbsEncryptionDefault.class));
        assertEquals(false, d.enabled.get());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        Finding off = io.plumbline.live.SeedData.finding(m, "ENC-003", d.address());
        assertEquals(Status.FAIL, off.status(), off.toString());
        assertTrue(off.message().contains("off in eu-west-1"), off.message());
    }
}
