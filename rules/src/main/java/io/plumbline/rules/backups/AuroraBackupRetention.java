package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;

/**
 * BAK-001. Every DB cluster keeps automated backups at least {@code profile.aurora.backupRetentionDays} days (the
 * point-in-time-recovery window). Aurora backups cannot be turned off, so the rule tests the threshold. Applies to
 * every DB cluster, Aurora or Multi-AZ (the retention setting means the same). The live-only sub-check (latest
 * restorable time within 15 minutes) needs a live source and is not made here.
 */
@RuleInfo(
        id = "BAK-001",
        title = "Aurora automated backups are kept ≥ 7 days and point-in-time recovery is current",
        severity = Severity.HIGH,
        group = "backups",
        rationale = "The retention period is the point-in-time-recovery window; 1 day (the default) leaves no room to "
                + "notice corruption.",
        remediation = "Set backup_retention_period (CloudFormation: BackupRetentionPeriod) to at least the profile's "
                + "aurora.backupRetentionDays (7 in the reference profile), at most 35.",
        controls = {"SH RDS.11", "NIST CP-10", "NIST CP-6", "NIST CP-6(1)", "NIST CP-6(2)", "NIST CP-9",
                "NIST SC-5(2)", "NIST SI-12", "NIST SI-13(5)", "CKV CKV_AWS_133", "AVD AVD-AWS-0077",
                "NAG AwsSolutions-RDS13", "NAG NAG-R5 RDSInstanceBackupEnabled"},
        reads = {Kind.DB_CLUSTER})
public final class AuroraBackupRetention implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = ctx.profile().aurora().backupRetentionDays();
        String expected = "at least " + Fields.count(required, "day", "days");
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            var days = c.backupRetentionPeriod;
            Evidence e = Evidence.of("backupRetentionPeriod", days, expected);
            if (days.isUnknown()) {
                ctx.unknown(c, "backup retention is unknown: " + days.note(), e);
            } else if (days.get() == null) {
                ctx.unknown(c, "backup retention is not set and no default is known for this input", e);
            } else if (days.get() >= required) {
                ctx.pass(c, "backup retention is " + describe(days), e);
            } else {
                ctx.fail(c, "backup retention is " + describe(days) + ", the profile requires at least "
                        + Fields.count(required, "day", "days"), e);
            }
        }
    }

    private static String describe(Value<Integer> days) {
        String base = Fields.count(days, "day", "days");
        return days.isDefaulted() ? base + " (default: " + days.note() + ")" : base;
    }
}
