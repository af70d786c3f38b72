package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.DeclaredWaiver;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the waivers the inputs declare on their resources (CloudFormation {@code Metadata: plumbline: waivers}) the
 * way a waivers file applies: a FAIL or UNKNOWN of the named rule on that resource becomes WAIVED, unless the waiver
 * has expired, in which case it keeps its status and says so; a declared waiver that matches nothing is reported. A
 * waiver naming a rule that does not exist is unusable input, with the file and line.
 */
public final class DeclaredWaivers {
    private DeclaredWaivers() {
    }

    /** The result after the declared waivers, and one line per expired or unmatched one. */
    public record Outcome(Result result, List<String> notes, int applied) {
    }

    public static Outcome apply(Result result, Clock clock) {
        Model model = result.model();
        // A result put together without a model (by a test, a tool) has no input to declare waivers.
        if (model == null) return new Outcome(result, List.of(), 0);
        Map<String, List<DeclaredWaiver>> byResource = new HashMap<>();
        List<DeclaredWaiver> all = new ArrayList<>();
        for (Resource r : model.resources()) {
            if (r.waivers().isEmpty()) continue;
            byResource.computeIfAbsent(r.address(), k -> new ArrayList<>()).addAll(r.waivers());
            all.addAll(r.waivers());
        }
        if (all.isEmpty()) return new Outcome(result, List.of(), 0);
        Set<String> known = new java.util.HashSet<>();
        RuleRegistry.discover().all().forEach(rule -> known.add(rule.descriptor().id()));
        for (DeclaredWaiver w : all) {
            if (!known.contains(w.rule())) {
                throw new InputException(w.location().file(), w.location().line(), w.location().column(),
                        "resource " + w.resource() + ": waiver of unknown rule id '" + w.rule()
                                + "' (plumbline rules lists them)");
            }
        }
        LocalDate today = LocalDate.now(clock);
        Set<DeclaredWaiver> matched = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>();
        List<Finding> out = new ArrayList<>(result.findings().size());
        int applied = 0;
        for (Finding f : result.findings()) {
            DeclaredWaiver live = null;
            DeclaredWaiver dead = null;
            if (f.status() == Status.FAIL || f.status() == Status.UNKNOWN) {
                for (DeclaredWaiver w : byResource.getOrDefault(f.resource(), List.of())) {
                    if (!w.rule().equals(f.ruleId())) continue;
                    matched.add(w);
                    boolean expired = w.expires() != null && today.isAfter(w.expires());
                    if (!expired && live == null) live = w;
                    if (expired && dead == null) dead = w;
                }
            }
            if (live != null) {
                out.add(new Finding(f.ruleId(), f.severity(), Status.WAIVED, f.resource(), f.resourceType(),
                        f.message(), f.evidence(), f.location(), new Finding.Waiver(live.rule(), live.resource(),
                        live.reason(), null, live.expires(), f.status(), live.location())));
                applied++;
            } else if (dead != null) {
                out.add(new Finding(f.ruleId(), f.severity(), f.status(), f.resource(), f.resourceType(),
                        f.message() + "; waiver expired on " + dead.expires() + " (declared in "
                                + dead.location().display() + ")", f.evidence(), f.location(), null));
                notes.add(String.format("warning: %s: the waiver of %s on %s expired on %s: its findings are not "
                        + "waived", dead.location().display(), dead.rule(), dead.resource(), dead.expires()));
            } else {
                out.add(f);
            }
        }
        for (DeclaredWaiver w : all) {
            if (!matched.contains(w)) {
                notes.add(String.format("warning: %s: the waiver of %s on %s matches no failing or unknown finding",
                        w.location().display(), w.rule(), w.resource()));
            }
        }
        notes.add("Waivers declared in the inputs: " + io.plumbline.reports.Plural.of(all.size(), "waiver") + ", "
                + io.plumbline.reports.Plural.of(applied, "finding") + " waived");
        return new Outcome(result.withFindings(out), notes, applied);
    }
}
