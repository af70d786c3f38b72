package io.plumbline.cli;

import io.plumbline.drift.Drift;
import io.plumbline.drift.DriftReport;
import io.plumbline.model.Model;
import io.plumbline.reports.drift.DriftJsonReport;
import io.plumbline.reports.drift.DriftTextReport;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare what a plan or template says (PLANNED) with what runs (ACTUAL: a saved snapshot of a "
                + "live audit, another plan or template; or --live: the account(s) now), resource by resource and "
                + "attribute by attribute, with both locations.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  in sync",
                "  1  drift found: a differing attribute, a planned resource missing, or an",
                "     unmanaged resource (this wins over 3)",
                "  2  unusable input or usage error",
                "  3  no drift found, but incomplete: something could not be compared",
                "     (a value known only after apply, a live call denied)"})
final class DriftCommand implements Callable<Integer> {
    static final int INCOMPLETE = Main.INCOMPLETE;

    enum OutputFormat {
        text("plumbline-drift.txt"), json("plumbline-drift.json");

        final String fileName;

        OutputFormat(String fileName) {
            this.fileName = fileName;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PLANNED",
            description = "What should run: Terraform plan JSON (terraform show -json) or CloudFormation template.")
    Path planned;

    @Parameters(index = "1", paramLabel = "ACTUAL", arity = "0..1",
            description = "What runs: a snapshot of a live audit (audit --save), a plan or a template; format detected "
                    + "from content. Without it, --live.")
    Path actual;

    @Option(names = "--live", description = "Compare with the running account(s) instead of a file: collected now, "
            + "read-only, with the audit's options (--profile, --regions, --role-arn, --endpoint-url...).")
    boolean live;

    @Mixin
    LiveOptions liveOptions;

    @Option(names = "--format", defaultValue = "text", split = ",", paramLabel = "FORMAT",
            description = "text, json, or both comma-separated (default: ${DEFAULT-VALUE}). Several formats need --out.")
    List<OutputFormat> formats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write each format to a file in DIR (plumbline-drift.txt, plumbline-drift.json).")
    Path outDir;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "CloudFormation parameter value (repeatable), for a template on either side.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region CloudFormation templates are deployed to (for Fn::GetAZs and AWS::Region).")
    String region;

    @Option(names = {"-v", "--verbose"}, description = "Text: list resources in sync and every attribute that "
            + "could not be compared.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        List<OutputFormat> wanted = formats.stream().distinct().toList();
        if (wanted.size() > 1 && outDir == null) {
            throw new ParameterException(spec.commandLine(), "several formats need --out DIR");
        }
        if (live == (actual != null)) {
            throw new ParameterException(spec.commandLine(), "give either ACTUAL (a snapshot, plan or template) or "
                    + "--live");
        }
        SourceOptions options = new SourceOptions(parameters, region);
        Model plannedModel = Inputs.load(planned, options);
        Model actualModel;
        if (live) {
            io.plumbline.live.LiveAudit.Collection collected = liveOptions.collect(spec);
            Integer stopped = LiveOptions.stopped(spec, collected);
            if (stopped != null) return stopped;
            actualModel = collected.model();
        } else {
            actualModel = Inputs.load(actual, options);
        }
        DriftReport report = Drift.compare(plannedModel, actualModel);
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (OutputFormat f : wanted) {
                try (OutputStream file = Files.newOutputStream(outDir.resolve(f.fileName));
                     OutputStream os = f == OutputFormat.text ? TerminalSafe.wrap(file) : file) {
                    render(f, report, os);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %s to %s%n", wanted, outDir);
            out.printf("Drift: %s%n", report.status());
            out.flush();
        } else {
            render(wanted.get(0), report, System.out);
        }
        return switch (report.status()) {
            case IN_SYNC -> Main.OK;
            case DRIFT -> Main.FINDINGS;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    private void render(OutputFormat f, DriftReport report, OutputStream os) {
        switch (f) {
            case json -> DriftJsonReport.write(report, Version.get(), os);
            case text -> {
                PrintWriter out = new PrintWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), false);
                DriftTextReport.write(report, verbose, out);
                out.flush();
            }
        }
    }
}
