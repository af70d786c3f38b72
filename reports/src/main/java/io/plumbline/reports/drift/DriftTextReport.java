package io.plumbline.reports.drift;

import io.plumbline.drift.DriftReport;
import io.plumbline.drift.DriftReport.Difference;
import io.plumbline.drift.DriftReport.Match;
import io.plumbline.drift.DriftReport.NotComparable;
import io.plumbline.drift.DriftReport.ResourceId;
import io.plumbline.drift.DriftReport.Side;
import io.plumbline.model.Provenance;
import java.io.PrintWriter;

/**
 * A drift report for people: each drifted resource with its differing attributes, the planned value and where the
 * plan says it, the actual value and where it was read; then missing, unmanaged and not comparable resources, and the
 * counts. Sensitive values print as "(sensitive)". The order is the report's (stable).
 */
public final class DriftTextReport {
    private DriftTextReport() {
    }

    public static void write(DriftReport r, boolean verbose, PrintWriter out) {
        for (Match m : r.matched()) {
            if (m.differences().isEmpty() && !verbose) continue;
            String state = !m.differences().isEmpty() ? "DRIFT" : m.notComparable().isEmpty() ? "IN SYNC" : "INCOMPLETE";
            out.printf("%s %s %s%n", state, m.planned().kind(), m.planned().address());
            out.printf("    actual: %s (matched by %s)%n", m.actual().address(), m.matchedBy());
            for (Difference d : m.differences()) {
                out.printf("  %s %s%n", d.change(), d.path());
                if (d.planned() != null) out.printf("      planned: %s%n", side(d.planned()));
                if (d.actual() != null) out.printf("      actual:  %s%n", side(d.actual()));
            }
            if (verbose) {
                for (NotComparable n : m.notComparable()) {
                    out.printf("  NOT COMPARABLE %s: %s%n", n.path(), n.reason());
                    out.printf("      planned at %s%n", where(n.planned().at()));
                    out.printf("      actual at  %s%n", where(n.actual().at()));
                }
            }
        }
        for (DriftReport.Missing m : r.missing()) {
            out.printf("MISSING %s %s (planned: %s; not found in the actual state)%n", m.planned().kind(),
                    m.planned().address(), m.plannedAction());
            out.printf("    declared at %s%n", where(m.planned().location()));
        }
        for (DriftReport.Unmanaged u : r.unmanaged()) {
            out.printf("UNMANAGED %s %s (not in the plan)%n", u.actual().kind(), name(u.actual()));
            out.printf("    read from %s%n", where(u.actual().location()));
        }
        for (DriftReport.Uncompared u : r.uncompared()) {
            out.printf("NOT COMPARED %s %s: %s%n", u.planned().kind(), u.planned().address(), u.reason());
        }
        int ncResources = (int) r.matched().stream().filter(m -> !m.notComparable().isEmpty()).count();
        if (!verbose && r.summary().notComparable() > 0) {
            out.printf("%d attribute(s) of %d resource(s) could not be compared (unknown on a side); -v lists them%n",
                    r.summary().notComparable(), ncResources);
        }
        for (String n : r.notes()) out.printf("note: %s%n", n);
        DriftReport.Scope s = r.scope();
        out.printf("Unmanaged resources looked for in kinds %s, regions %s, VPCs %s; %d actual resource(s) outside "
                        + "that scope or AWS defaults%n", s.kinds(), s.regions().isEmpty() ? "(any)" : s.regions(),
                s.vpcs().isEmpty() ? "(any)" : s.vpcs(), s.actualOutOfScope());
        DriftReport.Summary c = r.summary();
        out.printf("%d matched: %d in sync, %d drifted, %d incomplete; %d differing attribute(s), %d not comparable; "
                        + "%d missing, %d unmanaged, %d not compared%n",
                c.matched(), c.inSync(), c.drifted(), c.matched() - c.inSync() - c.drifted(), c.differences(),
                c.notComparable(), c.missing(), c.unmanaged(), c.uncompared());
        out.printf("Skipped attributes: %d the plan does not carry, %d the actual side does not carry, "
                        + "%d neither carries or knows; %d generic planned resource(s) not compared%n",
                c.skippedPlannedLacks(), c.skippedActualLacks(), c.skippedNeither(), c.plannedGeneric());
        out.printf("Drift: %s%n", switch (r.status()) {
            case IN_SYNC -> "in sync";
            case DRIFT -> "drift found";
            case INCOMPLETE -> "no drift found, but incomplete (something could not be compared)";
        });
        out.flush();
    }

    private static String name(ResourceId id) {
        return id.awsId() == null || id.address().endsWith(id.awsId()) ? id.address()
                : id.address() + " (" + id.awsId() + ")";
    }

    static String side(Side s) {
        return s.display() + "  @ " + where(s.at());
    }

    /** file:line:column and JSON pointer, or ARN and API operation. */
    static String where(Provenance p) {
        if (p == null) return "(no location)";
        if (p.file() != null) {
            StringBuilder sb = new StringBuilder(p.file());
            if (p.line() > 0) sb.append(':').append(p.line());
            if (p.column() > 0) sb.append(':').append(p.column());
            if (p.pointer() != null) sb.append(' ').append(p.pointer());
            return sb.toString();
        }
        return p.display();
    }
}
