package io.plumbline.reports;

import io.plumbline.engine.Result;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.BaselineComparison;
import io.plumbline.reports.triage.Review;
import io.plumbline.reports.triage.WaiverEntry;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A pull-request summary that fits in a comment: the counts, then failures (most severe first), then what could not
 * be decided, each with its place. With a baseline: new failures first, then fixed, still failing, undecided. Waived
 * findings follow with their justification, approver and expiry. Long lists are cut with a count of what was left out.
 */
public final class MarkdownReport {
    private static final int MAX_ROWS = 50;
    private static final Comparator<Finding> MOST_SEVERE_FIRST = (a, b) -> b.severity().compareTo(a.severity());

    private MarkdownReport() {
    }

    public static void write(Result result, PrintWriter out) {
        write(Review.of(result), out);
    }

    public static void write(Review review, PrintWriter out) {
        Result result = review.result();
        BaselineComparison baseline = review.baseline();
        Map<Status, Integer> c = result.countsByStatus();
        List<Finding> fails = result.withStatus(Status.FAIL).stream().sorted(MOST_SEVERE_FIRST).toList();
        if (baseline == null) {
            out.printf("## Plumbline: %s%n%n", fails.isEmpty() ? "no failing findings" : "failing findings");
        } else {
            long newFails = fails.stream().filter(review::isNew).count();
            out.printf("## Plumbline: %s%n%n", newFails == 0 ? "no new failing findings"
                    : newFails + " new failing finding" + (newFails == 1 ? "" : "s"));
        }
        out.println("| passed | failed | unknown | not applicable | waived |");
        out.println("|---:|---:|---:|---:|---:|");
        out.printf("| %d | %d | %d | %d | %d |%n%n", c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.UNKNOWN),
                c.get(Status.NOT_APPLICABLE), c.get(Status.WAIVED));
        if (baseline == null) {
            section(out, "Failures", fails);
            section(out, "Undecided (UNKNOWN)", result.withStatus(Status.UNKNOWN));
        } else {
            out.printf("Compared with the baseline `%s`: %d new, %d unchanged, %d fixed.%n%n",
                    cell(baseline.baseline().file()), baseline.count(BaselineComparison.State.NEW),
                    baseline.count(BaselineComparison.State.UNCHANGED), baseline.fixed().size());
            section(out, "New failures", fails.stream().filter(review::isNew).toList());
            fixed(out, baseline.fixed());
            section(out, "Still failing", fails.stream().filter(f -> !review.isNew(f)).toList());
            List<Finding> unknowns = new ArrayList<>(result.withStatus(Status.UNKNOWN).stream()
                    .filter(review::isNew).toList());
            unknowns.addAll(result.withStatus(Status.UNKNOWN).stream().filter(f -> !review.isNew(f)).toList());
            table(out, "Undecided (UNKNOWN)", unknowns, "| rule | severity | resource | why | where |",
                    f -> String.format("| %s%s | %s | `%s` | %s | %s |", f.ruleId(), review.isNew(f) ? " (new)" : "",
                            f.severity().lower(), cell(f.resource()), cell(f.message()), cell(f.location().display())));
        }
        table(out, "Waived", result.withStatus(Status.WAIVED),
                "| rule | severity | resource | justification | approved by | expires |",
                f -> String.format("| %s | %s | `%s` | %s | %s | %s |", f.ruleId(), f.severity().lower(),
                        cell(f.resource()), cell(f.waiver() == null ? "" : f.waiver().justification()),
                        cell(f.waiver() == null ? "" : f.waiver().approver() != null ? f.waiver().approver()
                                : "declared in " + f.waiver().declaredAt().display()),
                        f.waiver() == null || f.waiver().expires() == null ? "" : f.waiver().expires()));
        if (review.waivers() != null && !review.waivers().unmatched().isEmpty()) {
            List<WaiverEntry> unmatched = review.waivers().unmatched();
            out.printf("Waivers in `%s` that match nothing: %s.%n%n", cell(review.waivers().waivers().file()),
                    String.join(", ", unmatched.stream().map(e -> cell(e.describe())).toList()));
        }
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<Finding> findings) {
        table(out, title, findings, "| rule | severity | resource | why | where |",
                f -> String.format("| %s | %s | `%s` | %s | %s |", f.ruleId(), f.severity().lower(),
                        cell(f.resource()), cell(f.message()), cell(f.location().display())));
    }

    private static void fixed(PrintWriter out, List<Baseline.Entry> fixed) {
        table(out, "Fixed", fixed, "| rule | severity | resource | was |",
                e -> String.format("| %s | %s | `%s` | %s |", e.rule(), e.severity() == null ? "" : cell(e.severity()),
                        cell(e.resource()), cell((e.status() == Status.UNKNOWN ? "UNKNOWN: " : "")
                                + (e.message() == null ? "" : e.message()))));
    }

    private static <T> void table(PrintWriter out, String title, List<T> rows, String header, Function<T, String> row) {
        if (rows.isEmpty()) return;
        out.printf("### %s (%d)%n%n", title, rows.size());
        out.println(header);
        out.println(header.replaceAll("[^|]+", "---"));
        for (int i = 0; i < Math.min(MAX_ROWS, rows.size()); i++) out.println(row.apply(rows.get(i)));
        if (rows.size() > MAX_ROWS) out.printf("%n… and %d more.%n", rows.size() - MAX_ROWS);
        out.println();
    }

    /** Keeps a value inside its table cell: no pipes, no line breaks, no HTML. */
    static String cell(String s) {
        if (s == null) return "";
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
    }
}
