package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtectedBucketsVersionedTest {
    private final ProtectedBucketsVersioned rule = new ProtectedBucketsVersioned();

    private static S3Bucket bucket(String name, String role, Value<String> versioning) {
        S3Bucket b = new S3Bucket("aws_s3_bucket." + name, "aws_s3_bucket", at());
        b.name = explicit("acme-" + name.replace('_', '-'));
        b.addAlias(b.name.get());
        b.tags = explicit(role == null ? Map.of("Name", name) : Map.of("plumbline:role", role));
        b.versioning = versioning;
        return b;
    }

    private static Profile withRoles(Map<String, String> patterns, List<String> baseline) {
        Profile p = profile();
        Profile.Roles roles = new Profile.Roles(p.roles().bucketRoleTag(), p.roles().protectedBucketRoles(),
                patterns, p.roles().criticalityLabel(), baseline);
        return new Profile(p.name(), p.minimumAvailabilityZones(), p.primaryRegion(), p.secondaryRegion(), p.aurora(),
                p.cache(), p.network(), roles, p.allowedFlows());
    }

    @Test
    void everyBucketNeedsVersioningEnabledAndSaysItsRole() {
        Result r = run(rule,
                bucket("state", "tfstate", explicit("Enabled")),
                bucket("logs", "logs", explicit("Suspended")),
                bucket("backups", "backups", defaulted(Defaults.S3_VERSIONING_NEVER_ENABLED)),
                bucket("logs_off", "Logs", explicit("Off")),
                bucket("logs_disabled", "logs", explicit("Disabled")),
                bucket("state_unknown", "tfstate", unknown()),
                bucket("state_unset", "tfstate", explicit(null)),
                bucket("artifacts", "artifacts", explicit("Suspended")),
                bucket("untagged", null, explicit("Suspended")));
        expect(r, "aws_s3_bucket.state", Status.PASS, "tfstate");
        expect(r, "aws_s3_bucket.logs", Status.FAIL, "Suspended", "must be Enabled", "tag plumbline:role = logs");
        expect(r, "aws_s3_bucket.backups", Status.FAIL, "Disabled (default: S3 versioning is off");
        expect(r, "aws_s3_bucket.logs_off", Status.FAIL, "Off");
        expect(r, "aws_s3_bucket.logs_disabled", Status.FAIL, "Disabled");
        expect(r, "aws_s3_bucket.state_unknown", Status.UNKNOWN, "known only after apply");
        expect(r, "aws_s3_bucket.state_unset", Status.FAIL, "not configured");
        expect(r, "aws_s3_bucket.artifacts", Status.FAIL, "artifacts bucket");
        expect(r, "aws_s3_bucket.untagged", Status.FAIL, "general: no use found");
    }

    @Test
    void aNarrowedBaselineLeavesOtherRolesOutAndCannotJudgeAnUnknownRole() {
        Profile narrow = withRoles(Map.of(), List.of("tfstate", "logs", "backups"));
        S3Bucket target = bucket("trail_logs", null, explicit("Suspended"));
        S3Bucket plain = bucket("assets", null, explicit("Suspended"));
        S3Bucket artifacts = bucket("artifacts", "artifacts", explicit("Suspended"));
        BucketWriter trail = new BucketWriter("aws_cloudtrail.main", "aws_cloudtrail", at());
        trail.writes = explicit("logs");
        trail.delivers = explicit("CloudTrail log files");
        trail.buckets = refs("arn:aws:s3:::acme-trail-logs/AWSLogs");
        Result r = run(rule, narrow, target, plain, artifacts, trail);
        expect(r, "aws_s3_bucket.trail_logs", Status.FAIL, "logs: target of the CloudTrail log files of aws_cloudtrail.main");
        expect(r, "aws_s3_bucket.assets", Status.NOT_APPLICABLE, "leaves general buckets out");
        expect(r, "aws_s3_bucket.artifacts", Status.NOT_APPLICABLE, "leaves artifacts buckets out");

        BucketWriter unknownTrail = new BucketWriter("aws_cloudtrail.other", "aws_cloudtrail", at());
        unknownTrail.writes = explicit("logs");
        unknownTrail.delivers = explicit("CloudTrail log files");
        unknownTrail.buckets = unknown("known only after apply");
        Result open = run(rule, narrow, bucket("assets", null, explicit("Enabled")), unknownTrail);
        expect(open, "aws_s3_bucket.assets", Status.UNKNOWN, "depends on its role", "aws_cloudtrail.other",
                "known only after apply");
        // With the default baseline every bucket is judged, whatever its role: the unknown link does not matter.
        expect(run(rule, bucket("assets", null, explicit("Enabled")), unknownTrail), "aws_s3_bucket.assets",
                Status.PASS, "bucket of unknown role");
    }

    @Test
    void roleThatCannotBeKnownIsUnknownWhenItDecides() {
        S3Bucket tagsUnknown = bucket("mystery", null, explicit("Enabled"));
        tagsUnknown.tags = unknown("tags_all known only after apply");
        expect(run(rule, withRoles(Map.of(), List.of("logs")), tagsUnknown), "aws_s3_bucket.mystery", Status.UNKNOWN,
                "tags are unknown");
    }

    @Test
    void namePatternsGiveARoleWhenTheTagIsMissing() {
        Profile withPatterns = withRoles(Map.of("tfstate", "-tfstate$", "-logs$", "logs"), List.of("tfstate", "logs"));
        S3Bucket state = bucket("tfstate", null, explicit("Suspended"));
        S3Bucket logs = bucket("logs", null, explicit("Enabled"));
        S3Bucket other = bucket("assets", null, explicit("Suspended"));
        S3Bucket nameUnknown = bucket("computed", null, explicit("Enabled"));
        nameUnknown.name = unknown("bucket_prefix: name known only after apply");
        S3Bucket taggedWins = bucket("x_tfstate", "artifacts", explicit("Suspended"));
        Result r = run(rule, withPatterns, state, logs, other, nameUnknown, taggedWins);
        expect(r, "aws_s3_bucket.tfstate", Status.FAIL, "tfstate bucket", "-tfstate$");
        expect(r, "aws_s3_bucket.logs", Status.PASS);
        expect(r, "aws_s3_bucket.assets", Status.NOT_APPLICABLE);
        expect(r, "aws_s3_bucket.computed", Status.UNKNOWN, "name");
        expect(r, "aws_s3_bucket.x_tfstate", Status.NOT_APPLICABLE, "artifacts");
    }
}
