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
 * A readable report for a terminal or a CI log. Compact by default (what to act on, finding by finding: see
 * {@link #writeCompact}); verbose: grouped by rule, every finding with its message, location and evidence, passes
 * included. A waived finding says why, who approved
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

    /**
     * Compact unless {@code verbose}: see {@link #writeCompact}. Verbose: every rule with every finding, passes
     * included, with all of its evidence and every hop of a witness path.
     */
    public static void write(Review review, boolean verbose, PrintWriter out) {
        if (verbose) writeFull(review, out);
        else writeCompact(review, out);
    }

    private static void writeFull(Review review, PrintWriter out) {
        boolean verbose = true;
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
                    out.printf("      waived (was %s): %s (%s)%n", w.waivedStatus(), w.justification(), w.standing());
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
        footer(review, out);
    }

    /** Diagnostics, notes, what the baseline says is fixed, and the summary: the same in both views. */
    private static void footer(Review review, PrintWriter out) {
        Result result = review.result();
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
        out.printf("Summary: %d passed, %d failed, %d unknown, %d not applicable, %d waived (%s, %s)%n",
                c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.UNKNOWN), c.get(Status.NOT_APPLICABLE),
                c.get(Status.WAIVED), Plural.of(result.rules().size(), "rule"),
                Plural.of(result.model().resources().size(), "resource"));
        out.flush();
    }

    /** The order a reader acts in: what fails, then what could not be decided, then what was accepted. */
    private static final List<Status> ATTENTION = List.of(Status.FAIL, Status.UNKNOWN, Status.WAIVED);

    /**
     * The compact view, for a CI log: one line naming the rules that did not apply and one the rules that passed
     * everywhere; then each FAIL (most severe first), UNKNOWN and WAIVED finding with its rule, resource and location,
     * the reason in one sentence ("why"), the rule's remediation ("fix", for a FAIL), and the evidence of what failed
     * as actual against expected. Evidence whose value is what the rule expects is left out (it is context, shown with
     * -v); a finding with a witness path shows that path, folded to its ends and its number of hops.
     */
    private static void writeCompact(Review review, PrintWriter out) {
        Result result = review.result();
        Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) rules.put(d.id(), d);
        Map<String, EnumMap<Status, Integer>> counts = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) counts.put(d.id(), new EnumMap<>(Status.class));
        for (Finding f : result.findings()) {
            counts.computeIfAbsent(f.ruleId(), k -> new EnumMap<>(Status.class)).merge(f.status(), 1, Integer::sum);
        }
        List<String> notApplicable = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        counts.forEach((id, c) -> {
            int attention = 0;
            for (Status s : ATTENTION) attention += c.getOrDefault(s, 0);
            if (attention == 0 && c.getOrDefault(Status.PASS, 0) == 0) notApplicable.add(id);
            else if (attention == 0) passed.add(id);
        });
        if (!notApplicable.isEmpty()) {
            out.printf("Did not apply (nothing in the input for them): %s%n", String.join(", ", notApplicable));
        }
        if (!passed.isEmpty()) {
            out.printf("Passed everywhere: %s%n", String.join(", ", passed));
        }
        List<Finding> shown = new ArrayList<>();
        for (Status s : ATTENTION) {
            result.findings().stream().filter(f -> f.status() == s)
                    .sorted(java.util.Comparator.comparing((Finding f) -> f.severity().ordinal())
                            .reversed().thenComparing(Finding::ruleId).thenComparing(Finding::resource))
                    .forEach(shown::add);
        }
        for (Finding f : shown) {
            out.println();
            RuleDescriptor d = rules.get(f.ruleId());
            out.printf("%s%s %s [%s] %s%n", f.status(), review.isNew(f) ? " [new]" : "", f.ruleId(),
                    f.severity().lower(), d == null ? "" : d.title());
            out.printf("  %s  %s%n", f.resource(), f.location().display());
            if (f.status() == Status.WAIVED && f.waiver() != null) {
                Finding.Waiver w = f.waiver();
                out.printf("  waived (was %s): %s (%s)%n", w.waivedStatus(), w.justification(), w.standing());
                continue;
            }
            out.printf("  why: %s%n", firstSentence(f.message()));
            if (f.status() == Status.FAIL && d != null && d.remediation() != null && !d.remediation().isBlank()) {
                out.printf("  fix: %s%n", d.remediation().strip());
            }
            evidence(f.evidence(), out);
        }
        if (!shown.isEmpty()) out.println();
        footer(review, out);
    }

    /** The evidence of what failed; a witness path folded: "8 hops: from → … → to; -v for every hop". */
    private static void evidence(List<Evidence> all, PrintWriter out) {
        boolean hasWitness = all.stream().anyMatch(e -> WITNESS_HOP.matcher(e.attribute()).lookingAt());
        for (int i = 0; i < all.size(); i++) {
            Evidence e = all.get(i);
            if (WITNESS_HOP.matcher(e.attribute()).lookingAt()) continue;
            int hops = 0;
            while (i + 1 + hops < all.size() && WITNESS_HOP.matcher(all.get(i + 1 + hops).attribute()).lookingAt()) {
                hops++;
            }
            // With a witness, the witnessed path is what failed; the other evidence is what was checked around it.
            if (hasWitness ? hops == 0 : String.valueOf(e.actual()).equals(e.expected())) continue;
            out.printf("  %s: %s, expected %s%n", e.attribute(), e.actual(), e.expected());
            if (hops > 0) out.printf("    %s%n", folded(e.attribute(), all.subList(i + 1, i + 1 + hops)));
        }
    }

    /** "3 hops: a, b, c" in full when short; else the ends of the path and how many hops lie between. */
    static String folded(String pathAttribute, List<Evidence> hops) {
        String count = Plural.of(hops.size(), "hop");
        java.util.regex.Matcher ends = PATH_ENDS.matcher(pathAttribute);
        if (hops.size() <= 2 || !ends.find()) {
            StringBuilder sb = new StringBuilder(count).append(": ");
            for (int i = 0; i < hops.size(); i++) {
                if (i > 0) sb.append(" → ");
                sb.append(WITNESS_HOP.matcher(hops.get(i).attribute()).replaceFirst(""));
            }
            return sb.toString();
        }
        return count + ": " + ends.group(1) + " → … → " + ends.group(2) + "; -v for every hop";
    }

    /** "path A -> B tcp 5432": the two ends of a witnessed path. */
    private static final java.util.regex.Pattern PATH_ENDS =
            java.util.regex.Pattern.compile("^path (\\S+) -> (\\S+)");

    /** The first sentence of a message: up to the first ". " (a rule's reason may go on with details). */
    static String firstSentence(String message) {
        if (message == null) return "";
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end + 1);
    }
}
