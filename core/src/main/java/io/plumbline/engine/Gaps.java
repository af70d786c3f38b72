package io.plumbline.engine;

import io.plumbline.model.Gap;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a rule undecided where the state it reads is incomplete. A verdict computed without part of its data is not a
 * verdict: a PASS may hide what was not read, a NOT_APPLICABLE may only mean "nothing could be listed", and even a FAIL
 * on a path may be blocked by a network ACL that could not be read. So within a gap's account and region, every verdict
 * of a rule that reads the missing kind becomes UNKNOWN, keeping what the rule found on the data it had; and one
 * UNKNOWN finding per rule and gap says the rule could not look there at all.
 */
final class Gaps {

    private Gaps() {
    }

    static List<Finding> apply(Model model, List<RuleDescriptor> rules, List<Finding> findings) {
        if (model.gaps().isEmpty()) return findings;
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        for (RuleDescriptor d : rules) byId.put(d.id(), d);
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            RuleDescriptor d = byId.get(f.ruleId());
            Gap gap = d == null ? null : firstCovering(model, d, f);
            out.add(gap == null || f.status() == Status.WAIVED ? f : undecided(f, gap));
        }
        for (RuleDescriptor d : rules) {
            Map<String, Gap> scopes = new LinkedHashMap<>();
            for (Gap g : model.gaps()) {
                if (g.kind() != null && d.reads(g.kind())) scopes.putIfAbsent(scope(g), g);
            }
            for (Map.Entry<String, Gap> e : scopes.entrySet()) {
                Gap g = e.getValue();
                out.add(new Finding(d.id(), d.severity(), Status.UNKNOWN, e.getKey(), "(not collected)",
                        "could not decide in " + e.getKey() + ": " + describe(model, d, g),
                        List.of(), Provenance.live(g.account(), g.region(), null, g.operation())));
            }
        }
        return out;
    }

    /** {@code account/region} (or {@code account/global}), the place a gap leaves undecided. */
    static String scope(Gap g) {
        return (g.account() == null ? "(unknown account)" : g.account()) + "/"
                + (g.region() == null ? "global" : g.region());
    }

    private static String describe(Model model, RuleDescriptor d, Gap first) {
        List<String> parts = new ArrayList<>();
        for (Gap g : model.gaps()) {
            if (g.kind() != null && d.reads(g.kind()) && scope(g).equals(scope(first))) {
                String part = g.kind() + " not collected (" + g.operation() + ": " + g.reason() + ")";
                if (!parts.contains(part)) parts.add(part);
            }
        }
        return String.join("; ", parts);
    }

    private static Gap firstCovering(Model model, RuleDescriptor d, Finding f) {
        Provenance where = model.byAddress(f.resource()).map(Resource::location).orElse(f.location());
        for (Gap g : model.gaps()) {
            if (g.kind() != null && d.reads(g.kind()) && g.covers(where)) return g;
        }
        return null;
    }

    private static Finding undecided(Finding f, Gap g) {
        String message = g.kind() + " could not be collected in " + scope(g) + " (" + g.operation() + ": "
                + g.reason() + "), so this verdict is not decided; on the data that was read: " + f.status() + ", "
                + f.message();
        return new Finding(f.ruleId(), f.severity(), Status.UNKNOWN, f.resource(), f.resourceType(), message,
                f.evidence(), f.location(), f.waiver());
    }
}
