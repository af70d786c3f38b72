package io.plumbline.features.check;

import io.plumbline.features.Undecided;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdicts of one step, one per resource (or path, or finding), and the step's conclusion: it fails when any
 * failed — the message names each failing resource, the value found and where it stands — else it is
 * {@link Undecided} when any could not be decided or when there was nothing to check, else it passes. A pass is never
 * vacuous.
 */
public final class Tally {
    /** One verdict: the subject (a resource address), the outcome, and the evidence lines. */
    public record Entry(String subject, Outcome outcome, List<String> evidence) {
    }

    private final String claim;
    private final String population;
    private final List<Entry> entries = new ArrayList<>();
    private String nothingReason;

    /**
     * @param claim what the step asserts, as the feature says it ("backup retention period is at least 7")
     * @param population what it asserts it of ("DB cluster resources")
     */
    public Tally(String claim, String population) {
        this.claim = claim;
        this.population = population;
    }

    public Tally add(String subject, Outcome outcome, List<String> evidence) {
        entries.add(new Entry(subject, outcome, List.copyOf(evidence)));
        return this;
    }

    public Tally add(String subject, Outcome outcome, String evidence) {
        return add(subject, outcome, List.of(evidence));
    }

    /** Why there is nothing to check, when there is nothing (e.g. "no DB cluster resources in this input"). */
    public Tally nothing(String reason) {
        nothingReason = reason;
        return this;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Outcome outcome() {
        if (entries.isEmpty()) return Outcome.UNDECIDED;
        Outcome o = Outcome.PASS;
        for (Entry e : entries) o = o.and(e.outcome());
        return o;
    }

    /**
     * Throws {@link AssertionError} when the claim fails, {@link Undecided} when it cannot be decided; returns the
     * evidence of the pass (for the report) otherwise.
     */
    public String conclude() {
        Outcome o = outcome();
        if (entries.isEmpty()) {
            throw new Undecided("nothing to check that " + claim + ": "
                    + (nothingReason != null ? nothingReason : "no " + population + " in this input"));
        }
        long failed = entries.stream().filter(e -> e.outcome() == Outcome.FAIL).count();
        long open = entries.stream().filter(e -> e.outcome() == Outcome.UNDECIDED).count();
        if (o == Outcome.FAIL) {
            StringBuilder sb = new StringBuilder();
            sb.append("not met for ").append(failed).append(" of ").append(entries.size()).append(' ')
                    .append(population).append(": ").append(claim);
            lines(sb, Outcome.FAIL, "FAIL");
            lines(sb, Outcome.UNDECIDED, "UNDECIDED");
            throw new NotMet(sb.toString());
        }
        if (o == Outcome.UNDECIDED) {
            StringBuilder sb = new StringBuilder();
            sb.append(open).append(" of ").append(entries.size()).append(' ').append(population)
                    .append(" could not be decided: ").append(claim);
            lines(sb, Outcome.UNDECIDED, "UNDECIDED");
            throw new Undecided(sb.toString());
        }
        StringBuilder sb = new StringBuilder();
        sb.append("met by ").append(entries.size() == 1 ? "the one" : "all " + entries.size()).append(' ')
                .append(population).append(": ").append(claim);
        lines(sb, Outcome.PASS, "PASS");
        return sb.toString();
    }

    private void lines(StringBuilder sb, Outcome which, String word) {
        for (Entry e : entries) {
            if (e.outcome() != which) continue;
            sb.append("\n  ").append(word).append(' ').append(e.subject());
            if (e.evidence().size() == 1) {
                sb.append(": ").append(e.evidence().get(0));
            } else {
                for (String line : e.evidence()) sb.append("\n      ").append(line);
            }
        }
    }
}
