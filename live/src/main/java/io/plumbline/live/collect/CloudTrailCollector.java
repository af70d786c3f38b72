package io.plumbline.live.collect;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * CloudTrail trails, kept for the bucket they deliver log files into: that bucket is a logs bucket (rule catalog §0.7),
 * as {@code aws_cloudtrail.s3_bucket_name} and {@code AWS::CloudTrail::Trail.S3BucketName} make it in a plan or
 * template. Each trail is collected in its home region only ({@code includeShadowTrails=false}): a multi-region or
 * organization trail appears in every region's answer, and one writer per trail is enough.
 */
public final class CloudTrailCollector implements Collector {

    public static final String DESCRIBE_TRAILS = "cloudtrail:DescribeTrails";

    @Override
    public String service() {
        return "cloudtrail";
    }

    @Override
    public Set<Kind> kinds() {
        return Set.of(Kind.BUCKET_WRITER);
    }

    @Override
    public void collect(Clients clients, CollectContext ctx) {
        try (CloudTrailClient trails = clients.build(CloudTrailClient.builder(), ctx.region())) {
            ctx.collect(Kind.BUCKET_WRITER, "CloudTrail trails", DESCRIBE_TRAILS, () -> trails(trails, ctx));
        }
    }

    static List<BucketWriter> trails(CloudTrailClient client, CollectContext ctx) {
        List<BucketWriter> out = new ArrayList<>();
        for (Trail t : client.describeTrails(b -> b.includeShadowTrails(false)).trailList()) {
            String arn = t.trailARN() != null ? t.trailARN() : ctx.arn("cloudtrail", null, "trail/" + t.name());
            Provenance p = ctx.at(arn, DESCRIBE_TRAILS);
            BucketWriter w = Writers.writer(arn, "cloudtrail:Trail", t.name(), "logs", "CloudTrail log files", p, ctx);
            // A trail always names its bucket; a blank one would be a malformed answer, kept as "names no bucket".
            String bucket = t.s3BucketName();
            w.buckets = Value.explicit(bucket == null || bucket.isBlank() ? List.of() : List.of(new Ref(bucket)), p);
            out.add(w);
        }
        return out;
    }
}
