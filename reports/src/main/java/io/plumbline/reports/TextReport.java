package io.plumbline.reports;

import io.plumbline.engine.Result;
import io.plumbline.model.Diagnostic;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.Review;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A readable report for a terminal or a CI log: grouped by rule, every finding that is not a pass with its message,
 * location and evidence; passes are counted (and listed with {@code verbose}). A waived finding says why, who approved
 * it and until when; with a baseline, new findings are marked {@code [new]} and fixed ones are listed; waivers that
 * match nothing are reported.
 */
public final class TextReport {
    /** Evidence of a path rule's witness hop: "hop 3 destination-security-group-ingress aws_security_group.alb". */
    private static final java.util.regex.Pattern WITNESS_HOP = java.util.regex.Pattern.compile("hop \\d+ ");

    private TextReport() {
    }

    public static void write(Result result, boolean verbose, PrintWriter out) {
        write(Review.of(result), verbose, out);
    }

    public static void write(Review review, boolean verbose, PrintWriter out) {
        Result result = review.result();
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) byRule.put(d.id(), new ArrayList<>());
        for (Finding f : result.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        for (RuleDescriptor d : result.rules()) {
            List<Finding> fs = byRule.get(d.id());
            Map<Status, Integer> counts = new EnumMap<>(Status.class);
            for (Finding f : fs) counts.merge(f.status(), 1, Integer::sum);
            out.printf("%s [%s] %s%n", d.id(), d.severity().lower(), d.title());
            if (fs.isEmpty()) {
                out.println("    no resource in the input that this rule applies to");
            }
            for (Finding f : fs) {
                if (f.status() == Status.PASS && !verbose) continue;
                String label = f.status() + (review.isNew(f) ? " [new]" : "");
                out.printf("  %-14s %s  (%s)%n", label, f.resource(), f.location().display());
                out.printf("      %s%n", f.message());
                if (f.waiver() != null) {
                    Finding.Waiver w = f.waiver();
                    out.printf("      waived (was %s): %s (approved by %s, expires %s)%n", w.waivedStatus(),
                            w.justification(), w.approver(), w.expires());
                }
                if (f.status() != Status.PASS) {
                    for (Evidence e : f.evidence()) {
                        String where = e.location() == null ? "" : e.location().display();
                        if (WITNESS_HOP.matcher(e.attribute()).lookingAt()) {
                            // A path rule's witness hop, under its path: "hop N layer component: element -> DECISION".
                            out.printf("          %s: %s  [%s]%n", e.attribute(), e.actual(), where);
                        } else {
                            out.printf("      - %s = %s, expected %s  [%s]%n", e.attribute(), e.actual(),
                                    e.expected(), where);
                        }
                    }
                }
            }
            if (!verbose && counts.getOrDefault(Status.PASS, 0) > 0) {
                out.printf("  %d passed%n", counts.get(Status.PASS));
            }
            out.println();
        }
        for (Diagnostic d : result.model().diagnostics()) {
            out.printf("%s: %s (%s)%n", d.level().name().toLowerCase(java.util.Locale.ROOT), d.message(),
                    d.location().display());
        }
        for (String note : review.notes()) out.println(note);
        if (review.baseline() != null) {
            for (Baseline.Entry e : review.baseline().fixed()) {
                out.printf("  fixed: %s %s (was %s)%n", e.rule(), e.resource(), e.status());
            }
        }
        Map<Status, Integer> c = result.countsByStatus();
        out.printf("Summary: %d passed, %d failed, %d unknown, %d not applicable, %d waived (%d rules, %d resources)%n",
                c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.UNKNOWN), c.get(Status.NOT_APPLICABLE),
                c.get(Status.WAIVED), result.rules().size(), result.model().resources().size());
        out.flush();
    }
}
