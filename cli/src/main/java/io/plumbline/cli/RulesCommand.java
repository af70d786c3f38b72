package io.plumbline.cli;

import io.plumbline.engine.RuleRegistry;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleDescriptor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules: id, severity, title.")
final class RulesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Also rationale, remediation and control mappings.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Rule r : RuleRegistry.discover().all()) {
            RuleDescriptor d = r.descriptor();
            out.printf("%-8s %-9s %-14s %s%n", d.id(), d.severity().lower(), d.group(), d.title());
            if (verbose) {
                out.printf("         why: %s%n         fix: %s%n         controls: %s%n", d.rationale(),
                        d.remediation(), String.join(", ", d.controls()));
            }
        }
        out.flush();
        return Main.OK;
    }
}
