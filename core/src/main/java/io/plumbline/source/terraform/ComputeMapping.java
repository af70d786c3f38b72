package io.plumbline.source.terraform;

import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsEncryptionDefault;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EKS clusters and node groups, Auto Scaling groups, launch templates and EBS volumes. */
final class ComputeMapping {
    private ComputeMapping() {
    }

    /** A block the plan says is not there (absent, empty, or computed and not configured). */
    private static boolean none(Attrs.Blocks b) {
        return b.state == Attrs.Blocks.State.ABSENT || (b.known() && b.items.isEmpty())
                || (b.state == Attrs.Blocks.State.UNKNOWN && b.configUnset);
    }

    static Resource eksCluster(PlanReader p, PlanReader.Res x) {
        EksCluster c = p.common(new EksCluster(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        Attrs vc = a.first("vpc_config");
        c.subnets = vc.refs("subnet_ids");
        c.securityGroups = vc.refsOrEmpty("security_group_ids");
        c.endpointPublicAccess = vc.bool("endpoint_public_access", Defaults.EKS_PUBLIC_ENDPOINT);
        c.endpointPrivateAccess = vc.bool("endpoint_private_access", Defaults.EKS_PRIVATE_ENDPOINT);
        c.publicAccessCidrs = vc.orDefault(vc.strings("public_access_cidrs"), "public_access_cidrs",
                Defaults.EKS_PUBLIC_ACCESS_CIDRS);
        Attrs.Blocks enc = a.blocks("encryption_config");
        if (none(enc)) {
            c.encryptedResources = Value.explicit(List.of(), enc.place);
            c.secretsEncryptionKey = Value.explicit(null, enc.place);
        } else {
            Attrs e = a.first("encryption_config");
            c.encryptedResources = e.stringsOrEmpty("resources");
            c.secretsEncryptionKey = e.first("provider").ref("key_arn");
        }
        c.version = a.strOrNull("version");
        c.enabledLogTypes = a.stringsOrEmpty("enabled_cluster_log_types");
        return c;
    }

    static Resource nodeGroup(PlanReader p, PlanReader.Res x) {
        NodeGroup n = p.common(new NodeGroup(x.address, x.type, x.place), x, "node_group_name");
        Attrs a = x.attrs;
        n.cluster = a.ref("cluster_name");
        n.subnets = a.refs("subnet_ids");
        Attrs sc = a.first("scaling_config");
        n.minSize = sc.integer("min_size");
        n.desiredSize = sc.integer("desired_size");
        n.maxSize = sc.integer("max_size");
        n.capacityType = a.str("capacity_type", Defaults.EKS_CAPACITY_TYPE);
        n.labels = a.stringMap("labels");
        n.taints = taints(a.blocks("taint"));
        Attrs.Blocks ra = a.blocks("remote_access");
        if (none(ra)) {
            n.sshKey = Value.explicit(null, ra.place);
            n.sshSourceSecurityGroups = Value.explicit(List.of(), ra.place);
        } else {
            Attrs r = a.first("remote_access");
            n.sshKey = r.strOrNull("ec2_ssh_key");
            n.sshSourceSecurityGroups = r.refsOrEmpty("source_security_group_ids");
        }
        Attrs.Blocks lt = a.blocks("launch_template");
        n.launchTemplate = none(lt) ? Value.explicit(null, lt.place)
                : templateLink(a.first("launch_template"), "id", "name");
        Value<List<String>> types = a.strings("instance_types");
        n.instanceTypes = n.launchTemplate.isKnown() && n.launchTemplate.get() == null
                ? a.orDefault(types, "instance_types", Defaults.EKS_INSTANCE_TYPES) : types;
        return n;
    }

    /** A launch template named by id or by name: whichever the plan knows, else the one the configuration sets. */
    private static Value<Ref> templateLink(Attrs lt, String idKey, String nameKey) {
        Value<Ref> id = lt.ref(idKey);
        if (id.isPresent()) return id;
        Value<Ref> name = lt.ref(nameKey);
        if (name.isPresent()) return name;
        if (lt.cfgState(idKey) == Attrs.Cfg.SET || lt.cfgState(nameKey) != Attrs.Cfg.SET) return id;
        return name;
    }

    static Resource autoScalingGroup(PlanReader p, PlanReader.Res x) {
        AutoScalingGroup g = p.common(new AutoScalingGroup(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        g.subnets = a.refs("vpc_zone_identifier");
        g.availabilityZones = a.strings("availability_zones");
        g.minSize = a.integer("min_size");
        g.maxSize = a.integer("max_size");
        g.desiredCapacity = a.integer("desired_capacity");
        Attrs.Blocks lt = a.blocks("launch_template");
        if (!none(lt)) {
            g.launchTemplate = templateLink(a.first("launch_template"), "id", "name");
        } else {
            Attrs.Blocks mip = a.blocks("mixed_instances_policy");
            if (none(mip)) {
                g.launchTemplate = Value.explicit(null, lt.place);
            } else {
                Attrs spec = a.first("mixed_instances_policy").first("launch_template")
                        .first("launch_template_specification");
                g.launchTemplate = templateLink(spec, "launch_template_id", "launch_template_name");
            }
        }
        return g;
    }

    /** Taints as {@code key=value:EFFECT}; unknown when the blocks or one of their parts are. */
    private static Value<List<String>> taints(Attrs.Blocks blocks) {
        if (blocks.state == Attrs.Blocks.State.UNKNOWN && !blocks.configUnset) {
            return Value.unknown("taints are " + Attrs.AFTER_APPLY, blocks.place);
        }
        List<String> out = new ArrayList<>();
        for (Attrs t : blocks.items) {
            Value<String> key = t.strOrNull("key");
            Value<String> value = t.strOrNull("value");
            Value<String> effect = t.strOrNull("effect");
            for (Value<String> v : List.of(key, value, effect)) {
                if (v.isUnknown() && !Attrs.absent(v)) return Value.unknown("a taint is " + Attrs.AFTER_APPLY, t.place);
            }
            out.add(key.orElse("") + "=" + (value.isPresent() ? value.get() : "") + ":" + effect.orElse(""));
        }
        return Value.explicit(List.copyOf(out), blocks.place);
    }

    /** {@code aws_ebs_encryption_by_default}: the setting's half; the default key is another resource. */
    static Resource ebsEncryptionByDefault(PlanReader p, PlanReader.Res x) {
        EbsEncryptionDefault d = p.common(new EbsEncryptionDefault(x.address, x.type, x.place), x, null);
        d.enabled = x.attrs.bool("enabled", Defaults.TF_EBS_ENCRYPTION_BY_DEFAULT);
        return d;
    }

    /** {@code aws_ebs_default_kms_key}: the default key's half. */
    static Resource ebsDefaultKmsKey(PlanReader p, PlanReader.Res x) {
        EbsEncryptionDefault d = p.common(new EbsEncryptionDefault(x.address, x.type, x.place), x, null);
        d.defaultKey = x.attrs.ref("key_arn");
        return d;
    }

    static Resource launchTemplate(PlanReader p, PlanReader.Res x) {
        LaunchTemplate t = p.common(new LaunchTemplate(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        t.marketType = a.first("instance_market_options").strOrNull("market_type");
        Attrs.Blocks bdm = a.blocks("block_device_mappings");
        if (none(bdm)) {
            t.blockDevices = Value.explicit(List.of(), bdm.place);
        } else if (bdm.known()) {
            List<EbsDevice> devices = new ArrayList<>();
            for (Attrs e : bdm.items) {
                Attrs ebs = e.first("ebs");
                devices.add(new EbsDevice(e.strOrNull("device_name"), ebs.bool("encrypted"), ebs.ref("kms_key_id")));
            }
            t.blockDevices = Value.explicit(List.copyOf(devices), bdm.place);
        } else {
            t.blockDevices = Value.unknown("block device mappings are " + Attrs.AFTER_APPLY, bdm.place);
        }
        Value<List<Ref>> sgs = a.refs("vpc_security_group_ids");
        if (!(sgs.isPresent() && !sgs.get().isEmpty())) {
            Attrs.Blocks nis = a.blocks("network_interfaces");
            if (nis.known() && !nis.items.isEmpty()) {
                Map<String, Ref> all = new LinkedHashMap<>();
                Value<List<Ref>> result = null;
                for (Attrs ni : nis.items) {
                    Value<List<Ref>> v = ni.refsOrEmpty("security_groups");
                    if (v.isUnknown()) {
                        result = v;
                        break;
                    }
                    for (Ref r : v.get()) all.putIfAbsent(r.target(), r);
                }
                sgs = result != null ? result : Value.explicit(List.copyOf(all.values()), nis.place);
            }
        }
        t.securityGroups = sgs;
        t.metadataHttpTokens = a.first("metadata_options").strOrNull("http_tokens");
        return t;
    }

    static Resource ebsVolume(PlanReader p, PlanReader.Res x) {
        EbsVolume v = p.common(new EbsVolume(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        v.availabilityZone = a.strOrNull("availability_zone");
        v.encrypted = a.bool("encrypted");
        v.kmsKey = a.ref("kms_key_id");
        v.sizeGib = a.integer("size");
        return v;
    }
}
