package io.plumbline.reports;

import io.plumbline.engine.Result;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * A pull-request summary that fits in a comment: the counts, then failures (most severe first), then what could not
 * be decided, each with its place. Long lists are cut with a count of what was left out.
 */
public final class MarkdownReport {
    private static final int MAX_ROWS = 50;

    private MarkdownReport() {
    }

    public static void write(Result result, PrintWriter out) {
        Map<Status, Integer> c = result.countsByStatus();
        boolean failed = c.get(Status.FAIL) > 0;
        out.printf("## Plumbline: %s%n%n", failed ? "failing findings" : "no failing findings");
        out.println("| passed | failed | unknown | not applicable | waived |");
        out.println("|---:|---:|---:|---:|---:|");
        out.printf("| %d | %d | %d | %d | %d |%n%n", c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.UNKNOWN),
                c.get(Status.NOT_APPLICABLE), c.get(Status.WAIVED));
        List<Finding> fails = result.withStatus(Status.FAIL).stream()
                .sorted((a, b) -> b.severity().compareTo(a.severity())).toList();
        section(out, "Failures", fails);
        section(out, "Undecided (UNKNOWN)", result.withStatus(Status.UNKNOWN));
        out.flush();
    }

    private static void section(PrintWriter out, String title, List<Finding> findings) {
        if (findings.isEmpty()) return;
        out.printf("### %s (%d)%n%n", title, findings.size());
        out.println("| rule | severity | resource | why | where |");
        out.println("|---|---|---|---|---|");
        for (int i = 0; i < Math.min(MAX_ROWS, findings.size()); i++) {
            Finding f = findings.get(i);
            out.printf("| %s | %s | `%s` | %s | %s |%n", f.ruleId(), f.severity().lower(), cell(f.resource()),
                    cell(f.message()), cell(f.location().display()));
        }
        if (findings.size() > MAX_ROWS) out.printf("%n… and %d more.%n", findings.size() - MAX_ROWS);
        out.println();
    }

    /** Keeps a value inside its table cell: no pipes, no line breaks, no HTML. */
    static String cell(String s) {
        if (s == null) return "";
        return s.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
    }
}
