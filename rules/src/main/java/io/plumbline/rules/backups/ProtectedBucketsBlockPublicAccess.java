package io.plumbline.rules.backups;

import io.plumbline.model.Kind;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.BucketRoles;
import io.plumbline.rules.support.BucketScope;
import io.plumbline.rules.support.BucketSettings;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Judgement;

/**
 * BAK-006. Buckets block all public access: all four Block Public Access settings in effect, at bucket or account
 * level (catalog §14: S3 enforces the most restrictive combination). Scope as BAK-005: the protected roles, and the
 * baseline roles (by default every bucket). Defaults, verified: a Terraform {@code aws_s3_bucket_public_access_block}
 * created without arguments sets all four false; a bucket created without one (Terraform or CloudFormation) has all
 * four on, because S3 turns Block Public Access on for every new bucket since April 2023 (S3 user guide, "Blocking
 * public access": new buckets do not allow public access by default); an existing bucket without one in the input
 * is UNKNOWN.
 */
@RuleInfo(
        id = "BAK-006",
        title = "State, log and backup buckets block all public access",
        severity = Severity.CRITICAL,
        group = "backups",
        rationale = "State files and database backups contain secrets and full copies of the data.",
        remediation = "Add an aws_s3_bucket_public_access_block with block_public_acls, block_public_policy, "
                + "ignore_public_acls and restrict_public_buckets all true (CloudFormation: "
                + "PublicAccessBlockConfiguration with the four set to true), or set them at account level.",
        controls = {"SH S3.8", "SH S3.1", "CIS 2.1.4", "NIST AC-21", "NIST AC-3", "NIST AC-3(7)", "NIST AC-4",
                "NIST AC-4(21)", "NIST AC-6", "NIST SC-7", "CKV CKV_AWS_53", "CKV CKV_AWS_54", "CKV CKV_AWS_55",
                "CKV CKV_AWS_56", "CKV CKV2_AWS_6", "AVD AVD-AWS-0086", "AVD AVD-AWS-0087", "AVD AVD-AWS-0091",
                "AVD AVD-AWS-0093", "AVD AVD-AWS-0094", "NAG AwsSolutions-S2"},
        reads = {Kind.S3_BUCKET, Kind.ACCOUNT_PUBLIC_ACCESS_BLOCK, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION,
                Kind.WAF_WEB_ACL, Kind.BUCKET_WRITER})
public final class ProtectedBucketsBlockPublicAccess implements Rule {

    @Override
    public void check(RuleContext ctx) {
        BucketRoles inferred = BucketRoles.in(ctx.model(), ctx.profile().roles());
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = inferred.of(b);
            if (!BucketScope.baseline(ctx, b, role, "it must block public access")) continue;
            Judgement j = BucketSettings.publicAccessBlocked(ctx.model(), b);
            Checks checks = new Checks("this " + role.describe() + " blocks public access: " + j.message());
            // The role goes into every message: whether the bucket had to comply depends on it.
            new Judgement(j.outcome(), "this " + role.describe() + ": " + j.message(), j.evidence()).into(checks);
            checks.note(role.evidence());
            ctx.report(b, checks.verdict());
        }
    }
}
