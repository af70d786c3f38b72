package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Backups;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * BAK-003. Every DB cluster is selected by an AWS Backup plan with a rule whose target vault is encrypted with a
 * customer-managed key and carries a Vault Lock in compliance mode. One such plan rule is enough; when none passes,
 * an open question (a selection decided at backup time, a vault not in the input, an unknown key) makes the cluster
 * UNKNOWN, otherwise it fails with the reason of each plan rule.
 *
 * <p>Decisions against the catalog row, after AWS's documentation:
 * <ul>
 * <li>"Locked" means a lock in <b>compliance mode</b> (Terraform {@code changeable_for_days}, CloudFormation
 * {@code LockConfiguration.ChangeableForDays}, live a {@code LockDate}). A lock without it is in governance mode: AWS
 * Backup lets any principal allowed {@code backup:DeleteBackupVaultLockConfiguration} remove it at any time
 * (PutBackupVaultLockConfiguration, ChangeableForDays: "If this parameter is not specified, you can delete Vault Lock
 * from the vault ... at any time"), so it does not survive the account-level mistakes and ransomware the rule is
 * about: FAIL. During the grace time before the lock date the lock can still be removed; the evidence says so.</li>
 * <li>Aurora is not a resource type with full AWS Backup management: its recovery points keep the cluster's own key
 * (ENC-001), and the vault key encrypts what the vault holds of fully managed types and, for copies into it, what AWS
 * Backup re-encrypts (AWS Backup developer guide, "Encryption for backups in AWS Backup"). The catalog's vault-CMK
 * requirement is kept (CKV_AWS_166): without a key AWS Backup uses a key it creates, which is AWS managed.</li>
 * </ul>
 */
@RuleInfo(
        id = "BAK-003",
        title = "Aurora is in an AWS Backup plan whose vault uses a CMK and is locked",
        severity = Severity.HIGH,
        group = "backups",
        rationale = "A second, independently retained and immutable backup survives account-level mistakes and "
                + "ransomware.",
        remediation = "Select the cluster in an aws_backup_selection (by ARN, or by a tag the cluster carries) of a plan "
                + "whose rule targets an aws_backup_vault with kms_key_arn set to a customer-managed key and an "
                + "aws_backup_vault_lock_configuration with changeable_for_days (compliance mode) and min_retention_days "
                + "(CloudFormation: AWS::Backup::BackupSelection, AWS::Backup::BackupVault EncryptionKeyArn and "
                + "LockConfiguration with ChangeableForDays).",
        controls = {"SH RDS.26", "SH Backup.1", "NIST CP-10", "NIST CP-6", "NIST CP-6(1)", "NIST CP-6(2)", "NIST CP-9",
                "NIST SC-5(2)", "NIST SI-12", "NIST SI-13(5)", "CKV CKV2_AWS_8", "CKV CKV_AWS_166",
                "NAG NAG-R5 RDSInBackupPlan"},
        reads = {Kind.DB_CLUSTER, Kind.BACKUP_PLAN, Kind.BACKUP_VAULT, Kind.KMS_KEY})
public final class AuroraInLockedCmkBackupVault implements Rule {

    /** The answer for one plan rule: its status, why, and the evidence. */
    private record Path(int status, String why, List<Evidence> evidence) {
        static final int PASS = 0;
        static final int UNKNOWN = 1;
        static final int FAIL = 2;
    }

    @Override
    public void check(RuleContext ctx) {
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Backups.Coverage cover = Backups.coverage(ctx.model(), c);
            List<Path> paths = new ArrayList<>();
            for (BackupPlan plan : cover.selecting()) paths.addAll(paths(ctx, plan));
            Path best = null;
            for (Path p : paths) if (best == null || p.status() < best.status()) best = p;
            if (best != null && best.status() == Path.PASS) {
                ctx.pass(c, best.why(), best.evidence().toArray(Evidence[]::new));
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            for (Path p : paths) evidence.addAll(p.evidence());
            for (BackupPlan plan : cover.unknown()) {
                evidence.add(Evidence.of("selectedResources of " + plan.address(), plan.selectedResources,
                        "the cluster selected"));
            }
            if (paths.isEmpty() && cover.unknown().isEmpty()) {
                ctx.fail(c, "the cluster is not selected by any AWS Backup plan in the input", Evidence.of(
                        "backup plans selecting the cluster", "(none of " + ctx.model().all(BackupPlan.class).size()
                                + " plans)", "an AWS Backup plan selecting the cluster", c.location()));
                continue;
            }
            Evidence[] ev = evidence.toArray(Evidence[]::new);
            boolean open = !cover.unknown().isEmpty() || paths.stream().anyMatch(p -> p.status() == Path.UNKNOWN);
            String reasons = String.join("; ", paths.stream().map(Path::why).toList());
            if (open) {
                String why = !cover.unknown().isEmpty() && paths.isEmpty()
                        ? "whether a backup plan selects the cluster is unknown: " + cover.unknown().get(0).address()
                                + ": " + Fields.why(cover.unknown().get(0).selectedResources)
                        : reasons + (cover.unknown().isEmpty() ? "" : "; the selection of "
                                + cover.unknown().get(0).address() + " is unknown");
                ctx.unknown(c, why, ev);
            } else {
                ctx.fail(c, reasons, ev);
            }
        }
    }

    private static List<Path> paths(RuleContext ctx, BackupPlan plan) {
        List<Path> out = new ArrayList<>();
        Value<List<BackupRule>> rules = plan.rules;
        if (!rules.isPresent()) {
            out.add(new Path(Path.UNKNOWN, "the rules of plan " + plan.address() + " are unknown: " + Fields.why(rules),
                    List.of(Evidence.of("rules of " + plan.address(), rules, "a rule targeting a locked CMK vault"))));
            return out;
        }
        if (rules.get().isEmpty()) {
            out.add(new Path(Path.FAIL, "plan " + plan.address() + " has no rule", List.of(Evidence.of(
                    "rules of " + plan.address(), rules, "a rule targeting a locked CMK vault"))));
        }
        for (BackupRule rule : rules.get()) out.add(path(ctx, plan, rule));
        return out;
    }

    private static Path path(RuleContext ctx, BackupPlan plan, BackupRule rule) {
        String where = "plan " + plan.address() + (rule.name().isPresent() ? " rule " + rule.name().get() : "");
        Evidence target = Evidence.of("targetVault (" + where + ")", rule.targetVault(), "a vault in the input");
        if (rule.targetVault().isUnknown()) {
            return new Path(Path.UNKNOWN, where + ": the target vault is unknown: " + rule.targetVault().note(),
                    List.of(target));
        }
        BackupVault vault = Backups.targetVault(ctx.model(), plan, rule);
        if (vault == null) {
            return new Path(Path.UNKNOWN, where + ": target vault " + Fields.shown(rule.targetVault())
                    + " is not in this input, so its key and lock cannot be checked", List.of(target));
        }
        List<Evidence> ev = new ArrayList<>();
        int status = Path.PASS;
        List<String> why = new ArrayList<>();

        Keys.KeyCheck key = Keys.classify(ctx.model(), vault, vault.kmsKey);
        ev.add(Keys.evidence("kmsKey of " + vault.address(), vault.kmsKey, key));
        switch (key.owner()) {
            case CUSTOMER -> { }
            case AWS_MANAGED, NONE -> {
                status = Path.FAIL;
                why.add("vault " + vault.address() + " has no customer-managed key: " + key.description()
                        + (key.owner() == Keys.Owner.NONE ? ", so AWS Backup uses a key it creates (AWS managed)" : ""));
            }
            case UNPROVEN, UNKNOWN -> {
                status = Math.max(status, Path.UNKNOWN);
                why.add("vault " + vault.address() + ": " + key.description());
            }
        }

        Evidence locked = Evidence.of("locked (" + vault.address() + ")", vault.locked, "true, compliance mode");
        ev.add(locked);
        if (vault.locked.isUnknown() || !vault.locked.isPresent()) {
            status = Math.max(status, Path.UNKNOWN);
            why.add("whether vault " + vault.address() + " is locked is unknown: " + Fields.why(vault.locked));
        } else if (!vault.locked.get()) {
            status = Path.FAIL;
            why.add("vault " + vault.address() + " has no Vault Lock" + (vault.locked.isDefaulted()
                    ? " (" + vault.locked.note() + ")" : ""));
        } else {
            Value<Integer> grace = vault.changeableForDays;
            Value<String> lockDate = vault.lockDate;
            boolean compliance = grace.isPresent() || lockDate.isPresent();
            boolean governance = !compliance && knownNullOrAbsent(grace) && knownNullOrAbsent(lockDate)
                    && !(Fields.absentFromInput(grace) && Fields.absentFromInput(lockDate));
            if (compliance) {
                ev.add(grace.isPresent() ? Evidence.of("changeableForDays (" + vault.address() + ")", grace,
                        "set: compliance mode (the lock can be removed only during this grace time)")
                        : Evidence.of("lockDate (" + vault.address() + ")", lockDate,
                        "set: compliance mode (immutable from this date)"));
            } else if (governance) {
                status = Path.FAIL;
                ev.add(Evidence.of("changeableForDays (" + vault.address() + ")", grace,
                        "set: compliance mode"));
                why.add("vault " + vault.address() + " is locked in governance mode (no grace time, no lock date): "
                        + "anyone allowed backup:DeleteBackupVaultLockConfiguration can remove the lock");
            } else {
                status = Math.max(status, Path.UNKNOWN);
                why.add("the mode of the Vault Lock of " + vault.address() + " is unknown: "
                        + Fields.why(grace.isUnknown() && !Fields.absentFromInput(grace) ? grace : lockDate));
            }
            ev.add(Evidence.of("minRetentionDays (" + vault.address() + ")", vault.minRetentionDays,
                    "the lock's minimum retention"));
        }
        ev.add(0, target);
        String message = status == Path.PASS
                ? "selected by " + where + ", whose vault " + vault.address() + " uses customer-managed key "
                        + (key.key() != null ? key.key().address() : Fields.shown(vault.kmsKey))
                        + " and has a Vault Lock in compliance mode"
                : where + ": " + String.join("; ", why);
        return new Path(status, message, ev);
    }

    private static boolean knownNullOrAbsent(Value<?> v) {
        return Fields.absentFromInput(v) || (v.isKnown() && v.get() == null);
    }
}
