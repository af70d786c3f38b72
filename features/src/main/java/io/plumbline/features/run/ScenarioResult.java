package io.plumbline.features.run;

import java.util.List;

/**
 * One scenario's outcome: where it is, its tags, and its verdict — PASSED, FAILED (a failing step, an undefined or
 * ambiguous step, an error) or UNDECIDED (pending: a step could not decide; or skipped) — with the message of the step
 * that decided it.
 */
public record ScenarioResult(String feature, String name, String uri, int line, List<String> tags, Verdict verdict,
                             String cucumberStatus, String message) {

    public enum Verdict { PASSED, FAILED, UNDECIDED }

    public ScenarioResult {
        tags = List.copyOf(tags);
    }

    /** The rule ids among the tags ({@code @ENC-001} gives {@code ENC-001}). */
    public List<String> ruleIds() {
        return tags.stream().map(t -> t.startsWith("@") ? t.substring(1) : t)
                .filter(t -> t.matches("[A-Z]{2,5}-\\d{3}")).toList();
    }

    /** "reference.feature:12". */
    public String location() {
        String u = uri;
        int slash = u.lastIndexOf('/');
        if (slash >= 0) u = u.substring(slash + 1);
        return u + ":" + line;
    }
}
