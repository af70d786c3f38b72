package io.plumbline.rules.encryption;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class EksSecretsEncryptedWithCmkTest {
    private final EksSecretsEncryptedWithCmk rule = new EksSecretsEncryptedWithCmk();

    static EksCluster cluster(String name, Value<List<String>> resources, Value<Ref> key) {
        EksCluster c = new EksCluster("aws_eks_cluster." + name, "aws_eks_cluster", at());
        c.encryptedResources = resources;
        c.secretsEncryptionKey = key;
        return c;
    }

    @Test
    void onlySecretsUnderADeclaredCustomerKeyPass() {
        KmsKey k = new KmsKey("aws_kms_key.eks", "aws_kms_key", at());
        EksCluster deleted = cluster("gone", explicit(List.of()), explicit(null));
        deleted.change = ChangeAction.DELETE;
        Result r = run(rule, k,
                cluster("ok", explicit(List.of("secrets")), ref("aws_kms_key.eks")),
                cluster("none", explicit(List.of()), explicit(null)),
                cluster("cfn_absent", defaulted(Defaults.CFN_EKS_NO_ENCRYPTION_CONFIG),
                        defaulted(Defaults.CFN_EKS_NO_SECRETS_KEY)),
                cluster("aws_alias", explicit(List.of("secrets")), ref("alias/aws/eks")),
                cluster("foreign", explicit(List.of("secrets")), ref("arn:aws:kms:eu-west-1:111122223333:key/x")),
                cluster("key_unknown", explicit(List.of("secrets")), unknown("known after apply")),
                cluster("config_unknown", unknown("known after apply"), unknown("known after apply")),
                deleted);
        expect(r, "aws_eks_cluster.ok", Status.PASS, "customer-managed key aws_kms_key.eks");
        expect(r, "aws_eks_cluster.none", Status.FAIL, "AWS-owned key");
        expect(r, "aws_eks_cluster.cfn_absent", Status.FAIL, "not envelope-encrypted");
        expect(r, "aws_eks_cluster.aws_alias", Status.FAIL, "not customer-managed");
        expect(r, "aws_eks_cluster.foreign", Status.UNKNOWN, "cannot be proven");
        expect(r, "aws_eks_cluster.key_unknown", Status.UNKNOWN, "unknown");
        expect(r, "aws_eks_cluster.config_unknown", Status.UNKNOWN, "encryption configuration is unknown");
        org.junit.jupiter.api.Assertions.assertTrue(r.findings().stream()
                .noneMatch(f -> f.resource().equals("aws_eks_cluster.gone")), "a deleted cluster is judged");
    }
}
