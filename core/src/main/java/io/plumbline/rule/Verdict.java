package io.plumbline.rule;

import io.plumbline.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Accumulates the checks a rule makes on one resource. Any failed check makes it FAIL; otherwise any undecidable check
 * makes it UNKNOWN; it passes only when at least one check was made and all of them passed.
 */
public final class Verdict {
    private final String passMessage;
    private final List<String> failures = new ArrayList<>();
    private final List<String> unknowns = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private int passes;

    public Verdict(String passMessage) {
        this.passMessage = passMessage;
    }

    /**
     * Checks one attribute: unknown values make the check undecidable (with their reason), known ones are tested.
     *
     * @param expected how the expected value is shown in evidence
     * @param failMessage the message when the test fails
     */
    public <T> Verdict check(String attribute, Value<T> value, Predicate<T> ok, String expected, String failMessage) {
        evidence.add(Evidence.of(attribute, value, expected));
        if (value.isUnknown()) {
            unknowns.add(attribute + " is unknown: " + value.note());
        } else if (ok.test(value.get())) {
            passes++;
        } else {
            failures.add(failMessage);
        }
        return this;
    }

    public Verdict pass(Evidence e) {
        evidence.add(e);
        passes++;
        return this;
    }

    public Verdict fail(String message, Evidence e) {
        if (e != null) evidence.add(e);
        failures.add(message);
        return this;
    }

    public Verdict unknown(String reason, Evidence e) {
        if (e != null) evidence.add(e);
        unknowns.add(reason);
        return this;
    }

    public Verdict note(Evidence e) {
        evidence.add(e);
        return this;
    }

    public Status status() {
        if (!failures.isEmpty()) return Status.FAIL;
        if (!unknowns.isEmpty() || passes == 0) return Status.UNKNOWN;
        return Status.PASS;
    }

    public String message() {
        return switch (status()) {
            case FAIL -> String.join("; ", failures);
            case UNKNOWN -> unknowns.isEmpty() ? "nothing could be checked" : String.join("; ", unknowns);
            default -> passMessage;
        };
    }

    public List<Evidence> evidence() {
        return evidence;
    }
}
