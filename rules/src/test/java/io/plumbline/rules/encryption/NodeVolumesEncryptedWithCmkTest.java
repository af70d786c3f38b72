package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeVolumesEncryptedWithCmkTest {
    private final NodeVolumesEncryptedWithCmk rule = new NodeVolumesEncryptedWithCmk();

    static LaunchTemplate template(String name, EbsDevice... devices) {
        LaunchTemplate t = new LaunchTemplate("aws_launch_template." + name, "aws_launch_template", at());
        t.blockDevices = explicit(List.of(devices));
        return t;
    }

    static EbsDevice device(Value<Boolean> encrypted, Value<Ref> key) {
        return new EbsDevice(explicit("/dev/xvda"), encrypted, key);
    }

    static NodeGroup group(String name, Value<Ref> template) {
        NodeGroup n = new NodeGroup("aws_eks_node_group." + name, "aws_eks_node_group", at());
        n.launchTemplate = template;
        return n;
    }

    @Test
    void everyDeviceNeedsEncryptionAndACustomerKey() {
        KmsKey k = new KmsKey("aws_kms_key.ebs", "aws_kms_key", at());
        LaunchTemplate unknownDevices = new LaunchTemplate("aws_launch_template.later", "aws_launch_template", at());
        unknownDevices.blockDevices = unknown("known after apply");
        Result r = run(rule, k,
                template("cmk", device(explicit(true), ref("aws_kms_key.ebs"))),
                template("aws_key", device(explicit(true), ref("alias/aws/ebs"))),
                template("no_key", device(explicit(true), explicit(null))),
                template("plain", device(explicit(false), explicit(null))),
                template("unset", device(explicit(null), explicit(null))),
                template("mixed", device(explicit(true), ref("aws_kms_key.ebs")),
                        new EbsDevice(explicit("/dev/xvdb"), explicit(true), ref("alias/aws/ebs"))),
                template("none"),
                unknownDevices,
                group("cmk", ref("aws_launch_template.cmk")),
                group("aws_key", ref("aws_launch_template.aws_key")),
                group("no_key", ref("aws_launch_template.no_key")),
                group("plain", ref("aws_launch_template.plain")),
                group("unset", ref("aws_launch_template.unset")),
                group("mixed", ref("aws_launch_template.mixed")),
                group("none", ref("aws_launch_template.none")),
                group("later", ref("aws_launch_template.later")),
                group("eks_default", explicit(null)),
                group("elsewhere", ref("lt-0123456789abcdef0")),
                group("link_unknown", unknown("known after apply")));
        expect(r, "aws_eks_node_group.cmk", Status.PASS, "customer-managed");
        expect(r, "aws_eks_node_group.aws_key", Status.FAIL, "AWS-managed");
        expect(r, "aws_eks_node_group.mixed", Status.FAIL, "/dev/xvdb");
        expect(r, "aws_eks_node_group.no_key", Status.UNKNOWN, "default EBS key", "does not hold");
        expect(r, "aws_eks_node_group.plain", Status.UNKNOWN, "does not ask for encryption", "ENC-003");
        expect(r, "aws_eks_node_group.unset", Status.UNKNOWN, "ENC-003");
        expect(r, "aws_eks_node_group.none", Status.UNKNOWN, "maps no EBS device");
        expect(r, "aws_eks_node_group.later", Status.UNKNOWN, "known after apply");
        expect(r, "aws_eks_node_group.eks_default", Status.UNKNOWN, "EKS's own template");
        expect(r, "aws_eks_node_group.elsewhere", Status.UNKNOWN, "not in this input");
        expect(r, "aws_eks_node_group.link_unknown", Status.UNKNOWN, "launch template is unknown");
    }

    @Test
    void theRegionsAccountDefaultDecidesWhereTheTemplateLeavesIt() {
        String region = profile().primaryRegion();
        KmsKey k = new KmsKey("aws_kms_key.ebs", "aws_kms_key", at());
        io.plumbline.model.compute.EbsEncryptionDefault on = new io.plumbline.model.compute.EbsEncryptionDefault(
                "aws_ebs_encryption_by_default.primary", "aws_ebs_encryption_by_default", at());
        on.region = explicit(region);
        on.enabled = explicit(true);
        io.plumbline.model.compute.EbsEncryptionDefault key = new io.plumbline.model.compute.EbsEncryptionDefault(
                "aws_ebs_default_kms_key.primary", "aws_ebs_default_kms_key", at());
        key.region = explicit(region);
        key.defaultKey = ref("aws_kms_key.ebs");
        NodeGroup plain = group("plain", ref("aws_launch_template.plain"));
        plain.region = explicit(region);
        NodeGroup noKey = group("no_key", ref("aws_launch_template.no_key"));
        noKey.region = explicit(region);
        NodeGroup eksDefault = group("eks_default", explicit(null));
        eksDefault.region = explicit(region);
        Result r = run(rule, k, on, key,
                template("plain", device(explicit(false), explicit(null))),
                template("no_key", device(explicit(true), explicit(null))),
                plain, noKey, eksDefault);
        expect(r, "aws_eks_node_group.plain", Status.PASS);
        expect(r, "aws_eks_node_group.no_key", Status.PASS);
        expect(r, "aws_eks_node_group.eks_default", Status.PASS);

        on.enabled = explicit(false);
        key.defaultKey = ref("arn:aws:kms:" + region + ":111122223333:alias/aws/ebs");
        Result off = run(rule, k, on, key,
                template("plain", device(explicit(false), explicit(null))),
                template("no_key", device(explicit(true), explicit(null))),
                plain, noKey, eksDefault);
        expect(off, "aws_eks_node_group.plain", Status.FAIL, "unencrypted");
        expect(off, "aws_eks_node_group.no_key", Status.FAIL, "not customer-managed");
        expect(off, "aws_eks_node_group.eks_default", Status.FAIL, "unencrypted");
    }
}
