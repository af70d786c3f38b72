package io.plumbline.model.storage;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.List;

/**
 * A resource the model keeps only for the S3 buckets it writes into, because what it writes tells the bucket's role
 * (rule catalog §0.7, §14): a CloudTrail trail, a VPC flow log, a WAF logging configuration (logs), a CodePipeline
 * artifact store, a CodeBuild project's artifacts (artifacts), an RDS snapshot export (backups). Its address, source
 * type and location are those of the trail, flow log... itself. Load balancers, CloudFront distributions, bucket
 * access logging and replication name their buckets in their own kinds.
 */
public final class BucketWriter extends Resource {
    /** The bucket role what it writes implies: {@code logs}, {@code artifacts} or {@code backups}. */
    public Value<String> writes = Value.notInInput();
    /** What it delivers, for evidence: "CloudTrail log files", "VPC flow logs", "CodePipeline artifacts". */
    public Value<String> delivers = Value.notInInput();
    /**
     * The buckets it writes into, as the input names them: a bucket name, {@code name/prefix}, an ARN
     * ({@code arn:aws:s3:::name/prefix}), {@code s3://name/prefix} or the address of a bucket of the input. An empty
     * list when it writes into no bucket (a flow log to CloudWatch Logs); unknown when the input does not know where.
     */
    public Value<List<Ref>> buckets = Value.notInInput();

    public BucketWriter(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.BUCKET_WRITER;
    }
}
