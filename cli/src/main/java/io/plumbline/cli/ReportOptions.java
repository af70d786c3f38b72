package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.reports.JUnitReport;
import io.plumbline.reports.JsonReport;
import io.plumbline.reports.MarkdownReport;
import io.plumbline.reports.SarifReport;
import io.plumbline.reports.TextReport;
import io.plumbline.reports.html.History;
import io.plumbline.reports.html.HtmlReport;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.Gate;
import io.plumbline.reports.triage.Review;
import io.plumbline.reports.triage.WaiverSet;
import io.plumbline.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What every evaluating command shares (check, audit): formats, thresholds, baselines, waivers, history, and the one
 * way a result becomes reports and an exit code, so a live audit is rendered exactly as a plan check is.
 */
final class ReportOptions {
    enum OutputFormat {
        text("plumbline.txt"), json("plumbline.json"), sarif("plumbline.sarif"), junit("plumbline-junit.xml"),
        md("plumbline.md"), html("plumbline.html");

        final String fileName;

        OutputFormat(String fileName) {
            this.fileName = fileName;
        }
    }

    @Option(names = "--format", defaultValue = "text", split = ",", paramLabel = "FORMAT",
            description = "One or more of text, json, sarif, junit, md, html, comma-separated (default: ${DEFAULT-VALUE}). "
                    + "Several formats need --out.")
    List<OutputFormat> formats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each format to a file in DIR (plumbline.txt, .json, .sarif, -junit.xml, .md, .html) "
                    + "instead of standard output.")
    Path outDir;

    @Option(names = "--rules", split = ",", paramLabel = "ID", description = "Only these rules, e.g. ENC-001,BAK-001.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--fail-on", defaultValue = "low", paramLabel = "SEVERITY",
            description = "Lowest severity of a FAIL that fails the gate: critical, high, medium, low "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--fail-on-unknown", description = "UNKNOWN findings at or above --fail-on fail the gate too.")
    boolean failOnUnknown;

    @Option(names = "--soft-fail",
            description = "Exit 0 whatever the gate says (the gate's verdict is still printed): to record a baseline "
                    + "or report without blocking. Unusable input still exits 2, an incomplete audit 3.")
    boolean softFail;

    @Option(names = {"-v", "--verbose"}, description = "Text: every finding in full (passes, every witness hop, the "
            + "evidence of passing checks), as the compact default does not.")
    boolean verbose;

    @Option(names = "--baseline", paramLabel = "RESULT.json",
            description = "An earlier result (--format json): each FAIL and UNKNOWN is new or unchanged, the "
                    + "baseline's failures that are gone are fixed. Matched by fingerprint (rule, resource, "
                    + "attribute), so renamed files and reordered plans still match.")
    Path baselineFile;

    @Option(names = "--fail-on-new",
            description = "Only new findings (against --baseline) at or above --fail-on fail the gate.")
    boolean failOnNew;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Earlier JSON results (--format json) of this check: the HTML report charts failures over "
                    + "them and lists what changed since the latest.")
    Path historyDir;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "A YAML list of waivers (rule, resource glob, justification, approver, expires): a matching "
                    + "FAIL or UNKNOWN becomes WAIVED until the waiver expires. Validated strictly.")
    Path waiversFile;

    /** Today, for waiver expiry. */
    Clock clock = Clock.systemDefaultZone();

    /**
     * Validates the options, evaluates {@code check} (after the baseline and waivers files are read: a malformed one
     * stops the run before any work), writes every format and returns the exit code: {@link Main#FINDINGS} when the
     * gate fails, else {@link Main#INCOMPLETE} when part of the state could not be read, else {@link Main#OK}.
     */
    int report(CommandSpec spec, Plumbline.Check check, Supplier<List<String>> extraNotes) throws IOException {
        Gate gate = new Gate(Severity.parse(failOn), failOnUnknown, failOnNew);
        List<OutputFormat> wanted = formats.stream().distinct().toList();
        if (wanted.size() > 1 && outDir == null) {
            throw new ParameterException(spec.commandLine(), "several formats need --out DIR");
        }
        if (failOnNew && baselineFile == null) {
            throw new ParameterException(spec.commandLine(), "--fail-on-new needs --baseline RESULT.json");
        }
        check.rules(rules);
        WaiverSet waivers = null;
        if (waiversFile != null) {
            RuleRegistry registry = RuleRegistry.discover();
            check.registry(registry);
            waivers = WaiverSet.load(waiversFile, registry.all().stream().map(r -> r.descriptor().id()).toList());
        }
        Baseline baseline = baselineFile == null ? null : Baseline.load(baselineFile);
        Review review = Review.of(check.run(), waivers, baseline, clock);
        boolean gateFails = gate.fails(review);
        // Incomplete means: something a rule that ran needed could not be read (kinds no rule here reads, e.g. those an
        // audit limited by --rules did not collect, do not make this run incomplete).
        var ran = review.result().rules();
        var gaps = review.result().model().gaps().stream()
                .filter(g -> g.kind() == null || ran.stream().anyMatch(d -> d.reads(g.kind()))).toList();
        String gateLine = gate.describe(gateFails, !gaps.isEmpty());
        if (softFail && gateFails) {
            gateLine = gateLine.stripTrailing() + "; --soft-fail: exit code 0" + System.lineSeparator();
        }
        if (!gaps.isEmpty()) {
            gateLine += "Incomplete: " + io.plumbline.reports.Plural.of(gaps.size(), "part") + " of the state could "
                    + "not be read; the rules that "
                    + "need them are UNKNOWN there:\n" + gaps.stream().map(g -> "  " + g.display() + "\n")
                    .distinct().reduce("", String::concat);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (OutputFormat f : wanted) {
                // Text and Markdown files are read in terminals too (cat, less -R): escaped like standard output.
                try (OutputStream file = Files.newOutputStream(outDir.resolve(f.fileName));
                     OutputStream os = f == OutputFormat.text || f == OutputFormat.md ? TerminalSafe.wrap(file) : file) {
                    render(f, review, os, gateLine);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %s to %s%n", wanted, outDir);
            review.notes().forEach(out::println);
            extraNotes.get().forEach(out::println);
            out.print(gateLine);
            out.flush();
        } else {
            render(wanted.get(0), review, System.out, gateLine);
            PrintWriter err = spec.commandLine().getErr();
            if (wanted.get(0) != OutputFormat.text) {
                // The document on stdout stays clean; what a person should see goes to stderr.
                review.notes().stream().filter(n -> n.startsWith("warning:")).forEach(err::println);
                // With --soft-fail the exit code no longer tells a failing gate: the line must.
                if (!gaps.isEmpty() || (softFail && gateFails)) err.print(gateLine);
            }
            extraNotes.get().forEach(err::println);
            err.flush();
        }
        if (gateFails && !softFail) return Main.FINDINGS;
        return gaps.isEmpty() ? Main.OK : Main.INCOMPLETE;
    }

    private void render(OutputFormat f, Review review, OutputStream os, String gate) {
        Result result = review.result();
        switch (f) {
            case json -> JsonReport.write(review, Version.get(), os);
            case sarif -> SarifReport.write(review, Version.get(), os);
            case junit -> JUnitReport.write(result, os);
            case md -> MarkdownReport.write(review, writer(os));
            case html -> HtmlReport.write(result, Version.get(), Instant.now(),
                    historyDir == null ? History.NONE : History.read(historyDir),
                    io.plumbline.features.Specifications.bundledByRuleAsText(), os);
            case text -> {
                PrintWriter out = writer(os);
                TextReport.write(review, verbose, out);
                out.print(gate);
                out.flush();
            }
        }
    }

    private static PrintWriter writer(OutputStream os) {
        return new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), true);
    }
}
