package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;

import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.storage.BucketWriter;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Unk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The family of resources that write into S3 buckets and matter only for that, because what they write gives the
 * bucket its role (rule catalog §0.7): CloudTrail trails, VPC flow logs and WAF logging (logs), CodePipeline artifact
 * stores and CodeBuild artifacts (artifacts).
 */
final class DeliveryMapper extends FamilyMapper {
    DeliveryMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(ResourceMapper.Res r) {
        return switch (r.type()) {
            case "AWS::CloudTrail::Trail", "AWS::EC2::FlowLog", "AWS::WAFv2::LoggingConfiguration",
                 "AWS::CodePipeline::Pipeline", "AWS::CodeBuild::Project" -> map(r);
            default -> null;
        };
    }

    private BucketWriter map(ResourceMapper.Res r) {
        Ev p = r.props();
        return switch (r.type()) {
            case "AWS::CloudTrail::Trail" -> writer(r, "logs", "CloudTrail log files", one(get(p, "S3BucketName")));
            case "AWS::EC2::FlowLog" -> writer(r, "logs", "VPC flow logs", flowLog(r));
            case "AWS::WAFv2::LoggingConfiguration" ->
                    writer(r, "logs", "WAF logs", c.refs(get(p, "LogDestinationConfigs")));
            case "AWS::CodePipeline::Pipeline" -> writer(r, "artifacts", "CodePipeline artifacts", pipeline(r));
            case "AWS::CodeBuild::Project" -> writer(r, "artifacts", "CodeBuild build artifacts", build(r));
            default -> throw new IllegalArgumentException("not a delivery type: " + r.type());
        };
    }

    private BucketWriter writer(ResourceMapper.Res r, String writes, String delivers, Value<List<Ref>> buckets) {
        BucketWriter w = new BucketWriter(r.id(), r.type(), r.loc());
        w.writes = Value.explicit(writes, r.loc());
        w.delivers = Value.explicit(delivers, r.loc());
        w.buckets = buckets;
        return w;
    }

    /** Into a bucket only with {@code LogDestinationType: s3}; the default is CloudWatch Logs. */
    private Value<List<Ref>> flowLog(ResourceMapper.Res r) {
        Ev type = get(r.props(), "LogDestinationType");
        if (type == null) return Value.explicit(List.of(), r.loc());
        Value<String> t = c.str(type);
        if (!t.isPresent()) {
            return Value.unknown("the flow log's destination type is unknown (" + t.note() + ")", t.provenance());
        }
        if (!t.get().toLowerCase(Locale.ROOT).equals("s3")) return Value.explicit(List.of(), t.provenance());
        return one(get(r.props(), "LogDestination"));
    }

    /** {@code ArtifactStore}, or {@code ArtifactStores[].ArtifactStore} (one per region). */
    private Value<List<Ref>> pipeline(ResourceMapper.Res r) {
        Ev single = get(r.props(), "ArtifactStore");
        if (single != null) return stores(List.of(single), c.at(single));
        Ev many = get(r.props(), "ArtifactStores");
        List<Ev> list = items(many);
        if (list == null) return c.unknown(many);
        List<Ev> stores = new ArrayList<>();
        for (Ev e : list) stores.add(get(e, "ArtifactStore"));
        return stores(stores, many == null ? r.loc() : c.at(many));
    }

    private Value<List<Ref>> build(ResourceMapper.Res r) {
        List<Ev> all = new ArrayList<>();
        Ev main = get(r.props(), "Artifacts");
        if (main != null) all.add(main);
        Ev secondary = get(r.props(), "SecondaryArtifacts");
        List<Ev> more = items(secondary);
        if (more == null) return c.unknown(secondary);
        all.addAll(more);
        return stores(all, main != null ? c.at(main) : r.loc());
    }

    /** The {@code Location} of every item whose {@code Type} is {@code S3}. */
    private Value<List<Ref>> stores(List<Ev> stores, io.plumbline.model.Provenance where) {
        List<Ref> out = new ArrayList<>();
        for (Ev s : stores) {
            if (s == null) continue;
            if (s instanceof Unk) return c.unknown(s);
            Ev type = get(s, "Type");
            if (!(type instanceof Lit l)) {
                if (type == null) continue;
                return Value.unknown("the artifact location's type is unknown (" + c.str(type).note() + ")",
                        c.at(type));
            }
            if (!"S3".equalsIgnoreCase(l.text())) continue;
            Value<Ref> loc = c.ref(get(s, "Location"));
            if (loc.isUnknown()) return Value.unknown(loc.note(), loc.provenance());
            if (loc.isPresent()) out.add(loc.get());
        }
        return Value.explicit(List.copyOf(out), where);
    }

    private Value<List<Ref>> one(Ev v) {
        Value<Ref> link = c.ref(v);
        if (link.isUnknown()) return Value.unknown(link.note(), link.provenance());
        return Value.explicit(link.isPresent() ? List.of(link.get()) : List.of(), link.provenance());
    }
}
