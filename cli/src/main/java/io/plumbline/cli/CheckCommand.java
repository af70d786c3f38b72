package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;


@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check plans and templates against the reference architecture.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no failing finding at or above --fail-on",
                "  1  failing findings at or above --fail-on (or UNKNOWN ones, with",
                "     --fail-on-unknown); with --fail-on-new, only new ones (against",
                "     --baseline). WAIVED never fails.",
                "  2  unusable input (missing, empty, malformed, neither plan nor",
                "     template; a malformed baseline or waivers file) or usage error",
                "  3  incomplete: the input is a live audit's snapshot that could not",
                "     read everything (listed); no gate failure otherwise",
                "With --soft-fail the gate's verdict is printed and the exit code is 0",
                "instead of 1 (2 and 3 are unchanged).",
                "UNKNOWN findings are always shown with their reason; they never pass silently."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    ReportOptions report;

    @Mixin
    PlumblineProfileOptions profile;

    @Override
    public Integer call() throws IOException {
        Plumbline.Check check = Plumbline.check().inputs(input.files).profile(profile.file()).region(input.region)
                .sourceDir(input.sourceDir);
        input.parameters.forEach(check::parameter);
        return report.report(spec, check, List::of);
    }
}
