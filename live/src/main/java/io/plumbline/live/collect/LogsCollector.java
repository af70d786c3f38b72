package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.ops.LogGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * CloudWatch Logs log groups: retention and KMS key (DescribeLogGroups). Tags are not read: they would cost one
 * ListTagsForResource call per group (an account holds thousands), and no rule reads a log group's tags; they stay
 * unknown, so nothing can pass on them.
 */
public final class LogsCollector implements Collector {

    public static final String DESCRIBE_LOG_GROUPS = "logs:DescribeLogGroups";

    private CloudWatchLogsClient logs;
    private CollectContext ctx;

    @Override
    public String service() {
        return "logs";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.LOG_GROUP);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (CloudWatchLogsClient client = clients.build(CloudWatchLogsClient.builder(), ctx.region())) {
            this.logs = client;
            ctx.collect(Kind.LOG_GROUP, "CloudWatch log groups", DESCRIBE_LOG_GROUPS, this::logGroups);
        }
    }

    public List<LogGroup> logGroups() {
        List<LogGroup> out = new ArrayList<>();
        for (var page : logs.describeLogGroupsPaginator(b -> { })) {
            for (var x : page.logGroups()) {
                // logGroupArn has no ":*" suffix (the "arn" field has one): the ARN that tags and policies use.
                String arn = x.logGroupArn() != null ? x.logGroupArn()
                        : ctx.arn("logs", null, "log-group:" + x.logGroupName());
                Provenance p = ctx.at(arn, DESCRIBE_LOG_GROUPS);
                LogGroup g = new LogGroup(arn, "logs:LogGroup", p);
                g.awsId = v(arn, p);
                g.name = v(x.logGroupName(), p);
                g.region = v(ctx.region(), p);
                g.addAlias(arn);
                g.addAlias(x.arn());
                g.addAlias(x.logGroupName());
                // No retentionInDays: the group never expires (explicit null, as the CloudFormation source).
                g.retentionDays = v(x.retentionInDays(), p);
                g.kmsKey = v(x.kmsKeyId() == null ? null : new Ref(x.kmsKeyId()), p);
                out.add(g);
            }
        }
        return out;
    }
}
