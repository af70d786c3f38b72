package io.plumbline.rules.encryption;

import io.plumbline.model.Kind;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.BucketPolicies;
import io.plumbline.rules.support.BucketRoles;
import io.plumbline.rules.support.BucketScope;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Judgement;
import io.plumbline.rules.support.Fields;

/**
 * ENC-010. Bucket policies deny requests without TLS, on every bucket with a role (catalog §14 "Scopes": the
 * protected roles, and the baseline roles, by default every bucket). What counts as such a denial ({@code Bool
 * aws:SecureTransport false}, or {@code NumericLessThan s3:TlsVersion}, which AWS documents as enforcing HTTPS):
 * {@link BucketPolicies}. No policy is a FAIL (S3 then accepts plain
 * HTTP); a policy unknown until apply, or one AWS would read differently than Plumbline (a duplicate key, an element
 * in the wrong case), is UNKNOWN with the reason.
 */
@RuleInfo(
        id = "ENC-010",
        title = "Bucket policies deny requests without TLS",
        severity = Severity.MEDIUM,
        group = "encryption",
        rationale = "Enforces encryption in transit for state files, logs and backups.",
        remediation = "Add a bucket policy statement: Effect Deny, Principal \"*\", Action \"s3:*\", Resource the "
                + "bucket ARN and ARN/*, Condition {\"Bool\": {\"aws:SecureTransport\": \"false\"}}.",
        controls = {"SH S3.5", "CIS 2.1.1", "NIST AC-17(2)", "NIST AC-4", "NIST IA-5(1)", "NIST SC-12(3)",
                "NIST SC-13", "NIST SC-23", "NIST SC-23(3)", "NIST SC-7(4)", "NIST SC-8", "NIST SC-8(1)",
                "NIST SC-8(2)", "NIST SI-7(6)", "NAG AwsSolutions-S10", "NAG NAG-R5 S3BucketSSLRequestsOnly"},
        reads = {Kind.S3_BUCKET, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION, Kind.WAF_WEB_ACL,
                Kind.BUCKET_WRITER})
public final class BucketPoliciesRequireTls implements Rule {

    @Override
    public void check(RuleContext ctx) {
        BucketRoles inferred = BucketRoles.in(ctx.model(), ctx.profile().roles());
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = inferred.of(b);
            if (!BucketScope.baseline(ctx, b, role, "its policy must deny plain HTTP")) continue;
            Judgement tls = BucketPolicies.tlsOnly(b);
            Checks checks = new Checks("the policy of this " + role.describe() + " denies requests without TLS: "
                    + tls.message());
            // The role goes into every message: whether the bucket had to comply depends on it.
            new Judgement(tls.outcome(), "this " + role.describe() + ": " + tls.message(), tls.evidence()).into(checks);
            checks.note(role.evidence());
            ctx.report(b, checks.verdict());
        }
    }
}
