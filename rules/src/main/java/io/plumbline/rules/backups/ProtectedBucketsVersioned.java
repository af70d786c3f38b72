package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.BucketRoles;
import io.plumbline.rules.support.Fields;

/**
 * BAK-005. Buckets have versioning {@code Enabled}: those whose role (rule catalog §0.7, see {@link BucketRoles}) is
 * one of the profile's {@code protectedBucketRoles}, and, as a baseline bucket rule (§14), every other bucket the
 * profile's {@code baselineBucketRoles} cover (by default all, {@code general} included). {@code Suspended} keeps old
 * versions but is not enabled; {@code Disabled}, {@code Off} and absent (never enabled) are off. A bucket the profile
 * leaves out is not applicable; a bucket whose role decides whether it is judged but cannot be known is UNKNOWN.
 * Every finding says how the role was decided.
 */
@RuleInfo(
        id = "BAK-005",
        title = "Buckets have versioning Enabled (state, log and backup buckets above all)",
        severity = Severity.HIGH,
        group = "backups",
        rationale = "Versioning is the undo for overwrites and deletes of state files and backups, and a prerequisite "
                + "for replication.",
        remediation = "Add an aws_s3_bucket_versioning with versioning_configuration { status = \"Enabled\" } "
                + "(CloudFormation: VersioningConfiguration: {Status: Enabled}).",
        controls = {"SH S3.14", "CIS 2.1.2", "NIST AU-9(2)", "NIST CP-10", "NIST CP-6", "NIST CP-6(1)",
                "NIST CP-6(2)", "NIST CP-9", "NIST SC-5(2)", "NIST SI-12", "NIST SI-13(5)", "CKV CKV_AWS_21",
                "AVD AVD-AWS-0090", "NAG NAG-R5 S3BucketVersioningEnabled"},
        reads = {Kind.S3_BUCKET, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION, Kind.WAF_WEB_ACL,
                Kind.BUCKET_WRITER})
public final class ProtectedBucketsVersioned implements Rule {

    @Override
    public void check(RuleContext ctx) {
        var roles = ctx.profile().roles();
        BucketRoles inferred = BucketRoles.in(ctx.model(), roles);
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = inferred.of(b);
            Boolean baseline = role.baseline(roles);
            if (!role.protectedBy(roles) && baseline == null) {
                ctx.unknown(b, "whether this bucket must be versioned depends on its role, which cannot be known: "
                        + role.how() + "; the profile's baselineBucketRoles are " + roles.baselineBucketRoles(),
                        role.evidence());
                continue;
            }
            if (!role.protectedBy(roles) && !baseline) {
                ctx.notApplicable(b, "the profile leaves " + role.role() + " buckets out (" + role.how()
                        + "); protectedBucketRoles are " + roles.protectedBucketRoles() + ", baselineBucketRoles "
                        + roles.baselineBucketRoles(), role.evidence());
                continue;
            }
            Evidence e = Evidence.of("versioning", b.versioning, "Enabled");
            String who = role.describe();
            if (b.versioning.isUnknown()) {
                ctx.unknown(b, "versioning of this " + who + " is unknown: " + b.versioning.note(), e,
                        role.evidence());
            } else if (Fields.is(b.versioning, "Enabled")) {
                ctx.pass(b, "versioning is Enabled on this " + who, e, role.evidence());
            } else {
                String status = b.versioning.get() == null ? "not configured" : b.versioning.display();
                String extra = Fields.is(b.versioning, "Suspended")
                        ? ": Suspended keeps existing versions but creates no new ones" : "";
                ctx.fail(b, "versioning of this " + who + " is " + status + extra + "; it must be Enabled", e,
                        role.evidence());
            }
        }
    }
}
