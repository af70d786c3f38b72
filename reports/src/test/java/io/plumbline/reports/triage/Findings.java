package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.model.Certainty;
import io.plumbline.model.Provenance;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Small hand-made findings and results for unit tests (no model, no profile: triage reads neither). */
final class Findings {
    private Findings() {
    }

    static Finding finding(String rule, String resource, Status status, String attribute, String file, int line) {
        Provenance at = Provenance.inFile(file, line, 1, null);
        List<Evidence> ev = attribute == null ? List.of()
                : List.of(new Evidence(attribute, "x", "y", Certainty.EXPLICIT, at));
        return new Finding(rule, Severity.HIGH, status, resource, "aws_thing", "message of " + rule + " " + resource,
                ev, at);
    }

    static Finding fail(String rule, String resource) {
        return finding(rule, resource, Status.FAIL, "attr", "a.json", 3);
    }

    static Result result(Finding... findings) {
        Set<String> ids = new LinkedHashSet<>();
        for (Finding f : findings) ids.add(f.ruleId());
        return result(ids, findings);
    }

    static Result result(Set<String> ruleIds, Finding... findings) {
        List<RuleDescriptor> rules = new ArrayList<>();
        for (String id : ruleIds) {
            rules.add(new RuleDescriptor(id, "title of " + id, Severity.HIGH, "group", "why", "fix", List.of()));
        }
        return new Result(null, null, rules, List.of(findings));
    }
}
