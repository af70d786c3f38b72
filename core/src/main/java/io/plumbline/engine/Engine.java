package io.plumbline.engine;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs rules over a model. A rule that throws yields an UNKNOWN finding naming the error, never a pass. */
public final class Engine {

    private Engine() {
    }

    public static Result evaluate(Model model, Profile profile, List<Rule> rules) {
        List<Finding> findings = new ArrayList<>();
        List<RuleDescriptor> ran = new ArrayList<>();
        for (Rule rule : rules) {
            RuleDescriptor d = rule.descriptor();
            ran.add(d);
            RuleContext ctx = new RuleContext(model, profile, d);
            try {
                rule.check(ctx);
                findings.addAll(ctx.findings());
            } catch (RuntimeException e) {
                findings.add(new Finding(d.id(), d.severity(), Status.UNKNOWN, "(rule " + d.id() + ")", "",
                        "the rule failed to run: " + e, List.of(), Provenance.NONE));
            }
        }
        findings.sort(Comparator.comparing(Finding::ruleId).thenComparing(Finding::resource)
                .thenComparing(f -> f.status().ordinal()));
        return new Result(model, profile, ran, findings);
    }
}
