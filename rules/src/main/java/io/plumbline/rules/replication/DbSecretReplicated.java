package io.plumbline.rules.replication;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.security.Secret;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * REP-005. The database credential secrets are replicated to the profile's secondary region, so the application in the
 * recovery region can read them after a failover. Which secrets hold database credentials (rule catalog §0.7 spirit:
 * inferred, tags override, the evidence says how):
 * <ol>
 * <li>the profile's role tag ({@code plumbline:role}) on the secret: {@code db-credentials} makes it one, any other
 * value makes it not one;</li>
 * <li>a secret managed by RDS (live {@code OwningService = rds}, or a name starting {@code rds!}, as RDS names the
 * master user secrets it creates);</li>
 * <li>a name with a word {@code db}, {@code database}, {@code rds}, {@code aurora}, {@code postgres},
 * {@code postgresql} or {@code mysql} ({@code plumbline/app-db}).</li>
 * </ol>
 * A replica secret (live {@code PrimaryRegion} set) is the copy: not applicable. PASS when the replica regions include
 * the secondary region and, where the input reports it (live {@code ReplicationStatus[].Status}), that replica is
 * {@code InSync}; {@code Failed} fails, {@code InProgress} is unknown.
 *
 * <p>RDS-managed master secrets ({@code manage_master_user_password}, {@code ManageMasterUserPassword}) are created by
 * RDS outside the plan or template, so only a live audit sees them; AWS's RDS page on Secrets Manager integration
 * lists no replication limitation, and whether RDS keeps replicas of its own secret in sync is not documented, so such
 * a secret is judged on what {@code DescribeSecret} reports like any other.
 */
@RuleInfo(
        id = "REP-005",
        title = "The DB credential secret is replicated to the secondary region",
        severity = Severity.MEDIUM,
        group = "replication",
        rationale = "After a failover the application in the recovery region must be able to read its database "
                + "credentials.",
        remediation = "Add a replica { region = <secondary region>, kms_key_id = <a key of that region> } block to the "
                + "aws_secretsmanager_secret (CloudFormation: ReplicaRegions).",
        controls = {},
        reads = {Kind.SECRET})
public final class DbSecretReplicated implements Rule {
    static final String ROLE = "db-credentials";
    private static final Pattern DB_WORD = Pattern.compile(
            "(^|[^a-z0-9])(db|database|rds|aurora|postgres|postgresql|mysql)([^a-z0-9]|$)");

    @Override
    public void check(RuleContext ctx) {
        Profile profile = ctx.profile();
        String secondary = profile.secondaryRegion();
        for (Secret s : ctx.model().all(Secret.class)) {
            if (Fields.deleted(s)) continue;
            if (s.primaryRegion.isPresent()) {
                ctx.notApplicable(s, "this secret is a replica of a secret in " + s.primaryRegion.get(),
                        Evidence.of("primaryRegion", s.primaryRegion, "none (a primary secret)"));
                continue;
            }
            String how = dbCredential(profile, s);
            Evidence nameEvidence = Evidence.of("name", s.name, "a DB credential secret");
            if (how == null) {
                ctx.notApplicable(s, "not a database credential secret: no " + profile.roles().bucketRoleTag() + " = "
                        + ROLE + " tag, not managed by RDS, and its name " + Fields.shown(s.name) + " names no database",
                        nameEvidence);
                continue;
            }
            if (how.startsWith("?")) {
                ctx.unknown(s, how.substring(1), nameEvidence);
                continue;
            }
            Evidence how1 = Evidence.of("DB credential", how, "a DB credential secret", s.location());
            Value<List<String>> replicas = s.replicaRegions;
            Evidence re = Evidence.of("replica regions", replicas, secondary == null ? "the secondary region"
                    : secondary);
            if (secondary == null || secondary.isBlank()) {
                ctx.unknown(s, "the profile names no secondaryRegion", re, how1);
            } else if (replicas.isUnknown()) {
                ctx.unknown(s, "the replica regions of this DB credential secret are unknown: " + replicas.note(), re,
                        how1);
            } else if (replicas.get() == null || !replicas.get().contains(secondary)) {
                ctx.fail(s, "this DB credential secret (" + how + ") is not replicated to " + secondary
                        + (replicas.get() == null || replicas.get().isEmpty() ? ": it has no replica"
                        : ": its replicas are in " + replicas.get()), re, how1);
            } else {
                status(ctx, s, secondary, how, re, how1);
            }
        }
    }

    private void status(RuleContext ctx, Secret s, String secondary, String how, Evidence re, Evidence how1) {
        Value<Map<String, String>> statuses = s.replicaStatus;
        if (Fields.absentFromInput(statuses) || !statuses.isPresent() || !statuses.get().containsKey(secondary)) {
            ctx.pass(s, "this DB credential secret (" + how + ") is replicated to " + secondary, re, how1);
            return;
        }
        String st = statuses.get().get(secondary);
        Evidence se = Evidence.of("replication status in " + secondary, st, "InSync", statuses.provenance());
        if ("InSync".equalsIgnoreCase(st)) {
            ctx.pass(s, "this DB credential secret (" + how + ") is replicated to " + secondary + " and InSync", se,
                    re, how1);
        } else if ("Failed".equalsIgnoreCase(st)) {
            ctx.fail(s, "the replica of this DB credential secret in " + secondary + " has Failed", se, re, how1);
        } else {
            ctx.unknown(s, "the replica in " + secondary + " is " + st + ", not yet InSync", se, re, how1);
        }
    }

    /** How the secret is known to hold DB credentials; null when it is not one; "?reason" when that is unknown. */
    static String dbCredential(Profile profile, Secret s) {
        String tagKey = profile.roles().bucketRoleTag();
        if (s.tags.isUnknown() && !Fields.absentFromInput(s.tags)) {
            return "?the secret's tags are unknown (" + s.tags.note() + "), so its " + tagKey + " role cannot be known";
        }
        String tag = s.tag(tagKey);
        if (tag != null && !tag.isBlank()) {
            return tag.trim().equalsIgnoreCase(ROLE) ? "tag " + tagKey + " = " + tag : null;
        }
        if (s.owningService.isPresent() && "rds".equalsIgnoreCase(s.owningService.get())) {
            return "managed by RDS (OwningService rds): a DB master user secret";
        }
        if (s.name.isUnknown()) return "?the secret's name is unknown (" + s.name.note() + ")";
        if (!s.name.isPresent() || s.name.isSensitive()) return null;
        String name = s.name.get().toLowerCase(Locale.ROOT);
        if (name.startsWith("rds!")) return "name " + s.name.get() + ": RDS names the master user secrets it manages "
                + "rds!...";
        var m = DB_WORD.matcher(name);
        if (m.find()) return "name " + s.name.get() + " has the word " + m.group(2);
        return null;
    }
}
