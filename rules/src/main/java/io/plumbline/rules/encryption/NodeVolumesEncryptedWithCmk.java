package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EbsEncryptionDefault;
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
import java.util.ArrayList;
import java.util.List;

/**
 * ENC-004. The volumes of every EKS managed node group are encrypted with a customer-managed key: the node group's
 * launch template gives each EBS block device {@code Encrypted = true} and a customer-managed {@code KmsKeyId}.
 * <p>Decision: a node group without a launch template uses EKS's own template, and a template without block device
 * mappings leaves the root volume to the AMI; a device with {@code Encrypted} unset or false, or encrypted without a
 * key, is created under the account's EBS encryption-by-default setting and default key (EC2 user guide, "Encryption
 * by default": when it is on, new volumes are always encrypted, with the default KMS key unless another is named).
 * That setting is the account's, per region (ENC-003): when the input holds it for the node group's region, it
 * decides (on with a customer-managed default key: PASS; off: an unencrypted volume, FAIL; on with the AWS-managed
 * key: FAIL); when it does not, those cases are UNKNOWN naming it, never a PASS and never a FAIL guessed. The template read is its content in a plan or template and its default version live: a node
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
        reads = {Kind.NODE_GROUP, Kind.LAUNCH_TEMPLATE, Kind.KMS_KEY, Kind.EBS_ENCRYPTION_DEFAULT})
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
            // A template's node group without LaunchTemplate leaves the attribute out: that is no launch template.
            if (n.launchTemplate.isUnknown() && !Fields.absentFromInput(n.launchTemplate)) {
                ctx.unknown(n, "the node group's launch template is unknown: " + n.launchTemplate.note(), linkEvidence);
                continue;
            }
            if (Fields.notSet(n.launchTemplate)) {
                Checks v = new Checks("no launch template: EKS's own template leaves the node volumes to the account "
                        + "default, which encrypts them with a customer-managed key");
                byAccountDefault(v, accountDefault(ctx, n), "no launch template: EKS's own template asks for no "
                        + "encryption", linkEvidence, false);
                ctx.report(n, v.verdict());
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

    /**
     * The region's account default as the input holds it: whether encryption by default is on (null: the input does
     * not say) and the default key (null: the input does not say), with their evidence.
     */
    private record AccountDefault(String region, Boolean encrypts, Evidence encryptsEvidence, Keys.KeyCheck key,
                                  Evidence keyEvidence) {
    }

    private static AccountDefault accountDefault(RuleContext ctx, Resource subject) {
        String region = subject.region.isPresent() ? subject.region.get() : ctx.profile().primaryRegion();
        Value<Boolean> enabled = Value.notInInput();
        Value<Ref> key = Value.notInInput();
        EbsEncryptionDefault keyHolder = null;
        for (EbsEncryptionDefault d : ctx.model().all(EbsEncryptionDefault.class)) {
            if (Fields.deleted(d) || region == null || !d.region.is(region)) continue;
            if (!Fields.absentFromInput(d.enabled)) enabled = d.enabled;
            if (!Fields.absentFromInput(d.defaultKey)) {
                key = d.defaultKey;
                keyHolder = d;
            }
        }
        String where = region == null ? "" : " (" + region + ")";
        Boolean encrypts = enabled.isPresent() ? enabled.get() : null;
        Keys.KeyCheck check = keyHolder == null || key.isUnknown() ? null : Keys.classify(ctx.model(), keyHolder, key);
        return new AccountDefault(region, encrypts, Evidence.of("EBS encryption by default" + where, enabled, "true"),
                check, check == null ? Evidence.of("EBS default key" + where, key, "a customer-managed KMS key")
                        : Keys.evidence("EBS default key" + where, key, check));
    }

    /**
     * A device left to the account default: a device that asks for no encryption depends on the setting and the
     * default key, an encrypted device without a key only on the default key (which applies whether or not
     * encryption by default is on). What the input does not hold is UNKNOWN naming it.
     */
    private static void byAccountDefault(Checks v, AccountDefault d, String what, Evidence own,
                                         boolean encryptedByDevice) {
        String in = d.region() == null ? "" : " in " + d.region();
        v.note(own);
        if (!encryptedByDevice) {
            if (d.encrypts() == null) {
                v.unknown(what + ": " + ACCOUNT_DEFAULT + ", and the input does not hold whether it is on" + in,
                        d.encryptsEvidence());
                return;
            }
            if (!d.encrypts()) {
                v.fail(what + ", and EBS encryption by default is off" + in + ": the volume is created unencrypted",
                        d.encryptsEvidence());
                return;
            }
            v.pass(d.encryptsEvidence());
        }
        if (d.key() == null) {
            v.unknown(what + ": the account's default EBS key" + in + " decides, and the input does not hold it",
                    d.keyEvidence());
            return;
        }
        switch (d.key().owner()) {
            case CUSTOMER -> v.pass(d.keyEvidence());
            case AWS_MANAGED, NONE -> v.fail(what + ", and the account's default EBS key" + in
                    + " is not customer-managed: " + d.key().description(), d.keyEvidence());
            case UNPROVEN, UNKNOWN -> v.unknown(d.key().description(), d.keyEvidence());
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
        AccountDefault account = accountDefault(ctx, n);
        if (devices.get() == null || devices.get().isEmpty()) {
            Checks v = new Checks("launch template " + t.address() + " maps no EBS device; the account default "
                    + "encrypts the AMI's root volume with a customer-managed key");
            byAccountDefault(v, account, "launch template " + t.address() + " maps no EBS device", devicesEvidence,
                    false);
            v.note(linkEvidence);
            ctx.report(n, v.verdict());
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
                byAccountDefault(v, account, device + " does not ask for encryption (encrypted "
                        + d.encrypted().display() + ")", enc, false);
                continue;
            }
            v.pass(enc);
            switch (key.owner()) {
                case CUSTOMER -> v.pass(keyEvidence);
                case AWS_MANAGED -> v.fail(device + " is encrypted with an AWS-managed key: " + key.description(),
                        keyEvidence);
                case NONE -> byAccountDefault(v, account, device + " is encrypted without a key of its own",
                        keyEvidence, true);
                case UNPROVEN -> v.unknown(key.description(), keyEvidence);
                case UNKNOWN -> v.unknown(device + "'s key is unknown: " + d.kmsKey().note(), keyEvidence);
            }
        }
        v.note(linkEvidence);
        ctx.report(n, v.verdict());
    }
}
