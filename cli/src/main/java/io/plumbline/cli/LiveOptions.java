package io.plumbline.cli;

import io.plumbline.live.AuditListener;
import io.plumbline.live.AuditOptions;
import io.plumbline.live.AuditTarget;
import io.plumbline.live.AuditTargets;
import io.plumbline.live.LiveAudit;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/** How to reach running accounts (audit, drift --live): credentials, regions, accounts, endpoint, pace, progress. */
final class LiveOptions {

    @Option(names = "--profile", paramLabel = "NAME",
            description = "A named profile of the AWS shared config/credentials files (as the AWS CLI's --profile).")
    String awsProfile;

    @Option(names = "--regions", split = ",", paramLabel = "REGION",
            description = "Regions to audit (default: the regions enabled in each account, from ec2:DescribeRegions).")
    List<String> regions = new ArrayList<>();

    static final class Accounts {
        @Option(names = "--role-arn", paramLabel = "ARN", description = "Audit the account of this role, assumed.")
        String roleArn;

        @Option(names = "--accounts", paramLabel = "FILE",
                description = "Audit these accounts: one 12-digit account id (role --role-name is assumed) or role "
                        + "ARN per line; # comments.")
        Path accountsFile;

        @Option(names = "--organization",
                description = "Audit every ACTIVE account of the caller's AWS Organization, assuming --role-name.")
        boolean organization;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Accounts accounts;

    @Option(names = "--role-name", defaultValue = AuditTargets.DEFAULT_ROLE_NAME, paramLabel = "NAME",
            description = "The role assumed in each account of --accounts ids and --organization "
                    + "(default: ${DEFAULT-VALUE}).")
    String roleName;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send every call to this AWS-compatible endpoint (as the AWS CLI's --endpoint-url). "
                    + "Without it the SDK's endpoint configuration applies, including AWS_ENDPOINT_URL.")
    URI endpoint;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "Collections (account × region × service) running at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--call-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Timeout of one API call, retries included (default: ${DEFAULT-VALUE}).")
    int callTimeout;

    @Option(names = "--use-config",
            description = "Read S3 bucket and KMS key settings from AWS Config advanced queries "
                    + "(config:SelectResourceConfig) in regions whose recorder records them: calls per page instead of "
                    + "per resource. Bucket and key policies are then not read (UNKNOWN); regions or types Config does "
                    + "not record, and failed queries, fall back to the direct calls.")
    boolean useConfig;

    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: only when stderr is a terminal).")
    Boolean progress;

    /** Collects the accounts and regions these options name, with progress on stderr when wanted. */
    LiveAudit.Collection collect(CommandSpec spec) throws IOException {
        return collect(spec, null);
    }

    /** As {@link #collect(CommandSpec)}, reading only {@code kinds} (null: every kind). */
    LiveAudit.Collection collect(CommandSpec spec, java.util.Set<io.plumbline.model.Kind> kinds) throws IOException {
        if (concurrency < 1) throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
        AwsCredentialsProvider credentials = awsProfile != null
                ? ProfileCredentialsProvider.builder().profileName(awsProfile).build()
                : DefaultCredentialsProvider.builder().build();
        AuditOptions options = new AuditOptions(endpoint, regions, credentials, Duration.ofSeconds(callTimeout),
                null, concurrency, null, useConfig);
        List<AuditTarget> targets = targets(spec, options);
        boolean show = progress != null ? progress : System.console() != null;
        // The progress line rewrites itself with cursor controls, so it writes to the unfiltered standard error and
        // escapes the names it shows itself.
        Progress listener = show ? new Progress(new PrintWriter(new java.io.OutputStreamWriter(Main.rawErr(),
                java.nio.charset.StandardCharsets.UTF_8))) : null;
        LiveAudit.Collection collected = LiveAudit.run(options, targets, listener == null ? AuditListener.NONE
                : listener, kinds);
        if (listener != null) listener.done();
        return collected;
    }

    /**
     * When the audit's first call failed and nothing was read: one line on stderr saying so, and the exit code, 2
     * (usage) when there are no credentials to run with, else 3 (incomplete: the gate is undecided); null otherwise.
     */
    static Integer stopped(CommandSpec spec, LiveAudit.Collection collected) {
        LiveAudit.Unusable why = collected.stopped();
        if (why == null) return null;
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.commandLine().getCommandName();
        if (why.cause() == LiveAudit.Cause.NO_CREDENTIALS) {
            err.println("plumbline " + name + ": " + why.message() + "; give --profile NAME or set AWS_PROFILE, or "
                    + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            err.flush();
            return Main.USAGE;
        }
        err.println("plumbline " + name + ": incomplete, " + why.message() + "; the gate is undecided");
        err.flush();
        return Main.INCOMPLETE;
    }

    private List<AuditTarget> targets(CommandSpec spec, AuditOptions options) throws IOException {
        if (accounts == null) return List.of(AuditTarget.caller());
        if (accounts.roleArn != null) return List.of(AuditTarget.role(accounts.roleArn));
        if (accounts.accountsFile != null) {
            try {
                return AuditTargets.fromFile(accounts.accountsFile, roleName);
            } catch (java.nio.file.NoSuchFileException e) {
                throw new ParameterException(spec.commandLine(), "accounts file not found: " + accounts.accountsFile);
            } catch (AuditTargets.BadAccountsFile e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return AuditTargets.organization(options, roleName);
    }

    /** One line rewritten in place: tasks done of planned, and the one that just finished. */
    static final class Progress implements AuditListener {
        private final PrintWriter err;
        private final AtomicInteger planned = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failures = new AtomicInteger();

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void planned(int total) {
            planned.set(total);
        }

        @Override
        public synchronized void finished(String account, String region, String service, int resources,
                                          int failed) {
            int n = done.incrementAndGet();
            int f = failures.addAndGet(failed);
            err.printf("\r\u001b[2K[%d/%d] %s %s %s: %d resources%s", n, planned.get(), TerminalSafe.escape(account),
                    TerminalSafe.escape(region), TerminalSafe.escape(service),
                    resources, f > 0 ? " (" + f + " calls failed so far)" : "");
            err.flush();
        }

        synchronized void done() {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
