package io.plumbline.cli;

import io.plumbline.api.Plumbline;
import io.plumbline.live.LiveAudit;
import io.plumbline.live.LivePolicies;
import io.plumbline.reports.Plural;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;


@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audit running AWS accounts with the same rules, read-only.",
                "Credentials come from the SDK's default chain (environment, shared config and credentials files, SSO, "
                        + "container and instance roles) or --profile. Only Describe/List/Get/Select/BatchGet/Lookup "
                        + "calls are made (and sts:AssumeRole for --role-arn, --accounts, --organization), never one "
                        + "that returns a secret value or data (objects, items, log events); the least-privilege IAM "
                        + "policy the audit role needs: --print-policy."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  everything was read and no failing finding at or above --fail-on",
                "  1  failing findings at or above --fail-on (or UNKNOWN ones, with --fail-on-unknown)",
                "  2  usage error, unusable accounts file, baseline or waivers file, or no AWS credentials",
                "  3  incomplete audit: a call was denied, throttled past its retries or failed, a region was",
                "     unavailable or a role could not be assumed; what is missing is listed, and the rules",
                "     that need it are UNKNOWN there (1 wins over 3); when the first call (sts:GetCallerIdentity)",
                "     fails (endpoint unreachable, credentials refused), one line says why and nothing else runs",
                "Progress goes to stderr when it is a terminal."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Mixin
    LiveOptions live;

    @Option(names = "--plumbline-profile", paramLabel = "FILE",
            description = "A Plumbline profile overriding any part of the reference profile (as in check, paths, "
                    + "features); --profile is the AWS credentials profile.")
    Path plumblineProfile;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save what was collected (and what could not be) as a snapshot: `plumbline check FILE` "
                    + "re-evaluates it offline with the same findings; `plumbline drift PLAN FILE` compares it. "
                    + "Secret values are never stored.")
    Path save;

    @Option(names = "--stats", description = "List the API calls made, per operation.")
    boolean stats;

    @Option(names = "--print-policy",
            description = "Print the least-privilege IAM policy to attach to the audit role in every account, and exit.")
    boolean printPolicy;

    @Option(names = "--print-caller-policy",
            description = "Print the IAM policy of the identity that starts a multi-account audit (sts:AssumeRole, "
                    + "organizations:ListAccounts), and exit.")
    boolean printCallerPolicy;

    /**
     * With --rules, only the kinds those rules read are collected (null: all of them, also when a rule may read any
     * kind). An unknown rule id is left to the evaluation, which reports it.
     */
    static java.util.Set<io.plumbline.model.Kind> kindsRead(List<String> ruleIds) {
        if (ruleIds == null || ruleIds.isEmpty()) return null;
        java.util.Set<io.plumbline.model.Kind> kinds = java.util.EnumSet.noneOf(io.plumbline.model.Kind.class);
        for (var rule : io.plumbline.engine.RuleRegistry.discover().all()) {
            if (!ruleIds.contains(rule.descriptor().id())) continue;
            if (rule.descriptor().reads().isEmpty()) return null;
            kinds.addAll(rule.descriptor().reads());
        }
        return kinds.isEmpty() ? null : kinds;
    }

    @Override
    public Integer call() throws IOException {
        if (printPolicy || printCallerPolicy) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(LivePolicies.read(printPolicy ? LivePolicies.AUDIT_ROLE_POLICY : LivePolicies.CALLER_POLICY));
            out.flush();
            return Main.OK;
        }
        LiveAudit.Collection collected = live.collect(spec, kindsRead(report.rules));
        Integer stopped = LiveOptions.stopped(spec, collected);
        if (stopped != null) return stopped;
        Plumbline.Check check = Plumbline.check().model(collected.model()).profile(plumblineProfile);
        List<String> notes = new ArrayList<>();
        if (stats) {
            notes.add("API calls per operation:");
            collected.calls().byOperation().forEach((op, n) -> notes.add(String.format("  %-50s %d", op, n)));
        }
        if (save != null) {
            // As --out does: a nightly job names a fresh folder for both (--out nightly/ --save nightly/state.json).
            Path folder = save.toAbsolutePath().getParent();
            if (folder != null) java.nio.file.Files.createDirectories(folder);
            io.plumbline.source.snapshot.SnapshotWriter.save(collected.model(), save, Version.get());
            notes.add("Saved the collected state to " + save + ".");
        }
        notes.add("Audited " + Plural.of(collected.accounts().size(), "account") + ": "
                + Plural.of(collected.model().resources().size(), "resource") + ", "
                + Plural.of(collected.calls().calls(), "API call") + " ("
                + Plural.of(collected.calls().requests(), "HTTP request") + " with retries).");
        return report.report(spec, check, () -> notes);
    }
}
