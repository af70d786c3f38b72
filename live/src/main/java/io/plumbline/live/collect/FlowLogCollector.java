package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * VPC flow logs, kept for the bucket they write into (a flow log to S3 makes its bucket a logs bucket, rule catalog
 * §0.7). Flow logs to CloudWatch Logs or Firehose write into no bucket. Trails, pipelines and build projects have their
 * own collectors (docs/inference.md).
 */
public final class FlowLogCollector implements Collector {

    public static final String DESCRIBE_FLOW_LOGS = "ec2:DescribeFlowLogs";

    @Override
    public String service() {
        return "ec2";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.BUCKET_WRITER);
    }

    @Override
    public void collect(Clients clients, CollectContext ctx) {
        try (Ec2Client ec2 = clients.ec2(ctx.region())) {
            ctx.collect(Kind.BUCKET_WRITER, "VPC flow logs", DESCRIBE_FLOW_LOGS, () -> flowLogs(ec2, ctx));
        }
    }

    static List<BucketWriter> flowLogs(Ec2Client ec2, CollectContext ctx) {
        List<BucketWriter> out = new ArrayList<>();
        for (var page : ec2.describeFlowLogsPaginator(b -> { })) {
            for (var f : page.flowLogs()) {
                String arn = ctx.arn("ec2", null, "vpc-flow-log/" + f.flowLogId());
                Provenance p = ctx.at(arn, DESCRIBE_FLOW_LOGS);
                BucketWriter w = new BucketWriter(arn, "ec2:FlowLog", p);
                ctx.nameByTag(w, f.flowLogId(), Ec2Collector.tags(f.tags()), p);
                w.writes = v("logs", p);
                w.delivers = v("VPC flow logs", p);
                boolean s3 = "s3".equalsIgnoreCase(f.logDestinationTypeAsString());
                w.buckets = s3 && f.logDestination() != null ? Value.explicit(List.of(new Ref(f.logDestination())), p)
                        : Value.explicit(List.of(), p);
                out.add(w);
            }
        }
        return out;
    }
}
