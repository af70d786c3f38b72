package io.plumbline.reports.triage;

import io.plumbline.model.policy.Wildcards;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.time.LocalDate;

/**
 * One validated entry of a waivers file: the rule it waives, a glob pattern on the resource address ({@code *} any
 * run of characters, {@code ?} one character, everything else literal, so {@code data[0]} needs no escaping), why,
 * who approved it, and the last day it applies. {@code number} is its 1-based place in the file, {@code line} its
 * line.
 */
public record WaiverEntry(int number, int line, String rule, String resource, String justification, String approver,
                          LocalDate expires) {

    /** Whether this entry names the finding's rule and its pattern matches the finding's resource. */
    public boolean matches(Finding f) {
        return rule.equals(f.ruleId()) && glob(resource, f.resource());
    }

    /** Expired once the day after {@code expires} has begun: a waiver applies through its expiry date. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expires);
    }

    public Finding.Waiver asFindingWaiver(Status waivedStatus) {
        return new Finding.Waiver(rule, resource, justification, approver, expires, waivedStatus);
    }

    /** "waiver 2 (line 7: BAK-001 module.legacy.*)" — how messages name an entry. */
    public String describe() {
        return "waiver " + number + (line > 0 ? " (line " + line + ": " : " (") + rule + " " + resource + ")";
    }

    /** Glob match over the whole text: {@code *} any run of characters (dots included), {@code ?} one character. */
    static boolean glob(String pattern, String text) {
        return text != null && Wildcards.matches(pattern, text, false);
    }
}
