package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.ref;
import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.network.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/**
 * EC2 compute collectors: instances (placement, security groups, public IP, IMDS options), EBS volumes (encryption)
 * and launch templates (the data of their default version: block devices, security groups, IMDS options).
 *
 * <p>The account's EBS encryption-by-default setting ({@code ec2:GetEbsEncryptionByDefault}) is not collected: the
 * model has no place for account/region settings yet.
 */
public final class Ec2ComputeCollector implements Collector {

    public static final String DESCRIBE_INSTANCES = "ec2:DescribeInstances";
    public static final String DESCRIBE_VOLUMES = "ec2:DescribeVolumes";
    public static final String DESCRIBE_LAUNCH_TEMPLATES = "ec2:DescribeLaunchTemplates";
    public static final String DESCRIBE_LAUNCH_TEMPLATE_VERSIONS = "ec2:DescribeLaunchTemplateVersions";
    public static final String GET_EBS_ENCRYPTION_BY_DEFAULT = "ec2:GetEbsEncryptionByDefault";
    public static final String GET_EBS_DEFAULT_KMS_KEY_ID = "ec2:GetEbsDefaultKmsKeyId";

    private Ec2Client ec2;
    private CollectContext ctx;

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.INSTANCE, Kind.EBS_VOLUME, Kind.LAUNCH_TEMPLATE, Kind.EBS_ENCRYPTION_DEFAULT);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (Ec2Client client = clients.ec2(ctx.region())) {
            this.ec2 = client;
            ctx.collect(Kind.INSTANCE, "EC2 instances", DESCRIBE_INSTANCES, this::instances);
            ctx.collect(Kind.EBS_VOLUME, "EBS volumes", DESCRIBE_VOLUMES, this::volumes);
            ctx.collect(Kind.LAUNCH_TEMPLATE, "launch templates", DESCRIBE_LAUNCH_TEMPLATES, this::launchTemplates);
            ctx.collect(Kind.EBS_ENCRYPTION_DEFAULT, "EBS encryption-by-default setting", GET_EBS_ENCRYPTION_BY_DEFAULT,
                    this::ebsEncryptionDefault);
        }
    }

    public List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (var page : ec2.describeInstancesPaginator(b -> { })) {
            for (var reservation : page.reservations()) {
                for (var x : reservation.instances()) {
                    // a terminated instance stays listed for about an hour but has no network presence any more
                    if (x.state() != null && "terminated".equals(x.state().nameAsString())) continue;
                    String owner = reservation.ownerId();
                    String arn = ctx.arn("ec2", owner, "instance/" + x.instanceId());
                    Provenance p = ctx.at(arn, DESCRIBE_INSTANCES);
                    Instance r = new Instance(arn, "ec2:Instance", p);
                    ctx.nameByTag(r, x.instanceId(), Ec2Collector.tags(x.tags()), p);
                    r.subnet = ref(x.subnetId(), p);
                    // the instance's groups, and those of its primary interface (moto lists an instance launched with
                    // a network-interface specification with no instance-level groups; AWS lists them in both places)
                    Map<String, Ref> groups = new LinkedHashMap<>();
                    for (var g : x.securityGroups()) groups.putIfAbsent(g.groupId(), new Ref(g.groupId()));
                    var primary = x.networkInterfaces().stream().filter(n -> n.attachment() != null
                            && Integer.valueOf(0).equals(n.attachment().deviceIndex())).findFirst().orElse(null);
                    if (primary != null) {
                        for (var g : primary.groups()) groups.putIfAbsent(g.groupId(), new Ref(g.groupId()));
                    }
                    r.securityGroups = v(List.copyOf(groups.values()), p);
                    // the instance has a public IPv4 address now (auto-assigned or an elastic IP)
                    boolean publicIp = x.publicIpAddress() != null
                            || primary != null && primary.association() != null && primary.association().publicIp() != null;
                    r.associatePublicIp = v(publicIp, p);
                    r.availabilityZone = v(x.placement() == null ? null : x.placement().availabilityZone(), p);
                    var md = x.metadataOptions();
                    r.metadataHttpTokens = v(md == null ? null : md.httpTokensAsString(), p);
                    r.metadataHopLimit = v(md == null ? null : md.httpPutResponseHopLimit(), p);
                    out.add(r);
                }
            }
        }
        return out;
    }

    public List<EbsVolume> volumes() {
        List<EbsVolume> out = new ArrayList<>();
        for (var page : ec2.describeVolumesPaginator(b -> { })) {
            for (var x : page.volumes()) {
                String arn = ctx.arn("ec2", null, "volume/" + x.volumeId());
                Provenance p = ctx.at(arn, DESCRIBE_VOLUMES);
                EbsVolume r = new EbsVolume(arn, "ec2:Volume", p);
                ctx.nameByTag(r, x.volumeId(), Ec2Collector.tags(x.tags()), p);
                r.availabilityZone = v(x.availabilityZone(), p);
                r.encrypted = v(x.encrypted(), p);
                r.kmsKey = ref(x.kmsKeyId(), p);
                r.sizeGib = v(x.size(), p);
                out.add(r);
            }
        }
        return out;
    }

    public List<LaunchTemplate> launchTemplates() {
        List<LaunchTemplate> out = new ArrayList<>();
        Value<Map<String, ResponseLaunchTemplateData>> defaults = null;
        for (var page : ec2.describeLaunchTemplatesPaginator(b -> { })) {
            for (var x : page.launchTemplates()) {
                String arn = ctx.arn("ec2", null, "launch-template/" + x.launchTemplateId());
                Provenance p = ctx.at(arn, DESCRIBE_LAUNCH_TEMPLATES);
                LaunchTemplate r = new LaunchTemplate(arn, "ec2:LaunchTemplate", p);
                Map<String, String> tags = Ec2Collector.tags(x.tags());
                ctx.nameByTag(r, x.launchTemplateId(), tags, p);
                // a template's name is its launch template name (references use it), not its Name tag
                r.name = v(x.launchTemplateName(), p);
                r.addAlias(x.launchTemplateName());
                if (defaults == null) defaults = defaultVersions(p);
                versionData(r, x.launchTemplateId(), defaults);
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The region's EBS encryption-by-default setting and default key (ENC-003, and ENC-004's volumes created without
     * a key of their own): one resource per region. The key is read with its own call; when that fails only the key
     * is unknown.
     */
    public List<io.plumbline.model.compute.EbsEncryptionDefault> ebsEncryptionDefault() {
        String arn = ctx.arn("ec2", null, "ebs-encryption-by-default");
        Provenance p = ctx.at(arn, GET_EBS_ENCRYPTION_BY_DEFAULT);
        var r = new io.plumbline.model.compute.EbsEncryptionDefault(arn, "ec2:EbsEncryptionByDefault", p);
        r.awsId = v(arn, p);
        r.region = v(ctx.region(), p);
        // the setting has no name of its own; this one says what and where, as ENC-003 names a region it lacks
        r.name = v("EBS encryption by default (" + ctx.region() + ")", p);
        Boolean enabled = ec2.getEbsEncryptionByDefault(b -> { }).ebsEncryptionByDefault();
        r.enabled = v(enabled, p);
        if (!Boolean.TRUE.equals(enabled)) {
            // With the setting off ENC-003 fails whatever the key; one call fewer per region (and the emulators used
            // in tests do not serve it). Only an encrypted volume without a key of its own would still need it.
            r.defaultKey = Value.unknown(GET_EBS_DEFAULT_KMS_KEY_ID + " not called: EBS encryption by default is off",
                    p);
            return List.of(r);
        }
        Value<String> key = ctx.read(GET_EBS_DEFAULT_KMS_KEY_ID, p, () -> ec2.getEbsDefaultKmsKeyId(b -> { }).kmsKeyId());
        r.defaultKey = key.isPresent() ? Value.explicit(new Ref(key.get()), key.provenance())
                : key.isKnown() ? Value.explicit(null, key.provenance()) : Value.unknown(key.note(), key.provenance());
        return List.of(r);
    }

    /**
     * The default version of every template of the region, a page at a time: {@code Versions=$Default} without a
     * template id is how the API describes all of them at once (no call per template).
     */
    private Value<Map<String, ResponseLaunchTemplateData>> defaultVersions(Provenance p) {
        return ctx.read(DESCRIBE_LAUNCH_TEMPLATE_VERSIONS, p, () -> {
            Map<String, ResponseLaunchTemplateData> byTemplate = new java.util.HashMap<>();
            for (var page : ec2.describeLaunchTemplateVersionsPaginator(b -> b.versions("$Default"))) {
                for (var version : page.launchTemplateVersions()) {
                    byTemplate.put(version.launchTemplateId(), version.launchTemplateData() == null
                            ? ResponseLaunchTemplateData.builder().build() : version.launchTemplateData());
                }
            }
            return byTemplate;
        });
    }

    /**
     * The data of the template's default version: what an Auto Scaling group or node group naming the template without
     * a version launches. When the call failed, every field it fills is UNKNOWN naming the operation.
     */
    private void versionData(LaunchTemplate r, String id, Value<Map<String, ResponseLaunchTemplateData>> defaults) {
        Provenance vp = new Provenance(null, 0, 0, null, ctx.account(), ctx.region(), r.address(),
                DESCRIBE_LAUNCH_TEMPLATE_VERSIONS);
        Value<ResponseLaunchTemplateData> got = defaults.isPresent()
                ? Value.explicit(defaults.get().get(id), vp) : Value.unknown(defaults.note(), vp);
        if (!got.isPresent()) {
            String why = got.isUnknown() ? got.note() : "the template has no default version";
            r.blockDevices = Value.unknown(why, vp);
            r.securityGroups = Value.unknown(why, vp);
            r.metadataHttpTokens = Value.unknown(why, vp);
            r.metadataHopLimit = Value.unknown(why, vp);
            r.associatePublicIp = Value.unknown(why, vp);
            r.marketType = Value.unknown(why, vp);
            return;
        }
        ResponseLaunchTemplateData d = got.get();
        List<EbsDevice> devices = new ArrayList<>();
        for (var m : d.blockDeviceMappings()) {
            if (m.ebs() == null) continue; // instance-store and NoDevice mappings carry no EBS encryption
            devices.add(new EbsDevice(v(m.deviceName(), vp), v(m.ebs().encrypted(), vp), ref(m.ebs().kmsKeyId(), vp)));
        }
        r.blockDevices = v(List.copyOf(devices), vp);
        LaunchTemplateInstanceNetworkInterfaceSpecification primary = primaryInterface(d);
        Map<String, Ref> groups = new LinkedHashMap<>();
        if (!d.securityGroupIds().isEmpty()) {
            for (String g : d.securityGroupIds()) groups.putIfAbsent(g, new Ref(g));
        } else if (!d.securityGroups().isEmpty()) {
            for (String g : d.securityGroups()) groups.putIfAbsent(g, new Ref(g));
        } else {
            for (var ni : d.networkInterfaces()) for (String g : ni.groups()) groups.putIfAbsent(g, new Ref(g));
        }
        r.securityGroups = v(List.copyOf(groups.values()), vp);
        var md = d.metadataOptions();
        r.metadataHttpTokens = v(md == null ? null : md.httpTokensAsString(), vp);
        r.metadataHopLimit = v(md == null ? null : md.httpPutResponseHopLimit(), vp);
        r.associatePublicIp = v(primary == null ? null : primary.associatePublicIpAddress(), vp);
        r.marketType = v(d.instanceMarketOptions() == null ? null : d.instanceMarketOptions().marketTypeAsString(), vp);
    }

    /** The network interface with device index 0 (or the first one), as the CloudFormation source picks it. */
    private static LaunchTemplateInstanceNetworkInterfaceSpecification primaryInterface(ResponseLaunchTemplateData d) {
        for (var ni : d.networkInterfaces()) if (Integer.valueOf(0).equals(ni.deviceIndex())) return ni;
        return d.networkInterfaces().isEmpty() ? null : d.networkInterfaces().get(0);
    }
}
