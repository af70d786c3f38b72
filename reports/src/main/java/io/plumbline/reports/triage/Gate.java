package io.plumbline.reports.triage;

import io.plumbline.rule.Finding;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;

/**
 * When {@code plumbline check} fails: a FAIL at or above {@code failOn}, or with {@code failOnUnknown} an UNKNOWN at
 * or above it; with {@code onlyNew} only such findings that are new against the baseline. WAIVED never fails.
 */
public record Gate(Severity failOn, boolean failOnUnknown, boolean onlyNew) {

    public boolean fails(Review review) {
        if (onlyNew && review.baseline() == null) throw new IllegalArgumentException("--fail-on-new needs --baseline");
        for (Finding f : review.result().findings()) {
            if (!f.severity().atLeast(failOn)) continue;
            boolean counts = f.status() == Status.FAIL || (failOnUnknown && f.status() == Status.UNKNOWN);
            if (counts && (!onlyNew || review.isNew(f))) return true;
        }
        return false;
    }

    /** "Gate: FAILED (fail on low, unknown fails, new findings only)" and a line break. */
    public String describe(boolean failed) {
        return describe(failed, false);
    }

    /**
     * As {@link #describe(boolean)}; when the state read is {@code incomplete} and nothing failed, "undecided": what
     * could not be read may hold the failure, so passing is not claimed.
     */
    public String describe(boolean failed, boolean incomplete) {
        String verdict = failed ? "FAILED" : incomplete ? "undecided, the state read is incomplete" : "passed";
        return String.format("Gate: %s (fail on %s%s%s)%n", verdict, failOn.lower(),
                failOnUnknown ? ", unknown fails" : "", onlyNew ? ", new findings only" : "");
    }
}
