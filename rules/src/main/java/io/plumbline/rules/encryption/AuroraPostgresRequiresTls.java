package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbClusterParameterGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ENC-007. An Aurora PostgreSQL cluster (and a Multi-AZ DB cluster of RDS for PostgreSQL) refuses clear-text clients:
 * its DB cluster parameter group sets {@code rds.force_ssl = 1}. Aurora MySQL has no such parameter
 * ({@code require_secure_transport} is its own question): NOT_APPLICABLE.
 * <p>When neither the cluster's group nor the input says the value, the engine default decides. Decision, from AWS:
 * the Aurora user guide ("Updating applications to connect to Aurora PostgreSQL DB clusters using new SSL/TLS
 * certificates") and the Knowledge Center ("aurora-postgresql-ssl-certificates") state the default is 0 with no
 * version exception, so through major version 16 the default is FAIL. For major version 17 and later the default group
 * is reported (third-party quotations of the Aurora security page, not confirmed on an AWS page here) to set 1: that
 * is UNKNOWN, never PASS by default. RDS for PostgreSQL 15 and later default to 1 (RDS user guide, "Requiring an SSL
 * connection to a PostgreSQL DB instance"), so a Multi-AZ DB cluster of engine {@code postgres} 15+ passes on the
 * documented default. A live audit reads the effective value of the group itself, default groups included.
 */
@RuleInfo(
        id = "ENC-007",
        title = "Aurora PostgreSQL requires TLS (rds.force_ssl = 1)",
        severity = Severity.MEDIUM,
        group = "encryption",
        rationale = "Without it clients may connect in clear text inside the VPC.",
        remediation = "Give the cluster a DB cluster parameter group (aws_rds_cluster_parameter_group / "
                + "AWS::RDS::DBClusterParameterGroup) with parameter rds.force_ssl = 1 and name it in "
                + "db_cluster_parameter_group_name / DBClusterParameterGroupName; the parameter is dynamic.",
        // The catalog's NIST SC-8 / SC-8(1) mappings are unconfirmed (marked ?): none listed until they are.
        controls = {},
        reads = {Kind.DB_CLUSTER, Kind.DB_CLUSTER_PARAMETER_GROUP})
public final class AuroraPostgresRequiresTls implements Rule {
    static final String PARAMETER = "rds.force_ssl";
    private static final Pattern MAJOR = Pattern.compile("^(\\d+)");

    @Override
    public void check(RuleContext ctx) {
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Evidence engineEvidence = Evidence.of("engine", c.engine, "aurora-postgresql");
            if (!c.engine.isPresent()) {
                ctx.unknown(c, "the engine is unknown (" + Fields.why(c.engine) + "), so whether rds.force_ssl applies "
                        + "is unknown", engineEvidence);
                continue;
            }
            String engine = c.engine.get().trim().toLowerCase(Locale.ROOT);
            if (!engine.equals("aurora-postgresql") && !engine.equals("postgres")) {
                ctx.notApplicable(c, "engine " + engine + " has no rds.force_ssl parameter (PostgreSQL only)",
                        engineEvidence);
                continue;
            }
            Value<String> group = c.parameterGroup;
            Evidence groupEvidence = Evidence.of("parameterGroup", group, "a group setting rds.force_ssl = 1");
            if (group.isUnknown() && !Fields.absentFromInput(group)) {
                ctx.unknown(c, "the DB cluster parameter group is unknown: " + group.note(), groupEvidence);
                continue;
            }
            DbClusterParameterGroup g = group.isPresent() && !group.get().isBlank()
                    ? ctx.model().resolve(c, new Ref(group.get()), DbClusterParameterGroup.class).orElse(null) : null;
            if (g == null) {
                boolean defaultGroup = !group.isPresent() || group.get().trim().startsWith("default.");
                if (!defaultGroup) {
                    ctx.unknown(c, "the DB cluster parameter group " + group.display() + " is not in this input, so "
                            + "its rds.force_ssl is unknown", groupEvidence);
                } else {
                    engineDefault(ctx, c, engine, "the engine's default parameter group applies", groupEvidence);
                }
                continue;
            }
            Evidence paramsEvidence = Evidence.of("parameters", g.parameters, "rds.force_ssl = 1");
            if (g.parameters.isUnknown()) {
                ctx.unknown(c, "the parameters of " + g.address() + " are unknown: " + g.parameters.note(),
                        paramsEvidence, groupEvidence);
                continue;
            }
            Map<String, String> params = g.parameters.get() == null ? Map.of() : g.parameters.get();
            String value = params.get(PARAMETER);
            if (value == null) {
                engineDefault(ctx, c, engine, "parameter group " + g.address() + " does not set rds.force_ssl, so the "
                        + "engine default applies", groupEvidence);
                continue;
            }
            Evidence valueEvidence = new Evidence(PARAMETER, g.parameters.isSensitive() ? "(sensitive)" : value,
                    "1", g.parameters.certainty(), g.parameters.provenance());
            if (value.trim().equals("1")) {
                ctx.pass(c, "parameter group " + g.address() + " sets rds.force_ssl = 1: clients must use TLS",
                        valueEvidence, groupEvidence);
            } else {
                ctx.fail(c, "parameter group " + g.address() + " sets rds.force_ssl = " + Fields.shown(
                        Value.explicit(value, g.parameters.provenance())) + ": clients may connect in clear text",
                        valueEvidence, groupEvidence);
            }
        }
    }

    private static void engineDefault(RuleContext ctx, DbCluster c, String engine, String why, Evidence groupEvidence) {
        Evidence versionEvidence = Evidence.of("engineVersion", c.engineVersion, "a known major version");
        Integer major = major(c.engineVersion);
        if (major == null) {
            ctx.unknown(c, why + ", and the engine version is unknown (" + Fields.why(c.engineVersion) + "): the "
                    + "default of rds.force_ssl depends on it", groupEvidence, versionEvidence);
            return;
        }
        boolean aurora = engine.equals("aurora-postgresql");
        if (aurora && major >= 17) {
            ctx.unknown(c, why + ": AWS's Aurora pages give the default of rds.force_ssl as 0, while the default group "
                    + "of Aurora PostgreSQL " + major + " is reported to set 1; set rds.force_ssl = 1 explicitly",
                    groupEvidence, versionEvidence);
        } else if (aurora || major < 15) {
            ctx.fail(c, why + ": rds.force_ssl defaults to 0 on " + engine + " " + major + " (AWS documentation), "
                    + "clients may connect in clear text", groupEvidence, versionEvidence);
        } else {
            ctx.pass(c, why + ": RDS for PostgreSQL " + major + " defaults rds.force_ssl to 1 (RDS user guide)",
                    groupEvidence, versionEvidence);
        }
    }

    private static Integer major(Value<String> version) {
        if (!version.isPresent()) return null;
        Matcher m = MAJOR.matcher(version.get().trim());
        if (!m.find()) return null;
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
