package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.reports.InventoryReport;
import io.plumbline.source.SourceOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Print the normalized model of the inputs, with the provenance and certainty of every value.")
final class InventoryCommand implements Callable<Integer> {
    enum OutputFormat { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    /** Only to refuse {@code --profile} with the right name: inventory reads no profile. */
    @Option(names = "--profile", hidden = true, paramLabel = "NAME")
    String awsProfile;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (awsProfile != null) throw new IllegalArgumentException(PlumblineProfileOptions.REFUSAL);
        Model model = Plumbline.inventory(input.files, new SourceOptions(input.parameters, input.region, input.sourceDir));
        if (format == OutputFormat.json) {
            InventoryReport.write(model, System.out);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            for (Resource r : model.resources()) {
                out.printf("%-24s %-60s %s%n", r.kind(), r.address(), r.location().display());
            }
            model.kindCounts().forEach((k, n) -> out.printf("%s: %d%n", k, n));
            model.diagnostics().forEach(d -> out.printf("%s: %s (%s)%n", d.level(), d.message(), d.location()));
            out.flush();
        }
        return Main.OK;
    }
}
