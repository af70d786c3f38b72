package io.plumbline.drift;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import java.util.List;

/**
 * What a plan (or template) says against what runs, resource by resource and attribute by attribute, each side with
 * its location. Immutable; every list is in a stable order (planned address, then attribute path), so two runs over
 * the same inputs give the same report.
 *
 * @param matched     every planned resource found in the actual state, in sync or not
 * @param missing     planned resources not found in the actual state
 * @param unmanaged   actual resources the plan does not declare, within the plan's {@link Scope}
 * @param uncompared  planned resources whose actual counterpart could not be looked for (the actual state of their
 *                    kind was not collected, or its collection failed)
 * @param scope       where unmanaged resources were looked for
 * @param summary     counts
 * @param notes       what a reader should know: ambiguous matches, skipped generic resources, pending deletions
 */
public record DriftReport(List<Match> matched, List<Missing> missing, List<Unmanaged> unmanaged,
                          List<Uncompared> uncompared, Scope scope, Summary summary, List<String> notes) {

    public DriftReport {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        unmanaged = List.copyOf(unmanaged);
        uncompared = List.copyOf(uncompared);
        notes = List.copyOf(notes);
    }

    /**
     * The same report with the secrets of both models taken out of every text it prints (paths of list elements,
     * displayed values, reasons, notes): a rule description or a tag built from a secret is no plain text.
     */
    public DriftReport redacted(io.plumbline.model.Secrets secrets) {
        if (secrets.isEmpty()) return this;
        java.util.function.UnaryOperator<String> r = secrets::redact;
        List<Match> m = new java.util.ArrayList<>();
        for (Match x : matched) {
            List<Difference> d = new java.util.ArrayList<>();
            for (Difference y : x.differences()) {
                d.add(new Difference(r.apply(y.path()), y.change(), side(y.planned(), r), side(y.actual(), r)));
            }
            List<NotComparable> n = new java.util.ArrayList<>();
            for (NotComparable y : x.notComparable()) {
                n.add(new NotComparable(r.apply(y.path()), r.apply(y.reason()), side(y.planned(), r), side(y.actual(), r)));
            }
            m.add(new Match(x.planned(), x.actual(), x.matchedBy(), d, n, x.skippedPlannedLacks(),
                    x.skippedActualLacks(), x.skippedNeither()));
        }
        List<Uncompared> u = new java.util.ArrayList<>();
        for (Uncompared x : uncompared) u.add(new Uncompared(x.planned(), r.apply(x.reason())));
        return new DriftReport(m, missing, unmanaged, u, scope, summary, notes.stream().map(r).toList());
    }

    private static Side side(Side s, java.util.function.UnaryOperator<String> r) {
        return s == null ? null : new Side(s.value(), r.apply(s.display()), s.at());
    }

    /** In sync; drift found (a difference, a missing or an unmanaged resource); or, without drift, incomplete. */
    public enum Status { IN_SYNC, DRIFT, INCOMPLETE }

    public boolean hasDrift() {
        return !missing.isEmpty() || !unmanaged.isEmpty() || matched.stream().anyMatch(m -> !m.differences().isEmpty());
    }

    /** Something could not be compared: an attribute unknown on one side, or a resource not looked for. */
    public boolean incomplete() {
        return !uncompared.isEmpty() || matched.stream().anyMatch(m -> !m.notComparable().isEmpty());
    }

    /** DRIFT wins over INCOMPLETE: a proven difference stays proven whatever else could not be compared. */
    public Status status() {
        if (hasDrift()) return Status.DRIFT;
        return incomplete() ? Status.INCOMPLETE : Status.IN_SYNC;
    }

    /** A resource as the report names it. {@code awsId} is null when not known (or sensitive). */
    public record ResourceId(Kind kind, String address, String sourceType, String awsId, Provenance location) {
    }

    /**
     * A planned resource and the actual one it was matched to.
     *
     * @param matchedBy          how: {@code aws id sg-0abc}, {@code address aws_vpc.main}, {@code name orders-db}...
     * @param differences        attributes whose values differ (known on both sides)
     * @param notComparable      attributes unknown on one side or both (never counted as in sync)
     * @param skippedPlannedLacks attributes the planned side does not carry (not in its input): not compared
     * @param skippedActualLacks  attributes the actual side does not carry: not compared
     * @param skippedNeither      attributes neither side carries, or that both leave unknown (nothing stated: nothing
     *                           to compare, and nothing missing from the comparison)
     */
    public record Match(ResourceId planned, ResourceId actual, String matchedBy, List<Difference> differences,
                        List<NotComparable> notComparable, int skippedPlannedLacks, int skippedActualLacks,
                        int skippedNeither) {
        public Match {
            differences = List.copyOf(differences);
            notComparable = List.copyOf(notComparable);
        }

        public boolean inSync() {
            return differences.isEmpty() && notComparable.isEmpty();
        }
    }

    /** How an attribute differs. */
    public enum Change {
        /** Both sides have it, with different values. */
        CHANGED,
        /** Only the actual side has it: a rule, tag or list element added outside the plan. */
        ADDED,
        /** Only the plan has it: an element or tag the actual state lacks. */
        REMOVED
    }

    /**
     * One differing attribute. {@code path} is the attribute name ({@code backupRetentionPeriod}), a map key
     * ({@code tags.Owner}) or a list element ({@code rules[INGRESS tcp 22 0.0.0.0/0]}). The side that does not have
     * the attribute (ADDED: planned; REMOVED: actual) is null.
     */
    public record Difference(String path, Change change, Side planned, Side actual) {
    }

    /**
     * One side of an attribute: the model value (with certainty and note), what a report may print of it (never the
     * content of a sensitive value) and where it came from (file:line and JSON pointer, or ARN and API operation).
     */
    public record Side(Value<?> value, String display, Provenance at) {
        public boolean sensitive() {
            return value != null && value.isSensitive();
        }
    }

    /** An attribute that cannot be compared, and why (plan: known only after apply; live: a call denied...). */
    public record NotComparable(String path, String reason, Side planned, Side actual) {
    }

    /** A planned resource the actual state does not have; {@code plannedAction} is what the plan does to it. */
    public record Missing(ResourceId planned, ChangeAction plannedAction) {
    }

    /** An actual resource the plan does not declare. */
    public record Unmanaged(ResourceId actual) {
    }

    /** A planned resource that could not be looked for in the actual state, and why. */
    public record Uncompared(ResourceId planned, String reason) {
    }

    /**
     * Where unmanaged resources were looked for: only the kinds the plan declares, in the regions it declares resources in
     * (any region when a planned resource's region is not known), and for resources that belong to a VPC only in the
     * plan's VPCs (when it has any). AWS-created defaults (default VPC, security group, NACL, main route table,
     * AWS-managed KMS keys) are never unmanaged.
     *
     * @param kinds          the kinds looked at
     * @param regions        the regions looked at; empty means any region
     * @param vpcs           the VPCs (actual addresses) VPC-bound resources must be in; empty means any
     * @param actualOutOfScope actual resources left out because they are outside this scope or AWS defaults
     */
    public record Scope(List<Kind> kinds, List<String> regions, List<String> vpcs, int actualOutOfScope) {
        public Scope {
            kinds = List.copyOf(kinds);
            regions = List.copyOf(regions);
            vpcs = List.copyOf(vpcs);
        }
    }

    /**
     * Counts. {@code plannedGeneric}: planned resources of types the model does not type, not compared;
     * {@code pendingDeletes}: planned deletions (matched but not compared); skipped*: attributes not compared because a
     * side does not carry them, summed over all matches.
     */
    public record Summary(int plannedResources, int actualResources, int matched, int inSync, int drifted,
                          int differences, int notComparable, int missing, int unmanaged, int uncompared,
                          int skippedPlannedLacks, int skippedActualLacks, int skippedNeither, int plannedGeneric,
                          int pendingDeletes) {
    }
}
