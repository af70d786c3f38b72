package io.plumbline.source.terraform;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.ops.EcrReplicationConfiguration;
import io.plumbline.model.ops.EcrReplicationConfiguration.Destination;
import io.plumbline.model.ops.EcrReplicationConfiguration.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry-level replication: {@code aws_ecr_replication_configuration} (provider v5/v6:
 * {@code replication_configuration[0].rule[].destination[]} with {@code region} and {@code registry_id},
 * {@code repository_filter[]} with {@code filter} and {@code filter_type}).
 */
final class ReplicationMapping {
    private ReplicationMapping() {
    }

    static Resource ecrReplication(PlanReader p, PlanReader.Res x) {
        EcrReplicationConfiguration c = p.common(new EcrReplicationConfiguration(x.address, x.type, x.place), x, null);
        Attrs.Blocks cfg = x.attrs.blocks("replication_configuration");
        if (cfg.state == Attrs.Blocks.State.UNKNOWN) {
            c.rules = Value.unknown("the replication configuration is " + Attrs.AFTER_APPLY, cfg.place);
            return c;
        }
        if (cfg.items.isEmpty()) {
            c.rules = Value.explicit(List.of(), cfg.place);
            return c;
        }
        Attrs.Blocks rules = cfg.items.get(0).blocks("rule");
        if (rules.state == Attrs.Blocks.State.UNKNOWN) {
            c.rules = Value.unknown("the replication rules are " + Attrs.AFTER_APPLY, rules.place);
            return c;
        }
        List<Rule> out = new ArrayList<>();
        for (Attrs r : rules.items) out.add(new Rule(destinations(r.blocks("destination")),
                filters(r.blocks("repository_filter"), "filter"), filters(r.blocks("repository_filter"), "filter_type")));
        c.rules = Value.explicit(List.copyOf(out), rules.place);
        return c;
    }

    private static Value<List<Destination>> destinations(Attrs.Blocks blocks) {
        if (blocks.state == Attrs.Blocks.State.UNKNOWN) {
            return Value.unknown("the destinations are " + Attrs.AFTER_APPLY, blocks.place);
        }
        List<Destination> out = new ArrayList<>();
        for (Attrs d : blocks.items) out.add(new Destination(d.strOrNull("region"), d.strOrNull("registry_id")));
        return Value.explicit(List.copyOf(out), blocks.place);
    }

    private static Value<List<String>> filters(Attrs.Blocks blocks, String attr) {
        if (blocks.state == Attrs.Blocks.State.UNKNOWN) {
            return Value.unknown("the repository filters are " + Attrs.AFTER_APPLY, blocks.place);
        }
        List<String> out = new ArrayList<>();
        for (Attrs f : blocks.items) {
            Value<String> v = f.strOrNull(attr);
            if (v.isUnknown()) return Value.unknown("repository filter " + attr + " is " + Attrs.AFTER_APPLY,
                    v.provenance());
            if (v.isPresent()) out.add(v.get());
        }
        return Value.explicit(List.copyOf(out), blocks.place);
    }
}
