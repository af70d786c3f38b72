package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.rule.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A result ready to report and gate on: with waivers applied (when a waivers file was given: {@code waivers} is not
 * null) and compared with a baseline (when one was given: {@code baseline} is not null). Every report renders a
 * Review; {@link #of(Result)} is a plain result.
 */
public record Review(Result result, BaselineComparison baseline, WaiverOutcome waivers, List<String> declaredNotes) {

    public Review {
        declaredNotes = List.copyOf(declaredNotes);
    }

    public Review(Result result, BaselineComparison baseline, WaiverOutcome waivers) {
        this(result, baseline, waivers, List.of());
    }

    public static Review of(Result result) {
        return new Review(result, null, null);
    }

    /**
     * Applies the waivers the inputs declare ({@link DeclaredWaivers}), then those of the file (on today's date from
     * {@code clock}), then compares with the baseline; the file and the baseline may be null.
     */
    public static Review of(Result result, WaiverSet waivers, Baseline baseline, Clock clock) {
        DeclaredWaivers.Outcome declared = DeclaredWaivers.apply(result, clock);
        WaiverOutcome outcome = waivers == null ? null : waivers.apply(declared.result(), clock);
        Result r = outcome == null ? declared.result() : outcome.result();
        return new Review(r, baseline == null ? null : baseline.compare(r), outcome, declared.notes());
    }

    /**
     * One line each: expired waivers that were needed, waivers that match nothing, what the waivers did, and how the
     * result compares with the baseline. Empty without waivers and baseline.
     */
    public List<String> notes() {
        List<String> out = new ArrayList<>(declaredNotes);
        if (waivers != null) {
            String file = waivers.waivers().file();
            for (WaiverEntry e : waivers.expiredEntries()) {
                out.add(String.format("warning: %s: %s expired on %s (approved by %s): its findings are not waived",
                        file, e.describe(), e.expires(), e.approver()));
            }
            for (WaiverEntry e : waivers.unmatched()) {
                out.add(String.format("warning: %s: %s matches no failing or unknown finding", file, e.describe()));
            }
            out.add(String.format("Waivers %s: %s, %s waived, %d not waived because their waiver expired, %d "
                    + "unmatched", file, io.plumbline.reports.Plural.of(waivers.waivers().entries().size(), "entry",
                    "entries"), io.plumbline.reports.Plural.of(waivers.applied(), "finding"), waivers.expired(),
                    waivers.unmatched().size()));
        }
        if (baseline != null) {
            out.add(String.format("Baseline %s: %d new, %d unchanged, %d fixed", baseline.baseline().file(),
                    baseline.count(BaselineComparison.State.NEW), baseline.count(BaselineComparison.State.UNCHANGED),
                    baseline.fixed().size()));
        }
        return out;
    }

    /** True when a baseline was given and the finding (FAIL or UNKNOWN) is not in it. */
    public boolean isNew(Finding f) {
        return baseline != null && baseline.isNew(f);
    }
}
