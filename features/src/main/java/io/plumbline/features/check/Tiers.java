package io.plumbline.features.check;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether the resources an attribute points at (subnets, security groups) are in a tier, by the profile's tier tag
 * ({@code plumbline:tier}, rule catalog §0.7). A reference that does not resolve in the input, or a resource whose tags
 * are unknown, is undecided; a missing tag or another tier fails.
 */
public final class Tiers {
    private Tiers() {
    }

    public static Claim.Verdict check(Model model, Resource from, Found f, String tierTag, String tier) {
        if (f.empty()) return new Claim.Verdict(Outcome.FAIL, f.describe() + " (expected: resources in the " + tier + " tier)");
        if (!f.known()) return new Claim.Verdict(Outcome.UNDECIDED, f.describe());
        List<Object> refs = new ArrayList<>();
        if (f.value() instanceof Collection<?>) {
            for (Found e : f.elements()) {
                if (!e.known()) return new Claim.Verdict(Outcome.UNDECIDED, e.describe());
                refs.add(e.value());
            }
        } else {
            refs.add(f.value());
        }
        if (refs.isEmpty()) {
            return new Claim.Verdict(Outcome.FAIL, f.describe() + ", an empty list (expected: resources in the " + tier
                    + " tier)");
        }
        Outcome o = Outcome.PASS;
        List<String> lines = new ArrayList<>();
        for (Object ref : refs) {
            if (!(ref instanceof Ref r)) {
                if (ref == null) {
                    o = o.and(Outcome.FAIL);
                    lines.add(f.path() + " is not set");
                    continue;
                }
                throw new IllegalArgumentException(f.path() + " does not point at resources");
            }
            Resource t = model.resolve(from, r).orElse(null);
            if (t == null) {
                o = o.and(Outcome.UNDECIDED);
                lines.add(r.target() + " is not in the input, so its tier is unknown");
                continue;
            }
            if (t.tags.isUnknown()) {
                o = o.and(Outcome.UNDECIDED);
                lines.add(t.address() + ": tags unknown (" + t.tags.note() + ")");
                continue;
            }
            String tag = t.tag(tierTag);
            if (tier.equals(tag)) {
                lines.add(t.address() + " " + tierTag + " = " + tag);
            } else {
                o = o.and(Outcome.FAIL);
                lines.add(t.address() + (tag == null ? " has no " + tierTag + " tag" : " " + tierTag + " = " + tag)
                        + " at " + t.location().display() + " (expected: " + tier + ")");
            }
        }
        return new Claim.Verdict(o, f.path() + ": " + String.join("; ", lines));
    }
}
