package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Subnet;
import io.plumbline.rule.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Distinct Availability Zones spanned by subnets, through the model's references. A subnet whose AZ is unknown, or a
 * reference that does not resolve to a subnet of the model, is counted as unknown, never as "no AZ". AZ names are
 * compared when a subnet has one, else AZ ids ({@code euw1-az1}); a subnet known only by AZ id among subnets known by
 * name is unknown (names and ids cannot be compared without the account's mapping).
 */
public final class Zones {

    /** The zones known, the reasons some are not, and one evidence per subnet. */
    public record Spread(Set<String> zones, List<String> unknowns, List<Evidence> evidence) {
        public int distinct() {
            return zones.size();
        }

        /** True when some subnet's AZ (or the subnet list itself) is unknown. */
        public boolean incomplete() {
            return !unknowns.isEmpty();
        }
    }

    private Zones() {
    }

    public static Spread ofSubnets(Model model, Resource from, String attribute, Value<List<Ref>> subnets) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknowns = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        if (!subnets.isPresent()) {
            unknowns.add(attribute + " is " + subnets.display());
            evidence.add(Evidence.of(attribute, subnets, "subnets in distinct AZs"));
            return new Spread(names, unknowns, evidence);
        }
        List<Subnet> onlyIds = new ArrayList<>();
        for (Ref ref : subnets.get()) {
            Subnet s = model.resolve(from, ref, Subnet.class).orElse(null);
            if (s == null) {
                unknowns.add("subnet " + ref + " is not in the input, so its AZ is unknown");
                evidence.add(Evidence.of(attribute, String.valueOf(ref) + " (not in the input)", "a subnet of the input",
                        subnets.provenance()));
                continue;
            }
            if (s.availabilityZone.isPresent()) {
                names.add(s.availabilityZone.get());
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            } else if (s.availabilityZoneId.isPresent()) {
                onlyIds.add(s);
                ids.add(s.availabilityZoneId.get());
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZoneId", s.availabilityZoneId, "an AZ"));
            } else {
                unknowns.add("the AZ of subnet " + s.address() + " is unknown (" + Fields.why(s.availabilityZone) + ")");
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            }
        }
        if (names.isEmpty()) return new Spread(ids, unknowns, evidence);
        for (Subnet s : onlyIds) {
            unknowns.add("subnet " + s.address() + " gives only an AZ id (" + Fields.shown(s.availabilityZoneId)
                    + "), which cannot be compared with AZ names");
        }
        return new Spread(names, unknowns, evidence);
    }
}
