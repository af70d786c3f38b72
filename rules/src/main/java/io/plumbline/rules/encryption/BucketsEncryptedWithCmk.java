package io.plumbline.rules.encryption;

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
import java.util.List;

/**
 * ENC-009. State, backup, artifact and log buckets default to SSE-KMS (or DSSE-KMS) with a customer-managed key
 * (catalog §14 "Scopes"), and so do the other buckets the profile's baseline bucket roles cover (by default every
 * bucket, {@code general} included: §14 makes encryption a baseline bucket rule; real inputs carry no role tags, so
 * an untagged state bucket is {@code general} and must be judged the same). A bucket that receives load balancer access
 * logs passes with SSE-S3, which is all ELB log delivery supports. How algorithm and key are judged:
 * {@link BucketSettings#cmkEncrypted}.
 */
@RuleInfo(
        id = "ENC-009",
        title = "State, backup, artifact and log buckets default to SSE-KMS with a customer-managed key",
        severity = Severity.HIGH,
        group = "encryption",
        rationale = "SSE-S3 is automatic; only a customer-managed key adds key-policy separation and cross-account "
                + "and regional control.",
        remediation = "Add an aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = \"aws:kms\" and "
                + "kms_master_key_id = a customer-managed key (CloudFormation: BucketEncryption "
                + "ServerSideEncryptionByDefault {SSEAlgorithm: aws:kms, KMSMasterKeyID}); keep SSE-S3 on ALB log "
                + "buckets.",
        controls = {"SH S3.17", "NIST AU-9(3)", "NIST CP-9(d)", "NIST SC-13", "NIST SC-28(1)", "CKV CKV_AWS_145",
                "CKV CKV_AWS_19", "AVD AVD-AWS-0088", "AVD AVD-AWS-0132", "NAG NAG-R5 S3DefaultEncryptionKMS"},
        reads = {Kind.S3_BUCKET, Kind.KMS_KEY, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION, Kind.WAF_WEB_ACL,
                Kind.BUCKET_WRITER})
public final class BucketsEncryptedWithCmk implements Rule {
    private static final List<String> ROLES = List.of("tfstate", "backups", "artifacts", "logs");

    @Override
    public void check(RuleContext ctx) {
        BucketRoles inferred = BucketRoles.in(ctx.model(), ctx.profile().roles());
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = inferred.of(b);
            boolean named = role.known() && ROLES.stream().anyMatch(r -> r.equalsIgnoreCase(role.role()));
            if (!named && !BucketScope.baseline(ctx, b, role, "it must use a customer-managed key")) continue;
            Judgement j = BucketSettings.cmkEncrypted(ctx.model(), b, inferred.loadBalancerLogging(b));
            Checks checks = new Checks("this " + role.describe() + " is encrypted by default: " + j.message());
            // The role goes into every message: whether the bucket had to comply depends on it.
            new Judgement(j.outcome(), "this " + role.describe() + ": " + j.message(), j.evidence()).into(checks);
            checks.note(role.evidence());
            ctx.report(b, checks.verdict());
        }
    }
}
