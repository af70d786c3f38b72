package io.plumbline.features.steps;

import io.cucumber.java.en.Then;
import io.plumbline.features.Subject;
import io.plumbline.features.check.AttributePath;
import io.plumbline.features.check.Claim;
import io.plumbline.features.check.CustomerKeys;
import io.plumbline.features.check.Expected;
import io.plumbline.features.check.Found;
import io.plumbline.features.check.Outcome;
import io.plumbline.features.check.Tally;
import io.plumbline.features.check.Tiers;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Then steps on attributes of the selected resources, read from the typed model with their certainty. Every selected
 * resource must comply; one that fails fails the step (the message names the resource, the value and its location); an
 * unknown value, or an undecided member of the selection, leaves the step undecided; nothing selected is undecided.
 */
public final class AttributeSteps {

    @Then("{attribute} is {value}")
    public void is(AttributePath attribute, Expected value) {
        claim(attribute, Claim.is(value.resolve(World.get().subject().profile())));
    }

    @Then("{attribute} is at least {int}")
    public void atLeast(AttributePath attribute, int n) {
        claim(attribute, Claim.atLeast(n));
    }

    @Then("{attribute} is at most {int}")
    public void atMost(AttributePath attribute, int n) {
        claim(attribute, Claim.atMost(n));
    }

    @Then("{attribute} is one of {list}")
    public void oneOf(AttributePath attribute, List<Expected> values) {
        claim(attribute, Claim.oneOf(resolve(values)));
    }

    @Then("{attribute} include(s) {list}")
    public void includes(AttributePath attribute, List<Expected> values) {
        claim(attribute, Claim.includes(resolve(values)));
    }

    @Then("{attribute} is present")
    public void present(AttributePath attribute) {
        claim(attribute, Claim.present());
    }

    @Then("{attribute} is a customer-managed key")
    public void customerManagedKey(AttributePath attribute) {
        Subject s = World.get().subject();
        each(attribute + " is a customer-managed KMS key", (r, w) -> {
            List<Claim.Verdict> vs = new ArrayList<>();
            for (Found f : attribute.resolve(r)) vs.add(CustomerKeys.checkKey(s.model(), r, f));
            return Claim.all(vs);
        });
    }

    @Then("they are encrypted with a customer-managed key")
    public void encryptedWithCustomerManagedKey() {
        Subject s = World.get().subject();
        each("they are encrypted with a customer-managed KMS key", (r, w) -> CustomerKeys.check(s.model(), r));
    }

    @Then("{attribute} is in {tier}")
    public void inTier(AttributePath attribute, ParameterTypes.Tier tier) {
        allInTier(attribute, tier);
    }

    @Then("{attribute} are all in {tier}")
    public void allInTier(AttributePath attribute, ParameterTypes.Tier tier) {
        Subject s = World.get().subject();
        each(attribute + " are all in the " + tier + " tier", (r, w) -> {
            io.plumbline.reach.Tiers tiers = s.reachability().tiers();
            List<Claim.Verdict> vs = new ArrayList<>();
            for (Found f : attribute.resolve(r)) vs.add(Tiers.check(s.model(), r, f, tiers, tier.name()));
            return Claim.all(vs);
        });
    }

    @Then("there are at least {int} of them")
    public void atLeastCount(int n) {
        World w = World.get();
        Selection sel = w.selection();
        int certain = sel.members().size();
        int possible = certain + sel.undecided().size();
        Tally t = new Tally("there are at least " + n + " of them", sel.population());
        String subject = certain + " " + sel.population();
        List<String> ev = new ArrayList<>();
        for (Resource r : sel.members()) ev.add(r.address() + " at " + r.location().display());
        for (Selection.Open o : sel.undecided()) ev.add("undecided " + o.resource().address() + ": " + o.reason());
        if (ev.isEmpty()) ev.add("none");
        Outcome o = certain >= n ? Outcome.PASS : possible >= n ? Outcome.UNDECIDED : Outcome.FAIL;
        t.add(subject, o, ev);
        w.log(t.conclude());
    }

    private static List<Expected> resolve(List<Expected> values) {
        List<Expected> out = new ArrayList<>();
        for (Expected e : values) out.add(e.resolve(World.get().subject().profile()));
        return out;
    }

    private static void claim(AttributePath attribute, Claim claim) {
        each(attribute + " " + claim.description(), (r, w) -> {
            List<Claim.Verdict> vs = new ArrayList<>();
            for (Found f : attribute.resolve(r)) vs.add(claim.check(f));
            return Claim.all(vs);
        });
    }

    /** Applies a per-resource verdict to the selection and concludes (fail, undecided or pass with evidence). */
    static void each(String claim, BiFunction<Resource, World, Claim.Verdict> verdict) {
        World w = World.get();
        Selection sel = w.selection();
        Tally t = new Tally(claim, sel.population());
        for (Resource r : sel.members()) {
            Claim.Verdict v = verdict.apply(r, w);
            String where = v.outcome() == Outcome.PASS ? "" : " (declared at " + r.location().display() + ")";
            t.add(r.address() + where, v.outcome(), v.evidence());
        }
        for (Selection.Open o : sel.undecided()) {
            t.add(o.resource().address(), Outcome.UNDECIDED, "may or may not be one of them: " + o.reason());
        }
        w.log(t.conclude());
    }
}
