package io.plumbline.features.check;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether the resources an attribute points at (subnets, security groups) are in a tier, as the core decides tiers
 * ({@link io.plumbline.reach.Tiers}: the profile's tier tag, else the network's reading — rule catalog §0.7 and §14).
 * A reference that does not resolve in the input, or a resource whose tier cannot be told, is undecided; another
 * tier, or none, fails. Each line says how the tier was decided.
 */
public final class Tiers {
    private Tiers() {
    }

    public static Claim.Verdict check(Model model, Resource from, Found f, io.plumbline.reach.Tiers tiers, String tier) {
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
            io.plumbline.reach.Tiers.Decision d = tiers.of(t);
            if (!d.known()) {
                o = o.and(Outcome.UNDECIDED);
                lines.add(t.address() + ": " + d.explain());
            } else if (d.is(tier)) {
                lines.add(t.address() + " " + d.explain());
            } else {
                o = o.and(Outcome.FAIL);
                lines.add(t.address() + " " + d.explain() + " at " + t.location().display() + " (expected: " + tier + ")");
            }
        }
        return new Claim.Verdict(o, f.path() + ": " + String.join("; ", lines));
    }
}
