package io.plumbline.rules.replication;

import io.plumbline.model.Arn;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.GlobalCluster;
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
import io.plumbline.rules.support.Regions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * REP-003. A DB cluster's data reaches the secondary region: a member of its Aurora global database lives there, or
 * an AWS Backup plan that selects the cluster copies its recovery points to a vault there. The secondary region is the
 * profile's; a profile without one accepts any other region and the evidence says so. A cluster in the secondary
 * region is itself the DR side: NOT_APPLICABLE.
 *
 * <p>Verdicts: one way that reaches the secondary region passes. Otherwise an open question (a selection, a copy
 * destination or a member whose region is unknown) is UNKNOWN; copies and members that all stay in the cluster's
 * region, or go to a region other than the secondary, FAIL. When the input shows no way at all the cluster is UNKNOWN,
 * not FAIL (catalog trap): a scheduled snapshot-copy job outside the input is invisible to a plan or template.
 *
 * <p>Not counted, after AWS's documentation: {@code aws_db_instance_automated_backups_replication} (cross-Region
 * automated backups are an RDS DB instance feature for Db2, MariaDB, MySQL, Oracle, PostgreSQL and SQL Server, "not
 * supported for Multi-AZ DB clusters"; Aurora is not among them: RDS user guide, "Replicating automated backups to
 * another AWS Region"). Live, the freshness of recovery points in the secondary vault (≤ 26 h) is not read.
 */
@RuleInfo(
        id = "REP-003",
        title = "Aurora data reaches the secondary region (Global Database secondary, or AWS Backup cross-region copy)",
        severity = Severity.CRITICAL,
        group = "replication",
        rationale = "DR of the system of record; snapshots that never leave the region don't help in a regional outage.",
        remediation = "Add a copy_action to the AWS Backup plan rule that selects the cluster, with destination_vault_arn "
                + "a vault in the secondary region (CloudFormation: CopyActions[].DestinationBackupVaultArn), or make "
                + "the cluster the primary of an aws_rds_global_cluster with a secondary aws_rds_cluster in the "
                + "secondary region.",
        controls = {"NIST CP-6?", "NIST CP-9?", "NIST CP-10?"},
        reads = {Kind.DB_CLUSTER, Kind.GLOBAL_CLUSTER, Kind.BACKUP_PLAN, Kind.BACKUP_VAULT})
public final class AuroraDataReachesSecondaryRegion implements Rule {

    private enum Outcome { REACHES, OPEN, ELSEWHERE }

    private record Way(Outcome outcome, String what, Evidence evidence) {
    }

    @Override
    public void check(RuleContext ctx) {
        String secondary = ctx.profile().secondaryRegion();
        boolean named = secondary != null && !secondary.isBlank();
        String target = named ? "the secondary region " + secondary : "another region (the profile names no secondary "
                + "region)";
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Regions.Where home = Regions.of(c, ctx.profile());
            Evidence homeEvidence = Evidence.of("region", home.known() ? home.how() : "(unknown)", "the primary region",
                    c.region.provenance());
            if (named && secondary.equals(home.region())) {
                ctx.notApplicable(c, "the cluster is in " + home.how() + ", the secondary region itself", homeEvidence);
                continue;
            }
            List<Way> ways = new ArrayList<>();
            globalWays(ctx.model(), c, home, secondary, ways, ctx);
            backupWays(ctx.model(), c, home, secondary, ways, ctx);
            List<Evidence> ev = new ArrayList<>();
            ev.add(homeEvidence);
            for (Way w : ways) ev.add(w.evidence());
            Evidence[] all = ev.toArray(Evidence[]::new);
            Way reaches = ways.stream().filter(w -> w.outcome() == Outcome.REACHES).findFirst().orElse(null);
            List<String> open = ways.stream().filter(w -> w.outcome() == Outcome.OPEN).map(Way::what).toList();
            List<String> elsewhere = ways.stream().filter(w -> w.outcome() == Outcome.ELSEWHERE).map(Way::what).toList();
            if (!home.known() && reaches == null) {
                ctx.unknown(c, "the cluster's region is unknown (" + home.how() + ") and the profile names no primary "
                        + "region, so whether its copies leave it cannot be told", all);
            } else if (reaches != null) {
                ctx.pass(c, reaches.what() + ", in " + target, all);
            } else if (!open.isEmpty()) {
                ctx.unknown(c, String.join("; ", open), all);
            } else if (!elsewhere.isEmpty()) {
                ctx.fail(c, "no copy reaches " + target + ": " + String.join("; ", elsewhere), all);
            } else {
                ctx.unknown(c, "no Aurora global database member and no AWS Backup copy to " + target + " in this "
                        + "input; a copy made outside it (a scheduled snapshot-copy job) is visible only live", all);
            }
        }
    }

    /** Members of the cluster's global database other than itself. */
    private static void globalWays(Model model, DbCluster c, Regions.Where home, String secondary, List<Way> ways,
                                   RuleContext ctx) {
        Value<Ref> link = c.globalClusterLink;
        if (Fields.absentFromInput(link) || (link.isKnown() && link.get() == null)) return;
        if (link.isUnknown()) {
            ways.add(new Way(Outcome.OPEN, "whether the cluster belongs to a global database is unknown: " + link.note(),
                    Evidence.of("globalClusterLink", link, "a global database with a member in the secondary region")));
            return;
        }
        GlobalCluster g = model.resolve(c, link.get(), GlobalCluster.class).orElse(null);
        Set<DbCluster> members = new LinkedHashSet<>();
        for (DbCluster d : model.all(DbCluster.class)) {
            if (d == c || Fields.deleted(d) || !d.globalClusterLink.isPresent()) continue;
            GlobalCluster dg = model.resolve(d, d.globalClusterLink.get(), GlobalCluster.class).orElse(null);
            boolean same = g != null ? dg == g : Objects.equals(d.globalClusterLink.get().target(), link.get().target());
            if (same) members.add(d);
        }
        String global = g != null ? g.address() : Fields.shown(link);
        if (g != null && g.members.isPresent()) {
            for (Ref m : g.members.get()) {
                DbCluster d = model.resolve(g, m, DbCluster.class).orElse(null);
                if (d != null) {
                    if (d != c && !Fields.deleted(d)) members.add(d);
                    continue;
                }
                // A member in a region this input does not hold (live: a region not audited): its ARN says where.
                Arn arn = Arn.parse(m.target());
                if (arn == null || !arn.hasRegion() || c.aliases().contains(m.target())) continue;
                Regions.Where there = new Regions.Where(arn.region(), "region " + arn.region() + " (from its ARN)");
                ways.add(classify(home, there, secondary, "global database " + global + " has member " + m.target()
                        + " in " + there.how(), Evidence.of("global database member", m.target(),
                        "a member in the secondary region", g.members.provenance())));
            }
        }
        for (DbCluster d : members) {
            Regions.Where there = Regions.of(d, ctx.profile());
            ways.add(classify(home, there, secondary, "global database " + global + " has member " + d.address()
                    + " in " + there.how(), Evidence.of("region of global database member " + d.address(),
                    there.known() ? there.how() : "(unknown)", "the secondary region", d.region.provenance())));
        }
    }

    private static void backupWays(Model model, DbCluster c, Regions.Where home, String secondary, List<Way> ways,
                                   RuleContext ctx) {
        Backups.Coverage cover = Backups.coverage(model, c);
        for (BackupPlan plan : cover.unknown()) {
            ways.add(new Way(Outcome.OPEN, "whether " + plan.address() + " selects the cluster is unknown: "
                    + Fields.why(plan.selectedResources), Evidence.of("selectedResources of " + plan.address(),
                    plan.selectedResources, "the cluster selected")));
        }
        for (BackupPlan plan : cover.selecting()) {
            if (!plan.rules.isPresent()) {
                ways.add(new Way(Outcome.OPEN, "the rules of " + plan.address() + " are unknown: "
                        + Fields.why(plan.rules), Evidence.of("rules of " + plan.address(), plan.rules,
                        "a copy action to the secondary region")));
                continue;
            }
            for (BackupRule rule : plan.rules.get()) {
                String where = plan.address() + (rule.name().isPresent() ? " rule " + rule.name().get() : "");
                Value<List<Ref>> copies = rule.copyVaults();
                if (Fields.absentFromInput(copies)) continue;
                if (copies.isUnknown()) {
                    ways.add(new Way(Outcome.OPEN, "the copy actions of " + where + " are unknown: " + copies.note(),
                            Evidence.of("copy actions of " + where, copies, "a vault in the secondary region")));
                    continue;
                }
                if (copies.get() == null) continue;
                for (Ref dest : copies.get()) {
                    BackupVault vault = Backups.vault(model, plan, dest.target());
                    if (vault == null) {
                        Arn arn = Arn.parse(dest.target());
                        if (arn != null && arn.hasRegion()) {
                            Regions.Where there = new Regions.Where(arn.region(), "region " + arn.region()
                                    + " (from the vault's ARN)");
                            ways.add(classify(home, there, secondary, where + " copies to vault " + dest.target()
                                    + " in " + there.how(), Evidence.of("copy destination of " + where, dest.target(),
                                    "a vault in the secondary region", copies.provenance())));
                        } else {
                            ways.add(new Way(Outcome.OPEN, where + " copies to " + dest.target() + ", a vault not in "
                                    + "this input whose ARN names no region", Evidence.of("copy destination of " + where,
                                    dest.target() + " (region unknown)", "a vault in the secondary region",
                                    copies.provenance())));
                        }
                        continue;
                    }
                    Regions.Where there = Regions.of(vault, ctx.profile());
                    ways.add(classify(home, there, secondary, where + " copies to vault " + vault.address() + " in "
                            + there.how(), Evidence.of("copy destination of " + where, vault.address() + " ("
                            + there.how() + ")", "a vault in the secondary region", copies.provenance())));
                }
            }
        }
    }

    private static Way classify(Regions.Where home, Regions.Where there, String secondary, String what, Evidence e) {
        if (!there.known()) return new Way(Outcome.OPEN, what, e);
        boolean named = secondary != null && !secondary.isBlank();
        if (home.known() && there.region().equals(home.region())) {
            return new Way(Outcome.ELSEWHERE, what + ", the cluster's own region", e);
        }
        if (named && !there.region().equals(secondary)) {
            return new Way(Outcome.ELSEWHERE, what + ", not the secondary region " + secondary, e);
        }
        return new Way(Outcome.REACHES, what, e);
    }
}
