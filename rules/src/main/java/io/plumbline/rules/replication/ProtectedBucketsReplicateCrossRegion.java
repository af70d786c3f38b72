package io.plumbline.rules.replication;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.storage.ReplicationRule;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import io.plumbline.rule.Verdict;
import io.plumbline.rules.support.BucketRoles;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * REP-001. Buckets whose role is one of the profile's {@code protectedBucketRoles} (state, logs, backups; roles as
 * {@link BucketRoles} infers them, tags override) replicate to a bucket in the profile's secondary region. One
 * {@code Enabled} rule suffices when: its destination bucket is in the secondary region and not in the source's own
 * region; the source is versioned {@code Enabled} (S3 refuses a replication configuration otherwise); a destination
 * the input holds is versioned {@code Enabled} too; and the rule selects every object (no filter, or an empty
 * prefix). A rule narrowed to a prefix or to tags is UNKNOWN: whether objects outside it exist is not in the input.
 *
 * <p>Regions: a destination the input holds has its own region (Terraform provider alias or v6 {@code region}; a
 * CloudFormation destination created in the same stack is in the same region, so it FAILS, rule catalog §14). A
 * destination outside the input (an S3 ARN names no region) is UNKNOWN unless the profile's
 * {@code replication.bucketRegions} names its region (by name, or a glob such as {@code "*-usw2"}): the decision this
 * rule takes for the catalog's "unless the profile names it". A template states no region of its own: without
 * {@code --region}, a CloudFormation source is taken to be in the profile's {@code primaryRegion}, said in the
 * evidence.
 *
 * <p>Same-region replication FAILS: Checkov's CKV_AWS_144 only asks that a replication configuration exist, so it
 * passes a bucket replicating within its own region, which does not survive a regional outage. A bucket that is itself
 * the replication destination of a bucket of the input is the copy: not applicable. Delete-marker replication and the
 * replication role are shown as evidence, not judged (keeping deletes out of the replica is a defensible choice).
 */
@RuleInfo(
        id = "REP-001",
        title = "State, log and backup buckets replicate to a bucket in the secondary region",
        severity = Severity.HIGH,
        group = "replication",
        rationale = "A regional outage or a regional deletion must not lose the Terraform state, the logs or the "
                + "backups.",
        remediation = "Add an aws_s3_bucket_replication_configuration (CloudFormation: ReplicationConfiguration) with "
                + "an Enabled rule for every object whose destination is a versioned bucket in the secondary region.",
        controls = {"SH S3.7", "NIST AU-9(2)", "NIST CP-10", "NIST CP-6", "NIST CP-6(1)", "NIST CP-6(2)",
                "NIST CP-9", "NIST SC-36(2)", "NIST SC-5(2)", "NIST SI-13(5)", "CKV CKV_AWS_144",
                "NAG NAG-R5 S3BucketReplicationEnabled"},
        reads = {Kind.S3_BUCKET, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION, Kind.WAF_WEB_ACL,
                Kind.BUCKET_WRITER})
public final class ProtectedBucketsReplicateCrossRegion implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Profile profile = ctx.profile();
        BucketRoles roles = BucketRoles.in(ctx.model(), profile.roles());
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            BucketRoles.Role role = roles.of(b);
            if (roles.isReplica(b)) {
                ctx.notApplicable(b, "this bucket is itself a replication destination (" + role.how() + "): it is "
                        + "the copy", role.evidence());
                continue;
            }
            if (!role.known()) {
                ctx.unknown(b, "whether this bucket must replicate depends on its role, which cannot be known: "
                        + role.how(), role.evidence());
                continue;
            }
            if (!role.protectedBy(profile.roles())) {
                ctx.notApplicable(b, "only " + profile.roles().protectedBucketRoles() + " buckets must replicate; "
                        + "this is a " + role.describe(), role.evidence());
                continue;
            }
            Verdict v = judge(ctx, profile, b, role);
            String mayBe = roles.mayBeReplica(b);
            if (v.status() == Status.FAIL && mayBe != null) {
                ctx.unknown(b, v.message() + "; but this bucket may itself be a replica: " + mayBe,
                        v.evidence().toArray(Evidence[]::new));
            } else {
                ctx.report(b, v);
            }
        }
    }

    private Verdict judge(RuleContext ctx, Profile profile, S3Bucket b, BucketRoles.Role role) {
        String who = role.describe();
        String secondary = profile.secondaryRegion();
        Value<List<ReplicationRule>> rules = b.replicationRules;
        Evidence rulesEvidence = Evidence.of("replication rules", rules, "an Enabled rule to the secondary region");
        if (secondary == null || secondary.isBlank()) {
            return new Checks("").unknown("the profile names no secondaryRegion", rulesEvidence).verdict();
        }
        if (rules.isUnknown()) {
            return new Checks("").unknown("the replication of this " + who + " is unknown: " + rules.note(),
                    rulesEvidence).verdict();
        }
        if (rules.get() == null || rules.get().isEmpty()) {
            return new Checks("").fail("this " + who + " has no replication configuration: nothing is copied to "
                    + secondary, rulesEvidence).note(role.evidence()).verdict();
        }
        Regions.Where source = Regions.own(profile, b);
        List<Verdict> perRule = new ArrayList<>();
        int i = 0;
        for (ReplicationRule r : rules.get()) perRule.add(rule(ctx, profile, b, who, source, r, ++i, secondary));
        for (Verdict v : perRule) if (v.status() == Status.PASS) return v;
        for (Verdict v : perRule) if (v.status() == Status.UNKNOWN) return v;
        if (perRule.size() == 1) return perRule.get(0);
        Checks all = new Checks("");
        for (Verdict v : perRule) all.fail(v.message(), v.evidence().isEmpty() ? rulesEvidence : v.evidence().get(0));
        return all.verdict();
    }

    private Verdict rule(RuleContext ctx, Profile profile, S3Bucket b, String who, Regions.Where source,
                         ReplicationRule r, int n, String secondary) {
        String name = "rule " + n;
        Checks c = new Checks("this " + who + " replicates every object to a versioned bucket in the secondary "
                + "region " + secondary + " (" + name + ")");
        Evidence status = Evidence.of(name + ".status", r.status(), "Enabled");
        if (r.status().isUnknown()) c.unknown("the status of " + name + " is unknown: " + r.status().note(), status);
        else if (!Fields.is(r.status(), "Enabled")) {
            c.fail(name + " is " + Fields.why(r.status()) + ": it copies nothing", status);
        } else c.pass(status);

        Value<Ref> dest = r.destinationBucket();
        Evidence destEvidence = Evidence.of(name + ".destination.bucket", dest, "a bucket in " + secondary);
        Regions.Where where = null;
        Optional<S3Bucket> target = Optional.empty();
        if (dest.isUnknown()) {
            c.unknown("the destination bucket of " + name + " is unknown: " + dest.note(), destEvidence);
        } else if (dest.get() == null) {
            c.fail(name + " names no destination bucket", destEvidence);
        } else {
            target = Regions.bucket(ctx.model(), b, dest.get());
            where = target.isPresent() ? Regions.of(b, target.get())
                    : Regions.outside(profile, BucketRoles.bucketName(dest.get().target()), dest);
            c.note(destEvidence);
        }
        if (where != null) {
            if (where.sameStackAs()) {
                c.fail(name + " replicates within one region: " + where.why() + " (same-region replication does "
                        + "not survive a regional outage)", where.evidence());
            } else if (where.region() == null) {
                c.unknown(where.why(), where.evidence());
            } else if (source.region() != null && source.region().equals(where.region())) {
                c.fail(name + " replicates within " + where.region() + ", the source's own region (same-region "
                        + "replication does not survive a regional outage)", where.evidence());
            } else if (!where.region().equals(secondary)) {
                c.fail(name + " replicates to " + where.region() + ", not to the secondary region " + secondary,
                        where.evidence());
            } else if (source.region() == null) {
                c.unknown("the destination is in " + secondary + " but " + source.why(), source.evidence());
            } else {
                c.pass(where.evidence());
                c.note(source.evidence());
            }
        }

        Evidence sourceVersioning = Evidence.of("versioning", b.versioning, "Enabled");
        if (b.versioning.isUnknown()) {
            c.unknown("versioning of the source is unknown: " + b.versioning.note(), sourceVersioning);
        } else if (!Fields.is(b.versioning, "Enabled")) {
            c.fail("the source is not versioned (" + Fields.why(b.versioning) + "): S3 replicates only from a "
                    + "bucket with versioning Enabled", sourceVersioning);
        } else c.pass(sourceVersioning);

        if (target.isPresent()) {
            S3Bucket t = target.get();
            Evidence tv = Evidence.of("versioning of " + t.address(), t.versioning, "Enabled");
            if (t.versioning.isUnknown()) {
                c.unknown("versioning of the destination " + t.address() + " is unknown: " + t.versioning.note(), tv);
            } else if (!Fields.is(t.versioning, "Enabled")) {
                c.fail("the destination " + t.address() + " is not versioned (" + Fields.why(t.versioning) + "): S3 "
                        + "replicates only into a bucket with versioning Enabled", tv);
            } else c.pass(tv);
        }

        Value<String> filter = r.filter();
        Evidence fe = Evidence.of(name + ".filter", filter, "every object (empty prefix)");
        if (filter.isUnknown() && !Fields.absentFromInput(filter)) {
            c.unknown("the filter of " + name + " is unknown: " + filter.note(), fe);
        } else if (filter.isPresent() && !filter.get().isEmpty()) {
            c.unknown(name + " copies only objects matching " + filter.get() + "; whether the bucket holds others is "
                    + "not in the input", fe);
        } else if (!Fields.absentFromInput(filter)) c.pass(fe);

        if (!Fields.absentFromInput(r.deleteMarkerReplication())) {
            c.note(Evidence.of(name + ".delete_marker_replication", r.deleteMarkerReplication(), "shown, not judged"));
        }
        if (!Fields.absentFromInput(b.replicationRole)) {
            c.note(Evidence.of("replication role", b.replicationRole, "shown, not judged"));
        }
        return c.verdict();
    }
}
