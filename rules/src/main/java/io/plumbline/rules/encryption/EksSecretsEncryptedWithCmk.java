package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;
import java.util.List;
import java.util.Locale;

/**
 * ENC-008. Every EKS cluster envelope-encrypts Kubernetes secrets with a customer-managed KMS key: its encryption
 * configuration lists {@code secrets} (the only value the EKS API accepts, API reference {@code EncryptionConfig}) and
 * names a key the platform declares. Since Kubernetes 1.28 EKS encrypts all API data with an AWS-owned key, so a
 * cluster without the configuration is not plaintext; it fails because the owner neither controls nor audits that key.
 * The key may be given as an ARN or an alias (API reference {@code Provider.keyArn}); an alias or ARN outside the
 * input cannot be proven customer-managed and is UNKNOWN.
 */
@RuleInfo(
        id = "ENC-008",
        title = "EKS envelope-encrypts Kubernetes secrets with a customer-managed KMS key",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "Secrets (DB credentials, tokens) at rest in etcd should be under a key the owner controls and "
                + "audits; EKS's own default encryption uses an AWS-owned key.",
        remediation = "Add encryption_config { resources = [\"secrets\"] provider { key_arn = aws_kms_key.x.arn } } "
                + "(CloudFormation: EncryptionConfig: [{Resources: [secrets], Provider: {KeyArn: ...}}]) or run "
                + "aws eks associate-encryption-config on an existing cluster. It cannot be turned off again.",
        controls = {"SH EKS.3", "CKV CKV_AWS_58", "AVD AVD-AWS-0039"},
        reads = {Kind.EKS_CLUSTER, Kind.KMS_KEY})
public final class EksSecretsEncryptedWithCmk implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (EksCluster c : ctx.model().all(EksCluster.class)) {
            if (Fields.deleted(c)) continue;
            Evidence resourcesEvidence = Evidence.of("encryptedResources", c.encryptedResources, "contains secrets");
            if (c.encryptedResources.isUnknown()) {
                ctx.unknown(c, "the encryption configuration is unknown: " + c.encryptedResources.note(),
                        resourcesEvidence);
                continue;
            }
            if (!listsSecrets(c.encryptedResources.get())) {
                ctx.fail(c, "Kubernetes secrets are not envelope-encrypted with a KMS key of the platform (no "
                        + "encryption configuration for \"secrets\"; EKS's default encryption uses an AWS-owned key)",
                        resourcesEvidence);
                continue;
            }
            Keys.KeyCheck key = Keys.classify(ctx.model(), c, c.secretsEncryptionKey);
            Checks v = new Checks("Kubernetes secrets are envelope-encrypted with " + key.description());
            v.pass(resourcesEvidence);
            Evidence keyEvidence = Keys.evidence("secretsEncryptionKey", c.secretsEncryptionKey, key);
            switch (key.owner()) {
                case CUSTOMER -> v.pass(keyEvidence);
                case AWS_MANAGED -> v.fail("the secrets key is not customer-managed: " + key.description(), keyEvidence);
                case NONE -> v.fail("the encryption configuration names no KMS key", keyEvidence);
                case UNPROVEN -> v.unknown(key.description(), keyEvidence);
                case UNKNOWN -> v.unknown("the secrets key is unknown: " + c.secretsEncryptionKey.note(), keyEvidence);
            }
            ctx.report(c, v.verdict());
        }
    }

    private static boolean listsSecrets(List<String> resources) {
        if (resources == null) return false;
        for (String r : resources) {
            if (r != null && r.trim().toLowerCase(Locale.ROOT).equals("secrets")) return true;
        }
        return false;
    }
}
