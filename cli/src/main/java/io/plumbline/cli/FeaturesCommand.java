package io.plumbline.cli;

import io.plumbline.features.Target;
import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import io.plumbline.source.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code plumbline features}: runs the executable specifications — the bundled features of the reference
 * architecture and a team's own feature files — against plans, templates (later, live snapshots), with the same model,
 * rules and reachability engine as {@code check}. Exit codes as for {@code check}; an undecided scenario (pending:
 * something it needed is unknown in the input) fails the run only with {@code --fail-on-unknown}.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Run the executable specifications (Cucumber features) against plans and templates: the "
                + "bundled features of the reference architecture and your own feature files, written with the step "
                + "library (features/STEPS.md).",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every scenario passed (undecided ones too, unless --fail-on-unknown)",
                "  1  a scenario failed, or an undefined or ambiguous step (or an undecided scenario, with "
                        + "--fail-on-unknown)",
                "  2  unusable input (missing, empty, malformed, neither plan nor template), a bad tag expression, a "
                        + "missing features path, or no scenario to run",
                "An undecided scenario is never reported as passed: it is listed with its reason."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", split = ",", paramLabel = "FILE",
            description = "Terraform plan JSON or CloudFormation template to run against (repeatable or "
                    + "comma-separated). None: the bundled reference example.")
    List<Path> targets = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Only the scenarios matching this Cucumber tag expression, e.g. '@critical and not @no-rule-yet', "
                    + "'@ENC-001 or @NIST-SC-28'.")
    String tags;

    @Option(names = "--features", paramLabel = "DIR",
            description = "A directory (or .feature file) of your own features to run besides the bundled ones "
                    + "(repeatable).")
    List<Path> features = new ArrayList<>();

    @Option(names = "--no-bundled", description = "Run only the features given with --features.")
    boolean noBundled;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the reports to DIR: plumbline-features.html and plumbline-features.md (for "
                    + "auditors: each scenario passed, failed or undecided, with the reason), Cucumber's "
                    + "plumbline-features-cucumber.html, plumbline-features.json and plumbline-features.ndjson "
                    + "(messages), and plumbline-features-rules.json (each rule's scenarios and their verdicts).")
    Path out;

    @picocli.CommandLine.Mixin
    PlumblineProfileOptions profile;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "CloudFormation parameter value (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region CloudFormation templates are deployed to (for Fn::GetAZs and AWS::Region).")
    String region;

    @Option(names = "--fail-on-unknown", description = "Undecided scenarios fail the run too.")
    boolean failOnUnknown;

    @Option(names = {"-v", "--verbose"}, description = "List passing scenarios too.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Target target = Target.ofFiles(targets).withProfile(profile.file()).withParameters(parameters).withRegion(region);
        Report report;
        try {
            report = FeatureRun.run(new FeatureRun.Options(target, !noBundled, features, tags, this.out));
        } catch (InputException | IllegalArgumentException e) {
            err.println("plumbline: error: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        } catch (RuntimeException e) {
            // Cucumber's own refusals: a feature file that is not Gherkin, a features path it cannot read.
            if (e.getClass().getName().startsWith("io.cucumber.")) {
                err.println("plumbline: error: " + e.getMessage());
                err.flush();
                return Main.USAGE;
            }
            throw e;
        }
        if (report.scenarios().isEmpty()) {
            err.println("plumbline: error: no scenario to run" + (tags == null ? "" : " matches --tags " + tags));
            err.flush();
            return Main.USAGE;
        }
        out.println("Features against " + target.describe() + (noBundled ? "" : " (bundled features"
                + (features.isEmpty() ? ")" : " and " + features + ")")));
        for (ScenarioResult s : report.scenarios()) {
            if (s.verdict() == ScenarioResult.Verdict.PASSED && !verbose) continue;
            out.println();
            out.printf("%-9s  %s  %s  %s%n", s.verdict(), s.location(), s.name(), String.join(" ", s.tags()));
            if (s.message() != null && s.verdict() != ScenarioResult.Verdict.PASSED) {
                for (String line : s.message().split("\n")) out.println("    " + line);
            }
        }
        out.println();
        out.println("Scenarios: " + report.summary() + " (" + report.scenarios().size() + " in all)");
        if (this.out != null) {
            out.println("Wrote " + FeatureRun.HTML + ", " + FeatureRun.MARKDOWN + ", " + FeatureRun.CUCUMBER_HTML + ", "
                    + FeatureRun.JSON + ", " + FeatureRun.MESSAGES + " and " + FeatureRun.RULES + " to " + this.out);
        }
        boolean fails = !report.failed().isEmpty() || (failOnUnknown && !report.undecided().isEmpty());
        out.printf("Gate: %s%s%n", fails ? "FAILED" : "passed", failOnUnknown ? " (undecided fails)" : "");
        out.flush();
        return fails ? Main.FINDINGS : Main.OK;
    }
}
