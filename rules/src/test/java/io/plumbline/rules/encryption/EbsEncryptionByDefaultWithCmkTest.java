package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Provenance;
import io.plumbline.model.compute.EbsEncryptionDefault;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import org.junit.jupiter.api.Test;

class EbsEncryptionByDefaultWithCmkTest {
    private final EbsEncryptionByDefaultWithCmk rule = new EbsEncryptionByDefaultWithCmk();

    static EbsEncryptionDefault setting(String address, String region) {
        EbsEncryptionDefault d = new EbsEncryptionDefault(address, address.split("[.:]")[0], at());
        d.region = explicit(region);
        return d;
    }

    @Test
    void bothRegionsNeedTheSettingAndACustomerKey() {
        String primary = profile().primaryRegion();
        String secondary = profile().secondaryRegion();
        KmsKey k = new KmsKey("aws_kms_key.ebs", "aws_kms_key", at());
        EbsEncryptionDefault on = setting("aws_ebs_encryption_by_default.primary", primary);
        on.enabled = defaulted(Defaults.TF_EBS_ENCRYPTION_BY_DEFAULT);
        EbsEncryptionDefault key = setting("aws_ebs_default_kms_key.primary", primary);
        key.defaultKey = ref("aws_kms_key.ebs");
        EbsEncryptionDefault off = setting("aws_ebs_encryption_by_default.secondary", secondary);
        off.enabled = explicit(false);
        Result r = run(rule, k, on, key, off);
        expect(r, "aws_ebs_encryption_by_default.primary", Status.PASS, primary);
        expect(r, "aws_ebs_encryption_by_default.secondary", Status.FAIL, "off in " + secondary);
    }

    @Test
    void aKeyOrRegionTheInputDoesNotHoldIsUnknown() {
        String primary = profile().primaryRegion();
        EbsEncryptionDefault on = setting("aws_ebs_encryption_by_default.primary", primary);
        on.enabled = explicit(true);
        NodeGroup n = new NodeGroup("aws_eks_node_group.x", "aws_eks_node_group", at());
        Result r = run(rule, on, n);
        expect(r, "aws_ebs_encryption_by_default.primary", Status.UNKNOWN, "aws_ebs_default_kms_key", "alias/aws/ebs");
        Finding dr = expect(r, "EBS encryption by default (" + profile().secondaryRegion() + ")", Status.UNKNOWN,
                "does not hold");
        assertEquals(n.location(), dr.location(), "placed at the resource that creates volumes");
    }

    @Test
    void aTemplateIsNotApplicableAndAnInputWithoutVolumesIsNotJudged() {
        NodeGroup cfn = new NodeGroup("CriticalNodeGroup", "AWS::EKS::Nodegroup", at());
        Result r = run(rule, cfn);
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(Status.NOT_APPLICABLE, r.findings().get(0).status());
        assertTrue(r.findings().get(0).message().contains("CloudFormation"));
        assertTrue(run(rule, new KmsKey("aws_kms_key.x", "aws_kms_key", at())).findings().isEmpty());
    }

    @Test
    void liveSettingsWithAnUnknownKeyAreUnknown() {
        EbsEncryptionDefault live = setting("arn:aws:ec2:eu-west-1:1:ebs-encryption-by-default", "eu-west-1");
        live.enabled = explicit(true);
        live.defaultKey = unknown("ec2:GetEbsDefaultKmsKeyId failed: AccessDenied");
        Result r = run(rule, live);
        expect(r, "arn:aws:ec2:eu-west-1:1:ebs-encryption-by-default", Status.UNKNOWN, "AccessDenied");
    }
}
