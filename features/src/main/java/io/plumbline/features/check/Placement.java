package io.plumbline.features.check;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.rule.Evidence;
import io.plumbline.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Availability Zones a resource sits in, read from the first placement attribute it has: its own
 * {@code availabilityZone} (subnet, DB instance, EBS volume, EC2 instance), {@code availabilityZones} (Auto Scaling
 * group), {@code preferredAzs} (cache replication group, when given), its {@code subnets} or {@code subnet} (node
 * group, load balancer, EKS cluster, subnet groups, NAT gateway), or its {@code subnetGroup}'s subnets. Subnets are
 * resolved through the model exactly as the rules resolve them ({@link Zones}); a zone that cannot be known is counted
 * as unknown, never as "no zone".
 */
public final class Placement {
    /** The zones known, the reasons some are not, and evidence lines. */
    public record Spread(Set<String> zones, List<String> unknowns, List<String> evidence) {
        public boolean incomplete() {
            return !unknowns.isEmpty();
        }
    }

    private Placement() {
    }

    @SuppressWarnings("unchecked")
    public static Spread of(Model model, Resource r) {
        Value<?> az = field(r, "availabilityZone");
        if (az != null) {
            Set<String> zones = new LinkedHashSet<>();
            List<String> unknowns = new ArrayList<>();
            Found f = Found.of("availabilityZone", az, r.location());
            if (az.isPresent()) zones.add(String.valueOf(az.get()));
            else unknowns.add(az.isUnknown() ? "availabilityZone is unknown (" + az.note() + ")" : "availabilityZone is not set");
            return new Spread(zones, unknowns, List.of(f.describe()));
        }
        for (String name : List.of("availabilityZones", "preferredAzs")) {
            Value<?> list = field(r, name);
            if (list == null) continue;
            if (name.equals("preferredAzs") && list.isKnown() && (list.get() == null || ((List<?>) list.get()).isEmpty())) {
                continue;
            }
            Found f = Found.of(name, list, r.location());
            Set<String> zones = new LinkedHashSet<>();
            List<String> unknowns = new ArrayList<>();
            if (list.isPresent()) for (Object o : (List<?>) list.get()) zones.add(String.valueOf(o));
            else unknowns.add(f.describe());
            if (zones.isEmpty() && unknowns.isEmpty()) unknowns.add(name + " is empty");
            return new Spread(zones, unknowns, List.of(f.describe()));
        }
        Value<?> subnets = field(r, "subnets");
        if (subnets != null) return convert(Zones.ofSubnets(model, r, "subnets", (Value<List<Ref>>) subnets));
        Value<?> subnet = field(r, "subnet");
        if (subnet != null) {
            Value<Ref> one = (Value<Ref>) subnet;
            return convert(Zones.ofSubnets(model, r, "subnet", one.map(List::of)));
        }
        Value<?> group = field(r, "subnetGroup");
        if (group != null) {
            Value<Ref> ref = (Value<Ref>) group;
            if (!ref.isPresent()) {
                Found f = Found.of("subnetGroup", ref, r.location());
                return new Spread(Set.of(), List.of(f.describe()), List.of(f.describe()));
            }
            Resource g = model.resolve(r, ref.get()).orElse(null);
            if (g == null || field(g, "subnets") == null) {
                String why = "subnet group " + ref.get() + " is not in the input, so its zones are unknown";
                return new Spread(Set.of(), List.of(why), List.of(why));
            }
            Spread s = convert(Zones.ofSubnets(model, g, "subnets", (Value<List<Ref>>) field(g, "subnets")));
            List<String> ev = new ArrayList<>();
            ev.add("subnetGroup = " + ref.get() + " -> " + g.address());
            ev.addAll(s.evidence());
            return new Spread(s.zones(), s.unknowns(), ev);
        }
        throw new IllegalArgumentException("a " + r.getClass().getSimpleName() + " has no placement attribute "
                + "(availabilityZone, availabilityZones, preferredAzs, subnets, subnet or subnetGroup)");
    }

    private static Spread convert(Zones.Spread s) {
        List<String> ev = new ArrayList<>();
        for (Evidence e : s.evidence()) {
            Provenance p = e.location();
            ev.add(e.attribute() + " = " + e.actual()
                    + (p == null || p == Provenance.NONE ? "" : " at " + p.display()));
        }
        return new Spread(new LinkedHashSet<>(s.zones()), s.unknowns(), ev);
    }

    private static Value<?> field(Object target, String name) {
        try {
            Object o = target.getClass().getField(name).get(target);
            return o instanceof Value<?> v ? v : null;
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
