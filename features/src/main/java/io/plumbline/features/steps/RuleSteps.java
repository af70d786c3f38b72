package io.plumbline.features.steps;

import io.cucumber.java.en.Then;
import io.plumbline.engine.Result;
import io.plumbline.features.Subject;
import io.plumbline.features.check.Outcome;
import io.plumbline.features.check.Tally;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Then steps that run a rule of the registry through the engine {@code plumbline check} runs, on the same model and
 * profile: a scenario and the rule behind it cannot disagree. A FAIL finding fails the step with the rule's message
 * and evidence; an UNKNOWN finding leaves it undecided with its reason; a rule that applies to nothing (only
 * NOT_APPLICABLE findings, or none) is undecided too.
 */
public final class RuleSteps {

    @Then("rule {ruleId} passes")
    public void passes(ParameterTypes.RuleId id) {
        World w = World.get();
        Result result = w.subject().result(id.id());
        conclude(result, result.findings(), "resource(s) the rule applies to");
    }

    @Then("rule {ruleId} passes for them")
    public void passesForThem(ParameterTypes.RuleId id) {
        World w = World.get();
        Selection sel = w.selection();
        Set<String> addresses = new HashSet<>();
        for (Resource r : sel.members()) addresses.add(r.address());
        for (Selection.Open o : sel.undecided()) addresses.add(o.resource().address());
        Result result = w.subject().result(id.id());
        List<Finding> mine = new ArrayList<>();
        for (Finding f : result.findings()) if (addresses.contains(f.resource())) mine.add(f);
        conclude(result, mine, sel.population());
    }

    private static void conclude(Result result, List<Finding> findings, String population) {
        RuleDescriptor d = result.rules().get(0);
        Tally t = new Tally("rule " + d.id() + " passes (" + d.title() + ")", population);
        boolean applies = false;
        List<String> notApplicable = new ArrayList<>();
        for (Finding f : findings) {
            switch (f.status()) {
                case PASS, WAIVED -> {
                    applies = true;
                    t.add(f.resource(), Outcome.PASS, describe(f));
                }
                case FAIL -> {
                    applies = true;
                    t.add(f.resource(), Outcome.FAIL, describe(f));
                }
                case UNKNOWN -> {
                    applies = true;
                    t.add(f.resource(), Outcome.UNDECIDED, describe(f));
                }
                case NOT_APPLICABLE -> notApplicable.add(f.resource() + ": " + f.message());
            }
        }
        if (!applies) {
            t.nothing("rule " + d.id() + " applies to nothing in " + Subject.current().target().describe()
                    + (notApplicable.isEmpty() ? "" : " (" + String.join("; ", notApplicable) + ")"));
        }
        World.get().log(t.conclude());
    }

    /** The finding as a report shows it: message, evidence and where to look. */
    static List<String> describe(Finding f) {
        List<String> lines = new ArrayList<>();
        lines.add(f.status() + " " + f.message() + where(f.location()));
        for (Evidence e : f.evidence()) {
            lines.add(e.attribute() + " = " + e.actual() + " (expected: " + e.expected() + ")" + where(e.location()));
        }
        return lines;
    }

    private static String where(Provenance p) {
        return p == null || p == Provenance.NONE ? "" : " at " + p.display();
    }

    static boolean decided(Status s) {
        return s == Status.PASS || s == Status.FAIL;
    }
}
