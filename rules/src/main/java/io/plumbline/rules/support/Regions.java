package io.plumbline.rules.support;

import io.plumbline.model.Arn;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import java.util.Optional;

/**
 * Where a resource lives, for the cross-region rules: the one place regions are decided. A resource the input holds
 * has its own region ({@link Resource#region}: Terraform provider alias or v6 {@code region}, the CloudFormation run's
 * region, where a live resource was collected). A template states no region (rule catalog §14): two resources of one
 * CloudFormation template share the stack's region even when the run names none; without {@code --region} a
 * CloudFormation resource is taken to be in the profile's {@code primaryRegion}, and the evidence says so. A bucket
 * the input does not hold has the region the profile's {@code replication.bucketRegions} gives its name, else an
 * unknown one (an S3 ARN holds no region). Any other unknown region stays unknown, never assumed.
 */
public final class Regions {
    private Regions() {
    }

    /**
     * Where a resource lives, for the rules that compare a resource's region with the profile's: the input's own
     * region, or for a CloudFormation resource of a run without {@code --region} the profile's primary region (said in
     * {@link Where#how}); any other unknown region stays unknown. Same as {@link #own(Profile, Resource)}.
     */
    public static Where of(Resource r, Profile profile) {
        return own(profile, r);
    }

    /** A region as far as it is known: a name, "the same as X" (one stack), or unknown with the reason. */
    public record Where(String region, boolean sameStackAs, String why, Evidence evidence) {
        /** A region read from elsewhere (an ARN), with how it was read. */
        public Where(String region, String how) {
            this(region, false, how, null);
        }

        public boolean known() {
            return region != null || sameStackAs;
        }

        /** The region in a few words ("region us-west-2", and whether it was assumed), else why it is unknown. */
        public String how() {
            if (region == null) return why;
            if (why.contains("primaryRegion")) {
                return "region " + region + " (the profile's primaryRegion: the stack's region is not given)";
            }
            return why.startsWith("region of ") ? "region " + region : why;
        }
    }

    /** The bucket of the input a replication rule's destination names (ARN, name or address). */
    public static Optional<S3Bucket> bucket(Model model, Resource from, Ref ref) {
        if (ref == null || ref.target() == null) return Optional.empty();
        Optional<S3Bucket> direct = model.resolve(from, ref, S3Bucket.class);
        if (direct.isPresent()) return direct;
        String name = BucketRoles.bucketName(ref.target());
        if (name == null || name.equals(ref.target())) return Optional.empty();
        return model.resolve(from, new Ref(name), S3Bucket.class);
    }

    /**
     * The region of {@code target} seen from {@code source}: its own region when known; "the same stack" when both come
     * from one CloudFormation input whose region is not given; else unknown.
     */
    public static Where of(Resource source, Resource target) {
        Value<String> r = target.region;
        if (r.isPresent()) {
            return new Where(r.get(), false, "region of " + target.address() + " is " + r.get(),
                    Evidence.of("region of " + target.address(), r, "the secondary region"));
        }
        if (sameTemplate(source, target)) {
            return new Where(null, true, target.address() + " is created in the same CloudFormation stack, so in the "
                    + "same region", Evidence.of("region of " + target.address(), "the stack's region",
                    "the secondary region", target.location()));
        }
        return new Where(null, false, "the region of " + target.address() + " is unknown: " + Fields.why(r),
                Evidence.of("region of " + target.address(), r, "the secondary region"));
    }

    /** The region of a bucket the input does not hold: the profile's, else unknown. */
    public static Where outside(Profile profile, String name, Value<?> link) {
        String region = profile.bucketRegion(name);
        if (region != null) {
            return new Where(region, false, "bucket " + name + " is not in this input; the profile's "
                    + "replication.bucketRegions places it in " + region, Evidence.of("replication.bucketRegions."
                    + name, region, "the secondary region", link.provenance()));
        }
        return new Where(null, false, "the destination bucket " + name + " is not in this input and an S3 ARN holds no "
                + "region, so its region is unknown (name it in the profile's replication.bucketRegions)",
                Evidence.of("destination bucket", link, "a bucket in the secondary region"));
    }

    /** Both from one CloudFormation template, whose resources share the stack's region. */
    public static boolean sameTemplate(Resource a, Resource b) {
        if (!a.sourceType().startsWith("AWS::") || !b.sourceType().startsWith("AWS::")) return false;
        Provenance pa = a.location();
        Provenance pb = b.location();
        return pa.file() != null && pa.file().equals(pb.file());
    }

    /**
     * The region of the source itself. A template states none: without {@code --region} a CloudFormation source is
     * taken to be deployed in the profile's {@code primaryRegion} (said in the evidence); any other unknown region
     * stays unknown (null region, with the reason).
     */
    public static Where own(Profile profile, Resource r) {
        if (r.region.isPresent()) {
            return new Where(r.region.get(), false, "region of " + r.address() + " is " + r.region.get(),
                    Evidence.of("region", r.region, "the primary region"));
        }
        if (r.sourceType().startsWith("AWS::") && profile.primaryRegion() != null) {
            return new Where(profile.primaryRegion(), false, "the stack's region is not given (--region), so the "
                    + "profile's primaryRegion " + profile.primaryRegion() + " is taken for it",
                    Evidence.of("region", "primaryRegion " + profile.primaryRegion() + " (the stack's region is not "
                            + "given)", "the primary region", r.location()));
        }
        return new Where(null, false, "the region of " + r.address() + " is unknown: " + Fields.why(r.region),
                Evidence.of("region", r.region, "the primary region"));
    }

    /** The region field of an ARN (the shared {@link Arn} reader), or null when the text is no ARN or names none. */
    public static String arnRegion(String text) {
        Arn arn = Arn.parse(text);
        return arn != null && arn.hasRegion() ? arn.region() : null;
    }
}
