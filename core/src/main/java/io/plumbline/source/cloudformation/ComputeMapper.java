package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.List;

/** EKS clusters and node groups, Auto Scaling groups, launch templates and EBS volumes. */
final class ComputeMapper extends FamilyMapper {

    ComputeMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::EKS::Cluster" -> eksCluster(r);
            case "AWS::EKS::Nodegroup" -> nodeGroup(r);
            case "AWS::AutoScaling::AutoScalingGroup" -> autoScalingGroup(r);
            case "AWS::EC2::LaunchTemplate" -> launchTemplate(r);
            case "AWS::EC2::Volume" -> volume(r);
            default -> null;
        };
    }

    private EksCluster eksCluster(Res r) {
        EksCluster e = new EksCluster(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(e, r, "Name", false);
        Ev vpc = get(p, "ResourcesVpcConfig");
        e.subnets = c.refs(get(vpc, "SubnetIds"));
        e.securityGroups = c.refs(get(vpc, "SecurityGroupIds"));
        e.endpointPublicAccess = c.bool(get(vpc, "EndpointPublicAccess"), Defaults.EKS_PUBLIC_ENDPOINT, r.loc());
        e.endpointPrivateAccess = c.bool(get(vpc, "EndpointPrivateAccess"), Defaults.EKS_PRIVATE_ENDPOINT, r.loc());
        e.publicAccessCidrs = c.strings(get(vpc, "PublicAccessCidrs"), Defaults.CFN_EKS_PUBLIC_ACCESS_CIDRS, r.loc());
        Ev enc = get(p, "EncryptionConfig");
        if (enc == null) {
            e.encryptedResources = Value.defaulted(Defaults.CFN_EKS_NO_ENCRYPTION_CONFIG, r.loc());
            e.secretsEncryptionKey = Value.defaulted(Defaults.CFN_EKS_NO_SECRETS_KEY, r.loc());
        } else {
            List<Ev> configs = items(enc);
            if (configs == null) {
                e.encryptedResources = c.unknown(enc);
                e.secretsEncryptionKey = c.unknown(enc);
            } else {
                List<String> resources = new ArrayList<>();
                Value<List<String>> res = Value.explicit(resources, c.at(enc));
                Value<Ref> key = configs.isEmpty() ? Value.defaulted(Defaults.CFN_EKS_NO_SECRETS_KEY, r.loc()) : null;
                for (Ev cfg : configs) {
                    Value<List<String>> rs = c.strings(get(cfg, "Resources"));
                    if (rs.isUnknown()) res = rs;
                    else if (res.isKnown() && rs.isPresent()) resources.addAll(rs.get());
                    if (key == null) key = c.ref(get(cfg, "Provider", "KeyArn"));
                }
                e.encryptedResources = res.isKnown() ? Value.explicit(List.copyOf(resources), c.at(enc)) : res;
                e.secretsEncryptionKey = key;
            }
        }
        e.version = c.str(get(p, "Version"));
        Ev logging = get(p, "Logging");
        Ev types = get(logging, "ClusterLogging", "EnabledTypes");
        e.enabledLogTypes = types == null ? Value.defaulted(Defaults.CFN_EKS_LOGGING_OFF, r.loc())
                : c.list(types, t -> c.str(get(t, "Type")));
        return e;
    }

    private NodeGroup nodeGroup(Res r) {
        NodeGroup n = new NodeGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(n, r, "NodegroupName", false);
        n.cluster = c.ref(get(p, "ClusterName"));
        n.subnets = c.refs(get(p, "Subnets"));
        Ev scaling = get(p, "ScalingConfig");
        n.minSize = c.integer(get(scaling, "MinSize"));
        n.desiredSize = c.integer(get(scaling, "DesiredSize"));
        n.maxSize = c.integer(get(scaling, "MaxSize"));
        n.capacityType = c.str(get(p, "CapacityType"), Defaults.EKS_CAPACITY_TYPE, r.loc());
        n.labels = c.stringMap(get(p, "Labels"));
        Ev taints = get(p, "Taints");
        n.taints = taints == null ? Value.explicit(List.of(), r.loc()) : c.list(taints, t -> c.str(get(t, "Key"))
                .map(k -> k + "=" + (text(get(t, "Value")) == null ? "" : text(get(t, "Value"))) + ":"
                        + (text(get(t, "Effect")) == null ? "" : text(get(t, "Effect")))));
        Ev remote = get(p, "RemoteAccess");
        if (remote == null) {
            n.sshKey = Value.defaulted(Defaults.CFN_EKS_NO_SSH_KEY, r.loc());
        } else {
            n.sshKey = c.str(get(remote, "Ec2SshKey"));
            Ev sources = get(remote, "SourceSecurityGroups");
            n.sshSourceSecurityGroups = sources == null
                    ? Value.defaulted(Defaults.CFN_EKS_SSH_FROM_ANYWHERE, c.at(remote)) : c.refs(sources);
        }
        Ev lt = get(p, "LaunchTemplate");
        if (lt != null) n.launchTemplate = launchTemplateRef(lt, "Id", "Name");
        Ev instanceTypes = get(p, "InstanceTypes");
        n.instanceTypes = instanceTypes == null && lt == null
                ? Value.defaulted(Defaults.CFN_EKS_NODEGROUP_INSTANCE_TYPES, r.loc()) : c.strings(instanceTypes);
        return n;
    }

    private Value<Ref> launchTemplateRef(Ev spec, String idKey, String nameKey) {
        Ev id = get(spec, idKey);
        return id != null ? c.ref(id) : c.ref(get(spec, nameKey));
    }

    private AutoScalingGroup autoScalingGroup(Res r) {
        AutoScalingGroup a = new AutoScalingGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(a, r, "AutoScalingGroupName", false);
        a.subnets = c.refs(get(p, "VPCZoneIdentifier"));
        a.availabilityZones = c.strings(get(p, "AvailabilityZones"));
        a.minSize = c.integer(get(p, "MinSize"));
        a.maxSize = c.integer(get(p, "MaxSize"));
        a.desiredCapacity = c.integer(get(p, "DesiredCapacity"));
        Ev lt = get(p, "LaunchTemplate");
        Ev mixed = get(p, "MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification");
        Ev lc = get(p, "LaunchConfigurationName");
        if (lt != null) a.launchTemplate = launchTemplateRef(lt, "LaunchTemplateId", "LaunchTemplateName");
        else if (mixed != null) a.launchTemplate = launchTemplateRef(mixed, "LaunchTemplateId", "LaunchTemplateName");
        else if (lc != null) a.launchTemplate = c.ref(lc);
        return a;
    }

    private LaunchTemplate launchTemplate(Res r) {
        LaunchTemplate t = new LaunchTemplate(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(t, r, "LaunchTemplateName", false);
        Ev data = get(p, "LaunchTemplateData");
        Ev market = get(data, "InstanceMarketOptions");
        t.marketType = market == null ? Value.explicit(null, r.loc()) : c.str(get(market, "MarketType"));
        Ev mappings = get(data, "BlockDeviceMappings");
        if (mappings != null) {
            List<Ev> all = items(mappings);
            if (all == null) {
                t.blockDevices = c.unknown(mappings);
            } else {
                List<EbsDevice> devices = new ArrayList<>();
                Value<List<EbsDevice>> value = null;
                for (Ev m : all) {
                    if (!(m instanceof Obj)) {
                        value = c.unknown(m);
                        break;
                    }
                    Ev ebs = get(m, "Ebs");
                    if (ebs == null) continue;
                    devices.add(new EbsDevice(c.str(get(m, "DeviceName")), c.bool(get(ebs, "Encrypted")),
                            c.ref(get(ebs, "KmsKeyId"))));
                }
                t.blockDevices = value != null ? value : Value.explicit(List.copyOf(devices), c.at(mappings));
            }
        }
        Ev sgIds = get(data, "SecurityGroupIds");
        Ev sgNames = get(data, "SecurityGroups");
        if (sgIds != null) t.securityGroups = c.refs(sgIds);
        else if (sgNames != null) t.securityGroups = c.refs(sgNames);
        else t.securityGroups = c.refs(get(NetworkMapper.primaryInterface(get(data, "NetworkInterfaces")), "Groups"));
        t.metadataHttpTokens = c.str(get(data, "MetadataOptions", "HttpTokens"));
        return t;
    }

    private EbsVolume volume(Res r) {
        EbsVolume v = new EbsVolume(r.id(), r.type(), r.loc());
        Ev p = r.props();
        v.availabilityZone = c.str(get(p, "AvailabilityZone"));
        v.encrypted = c.bool(get(p, "Encrypted"));
        v.kmsKey = c.ref(get(p, "KmsKeyId"));
        v.sizeGib = c.integer(get(p, "Size"));
        return v;
    }
}
