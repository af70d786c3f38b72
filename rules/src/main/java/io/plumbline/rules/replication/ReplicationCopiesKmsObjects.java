package io.plumbline.rules.replication;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.security.KmsKey;
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
import io.plumbline.rules.support.Keys;
import io.plumbline.rules.support.Regions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * REP-002. A replicated bucket whose default encryption is SSE-KMS ({@code aws:kms}, {@code aws:kms:dsse}) replicates
 * its KMS-encrypted objects and encrypts the replicas with a customer-managed key of the destination's region. S3 skips
 * SSE-KMS objects unless the rule sets {@code source_selection_criteria.sse_kms_encrypted_objects.status = Enabled}
 * (CloudFormation {@code SourceSelectionCriteria.SseKmsEncryptedObjects.Status}), and then requires
 * {@code destination.encryption_configuration.replica_kms_key_id} ({@code ReplicaKmsKeyID}); a KMS key is regional,
 * so the key must live where the replica does.
 *
 * <p>Scope (rule catalog §14): buckets with an Enabled replication rule whose default encryption is SSE-KMS; with
 * SSE-S3 ({@code AES256}) it is not applicable, and so is a bucket that does not replicate (REP-001 judges that) and a
 * bucket that is itself a replica. Every Enabled rule must comply. The key's region: a key the input holds has its own
 * region (a CloudFormation key of the same stack is in the source's region, so not the destination's); a key named by
 * ARN outside the input has the ARN's region (the shared {@code Arn} reader), but nothing in the input proves it
 * customer-managed: UNKNOWN, unless the profile's {@code replication.customerManagedKeys} lists it (the operator's
 * statement, shown in the evidence). The destination's region is decided as in REP-001.
 */
@RuleInfo(
        id = "REP-002",
        title = "Replication also copies SSE-KMS objects and encrypts replicas with a destination-region CMK",
        severity = Severity.HIGH,
        group = "replication",
        rationale = "Without it, KMS-encrypted objects are silently not replicated, or replicas are encrypted with a "
                + "key the recovery region cannot use.",
        remediation = "In every Enabled replication rule set source_selection_criteria { sse_kms_encrypted_objects "
                + "{ status = \"Enabled\" } } and destination { encryption_configuration { replica_kms_key_id = "
                + "<customer-managed key ARN in the destination region> } } (CloudFormation: "
                + "SourceSelectionCriteria.SseKmsEncryptedObjects.Status, Destination.EncryptionConfiguration"
                + ".ReplicaKmsKeyID).",
        controls = {},
        reads = {Kind.S3_BUCKET, Kind.KMS_KEY, Kind.LOAD_BALANCER, Kind.CLOUDFRONT_DISTRIBUTION, Kind.WAF_WEB_ACL,
                Kind.BUCKET_WRITER})
public final class ReplicationCopiesKmsObjects implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Profile profile = ctx.profile();
        BucketRoles roles = BucketRoles.in(ctx.model(), profile.roles());
        for (S3Bucket b : ctx.model().all(S3Bucket.class)) {
            if (Fields.deleted(b)) continue;
            Value<List<ReplicationRule>> rules = b.replicationRules;
            Evidence re = Evidence.of("replication rules", rules, "Enabled rules");
            if (roles.isReplica(b)) {
                ctx.notApplicable(b, "this bucket is itself a replication destination: REP-002 judges its source",
                        re);
                continue;
            }
            if (rules.isUnknown()) {
                ctx.unknown(b, "whether this bucket replicates is unknown: " + rules.note(), re);
                continue;
            }
            List<ReplicationRule> enabled = new ArrayList<>();
            boolean statusUnknown = false;
            if (rules.get() != null) {
                for (ReplicationRule r : rules.get()) {
                    if (r.status().isUnknown()) statusUnknown = true;
                    else if (Fields.is(r.status(), "Enabled")) enabled.add(r);
                }
            }
            if (enabled.isEmpty()) {
                if (statusUnknown) ctx.unknown(b, "whether a replication rule is Enabled is unknown", re);
                else ctx.notApplicable(b, "this bucket does not replicate (REP-001 judges whether it must)", re);
                continue;
            }
            Evidence sse = Evidence.of("sse_algorithm", b.sseAlgorithm, "aws:kms");
            if (b.sseAlgorithm.isUnknown()) {
                ctx.unknown(b, "the default encryption of this replicated bucket is unknown: " + b.sseAlgorithm.note(),
                        sse);
                continue;
            }
            String algorithm = b.sseAlgorithm.get() == null ? "" : b.sseAlgorithm.get().toLowerCase(Locale.ROOT);
            if (!algorithm.startsWith("aws:kms")) {
                ctx.notApplicable(b, "default encryption is " + Fields.why(b.sseAlgorithm) + ", not SSE-KMS: there are "
                        + "no KMS-encrypted objects to select (rule catalog §14)", sse);
                continue;
            }
            Checks all = new Checks("every Enabled replication rule copies SSE-KMS objects and encrypts the replicas "
                    + "with a customer-managed key of the destination's region");
            all.note(sse);
            int n = 0;
            for (ReplicationRule r : rules.get()) {
                n++;
                if (enabled.contains(r)) rule(ctx, profile, b, r, "rule " + n, all);
            }
            ctx.report(b, all.verdict());
        }
    }

    private void rule(RuleContext ctx, Profile profile, S3Bucket b, ReplicationRule r, String name, Checks c) {
        Value<String> sel = r.sseKmsEncryptedObjects();
        Evidence se = Evidence.of(name + ".source_selection_criteria.sse_kms_encrypted_objects.status", sel,
                "Enabled");
        if (Fields.absentFromInput(sel) || sel.isUnknown()) {
            c.unknown("whether " + name + " selects SSE-KMS objects is unknown: " + Fields.why(sel), se);
        } else if (!Fields.is(sel, "Enabled")) {
            c.fail(name + " does not select SSE-KMS objects (" + Fields.why(sel) + "): S3 silently skips every "
                    + "KMS-encrypted object of this bucket", se);
        } else c.pass(se);

        Value<Ref> key = r.replicaKmsKey();
        Keys.KeyCheck owner = Keys.classify(ctx.model(), b, key);
        Evidence ke = Keys.evidence(name + ".destination.encryption_configuration.replica_kms_key_id", key, owner);
        if (owner.owner() == Keys.Owner.UNKNOWN) {
            c.unknown("the replica key of " + name + " is unknown: " + key.note(), ke);
            return;
        }
        if (owner.owner() == Keys.Owner.NONE) {
            c.fail(name + " names no replica KMS key (replica_kms_key_id): S3 cannot encrypt SSE-KMS replicas", ke);
            return;
        }
        if (owner.owner() == Keys.Owner.AWS_MANAGED) {
            c.fail(name + " encrypts replicas with an AWS-managed key: " + owner.description(), ke);
            return;
        }
        Regions.Where keyRegion = keyRegion(profile, b, owner.key(), key);
        Regions.Where destRegion = destination(ctx, profile, b, r);
        if (keyRegion.sameStackAs()) {
            c.fail("the replica key " + owner.description() + " is created in the source's stack, so in the source's "
                    + "region, not the destination's", keyRegion.evidence());
        } else if (keyRegion.region() == null) {
            c.unknown(keyRegion.why(), keyRegion.evidence());
        } else if (destRegion == null || destRegion.region() == null) {
            c.unknown("the replica key is in " + keyRegion.region() + " but the destination's region is not known"
                    + (destRegion == null ? "" : ": " + destRegion.why()), destRegion == null ? ke
                    : destRegion.evidence());
        } else if (!keyRegion.region().equals(destRegion.region())) {
            c.fail("the replica key of " + name + " is in " + keyRegion.region() + " but the destination bucket is "
                    + "in " + destRegion.region() + ": a KMS key is usable only in its own region", keyRegion.evidence());
        } else if (owner.owner() == Keys.Owner.UNPROVEN && !profile.declaresCustomerManagedKey(key.get().target())) {
            c.unknown("the replica key is in the destination's region " + destRegion.region() + ", but "
                    + owner.description() + " (the profile's replication.customerManagedKeys can name it)", ke);
        } else if (owner.owner() == Keys.Owner.UNPROVEN) {
            c.pass(Evidence.of(name + ".destination.encryption_configuration.replica_kms_key_id",
                    key.get().target() + " [customer-managed: named in the profile's replication.customerManagedKeys]",
                    "a customer-managed KMS key", key.provenance()));
            c.note(keyRegion.evidence());
        } else {
            c.pass(ke);
            c.note(keyRegion.evidence());
        }
    }

    /** The key's region: the key of the input's own, else the region field of its ARN. */
    private static Regions.Where keyRegion(Profile profile, S3Bucket b, KmsKey key, Value<Ref> ref) {
        if (key != null) return Regions.of(b, key);
        String region = Regions.arnRegion(ref.get().target());
        if (region != null) {
            return new Regions.Where(region, false, "the key ARN names region " + region,
                    Evidence.of("region of the replica key", region, "the destination's region", ref.provenance()));
        }
        return new Regions.Where(null, false, "the replica key " + ref.get().target() + " is not in this input and "
                + "names no region", Evidence.of("replica key", ref, "a key ARN of the destination's region"));
    }

    private static Regions.Where destination(RuleContext ctx, Profile profile, S3Bucket b, ReplicationRule r) {
        Value<Ref> dest = r.destinationBucket();
        if (!dest.isPresent()) return null;
        Optional<S3Bucket> target = Regions.bucket(ctx.model(), b, dest.get());
        if (target.isPresent()) {
            Regions.Where w = Regions.of(b, target.get());
            if (w.sameStackAs()) {
                Regions.Where own = Regions.own(profile, b);
                return new Regions.Where(own.region(), false, w.why(), w.evidence());
            }
            return w;
        }
        return Regions.outside(profile, BucketRoles.bucketName(dest.get().target()), dest);
    }
}
