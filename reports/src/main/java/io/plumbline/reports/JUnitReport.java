package io.plumbline.reports;

import io.plumbline.engine.Result;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI systems: one test suite per rule, one test case per rule and resource; FAIL is a failure, UNKNOWN
 * and NOT_APPLICABLE are skipped with their reason, WAIVED is skipped with its justification, so a dashboard never
 * counts them as passed.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    public static void write(Result result, OutputStream stream) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) byRule.put(d.id(), new ArrayList<>());
        for (Finding f : result.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        int tests = result.findings().size();
        int failures = result.withStatus(Status.FAIL).size();
        int skipped = tests - failures - result.withStatus(Status.PASS).size();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.printf("<testsuites name=\"plumbline\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\">%n", tests,
                failures, skipped);
        for (RuleDescriptor d : result.rules()) {
            List<Finding> fs = byRule.get(d.id());
            long f = fs.stream().filter(x -> x.status() == Status.FAIL).count();
            long s = fs.stream().filter(x -> x.status() != Status.FAIL && x.status() != Status.PASS).count();
            out.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" errors=\"0\">%n",
                    xml(d.id() + " " + d.title()), fs.size(), f, s);
            for (Finding x : fs) {
                out.printf("    <testcase classname=\"%s\" name=\"%s\"", xml(d.id()), xml(x.resource()));
                String detail = detail(x);
                switch (x.status()) {
                    case FAIL -> out.printf(">%n      <failure message=\"%s\" type=\"%s\">%s</failure>%n    </testcase>%n",
                            xml(x.message()), x.severity().lower(), xml(detail));
                    case UNKNOWN -> out.printf(">%n      <skipped message=\"%s\"/>%n    </testcase>%n",
                            xml("UNKNOWN: " + x.message()));
                    case NOT_APPLICABLE -> out.printf(">%n      <skipped message=\"%s\"/>%n    </testcase>%n",
                            xml("not applicable: " + x.message()));
                    case WAIVED -> out.printf(">%n      <skipped message=\"%s\">%s</skipped>%n    </testcase>%n",
                            xml(waived(x)), xml(x.message()));
                    default -> out.println("/>");
                }
            }
            out.println("  </testsuite>");
        }
        out.println("</testsuites>");
        out.flush();
    }

    /** "waived: justification (approved by X, expires D)". */
    private static String waived(Finding f) {
        Finding.Waiver w = f.waiver();
        if (w == null) return "waived: " + f.message();
        return "waived: " + w.justification() + " (" + w.standing() + ")";
    }

    private static String detail(Finding f) {
        StringBuilder sb = new StringBuilder(f.location().display());
        for (Evidence e : f.evidence()) {
            sb.append('\n').append(e.attribute()).append(" = ").append(e.actual()).append(", expected ")
                    .append(e.expected()).append(" [").append(e.location() == null ? "" : e.location().display())
                    .append(']');
        }
        return sb.toString();
    }

    /** Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry. */
    static String xml(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 has no C0 controls but these three, and no U+FFFE or U+FFFF
                    if (c >= 0x20 && c < 0xFFFE || c == '\n' || c == '\t' || c == '\r') sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
