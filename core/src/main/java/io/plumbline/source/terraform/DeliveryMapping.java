package io.plumbline.source.terraform;

import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resources that write into S3 buckets and matter to Plumbline only for that, because what they write gives the
 * bucket its role (rule catalog §0.7): CloudTrail trails, VPC flow logs and WAF logging (logs), CodePipeline artifact
 * stores and CodeBuild artifacts (artifacts), RDS snapshot exports (backups).
 */
final class DeliveryMapping {
    private DeliveryMapping() {
    }

    static Resource trail(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "logs", "CloudTrail log files");
        w.buckets = one(x.attrs.ref("s3_bucket_name"));
        return w;
    }

    /** A flow log writes into a bucket only when its destination type is {@code s3} (the default is CloudWatch Logs). */
    static Resource flowLog(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "logs", "VPC flow logs");
        Attrs a = x.attrs;
        Value<String> type = a.strOrNull("log_destination_type");
        if (type.isUnknown() && !Attrs.absent(type)) {
            w.buckets = Value.unknown("the flow log's destination type is unknown (" + type.note() + ")",
                    type.provenance());
        } else if (type.isPresent() && type.get().toLowerCase(Locale.ROOT).equals("s3")) {
            w.buckets = one(a.ref("log_destination"));
        } else {
            w.buckets = Value.explicit(List.of(), type.isPresent() ? type.provenance() : x.place);
        }
        return w;
    }

    /** Destinations are ARNs of buckets ({@code aws-waf-logs-*}), log groups or Firehose streams: all kept. */
    static Resource wafLogging(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "logs", "WAF logs");
        w.buckets = x.attrs.refsOrEmpty("log_destination_configs");
        return w;
    }

    static Resource pipeline(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "artifacts", "CodePipeline artifacts");
        w.buckets = locations(x.attrs.blocks("artifact_store"));
        return w;
    }

    static Resource buildProject(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "artifacts", "CodeBuild build artifacts");
        Value<List<Ref>> main = locations(x.attrs.blocks("artifacts"));
        Value<List<Ref>> secondary = locations(x.attrs.blocks("secondary_artifacts"));
        if (main.isUnknown()) w.buckets = main;
        else if (secondary.isUnknown()) w.buckets = secondary;
        else {
            List<Ref> all = new ArrayList<>(main.get());
            all.addAll(secondary.get());
            w.buckets = Value.explicit(List.copyOf(all), main.provenance());
        }
        return w;
    }

    static Resource rdsExport(PlanReader p, PlanReader.Res x) {
        BucketWriter w = writer(p, x, "backups", "RDS snapshot export");
        w.buckets = one(x.attrs.ref("s3_bucket_name"));
        return w;
    }

    private static BucketWriter writer(PlanReader p, PlanReader.Res x, String writes, String delivers) {
        BucketWriter w = p.common(new BucketWriter(x.address, x.type, x.place), x, "name");
        w.writes = Value.explicit(writes, x.place);
        w.delivers = Value.explicit(delivers, x.place);
        return w;
    }

    /** The {@code location} of each block whose {@code type} is {@code S3} (CodePipeline, CodeBuild). */
    private static Value<List<Ref>> locations(Attrs.Blocks blocks) {
        if (blocks.state == Attrs.Blocks.State.UNKNOWN && !blocks.configUnset) {
            return Value.unknown("the " + blocks.key + " blocks are " + Attrs.AFTER_APPLY, blocks.place);
        }
        List<Value<Ref>> links = new ArrayList<>();
        for (Attrs b : blocks.items) {
            Value<String> type = b.strOrNull("type");
            if (type.isUnknown()) return Value.unknown("the " + blocks.key + " type is unknown (" + type.note() + ")",
                    type.provenance());
            if (type.isPresent() && type.get().equalsIgnoreCase("S3")) links.add(b.ref("location"));
        }
        return Mappings.collect(links, blocks.place);
    }

    private static Value<List<Ref>> one(Value<Ref> link) {
        if (link.isUnknown()) return Value.unknown(link.note(), link.provenance());
        if (!link.isPresent()) return Value.explicit(List.of(), link.provenance());
        return Value.explicit(List.of(link.get()), link.provenance());
    }
}
