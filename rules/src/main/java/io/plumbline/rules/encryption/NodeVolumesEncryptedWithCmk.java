package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;
import java.util.List;

/**
 * ENC-004. The volumes of every EKS managed node group are encrypted with a customer-managed key: the node group's
 * launch template gives each EBS block device {@code Encrypted = true} and a customer-managed {@code KmsKeyId}.
 * <p>Decision: a node group without a launch template uses EKS's own template, and a template without block device
 * mappings leaves the root volume to the AMI; a device with {@code Encrypted} unset or false, or encrypted without a
 * key, is created under the account's EBS encryption-by-default setting and default key (EC2 user guide, "Encryption
 * by default": when it is on, new volumes are always encrypted, with the default KMS key unless another is named).
 * That setting is the account's, per region (ENC-003), so those cases are UNKNOWN naming it, never a PASS and never a
 * FAIL guessed from it. The template read is its content in a plan or template and its default version live: a node
 * group pinned to another version is judged on the default one (a stated limit).
 */
@RuleInfo(
        id = "ENC-004",
        title = "EKS node volumes are encrypted (CMK)",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Node disks hold container images, emptyDir data and logs.",
        remediation = "Give every node group a launch template whose block_device_mappings set ebs { encrypted = "
                + "\"true\", kms_key_id = aws_kms_key.x.arn } (CloudFormation: BlockDeviceMappings[].Ebs.Encrypted "
                + "true, KmsKeyId), or turn on EBS encryption by default with a customer-managed default key in the "
                + "region (ENC-003).",
        controls = {"SH EC2.3", "CIS 2.2.1", "NIST CA-9(1)", "NIST CM-3(6)", "NIST SC-13", "NIST SC-28",
                "NIST SC-28(1)", "NIST SC-7(10)", "NIST SI-7(6)", "AVD AVD-AWS-0026", "AVD AVD-AWS-0027",
                "NAG AwsSolutions-EC26"},
        reads = {Kind.NODE_GROUP, Kind.LAUNCH_TEMPLATE, Kind.KMS_KEY})
public final class NodeVolumesEncryptedWithCmk implements Rule {
    private static final String ACCOUNT_DEFAULT = "the account's EBS encryption-by-default setting and default key "
            + "of the region decide (ENC-003)";

    @Override
    public void check(RuleContext ctx) {
        for (NodeGroup n : ctx.model().all(NodeGroup.class)) {
            if (Fields.deleted(n)) continue;
            Value<?> link = n.launchTemplate;
            Evidence linkEvidence = Evidence.of("launchTemplate", n.launchTemplate, "a launch template encrypting "
                    + "every volume with a customer-managed key");
            if (n.launchTemplate.isUnknown()) {
                ctx.unknown(n, "the node group's launch template is unknown: " + n.launchTemplate.note(), linkEvidence);
                continue;
            }
            if (link.get() == null) {
                ctx.unknown(n, "no launch template: EKS's own template leaves the node volumes to " + ACCOUNT_DEFAULT,
                        linkEvidence);
                continue;
            }
            LaunchTemplate t = ctx.model().resolve(n, n.launchTemplate.get(), LaunchTemplate.class).orElse(null);
            if (t == null) {
                ctx.unknown(n, "launch template " + n.launchTemplate.display() + " is not in this input", linkEvidence);
                continue;
            }
            judge(ctx, n, t, linkEvidence);
        }
    }

    private static void judge(RuleContext ctx, NodeGroup n, LaunchTemplate t, Evidence linkEvidence) {
        Value<List<EbsDevice>> devices = t.blockDevices;
        Evidence devicesEvidence = Evidence.of("blockDevices", devices, "EBS devices encrypted with a customer-managed "
                + "key");
        if (devices.isUnknown()) {
            ctx.unknown(n, "the block devices of launch template " + t.address() + " are unknown: " + devices.note(),
                    devicesEvidence, linkEvidence);
            return;
        }
        if (devices.get() == null || devices.get().isEmpty()) {
            ctx.unknown(n, "launch template " + t.address() + " maps no EBS device: the AMI's root volume is created "
                    + "as " + ACCOUNT_DEFAULT, devicesEvidence, linkEvidence);
            return;
        }
        Checks v = new Checks("every EBS device of launch template " + t.address() + " is encrypted with a "
                + "customer-managed key");
        for (EbsDevice d : devices.get()) {
            String device = d.deviceName().isPresent() ? d.deviceName().get() : "a device";
            Evidence enc = Evidence.of("blockDevices[" + device + "].encrypted", d.encrypted(), "true");
            Keys.KeyCheck key = Keys.classify(ctx.model(), t, d.kmsKey());
            Evidence keyEvidence = Keys.evidence("blockDevices[" + device + "].kmsKey", d.kmsKey(), key);
            if (d.encrypted().isUnknown() && !Fields.absentFromInput(d.encrypted())) {
                v.unknown("whether " + device + " is encrypted is unknown: " + d.encrypted().note(), enc);
                continue;
            }
            if (!Boolean.TRUE.equals(d.encrypted().known().orElse(null))) {
                v.unknown(device + " does not ask for encryption (encrypted " + d.encrypted().display() + "): "
                        + ACCOUNT_DEFAULT, enc);
                continue;
            }
            v.pass(enc);
            switch (key.owner()) {
                case CUSTOMER -> v.pass(keyEvidence);
                case AWS_MANAGED -> v.fail(device + " is encrypted with an AWS-managed key: " + key.description(),
                        keyEvidence);
                case NONE -> v.unknown(device + " is encrypted without a key of its own: " + ACCOUNT_DEFAULT,
                        keyEvidence);
                case UNPROVEN -> v.unknown(key.description(), keyEvidence);
                case UNKNOWN -> v.unknown(device + "'s key is unknown: " + d.kmsKey().note(), keyEvidence);
            }
        }
        v.note(linkEvidence);
        ctx.report(n, v.verdict());
    }
}
