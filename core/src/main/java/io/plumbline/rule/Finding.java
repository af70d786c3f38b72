package io.plumbline.rule;

import io.plumbline.model.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * One verdict of one rule on one resource. {@code location} is where a reader should look: the deciding value's own
 * place when there is one, else the resource's declaration; for an input made from sources on disk (a plan and its
 * {@code .tf} files) the place in those sources, and then {@code inputLocation} keeps the place in the input itself
 * (null otherwise). {@code waiver} is set only on a WAIVED finding: the waiver that accepted it, with the status the
 * rule had given.
 */
public record Finding(String ruleId, Severity severity, Status status, String resource, String resourceType,
                      String message, List<Evidence> evidence, Provenance location, Waiver waiver,
                      Provenance inputLocation) {

    /** A verdict as a rule gives it: not waived. */
    public Finding(String ruleId, Severity severity, Status status, String resource, String resourceType,
                   String message, List<Evidence> evidence, Provenance location) {
        this(ruleId, severity, status, resource, resourceType, message, evidence, location, null, null);
    }

    /** A verdict located in its input only. */
    public Finding(String ruleId, Severity severity, Status status, String resource, String resourceType,
                   String message, List<Evidence> evidence, Provenance location, Waiver waiver) {
        this(ruleId, severity, status, resource, resourceType, message, evidence, location, waiver, null);
    }

    /** The same verdict with another status, message and waiver, at the same places. */
    public Finding with(Status newStatus, String newMessage, Waiver newWaiver) {
        return new Finding(ruleId, severity, newStatus, resource, resourceType, newMessage, evidence, location,
                newWaiver, inputLocation);
    }

    /** The same verdict shown at {@code source}, a place in the sources the input was made from. */
    public Finding locatedInSource(Provenance source) {
        return new Finding(ruleId, severity, status, resource, resourceType, message, evidence, source, waiver,
                inputLocation != null ? inputLocation : location);
    }

    /**
     * An accepted risk: the waiver entry ({@code rule}, {@code resource} pattern), why it is accepted, who accepted
     * it, the last day it applies, and the status the rule had given ({@link Status#FAIL} or {@link Status#UNKNOWN}).
     * A waiver declared in the input itself (a CloudFormation resource's {@code Metadata}) has {@code declaredAt}, the
     * place it is written; its approver is null (the review of the template is the approval) and so is its expiry
     * when it gives none.
     */
    public record Waiver(String rule, String resource, String justification, String approver, LocalDate expires,
                         Status waivedStatus, Provenance declaredAt) {

        /** A waiver of a waivers file. */
        public Waiver(String rule, String resource, String justification, String approver, LocalDate expires,
                      Status waivedStatus) {
            this(rule, resource, justification, approver, expires, waivedStatus, null);
        }

        /** "approved by jane (expires 2026-09-30)" or "declared in stack.yaml:12 (expires ...)": who stands for it. */
        public String standing() {
            String who = declaredAt != null ? "declared in " + declaredAt.display() : "approved by " + approver;
            return who + (expires == null ? "" : ", expires " + expires);
        }
    }
}
