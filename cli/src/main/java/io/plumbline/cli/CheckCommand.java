package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.JsonReport;
import io.plumbline.reports.TextReport;
import io.plumbline.rule.Severity;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
    enum OutputFormat { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

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
    public Integer call() {
        Severity threshold = Severity.parse(failOn);
        Plumbline.Check check = Plumbline.check().inputs(input.files).rules(rules).profile(profile)
                .region(input.region);
        input.parameters.forEach(check::parameter);
        Result result = check.run();
        OutputStream stdout = System.out;
        if (format == OutputFormat.json) {
            JsonReport.write(result, Version.get(), stdout);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            TextReport.write(result, verbose, out);
            out.printf("Gate: %s (fail on %s%s)%n",
                    result.gateFails(threshold, failOnUnknown) ? "FAILED" : "passed", threshold.lower(),
                    failOnUnknown ? ", unknown fails" : "");
            out.flush();
        }
        return result.gateFails(threshold, failOnUnknown) ? Main.FINDINGS : Main.OK;
    }
}
