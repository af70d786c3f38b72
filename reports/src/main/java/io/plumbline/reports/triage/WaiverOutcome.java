package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import java.util.List;

/**
 * Waivers applied to a result: the result with WAIVED findings, how many findings were waived ({@code applied}) and
 * how many stayed failing or unknown because their only waivers had expired ({@code expired}, from
 * {@code expiredEntries}), and the entries that matched no FAIL or UNKNOWN finding.
 */
public record WaiverOutcome(WaiverSet waivers, Result result, int applied, int expired,
                            List<WaiverEntry> expiredEntries, List<WaiverEntry> unmatched) {
    public WaiverOutcome {
        expiredEntries = List.copyOf(expiredEntries);
        unmatched = List.copyOf(unmatched);
    }
}
