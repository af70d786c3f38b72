package io.plumbline.features.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The specifications' outcome in an auditor's words, as a self-contained HTML page and as Markdown: each scenario
 * PASSED, FAILED or UNDECIDED (what Cucumber calls pending or skipped: a step could not decide), undecided and failed
 * ones first, each with the message of the step that decided it, once, and never a Java class name or stack frame.
 * Cucumber's own interactive page is still written, for the people who maintain the step library.
 */
public final class AuditorReport {
    /** "io.plumbline.features.Undecided: " or "java.lang.AssertionError: " at the start of a line. */
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\$[\\w$]+)*:\\s?");
    /** A stack frame: "\tat io.cucumber.core.runner...(File.java:12)" or "... 12 more". */
    private static final Pattern FRAME = Pattern.compile("^\\s*(?:at [\\w$.<>/]+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");

    private AuditorReport() {
    }

    /**
     * A step's message as a reader should see it: class-name prefixes and stack frames dropped, a line said twice
     * said once; null when nothing readable is left.
     */
    public static String readable(String message) {
        if (message == null) return null;
        LinkedHashSet<String> lines = new LinkedHashSet<>();
        for (String raw : message.split("\r?\n")) {
            if (FRAME.matcher(raw).matches()) continue;
            String line = raw;
            // "Caused by: x.y.Z: why" and nested prefixes "a.B: c.D: why" say who threw it, not what happened.
            if (line.startsWith("Caused by: ")) line = line.substring("Caused by: ".length());
            String before;
            do {
                before = line;
                line = CLASS_PREFIX.matcher(line).replaceFirst("");
            } while (!line.equals(before));
            if (line.startsWith(io.plumbline.features.Undecided.PREFIX)) {
                line = line.substring(io.plumbline.features.Undecided.PREFIX.length());
            }
            if (!line.isBlank()) lines.add(line.stripTrailing());
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** Undecided and failed scenarios first (the reader's attention), then the passed ones, each group in run order. */
    static List<ScenarioResult> ordered(Report report) {
        List<ScenarioResult> out = new ArrayList<>(report.failed());
        out.addAll(report.undecided());
        out.addAll(report.passed());
        return out;
    }

    public static void writeMarkdown(Report report, String target, Path file) {
        StringBuilder md = new StringBuilder();
        md.append("# Specifications of the reference architecture\n\n");
        md.append("Against ").append(mdText(target)).append(": **").append(report.summary()).append("** (")
                .append(report.scenarios().size()).append(" scenarios). Undecided: the input does not say enough to "
                        + "decide; never counted as passed.\n\n");
        md.append("| Verdict | Scenario | Where | Rules |\n|---|---|---|---|\n");
        for (ScenarioResult s : ordered(report)) {
            md.append("| ").append(s.verdict().name()).append(" | ").append(mdCell(s.name())).append(" | `")
                    .append(mdCell(s.location())).append("` | ").append(mdCell(String.join(", ", s.ruleIds())))
                    .append(" |\n");
        }
        for (ScenarioResult s : ordered(report)) {
            String why = s.verdict() == ScenarioResult.Verdict.PASSED ? null : readable(s.message());
            if (why == null) continue;
            md.append("\n## ").append(s.verdict().name()).append(": ").append(mdText(s.name())).append("\n\n`")
                    .append(mdCell(s.location())).append("`\n\n```text\n").append(why.replace("```", "'''"))
                    .append("\n```\n");
        }
        write(file, md.toString());
    }

    public static void writeHtml(Report report, String target, Path file) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\">\n")
                .append("<title>Specifications: ").append(esc(report.summary())).append("</title>\n<style>\n")
                .append("body { font: 14px/1.45 system-ui, \"DejaVu Sans\", sans-serif; margin: 0 auto; "
                        + "max-width: 1200px; padding: 16px 24px; color: #1b1b1b; }\n")
                .append("table { border-collapse: collapse; width: 100%; }\n")
                .append("th, td { text-align: left; vertical-align: top; padding: 6px 8px; "
                        + "border-bottom: 1px solid #d9d9d9; }\n")
                .append(".v { display: inline-block; min-width: 86px; text-align: center; padding: 1px 6px; "
                        + "border-radius: 3px; color: #fff; font-weight: 600; font-size: 12px; }\n")
                .append(".PASSED { background: #1f7a3a; } .FAILED { background: #b3261e; } "
                        + ".UNDECIDED { background: #a15c00; }\n")
                .append("pre { white-space: pre-wrap; overflow-wrap: break-word; font-size: 12px; margin: 4px 0 0; "
                        + "font-family: ui-monospace, \"DejaVu Sans Mono\", monospace; }\n")
                .append(".meta { color: #555; } code { font-size: 12px; }\n</style>\n</head>\n<body>\n")
                .append("<h1>Specifications of the reference architecture</h1>\n")
                .append("<p id=\"summary\">Against <code>").append(esc(target)).append("</code>: <strong>")
                .append(esc(report.summary())).append("</strong> (").append(report.scenarios().size())
                .append(" scenarios).</p>\n<p class=\"meta\">UNDECIDED: a step could not decide, because a value it "
                        + "needs is unknown in the input or nothing it applies to is there (Cucumber calls this "
                        + "pending). It is never counted as passed.</p>\n")
                .append("<table>\n<thead><tr><th>Verdict</th><th>Scenario</th><th>Why</th><th>Where</th></tr>"
                        + "</thead>\n<tbody>\n");
        for (ScenarioResult s : ordered(report)) {
            String why = s.verdict() == ScenarioResult.Verdict.PASSED ? null : readable(s.message());
            h.append("<tr class=\"scenario\" data-verdict=\"").append(s.verdict().name()).append("\"><td>")
                    .append("<span class=\"v ").append(s.verdict().name()).append("\">").append(s.verdict().name())
                    .append("</span></td><td>").append(esc(s.name())).append("<br><span class=\"meta\">")
                    .append(esc(s.feature())).append(" · ").append(esc(String.join(" ", s.tags())))
                    .append("</span></td><td>");
            if (why != null) h.append("<pre class=\"why\">").append(esc(why)).append("</pre>");
            h.append("</td><td><code>").append(esc(s.location())).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</body>\n</html>\n");
        write(file, h.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Markdown text: no markup from the input (a name with * or [ stays literal), and no HTML. */
    private static String mdText(String s) {
        return s == null ? "" : esc(s).replaceAll("([\\\\`*_\\[\\]|#])", "\\\\$1");
    }

    private static String mdCell(String s) {
        return s == null ? "" : esc(s).replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }
}
