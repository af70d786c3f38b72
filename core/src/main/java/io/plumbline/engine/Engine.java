package io.plumbline.engine;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.SourceLocator;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Evidence;
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
        List<RuleDescriptor> ran = rules.stream().map(Rule::descriptor).toList();
        // Rules are independent and read-only over the model: run them on every core, collect in rule order.
        List<Finding> findings = new ArrayList<>(rules.parallelStream().map(rule -> run(rule, model, profile))
                .flatMap(List::stream).toList());
        findings = new ArrayList<>(Gaps.apply(model, ran, findings));
        // The one place findings pass before any report: a rule may have put a sensitive value in its words.
        if (!model.secrets().isEmpty()) findings.replaceAll(f -> redacted(f, model));
        if (!model.sources().isEmpty()) findings.replaceAll(f -> inSource(f, model));
        findings.sort(Comparator.comparing(Finding::ruleId).thenComparing(Finding::resource)
                .thenComparing(f -> f.status().ordinal()));
        return new Result(model, profile, ran, findings);
    }

    /** The finding with the model's secrets taken out of its message and evidence. */
    static Finding redacted(Finding f, Model model) {
        String message = model.redact(f.message(), f.resource());
        List<Evidence> evidence = new ArrayList<>(f.evidence().size());
        for (Evidence e : f.evidence()) {
            evidence.add(new Evidence(model.redact(e.attribute(), f.resource()), model.redact(e.actual(), f.resource()),
                    model.redact(e.expected(), f.resource()), e.certainty(), e.location()));
        }
        return new Finding(f.ruleId(), f.severity(), f.status(), f.resource(), f.resourceType(), message,
                List.copyOf(evidence), f.location(), f.waiver());
    }

    /**
     * The finding at its place in the sources its input was made from (a plan's {@code .tf} files), keeping the input's
     * place as the second location; unchanged when those sources do not declare it.
     */
    static Finding inSource(Finding f, Model model) {
        Provenance at = f.location();
        if (at == null || at.file() == null) return f;
        for (SourceLocator source : model.sources()) {
            if (!source.input().equals(at.file())) continue;
            Provenance there = source.locate(at, f.resource());
            return there == null ? f : f.locatedInSource(there);
        }
        return f;
    }

    private static List<Finding> run(Rule rule, Model model, Profile profile) {
        RuleDescriptor d = rule.descriptor();
        RuleContext ctx = new RuleContext(model, profile, d);
        try {
            rule.check(ctx);
            return ctx.findings();
        } catch (RuntimeException e) {
            return List.of(new Finding(d.id(), d.severity(), Status.UNKNOWN, "(rule " + d.id() + ")", "",
                    "the rule failed to run: " + e, List.of(), Provenance.NONE));
        }
    }
}
