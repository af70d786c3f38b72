package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.JUnitReport;
import io.plumbline.reports.JsonReport;
import io.plumbline.reports.MarkdownReport;
import io.plumbline.reports.SarifReport;
import io.plumbline.reports.TextReport;
import io.plumbline.reports.html.HtmlReport;
import io.plumbline.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check plans and templates against the reference architecture.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no failing finding at or above --fail-on",
                "  1  failing findings at or above --fail-on (or UNKNOWN ones, with --fail-on-unknown)",
                "  2  unusable input (missing, empty, malformed, neither plan nor template) or usage error",
                "UNKNOWN findings are always shown with their reason; they never pass silently."})
final class CheckCommand implements Callable<Integer> {
    enum OutputFormat {
        text("plumbline.txt"), json("plumbline.json"), sarif("plumbline.sarif"), junit("plumbline-junit.xml"),
        md("plumbline.md"), html("plumbline.html");

        final String fileName;

        OutputFormat(String fileName) {
            this.fileName = fileName;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--format", defaultValue = "text", split = ",", paramLabel = "FORMAT",
            description = "One or more of text, json, sarif, junit, md, html, comma-separated (default: ${DEFAULT-VALUE}). "
                    + "Several formats need --out.")
    List<OutputFormat> formats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each format to a file in DIR (plumbline.txt, .json, .sarif, -junit.xml, .md, .html) "
                    + "instead of standard output.")
    Path outDir;

    @Option(names = "--profile", paramLabel = "FILE", description = "A profile overriding the reference profile.")
    Path profile;

    @Option(names = "--rules", split = ",", paramLabel = "ID", description = "Only these rules, e.g. ENC-001,BAK-001.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--fail-on", defaultValue = "low", paramLabel = "SEVERITY",
            description = "Lowest severity of a FAIL that fails the gate: critical, high, medium, low "
                    + "(default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--fail-on-unknown", description = "UNKNOWN findings at or above --fail-on fail the gate too.")
    boolean failOnUnknown;

    @Option(names = {"-v", "--verbose"}, description = "List passing findings too (text format).")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        Severity threshold = Severity.parse(failOn);
        List<OutputFormat> wanted = formats.stream().distinct().toList();
        if (wanted.size() > 1 && outDir == null) {
            throw new ParameterException(spec.commandLine(), "several formats need --out DIR");
        }
        Plumbline.Check check = Plumbline.check().inputs(input.files).rules(rules).profile(profile)
                .region(input.region);
        input.parameters.forEach(check::parameter);
        Result result = check.run();
        boolean gateFails = result.gateFails(threshold, failOnUnknown);
        String gate = String.format("Gate: %s (fail on %s%s)%n", gateFails ? "FAILED" : "passed", threshold.lower(),
                failOnUnknown ? ", unknown fails" : "");
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (OutputFormat f : wanted) {
                try (OutputStream os = Files.newOutputStream(outDir.resolve(f.fileName))) {
                    render(f, result, os, gate);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %s to %s%n", wanted, outDir);
            out.print(gate);
            out.flush();
        } else {
            render(wanted.get(0), result, System.out, gate);
        }
        return gateFails ? Main.FINDINGS : Main.OK;
    }

    private void render(OutputFormat f, Result result, OutputStream os, String gate) {
        switch (f) {
            case json -> JsonReport.write(result, Version.get(), os);
            case sarif -> SarifReport.write(result, Version.get(), os);
            case junit -> JUnitReport.write(result, os);
            case md -> MarkdownReport.write(result, writer(os));
            case html -> HtmlReport.write(result, Version.get(), Instant.now(), os);
            case text -> {
                PrintWriter out = writer(os);
                TextReport.write(result, verbose, out);
                out.print(gate);
                out.flush();
            }
        }
    }

    private static PrintWriter writer(OutputStream os) {
        return new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), true);
    }
}
