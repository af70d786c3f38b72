package io.plumbline.rules.support;

import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.RuleContext;

/**
 * Which buckets a bucket rule judges, from their role ({@link BucketRoles}): the profile's protected roles plus the
 * baseline roles (every bucket by default: rule catalog §14, "the baseline bucket rules (versioning, encryption,
 * public access, TLS-only) apply to it too"). A bucket left out is NOT_APPLICABLE, one whose role decides and cannot
 * be known UNKNOWN, both with how the role was decided.
 */
public final class BucketScope {
    private BucketScope() {
    }

    /** Protected or baseline roles (as BAK-005): true when judged; otherwise the finding is already reported. */
    public static boolean baseline(RuleContext ctx, S3Bucket b, BucketRoles.Role role, String what) {
        Profile.Roles roles = ctx.profile().roles();
        if (role.protectedBy(roles)) return true;
        Boolean baseline = role.baseline(roles);
        if (baseline == null) {
            ctx.unknown(b, "whether " + what + " depends on the bucket's role, which cannot be known: " + role.how()
                    + "; the profile's baselineBucketRoles are " + roles.baselineBucketRoles(), role.evidence());
            return false;
        }
        if (!baseline) {
            ctx.notApplicable(b, "the profile leaves " + role.role() + " buckets out (" + role.how()
                    + "); protectedBucketRoles are " + roles.protectedBucketRoles() + ", baselineBucketRoles "
                    + roles.baselineBucketRoles(), role.evidence());
            return false;
        }
        return true;
    }
}
