package io.plumbline.features.steps;

import io.cucumber.java.en.Given;
import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Claim;
import io.plumbline.features.check.Expected;
import io.plumbline.features.check.Found;
import io.plumbline.features.check.Outcome;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Given steps: choose the resources a scenario speaks of, by kind, then by tag, node-group label, name or tier. A
 * resource the plan deletes is not part of the platform and is never chosen. When membership depends on something
 * unknown (the tags are unknown until apply), the resource is kept as an undecided member.
 */
public final class SelectionSteps {

    @Given("the {kind} resources")
    public void ofKind(Kind kind) {
        select(kind, Selection.plural(kind), r -> Membership.IN);
    }

    @Given("the {kind} resources tagged {string} = {string}")
    public void tagged(Kind kind, String key, String value) {
        select(kind, Selection.plural(kind) + " tagged \"" + key + "\" = \"" + value + "\"",
                r -> byMap(r.tags, key, value, "tags"));
    }

    @Given("the {kind} resources tagged {string}")
    public void taggedWithAnyValue(Kind kind, String key) {
        select(kind, Selection.plural(kind) + " tagged \"" + key + "\"", r -> byMap(r.tags, key, null, "tags"));
    }

    @Given("the {kind} resources labelled {string} = {string}")
    public void labelled(Kind kind, String key, String value) {
        select(kind, Selection.plural(kind) + " labelled \"" + key + "\" = \"" + value + "\"", r -> {
            Found f = AttributePath.parse("labels").resolve(r).get(0);
            @SuppressWarnings("unchecked")
            Value<Map<String, String>> labels = (Value<Map<String, String>>) f.source();
            return byMap(labels, key, value, "labels");
        });
    }

    @Given("the {kind} resources in {tier}")
    public void inTier(Kind kind, ParameterTypes.Tier tier) {
        // the core decides tiers: the tier tag, else the network's reading (rule catalog §14)
        io.plumbline.reach.Tiers tiers = World.get().subject().reachability().tiers();
        select(kind, Selection.plural(kind) + " in the " + tier + " tier", r -> {
            io.plumbline.reach.Tiers.Decision d = tiers.of(r);
            if (!d.known()) return Membership.open(d.unknown());
            return d.is(tier.name()) ? Membership.IN : Membership.OUT;
        });
    }

    /** By address (Terraform address, CloudFormation logical id), name or alias; {@code *} matches any text. */
    @Given("the {kind} resources named {string}")
    public void named(Kind kind, String name) {
        Pattern p = glob(name);
        select(kind, Selection.plural(kind) + " named \"" + name + "\"", r -> {
            if (p.matcher(r.address()).matches()) return Membership.IN;
            for (String alias : r.aliases()) if (p.matcher(alias).matches()) return Membership.IN;
            if (r.name.isPresent() && p.matcher(r.name.get()).matches()) return Membership.IN;
            if (r.name.isUnknown()) return Membership.open("its name is unknown (" + r.name.note() + ")");
            return Membership.OUT;
        });
    }

    /** Narrows the selection: keeps the resources whose attribute is the value; undecided where it is unknown. */
    @Given("only those whose {attribute} is {value}")
    public void onlyThose(AttributePath attribute, Expected value) {
        World w = World.get();
        Selection s = w.selection();
        Claim claim = Claim.is(value.resolve(w.subject().profile()));
        List<Resource> members = new ArrayList<>();
        List<Selection.Open> open = new ArrayList<>(s.undecided());
        for (Resource r : s.members()) {
            List<Claim.Verdict> vs = new ArrayList<>();
            for (Found f : attribute.resolve(r)) vs.add(claim.check(f));
            Claim.Verdict v = Claim.all(vs);
            if (v.outcome() == Outcome.PASS) members.add(r);
            else if (v.outcome() == Outcome.UNDECIDED) open.add(new Selection.Open(r, v.evidence()));
        }
        w.select(new Selection(s.kind(), s.description() + " whose " + attribute + " " + claim.description(), members,
                open));
    }

    /** {@code *} matches any text; everything else literally. */
    static Pattern glob(String name) {
        StringBuilder sb = new StringBuilder();
        String[] parts = name.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) sb.append(".*");
            sb.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(sb.toString());
    }

    private record Membership(int state, String reason) {
        static final Membership IN = new Membership(1, null);
        static final Membership OUT = new Membership(0, null);

        static Membership open(String reason) {
            return new Membership(2, reason);
        }
    }

    private static Membership byMap(Value<Map<String, String>> map, String key, String value, String what) {
        if (map == null || map.isUnknown()) {
            return Membership.open("its " + what + " are unknown (" + (map == null ? "not in this input" : map.note()) + ")");
        }
        String v = map.get() == null ? null : map.get().get(key);
        if (v == null) return Membership.OUT;
        return value == null || value.equals(v) ? Membership.IN : Membership.OUT;
    }

    private static void select(Kind kind, String description, Function<Resource, Membership> test) {
        World w = World.get();
        List<Resource> members = new ArrayList<>();
        List<Selection.Open> open = new ArrayList<>();
        for (Resource r : w.subject().model().resources()) {
            if (r.kind() != kind || r.change == ChangeAction.DELETE) continue;
            Membership m = test.apply(r);
            if (m == Membership.IN) members.add(r);
            else if (m.state() == 2) open.add(new Selection.Open(r, m.reason()));
        }
        w.select(new Selection(kind, description, members, open));
        StringBuilder log = new StringBuilder(members.size() + " " + description);
        for (Resource r : members) log.append("\n  ").append(r.address()).append(" at ").append(r.location().display());
        for (Selection.Open o : open) log.append("\n  undecided ").append(o.resource().address()).append(": ").append(o.reason());
        w.log(log.toString());
    }
}
