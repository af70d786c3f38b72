package io.plumbline.features.steps;

import io.cucumber.java.en.Then;
import io.plumbline.features.check.Outcome;
import io.plumbline.features.check.Tally;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Hop;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.Reachability;
import io.plumbline.reach.TierMatrix;
import io.plumbline.reach.Traffic;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Then steps on network paths, answered by the reachability engine ({@link Reachability}, rule catalog §11) that the
 * path rules use: security groups, network ACLs and routes, hop by hop, with a witness. Traffic that certainly passes
 * decides; traffic whose fate depends on an unknown value leaves the step undecided, never passed. While the engine is
 * not available in the build, every path step is undecided with that reason.
 */
public final class ReachSteps {

    @Then("there is no path from {tier} to {tier}")
    public void noPath(ParameterTypes.Tier from, ParameterTypes.Tier to) {
        noPath(from, to, new Ports(Traffic.ALL, "any traffic"));
    }

    @Then("there is no path from {tier} to {tier} on {traffic}")
    public void noPath(ParameterTypes.Tier from, ParameterTypes.Tier to, Ports traffic) {
        Reachability reach = World.get().subject().reachability();
        TierMatrix.Cell cell = cell(reach, from, to, traffic.traffic());
        Tally t = new Tally("there is no path from " + from + " to " + to + " on " + traffic, "tier pair(s)");
        Outcome o = !cell.allowed().isEmpty() ? Outcome.FAIL : !cell.undecided().isEmpty() ? Outcome.UNDECIDED : Outcome.PASS;
        t.add(from + " -> " + to, o, lines(cell, o));
        World.get().log(t.conclude());
    }

    @Then("{tier} reaches {tier} on {traffic}")
    public void reaches(ParameterTypes.Tier from, ParameterTypes.Tier to, Ports traffic) {
        Reachability reach = World.get().subject().reachability();
        TierMatrix.Cell cell = cell(reach, from, to, traffic.traffic());
        Traffic wanted = traffic.traffic();
        Tally t = new Tally(from + " reaches " + to + " on " + traffic, "tier pair(s)");
        Outcome o = cell.allowed().containsAll(wanted) ? Outcome.PASS
                : cell.allowed().union(cell.undecided()).containsAll(wanted) ? Outcome.UNDECIDED : Outcome.FAIL;
        List<String> ev = lines(cell, o);
        if (o != Outcome.PASS) ev.add(0, "certainly passes: " + cell.allowed() + "; may pass: " + cell.undecided()
                + "; wanted: " + wanted);
        t.add(from + " -> " + to, o, ev);
        World.get().log(t.conclude());
    }

    @Then("{tier} reaches {tier} only on {traffic}")
    public void reachesOnly(ParameterTypes.Tier from, ParameterTypes.Tier to, Ports traffic) {
        Reachability reach = World.get().subject().reachability();
        TierMatrix.Cell cell = cell(reach, from, to, Traffic.ALL);
        Traffic wanted = traffic.traffic();
        Traffic excess = cell.allowed().minus(wanted);
        Traffic excessMaybe = cell.undecided().minus(wanted);
        Traffic missing = wanted.minus(cell.allowed());
        Outcome o;
        if (!excess.isEmpty() || !missing.minus(cell.undecided()).isEmpty()) o = Outcome.FAIL;
        else if (!excessMaybe.isEmpty() || !missing.isEmpty()) o = Outcome.UNDECIDED;
        else o = Outcome.PASS;
        Tally t = new Tally(from + " reaches " + to + " only on " + traffic, "tier pair(s)");
        List<String> ev = lines(cell, o);
        ev.add(0, "certainly passes: " + cell.allowed() + "; may pass: " + cell.undecided() + "; allowed: " + wanted
                + (excess.isEmpty() ? "" : "; beyond it: " + excess)
                + (missing.isEmpty() ? "" : "; not certainly reaching: " + missing));
        t.add(from + " -> " + to, o, ev);
        World.get().log(t.conclude());
    }

    /** Every selected resource is reached only from endpoints of the tier, only on the traffic, and is reached so. */
    @Then("only {tier} reaches them, and only on {traffic}")
    public void onlyTierReachesThem(ParameterTypes.Tier tier, Ports traffic) {
        World w = World.get();
        Reachability reach = w.subject().reachability();
        checkTier(reach, tier);
        Traffic wanted = traffic.traffic();
        AttributeSteps.each("only " + tier + " reaches them, and only on " + traffic, (r, world) -> {
            List<Endpoint> targets = endpointsOf(reach, r);
            if (targets.isEmpty()) {
                return new io.plumbline.features.check.Claim.Verdict(Outcome.UNDECIDED,
                        "not an endpoint of the reachability model (it carries no network interface there)");
            }
            Outcome o = Outcome.PASS;
            List<String> ev = new ArrayList<>();
            Traffic fromTier = Traffic.NONE;
            Traffic fromTierMaybe = Traffic.NONE;
            for (Endpoint dst : targets) {
                for (Endpoint src : reach.endpoints()) {
                    if (src.resource() == r) continue;
                    PathResult p = reach.path(src, dst, Traffic.ALL);
                    boolean sameTier = tier.name().equals(src.tier());
                    Traffic bad = sameTier ? p.allowed().minus(wanted) : p.allowed();
                    Traffic badMaybe = sameTier ? p.undecided().minus(wanted) : p.undecided();
                    if (sameTier) {
                        fromTier = fromTier.union(p.allowed().intersect(wanted));
                        fromTierMaybe = fromTierMaybe.union(p.undecided().intersect(wanted));
                    }
                    if (!bad.isEmpty()) {
                        o = o.and(Outcome.FAIL);
                        ev.add("reached from " + src + " on " + bad + witness(p));
                    } else if (!badMaybe.isEmpty()) {
                        o = o.and(Outcome.UNDECIDED);
                        ev.add("may be reached from " + src + " on " + badMaybe + witness(p));
                    }
                }
            }
            if (!fromTier.containsAll(wanted)) {
                Outcome missing = fromTier.union(fromTierMaybe).containsAll(wanted) ? Outcome.UNDECIDED : Outcome.FAIL;
                o = o.and(missing);
                ev.add("the " + tier + " tier certainly reaches it on " + fromTier + " only, not on all of " + wanted);
            }
            if (ev.isEmpty()) ev.add("reached only from the " + tier + " tier, on " + fromTier);
            return new io.plumbline.features.check.Claim.Verdict(o, String.join("; ", ev));
        });
    }

    private static List<Endpoint> endpointsOf(Reachability reach, Resource r) {
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint e : reach.endpoints()) if (e.resource() == r) out.add(e);
        return out;
    }

    private static void checkTier(Reachability reach, ParameterTypes.Tier tier) {
        if (Endpoint.INTERNET.equals(tier.name())) return;
        if (reach.inTier(tier.name()).isEmpty()) {
            throw new io.plumbline.features.Undecided("no endpoint of the input is in the " + tier + " tier");
        }
    }

    private static TierMatrix.Cell cell(Reachability reach, ParameterTypes.Tier from, ParameterTypes.Tier to,
                                        Traffic traffic) {
        checkTier(reach, from);
        checkTier(reach, to);
        TierMatrix m = reach.matrix(traffic);
        TierMatrix.Cell c = m.cell(from.name(), to.name());
        if (c == null) {
            throw new IllegalArgumentException("no tier pair " + from + " -> " + to + " (tiers: "
                    + String.join(", ", m.tiers()) + ")");
        }
        return c;
    }

    private static List<String> lines(TierMatrix.Cell cell, Outcome o) {
        List<String> out = new ArrayList<>();
        for (PathResult p : cell.paths()) {
            boolean relevant = switch (o) {
                case FAIL -> !p.allowed().isEmpty();
                case UNDECIDED -> !p.undecided().isEmpty();
                case PASS -> !p.allowed().isEmpty();
            };
            if (!relevant) continue;
            out.add(p.from() + " -> " + p.to() + ": allowed " + p.allowed() + ", undecided " + p.undecided()
                    + witness(p));
            if (out.size() >= 12) {
                out.add("... (" + cell.paths().size() + " paths in all)");
                break;
            }
        }
        if (out.isEmpty()) out.add("allowed " + cell.allowed() + ", undecided " + cell.undecided());
        return out;
    }

    private static String witness(PathResult p) {
        StringBuilder sb = new StringBuilder();
        if (p.reason() != null && !p.reason().isBlank()) sb.append("; ").append(p.reason());
        if (p.witness() != null) {
            for (Hop h : p.witness()) sb.append("\n        ").append(h);
        }
        return sb.toString();
    }
}
