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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distinct Availability Zones spanned by subnets, through the model's references. A subnet whose AZ is unknown, or a
 * reference that does not resolve to a subnet of the model, is counted as unknown, never as "no AZ". AZ names are
 * compared when a subnet has one, else AZ ids ({@code euw1-az1}); a subnet known only by AZ id among subnets known by
 * name is unknown (names and ids cannot be compared without the account's mapping).
 *
 * <p>CloudFormation's {@code !Select [i, !GetAZs '']} (the source keeps it unknown with the reason "AZ index i of the
 * region's AZs", see {@code CloudFormationSource}): when the run declares the region ({@code --region}), distinct
 * indexes into the same region's list count as distinct AZs, because {@code Fn::GetAZs} lists each zone once and an
 * index beyond the list is a stack error ({@code Fn::Select} "doesn't check ... if the index is out of bounds ...
 * will result in a stack error"), so a deployed stack never maps two indexes to one zone. Without a declared region
 * the zones stay unknown (rule catalog MAZ-001). Indexes mixed with literal AZ names cannot be compared with them:
 * such subnets are unknown, as AZ ids among names are.
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

    /** The reason the CloudFormation source gives an AZ chosen by index (group 1 the index, group 3 the region). */
    private static final Pattern AZ_INDEX = Pattern.compile(
            "^AZ index (\\d+) of the region's AZs \\(Fn::Select \\d+ of Fn::GetAZs, (region not declared|region (\\S+))\\)");

    private Zones() {
    }

    /** The zone an AZ chosen by index stands for ("AZ index 1 of eu-west-1"), or null when it is not one or the
     * region is not declared. */
    static String indexedZone(Value<String> az) {
        if (!az.isUnknown() || az.note() == null) return null;
        Matcher m = AZ_INDEX.matcher(az.note());
        if (!m.find() || m.group(3) == null) return null;
        return "AZ index " + m.group(1) + " of " + m.group(3);
    }

    /** Whether the AZ was chosen by index in a template whose region the run did not declare. */
    static boolean indexWithoutRegion(Value<String> az) {
        if (!az.isUnknown() || az.note() == null) return false;
        Matcher m = AZ_INDEX.matcher(az.note());
        return m.find() && m.group(3) == null;
    }

    /** The one zone of a subnet as {@link #ofSubnets} compares it (name, id or declared index), or null if unknown. */
    public static String zoneOf(Subnet s) {
        if (s.availabilityZone.isPresent()) return s.availabilityZone.get();
        if (s.availabilityZoneId.isPresent()) return s.availabilityZoneId.get();
        return indexedZone(s.availabilityZone);
    }

    public static Spread ofSubnets(Model model, Resource from, String attribute, Value<List<Ref>> subnets) {
        List<String> unknowns = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        if (!subnets.isPresent()) {
            unknowns.add(attribute + " is " + subnets.display());
            evidence.add(Evidence.of(attribute, subnets, "subnets in distinct AZs"));
            return new Spread(new LinkedHashSet<>(), unknowns, evidence);
        }
        List<Subnet> resolved = new ArrayList<>();
        for (Ref ref : subnets.get()) {
            Subnet s = model.resolve(from, ref, Subnet.class).orElse(null);
            if (s == null) {
                unknowns.add("subnet " + ref + " is not in the input, so its AZ is unknown");
                evidence.add(Evidence.of(attribute, String.valueOf(ref) + " (not in the input)", "a subnet of the input",
                        subnets.provenance()));
            } else {
                resolved.add(s);
            }
        }
        return of(resolved, unknowns, evidence);
    }

    /** The spread of subnets already at hand (e.g. every subnet of one tier). */
    public static Spread of(List<Subnet> subnets) {
        return of(subnets, new ArrayList<>(), new ArrayList<>());
    }

    private static Spread of(List<Subnet> subnets, List<String> unknowns, List<Evidence> evidence) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Subnet> onlyIds = new ArrayList<>();
        Set<String> indexed = new LinkedHashSet<>();
        List<Subnet> byIndex = new ArrayList<>();
        List<String> noRegion = new ArrayList<>();
        for (Subnet s : subnets) {
            if (s.availabilityZone.isPresent()) {
                names.add(s.availabilityZone.get());
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            } else if (s.availabilityZoneId.isPresent()) {
                onlyIds.add(s);
                ids.add(s.availabilityZoneId.get());
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZoneId", s.availabilityZoneId, "an AZ"));
            } else if (indexedZone(s.availabilityZone) != null) {
                byIndex.add(s);
                indexed.add(indexedZone(s.availabilityZone));
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            } else if (indexWithoutRegion(s.availabilityZone)) {
                noRegion.add(s.address());
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            } else {
                unknowns.add("the AZ of subnet " + s.address() + " is unknown (" + Fields.why(s.availabilityZone) + ")");
                evidence.add(Evidence.of("subnet " + s.address() + " availabilityZone", s.availabilityZone, "an AZ"));
            }
        }
        if (!noRegion.isEmpty()) {
            unknowns.add((noRegion.size() == 1 ? "subnet " + noRegion.get(0) + " picks its AZ" : "subnets "
                    + String.join(", ", noRegion) + " pick their AZs") + " by index in the region's AZ list "
                    + "(!Select [i, !GetAZs '']) and the region the template is deployed to is not declared "
                    + "(--region), so whether the indexes are distinct AZs is unknown");
        }
        if (names.isEmpty() && ids.isEmpty()) return new Spread(indexed, unknowns, evidence);
        for (Subnet s : byIndex) {
            unknowns.add("subnet " + s.address() + " picks its AZ by index (" + indexedZone(s.availabilityZone)
                    + "), which cannot be compared with the AZs other subnets name");
        }
        if (names.isEmpty()) return new Spread(ids, unknowns, evidence);
        for (Subnet s : onlyIds) {
            unknowns.add("subnet " + s.address() + " gives only an AZ id (" + Fields.shown(s.availabilityZoneId)
                    + "), which cannot be compared with AZ names");
        }
        return new Spread(names, unknowns, evidence);
    }
}
