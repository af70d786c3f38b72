package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.data.DbInstance;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;

/**
 * NET-003. No DB instance — Aurora cluster members and standalone instances alike — is publicly accessible. A
 * defaulted value decides like an explicit one (the sources apply the documented default for the input kind: false
 * for Terraform and for CloudFormation Aurora instances, true with the {@code default} DB subnet group) and the
 * evidence says so.
 */
@RuleInfo(
        id = "NET-003",
        title = "Aurora instances are not publicly accessible",
        severity = Severity.CRITICAL,
        group = "network-paths",
        rationale = "A public endpoint plus one loose security-group rule exposes the database to the internet.",
        remediation = "Set publicly_accessible = false on every aws_rds_cluster_instance (CloudFormation: "
                + "PubliclyAccessible: false on every AWS::RDS::DBInstance), and never use the default DB subnet "
                + "group.",
        controls = {"SH RDS.2", "CIS 2.3.3", "NIST AC-4", "NIST AC-4(21)", "NIST SC-7", "NIST SC-7(11)",
                "NIST SC-7(16)", "NIST SC-7(21)", "NIST SC-7(4)", "NIST SC-7(5)", "CKV CKV_AWS_17",
                "AVD AVD-AWS-0180", "NAG NAG-R5 RDSInstancePublicAccess"},
        reads = {Kind.DB_INSTANCE})
public final class DbInstancesNotPublic implements Rule {

    @Override
    public void check(RuleContext ctx) {
        for (DbInstance i : ctx.model().all(DbInstance.class)) {
            if (Fields.deleted(i)) continue;
            var pa = i.publiclyAccessible;
            Evidence e = Evidence.of("publiclyAccessible", pa, "false");
            if (pa.isUnknown()) {
                ctx.unknown(i, "whether the instance is publicly accessible is unknown: " + pa.note(), e);
            } else if (pa.get() == null) {
                ctx.unknown(i, "publiclyAccessible is not set and no default is known for this input", e);
            } else if (pa.get()) {
                ctx.fail(i, "the instance is publicly accessible (publiclyAccessible " + pa.display() + "): it gets "
                        + "a public DNS name and address", e);
            } else {
                ctx.pass(i, "the instance is not publicly accessible" + (pa.isDefaulted()
                        ? " (defaulted: " + pa.note() + ")" : ""), e);
            }
        }
    }
}
