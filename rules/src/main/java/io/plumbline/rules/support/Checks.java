package io.plumbline.rules.support;

import io.plumbline.rule.Evidence;
import io.plumbline.rule.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the checks of one rule on one resource, then hands them to a {@link Verdict} with failing checks first,
 * open questions next, and passed checks and notes last. The verdict is the same in any order; the order makes a
 * finding's location and first evidence the value that decided it, not an attribute that happened to be checked
 * earlier.
 */
public final class Checks {
    private enum Kind { FAIL, UNKNOWN, PASS, NOTE }

    private record Part(Kind kind, String message, Evidence evidence) {
    }

    private final String passMessage;
    private final List<Part> parts = new ArrayList<>();

    public Checks(String passMessage) {
        this.passMessage = passMessage;
    }

    public Checks pass(Evidence e) {
        parts.add(new Part(Kind.PASS, null, e));
        return this;
    }

    public Checks fail(String message, Evidence e) {
        parts.add(new Part(Kind.FAIL, message, e));
        return this;
    }

    public Checks unknown(String reason, Evidence e) {
        parts.add(new Part(Kind.UNKNOWN, reason, e));
        return this;
    }

    public Checks note(Evidence e) {
        parts.add(new Part(Kind.NOTE, null, e));
        return this;
    }

    public Verdict verdict() {
        Verdict v = new Verdict(passMessage);
        for (Kind k : Kind.values()) {
            for (Part p : parts) {
                if (p.kind() != k) continue;
                switch (k) {
                    case FAIL -> v.fail(p.message(), p.evidence());
                    case UNKNOWN -> v.unknown(p.message(), p.evidence());
                    case PASS -> v.pass(p.evidence());
                    case NOTE -> v.note(p.evidence());
                }
            }
        }
        return v;
    }
}
