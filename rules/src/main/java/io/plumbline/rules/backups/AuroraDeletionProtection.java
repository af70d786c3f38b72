package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import java.util.Locale;

/**
 * BAK-002. Every DB cluster has deletion protection on, and leaves a final snapshot when it is deleted or replaced.
 *
 * <p>Which final-snapshot settings count depends on what the input carries, told apart with
 * {@link Fields#absentFromInput}: Terraform has {@code skipFinalSnapshot} (must be false) and
 * {@code finalSnapshotIdentifier} (must be set when known); CloudFormation has the {@code DeletionPolicy} (not
 * {@code Delete}) and {@code UpdateReplacePolicy} ({@code Snapshot} or {@code Retain}) resource attributes. An
 * attribute the input kind does not have is not part of the check. Live inputs have neither: deletion protection only
 * (catalog). A file input that carries none of them is UNKNOWN for the final-snapshot part.
 *
 * <p>An absent UpdateReplacePolicy defaults to {@code Delete} and FAILs even with deletion protection on; the message
 * then says the risk is mitigated while deletion protection stays on (catalog decision: the template cannot prove the
 * old cluster is still protected at replacement time).
 */
@RuleInfo(
        id = "BAK-002",
        title = "Aurora is protected against deletion: deletion protection on and a final snapshot on delete/replace",
        severity = Severity.HIGH,
        group = "backups",
        rationale = "An accidental terraform destroy, stack delete or replacement must not drop the database.",
        remediation = "Set deletion_protection = true, skip_final_snapshot = false and a final_snapshot_identifier "
                + "(CloudFormation: DeletionProtection: true, DeletionPolicy: Snapshot and UpdateReplacePolicy: "
                + "Snapshot or Retain).",
        controls = {"SH RDS.7", "NIST CM-3", "NIST SC-5(2)", "CKV CKV_AWS_139", "AVD AVD-AWS-0343",
                "NAG AwsSolutions-RDS10"},
        reads = {Kind.DB_CLUSTER})
public final class AuroraDeletionProtection implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Checks v = new Checks("deletion protection is on and a final snapshot is kept on delete and replace");
            Evidence dp = Evidence.of("deletionProtection", c.deletionProtection, "true");
            if (c.deletionProtection.isUnknown()) {
                v.unknown("deletionProtection is unknown: " + c.deletionProtection.note(), dp);
            } else if (Boolean.TRUE.equals(c.deletionProtection.get())) {
                v.pass(dp);
            } else {
                v.fail("deletion protection is off (deletionProtection " + c.deletionProtection.display() + ")", dp);
            }
            boolean terraformStyle = !Fields.absentFromInput(c.skipFinalSnapshot);
            boolean cfnStyle = !Fields.absentFromInput(c.deletionPolicy) || !Fields.absentFromInput(c.updateReplacePolicy);
            if (terraformStyle) finalSnapshot(c, v);
            if (cfnStyle) policies(c, v);
            if (!terraformStyle && !cfnStyle && !c.location().isLive()) {
                v.unknown("the input carries no final-snapshot setting (skipFinalSnapshot, DeletionPolicy, "
                        + "UpdateReplacePolicy), so what happens to the data on delete is unknown",
                        Evidence.of("skipFinalSnapshot", c.skipFinalSnapshot, "false"));
            }
            ctx.report(c, v.verdict());
        }
    }

    private static void finalSnapshot(DbCluster c, Checks v) {
        Value<Boolean> skip = c.skipFinalSnapshot;
        Evidence e = Evidence.of("skipFinalSnapshot", skip, "false");
        if (skip.isUnknown()) {
            v.unknown("skipFinalSnapshot is unknown: " + skip.note(), e);
            return;
        }
        if (Boolean.TRUE.equals(skip.get())) {
            v.fail("no final snapshot is taken when the cluster is destroyed (skipFinalSnapshot " + skip.display()
                    + ")", e);
            return;
        }
        v.pass(e);
        Value<String> id = c.finalSnapshotIdentifier;
        if (Fields.absentFromInput(id)) return;
        Evidence ide = Evidence.of("finalSnapshotIdentifier", id, "a snapshot name");
        if (id.isUnknown()) {
            v.note(ide); // set to an expression known only after apply: it will have a value
        } else if (id.get() == null || id.get().isBlank()) {
            v.fail("a final snapshot is required (skipFinalSnapshot false) but finalSnapshotIdentifier is not set, "
                    + "so destroying the cluster fails instead of taking a snapshot", ide);
        } else {
            v.pass(ide);
        }
    }

    private static void policies(DbCluster c, Checks v) {
        Value<String> del = c.deletionPolicy;
        Evidence de = Evidence.of("DeletionPolicy", del, "Snapshot or Retain");
        if (Fields.absentFromInput(del)) {
            v.note(de);
        } else if (del.isUnknown()) {
            v.unknown("DeletionPolicy is unknown: " + del.note(), de);
        } else if (del.get() == null || lower(del.get()).equals("delete")) {
            v.fail("the cluster is deleted without a snapshot when it leaves the stack (DeletionPolicy "
                    + del.display() + ")", de);
        } else {
            v.pass(de);
        }

        Value<String> urp = c.updateReplacePolicy;
        Evidence ue = Evidence.of("UpdateReplacePolicy", urp, "Snapshot or Retain");
        if (Fields.absentFromInput(urp)) {
            v.note(ue);
        } else if (urp.isUnknown()) {
            v.unknown("UpdateReplacePolicy is unknown: " + urp.note(), ue);
        } else if (urp.get() != null && (lower(urp.get()).equals("snapshot") || lower(urp.get()).equals("retain"))) {
            v.pass(ue);
        } else {
            boolean protectedNow = c.deletionProtection.is(true);
            v.fail("a replacement deletes the old cluster without a snapshot (UpdateReplacePolicy " + urp.display()
                    + ")" + (protectedNow ? "; mitigated while deletion protection stays on, but the template cannot "
                    + "prove the old cluster is still protected when it is replaced" : ""), ue);
        }
    }

    private static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
