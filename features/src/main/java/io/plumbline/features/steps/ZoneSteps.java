package io.plumbline.features.steps;

import io.cucumber.java.en.Then;
import io.plumbline.features.check.Outcome;
import io.plumbline.features.check.Placement;
import io.plumbline.features.check.Tally;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Then steps on Availability Zones: how many distinct zones the selected resources span together, or each one alone
 * ({@link Placement} says where each kind's zones come from). Zones known to be enough pass even when others are
 * unknown; too few known zones with some unknown are undecided; too few with none unknown fail, naming the zones.
 */
public final class ZoneSteps {

    @Then("they span at least {int} availability zones")
    public void together(int n) {
        World w = World.get();
        Selection sel = w.selection();
        Tally t = new Tally("they span at least " + n + " availability zones", sel.population());
        if (sel.members().isEmpty() && sel.undecided().isEmpty()) {
            t.conclude();
            return;
        }
        Set<String> zones = new LinkedHashSet<>();
        List<String> unknowns = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        for (Resource r : sel.members()) {
            Placement.Spread s = Placement.of(w.subject().model(), r);
            zones.addAll(s.zones());
            for (String u : s.unknowns()) unknowns.add(r.address() + ": " + u);
            ev.add(r.address() + " in " + (s.zones().isEmpty() ? "no known zone" : String.join(", ", s.zones()))
                    + " (" + String.join("; ", s.evidence()) + ")");
        }
        for (Selection.Open o : sel.undecided()) unknowns.add(o.resource().address() + " may be one of them: " + o.reason());
        Outcome o = zones.size() >= n ? Outcome.PASS : unknowns.isEmpty() ? Outcome.FAIL : Outcome.UNDECIDED;
        List<String> lines = new ArrayList<>();
        lines.add(zones.size() + " distinct zone(s): " + (zones.isEmpty() ? "none" : String.join(", ", zones)));
        lines.addAll(ev);
        for (String u : unknowns) lines.add("unknown: " + u);
        t.add(sel.members().size() + " " + sel.population() + " together", o, lines);
        w.log(t.conclude());
    }

    @Then("each of them spans at least {int} availability zones")
    public void each(int n) {
        AttributeSteps.each("each spans at least " + n + " availability zones", (r, w) -> {
            Placement.Spread s = Placement.of(w.subject().model(), r);
            Outcome o = s.zones().size() >= n ? Outcome.PASS : s.incomplete() ? Outcome.UNDECIDED : Outcome.FAIL;
            String line = s.zones().size() + " distinct zone(s): "
                    + (s.zones().isEmpty() ? "none" : String.join(", ", s.zones())) + " (" + String.join("; ", s.evidence())
                    + ")" + (s.incomplete() ? "; unknown: " + String.join("; ", s.unknowns()) : "");
            return new io.plumbline.features.check.Claim.Verdict(o, line);
        });
    }
}
