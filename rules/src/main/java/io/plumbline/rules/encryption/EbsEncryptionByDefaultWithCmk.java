package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsEncryptionDefault;
import io.plumbline.model.compute.EbsVolume;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ENC-003. EBS encryption by default is on, with a customer-managed default key, in the profile's primary and
 * secondary region: every node root volume and persistent volume created without a key of its own inherits it.
 * <p>Judged per region on the input's {@link EbsEncryptionDefault} settings (a plan's {@code
 * aws_ebs_encryption_by_default} and {@code aws_ebs_default_kms_key} by their provider's region; live, one per audited
 * region). A region whose setting the input does not hold is UNKNOWN on a finding named for the region, never a PASS.
 * Without a default key the account uses the AWS-managed {@code alias/aws/ebs} (EC2 API reference,
 * GetEbsDefaultKmsKeyId): FAIL.
 * <p>Decision (CloudFormation): no CloudFormation resource type holds this account setting, so a template cannot
 * answer it; the rule is NOT_APPLICABLE there, with that reason, and the template's own volumes say UNKNOWN under
 * ENC-004 where they depend on it. It is judged only when the input holds the setting or something that creates EBS
 * volumes (node groups, launch templates, instances, Auto Scaling groups, volumes).
 */
@RuleInfo(
        id = "ENC-003",
        title = "EBS encryption-by-default is on, with a CMK as default key, in the primary and secondary region",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Every node root volume and every persistent volume created without explicit encryption inherits "
                + "this account/region setting; the DR region needs it too.",
        remediation = "In each region: aws_ebs_encryption_by_default { enabled = true } and aws_ebs_default_kms_key "
                + "{ key_arn = aws_kms_key.x.arn } (with the provider of that region), or aws ec2 "
                + "enable-ebs-encryption-by-default and modify-ebs-default-kms-key-id.",
        controls = {"SH EC2.7", "CIS 2.2.1", "NIST CA-9(1)", "NIST CM-3(6)", "NIST SC-13", "NIST SC-28",
                "NIST SC-28(1)", "NIST SC-7(10)", "NIST SI-7(6)", "CKV CKV_AWS_106"},
        reads = {Kind.EBS_ENCRYPTION_DEFAULT, Kind.KMS_KEY, Kind.NODE_GROUP, Kind.LAUNCH_TEMPLATE, Kind.INSTANCE,
                Kind.AUTO_SCALING_GROUP, Kind.EBS_VOLUME})
public final class EbsEncryptionByDefaultWithCmk implements Rule {
    static final String TEMPLATE_REASON = "CloudFormation has no resource type for the account's EBS "
            + "encryption-by-default setting: a template cannot state it (audit the account live)";

    @Override
    public void check(RuleContext ctx) {
        Map<String, List<EbsEncryptionDefault>> byRegion = new LinkedHashMap<>();
        List<EbsEncryptionDefault> regionUnknown = new ArrayList<>();
        for (EbsEncryptionDefault d : ctx.model().all(EbsEncryptionDefault.class)) {
            if (Fields.deleted(d)) continue;
            if (d.region.isPresent()) byRegion.computeIfAbsent(d.region.get(), k -> new ArrayList<>()).add(d);
            else regionUnknown.add(d);
        }
        // The first resource that creates volumes: a region's missing setting is reported at its place (its file),
        // so that every report format has a location to show.
        Resource templateConsumer = null;
        Resource otherConsumer = null;
        for (Class<? extends Resource> c : List.of(NodeGroup.class, LaunchTemplate.class, Instance.class,
                AutoScalingGroup.class, EbsVolume.class)) {
            for (Resource r : ctx.model().all(c)) {
                if (r.sourceType().startsWith("AWS::")) {
                    if (templateConsumer == null) templateConsumer = r;
                } else if (otherConsumer == null) {
                    otherConsumer = r;
                }
            }
        }
        if (byRegion.isEmpty() && regionUnknown.isEmpty()) {
            if (templateConsumer == null && otherConsumer == null) return;
            if (otherConsumer == null) {
                ctx.notApplicable(placeholder(ctx.profile().primaryRegion(), templateConsumer.location()),
                        TEMPLATE_REASON);
                return;
            }
        }
        Provenance missingAt = otherConsumer != null ? otherConsumer.location()
                : !byRegion.isEmpty() ? byRegion.values().iterator().next().get(0).location()
                : regionUnknown.get(0).location();
        Set<String> regions = new LinkedHashSet<>();
        if (ctx.profile().primaryRegion() != null) regions.add(ctx.profile().primaryRegion());
        if (ctx.profile().secondaryRegion() != null) regions.add(ctx.profile().secondaryRegion());
        for (EbsEncryptionDefault d : regionUnknown) {
            ctx.unknown(d, "the region this setting applies to is unknown: " + Fields.why(d.region),
                    Evidence.of("region", d.region, String.join(" or ", regions)));
        }
        for (String region : regions) {
            List<EbsEncryptionDefault> settings = byRegion.getOrDefault(region, List.of());
            if (settings.isEmpty()) {
                ctx.unknown(placeholder(region, missingAt), "the input does not hold the account's EBS encryption-by-default "
                        + "setting of region " + region + " (no aws_ebs_encryption_by_default / "
                        + "aws_ebs_default_kms_key there): unknown whether new volumes are encrypted");
                continue;
            }
            judge(ctx, region, settings);
        }
    }

    private static void judge(RuleContext ctx, String region, List<EbsEncryptionDefault> settings) {
        Value<Boolean> enabled = Value.notInInput();
        Value<Ref> key = Value.notInInput();
        EbsEncryptionDefault reportOn = settings.get(0);
        for (EbsEncryptionDefault d : settings) {
            if (!Fields.absentFromInput(d.enabled)) {
                enabled = d.enabled;
                reportOn = d;
            }
            if (!Fields.absentFromInput(d.defaultKey)) key = d.defaultKey;
        }
        Checks v = new Checks("EBS encryption by default is on in " + region + " with a customer-managed default key");
        Evidence enabledEvidence = Evidence.of("enabled", enabled, "true");
        if (Fields.absentFromInput(enabled)) {
            v.unknown("the input does not say whether EBS encryption by default is on in " + region
                    + " (no aws_ebs_encryption_by_default there)", enabledEvidence);
        } else if (enabled.isUnknown()) {
            v.unknown("whether EBS encryption by default is on in " + region + " is unknown: " + enabled.note(),
                    enabledEvidence);
        } else if (Boolean.TRUE.equals(enabled.get())) {
            v.pass(enabledEvidence);
        } else {
            v.fail("EBS encryption by default is off in " + region + ": new volumes may be unencrypted",
                    enabledEvidence);
        }
        if (Fields.absentFromInput(key)) {
            // A plan that does not manage the default key says nothing about it: it may have been set outside.
            v.unknown("the input does not hold the default key of " + region + " (no aws_ebs_default_kms_key there); "
                    + "unless one was set outside it, new volumes get the AWS-managed alias/aws/ebs",
                    Evidence.of("defaultKey", key, "a customer-managed KMS key"));
        } else {
            Keys.KeyCheck check = Keys.classify(ctx.model(), reportOn, key);
            Evidence e = Keys.evidence("defaultKey", key, check);
            switch (check.owner()) {
                case CUSTOMER -> v.pass(e);
                case AWS_MANAGED -> v.fail("the default key of " + region + " is AWS-managed: " + check.description(), e);
                case NONE -> v.fail("no default key is set in " + region + ": new volumes get the AWS-managed "
                        + "alias/aws/ebs", e);
                case UNPROVEN -> v.unknown(check.description(), e);
                case UNKNOWN -> v.unknown("the default key of " + region + " is unknown: " + key.note(), e);
            }
        }
        ctx.report(reportOn, v.verdict());
    }

    /**
     * A finding's subject for a region whose setting the input does not hold, placed at {@code at} (a resource of the
     * input that creates volumes there).
     */
    private static EbsEncryptionDefault placeholder(String region, Provenance at) {
        String where = region == null ? "the primary region" : region;
        EbsEncryptionDefault d = new EbsEncryptionDefault("EBS encryption by default (" + where + ")",
                "account setting", at);
        d.region = region == null ? Value.notInInput() : Value.explicit(region, Provenance.NONE);
        return d;
    }
}
