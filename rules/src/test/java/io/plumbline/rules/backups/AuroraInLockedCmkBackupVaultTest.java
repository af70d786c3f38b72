package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.model.security.KmsKey;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuroraInLockedCmkBackupVaultTest {

    private static DbCluster cluster(String name) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.region = explicit("eu-west-1");
        return c;
    }

    private static BackupPlan plan(String name, String vault, Value<List<Ref>> selected) {
        BackupPlan p = new BackupPlan("aws_backup_plan." + name, "aws_backup_plan", at());
        p.region = explicit("eu-west-1");
        p.rules = explicit(List.of(new BackupRule(explicit("daily"), explicit(vault), explicit("cron(0 3 * * ? *)"),
                explicit(35), explicit(List.of()))));
        p.selectedResources = selected;
        return p;
    }

    private static BackupVault vault(String name, Value<Ref> key, Value<Boolean> locked, Value<Integer> grace) {
        BackupVault v = new BackupVault("aws_backup_vault." + name, "aws_backup_vault", at());
        v.region = explicit("eu-west-1");
        v.addAlias(name);
        v.kmsKey = key;
        v.locked = locked;
        v.changeableForDays = grace;
        v.lockDate = Value.notInInput();
        v.minRetentionDays = explicit(7);
        return v;
    }

    private static KmsKey key() {
        KmsKey k = new KmsKey("aws_kms_key.backup", "aws_kms_key", at());
        k.keyManager = explicit("CUSTOMER");
        return k;
    }

    @Test
    void aLockedCmkVaultInCompliancePassesGovernanceUnlockedAndAwsKeysFail() {
        Result r = run(new AuroraInLockedCmkBackupVault(), key(),
                cluster("good"), plan("good", "good", refs("aws_rds_cluster.good")),
                vault("good", ref("aws_kms_key.backup"), explicit(true), explicit(3)),
                cluster("governance"), plan("governance", "governance", refs("aws_rds_cluster.governance")),
                vault("governance", ref("aws_kms_key.backup"), explicit(true), explicit(null)),
                cluster("unlocked"), plan("unlocked", "unlocked", refs("aws_rds_cluster.unlocked")),
                vault("unlocked", ref("aws_kms_key.backup"), defaulted(Defaults.BACKUP_VAULT_NOT_LOCKED), explicit(null)),
                cluster("awskey"), plan("awskey", "awskey", refs("aws_rds_cluster.awskey")),
                vault("awskey", defaulted(Defaults.BACKUP_VAULT_AWS_MANAGED_KEY), explicit(true), explicit(3)),
                cluster("orphan"));
        expect(r, "aws_rds_cluster.good", Status.PASS, "compliance mode", "aws_kms_key.backup");
        expect(r, "aws_rds_cluster.governance", Status.FAIL, "governance mode");
        expect(r, "aws_rds_cluster.unlocked", Status.FAIL, "no Vault Lock");
        expect(r, "aws_rds_cluster.awskey", Status.FAIL, "no customer-managed key");
        expect(r, "aws_rds_cluster.orphan", Status.FAIL, "not selected by any AWS Backup plan");
    }

    @Test
    void unknownSelectionsVaultsOutsideTheInputAndUnknownLocksStayUnknown() {
        Result r = run(new AuroraInLockedCmkBackupVault(), key(),
                cluster("bytag"), plan("bytag", "v", unknown("resources are selected by tag or condition")),
                cluster("external"), plan("external", "elsewhere", refs("aws_rds_cluster.external")),
                cluster("lock"), plan("lock", "lock", refs("aws_rds_cluster.lock")),
                vault("lock", ref("aws_kms_key.backup"), unknown(), unknown()));
        expect(r, "aws_rds_cluster.bytag", Status.UNKNOWN, "selected by tag");
        expect(r, "aws_rds_cluster.external", Status.UNKNOWN, "elsewhere is not in this input");
        expect(r, "aws_rds_cluster.lock", Status.UNKNOWN, "locked is unknown");
    }

    @Test
    void onePassingPlanRuleIsEnoughWhateverTheOthersSay() {
        Result r = run(new AuroraInLockedCmkBackupVault(), key(), cluster("db"),
                plan("weak", "weak", refs("aws_rds_cluster.db")),
                vault("weak", defaulted(Defaults.BACKUP_VAULT_AWS_MANAGED_KEY), explicit(false), explicit(null)),
                plan("strong", "strong", refs("aws_rds_cluster.db")),
                vault("strong", ref("aws_kms_key.backup"), explicit(true), explicit(3)));
        expect(r, "aws_rds_cluster.db", Status.PASS, "aws_backup_plan.strong");
    }

    @Test
    void theReferencePlanPassesThroughItsModuleOutputSelection() {
        assertReferencePasses(ReferenceArchitecture.TERRAFORM_PLAN);
    }

    @Test
    void theReferenceTemplatePassesThroughItsTagSelection() {
        assertReferencePasses(ReferenceArchitecture.CLOUDFORMATION_TEMPLATE);
    }

    private static void assertReferencePasses(String file) {
        Model m = Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file),
                SourceOptions.DEFAULT);
        Result r = Engine.evaluate(m, profile(), List.of(new AuroraInLockedCmkBackupVault()));
        assertTrue(!r.findings().isEmpty());
        for (Finding f : r.findings()) assertTrue(f.status() == Status.PASS, () -> describe(f));
    }
}
