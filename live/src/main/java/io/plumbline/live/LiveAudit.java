package io.plumbline.live;

import io.plumbline.live.collect.CollectContext;
import io.plumbline.live.collect.CollectContext.NotCollected;
import io.plumbline.live.collect.Collector;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Collects running AWS accounts into the same typed model the plan and CloudFormation sources fill. Read-only: every
 * client carries {@link ReadOnlyInterceptor}. A failed call never aborts: the kinds it would have filled stay absent,
 * a warning names them, and the model's {@link Gap}s make the rules that need them report UNKNOWN there.
 */
public final class LiveAudit {

    private LiveAudit() {
    }

    /**
     * What an audit collected and what it could not.
     *
     * @param stopped when the first call (sts:GetCallerIdentity, which no IAM policy can deny) failed, why nothing
     *                was read: then no other call was made; null otherwise
     */
    public record Collection(Model model, List<NotCollected> notCollected, List<String> accounts, CallStats calls,
                             Unusable stopped) {
        public Collection(Model model, List<NotCollected> notCollected, List<String> accounts, CallStats calls) {
            this(model, notCollected, accounts, calls, null);
        }

        public boolean complete() {
            return notCollected.isEmpty();
        }
    }

    /** Why the caller's credentials or the endpoint cannot be used at all, in one line. */
    public record Unusable(Cause cause, String message) {
    }

    /** The causes told apart, each with its own remedy (and exit code in the CLI). */
    public enum Cause {
        /** No credentials in any source of the chain (or the named profile has none). */
        NO_CREDENTIALS,
        /** The endpoint does not answer (refused, unknown host, timeout). */
        UNREACHABLE,
        /** The endpoint answered and refused the credentials (invalid, expired, wrong signature). */
        REJECTED,
        /** Anything else. */
        FAILED
    }

    /** The caller's account, in {@code options.regions()}. */
    public static Model collect(AuditOptions options) {
        return run(options, List.of(AuditTarget.caller()), AuditListener.NONE).model();
    }

    public static Collection run(AuditOptions options, List<AuditTarget> targets, AuditListener listener) {
        return run(options, targets, listener, Collectors.all(), null);
    }

    /**
     * An audit of only the kinds given (the kinds the rules to run read; null for all): services that fill none of them
     * are not called, and their kinds are recorded as not collected, so that a snapshot of this audit re-evaluated
     * with other rules says UNKNOWN for them instead of finding them empty.
     */
    public static Collection run(AuditOptions options, List<AuditTarget> targets, AuditListener listener,
                                 java.util.Set<Kind> kinds) {
        return run(options, targets, listener, Collectors.all(), kinds);
    }

    static Collection run(AuditOptions options, List<AuditTarget> targets, AuditListener listener,
                          List<Supplier<Collector>> collectors, java.util.Set<Kind> kinds) {
        List<Resource> resources = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<NotCollected> missing = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        AtomicInteger planned = new AtomicInteger();
        CallStats stats = new CallStats();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "plumbline-audit");
            t.setDaemon(true);
            return t;
        });
        // One call first, with the caller's own credentials: if it cannot be made, no other call can, and a hundred
        // identical failures would tell the reader less than this one line.
        Clients caller = new Clients(options, options.credentials(), stats);
        String callerHome = options.regions().isEmpty() ? caller.globalRegion() : options.regions().get(0);
        String callerAccount;
        try {
            callerAccount = callerIdentity(caller, callerHome);
        } catch (SdkException e) {
            pool.shutdownNow();
            Unusable why = unusable(e, options);
            List<NotCollected> nothing = List.of(new NotCollected(null, null, null, "everything",
                    "sts:GetCallerIdentity", why.message()));
            List<Gap> gaps = List.of(new Gap(null, null, null, "sts:GetCallerIdentity", why.message()));
            return new Collection(new Model(List.of(), List.of(), List.of(), gaps), nothing, List.of(), stats, why);
        }
        try {
            List<Future<CollectContext>> tasks = new ArrayList<>();
            for (AuditTarget target : targets) {
                Clients clients = target.roleArn() == null ? caller
                        : new Clients(options, credentials(options, target), stats);
                String home = options.regions().isEmpty() ? clients.globalRegion() : options.regions().get(0);
                String account = target.roleArn() == null ? callerAccount
                        : account(clients, target, home, diagnostics, missing);
                if (account == null) continue; // the role could not be assumed
                accounts.add(account);
                List<String> regions = options.regions().isEmpty()
                        ? enabledRegions(clients, account, home, diagnostics, missing) : options.regions();
                for (Supplier<Collector> make : collectors) {
                    Collector probe = make.get();
                    if (kinds != null && java.util.Collections.disjoint(probe.kinds(), kinds)) {
                        for (Kind k : probe.kinds()) {
                            missing.add(new NotCollected(account, null, k, "not audited", probe.service() + ":*",
                                    "not collected: this audit read only the kinds its rules need"));
                        }
                        continue;
                    }
                    List<String> where = probe.global() ? List.of(clients.globalRegion()) : regions;
                    for (String region : where) {
                        listener.planned(planned.incrementAndGet());
                        tasks.add(pool.submit(() -> {
                            Collector c = make.get();
                            listener.started(account, region, c.service());
                            CollectContext ctx = new CollectContext(account, region);
                            try {
                                c.collect(clients, ctx);
                                undeclared(c, ctx);
                            } catch (RuntimeException e) {
                                // Outside any one call (a client that cannot be built...): what this service would
                                // have filled is unknown, so everything in this account and region is undecided.
                                ctx = failed(account, region, c.service(), e);
                            }
                            listener.finished(account, region, c.service(), ctx.resources().size(),
                                    ctx.notCollected().size());
                            return ctx;
                        }));
                    }
                }
            }
            for (Future<CollectContext> f : tasks) {
                CollectContext ctx = join(f);
                resources.addAll(ctx.resources());
                diagnostics.addAll(ctx.diagnostics());
                missing.addAll(ctx.notCollected());
            }
        } finally {
            pool.shutdownNow();
        }
        // Deterministic order whatever the scheduling: reports and snapshots are compared byte for byte.
        resources.sort(Comparator.comparing(Resource::address));
        List<Gap> gaps = new ArrayList<>();
        for (NotCollected n : missing) {
            gaps.add(new Gap(n.account(), n.region(), n.kind(), n.operation(), n.reason()));
        }
        return new Collection(new Model(resources, List.of(), diagnostics, gaps), List.copyOf(missing),
                java.util.Collections.unmodifiableList(accounts), stats);
    }

    /** A collector that fills a kind it does not declare is a bug: scoped audits would skip it silently. */
    private static void undeclared(Collector c, CollectContext ctx) {
        for (Resource r : ctx.resources()) {
            if (r.kind() != Kind.GENERIC && !c.kinds().contains(r.kind())) {
                throw new IllegalStateException("the " + c.service() + " collector filled " + r.kind()
                        + " without declaring it in kinds()");
            }
        }
    }

    private static CollectContext failed(String account, String region, String service, RuntimeException e) {
        CollectContext ctx = new CollectContext(account, region);
        String reason = "unexpected " + e.getClass().getSimpleName() + " in the " + service + " collector: "
                + e.getMessage();
        ctx.diagnostics().add(Diagnostic.warning("could not collect " + service + " " + CollectContext.where(account, region)
                + ": " + reason + "; every rule is UNKNOWN there",
                Provenance.live(account, region, null, service + ":*")));
        for (Kind k : Kind.values()) {
            if (k != Kind.GENERIC) ctx.notCollected().add(new NotCollected(account, region, k, service, service + ":*",
                    reason));
        }
        return ctx;
    }

    private static CollectContext join(Future<CollectContext> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The caller's credentials, or an assumed role's, refreshed by the SDK before they expire. */
    static AwsCredentialsProvider credentials(AuditOptions options, AuditTarget target) {
        if (target.roleArn() == null) return options.credentials();
        StsClient sts = stsForAssumeRole(options);
        return StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(r -> r.roleArn(target.roleArn()).roleSessionName("plumbline-audit"))
                .build();
    }

    private static StsClient stsForAssumeRole(AuditOptions options) {
        var b = StsClient.builder().region(software.amazon.awssdk.regions.Region.of(
                        Clients.globalRegion(options.regions().isEmpty() ? null : options.regions().get(0))))
                .credentialsProvider(options.credentials())
                .overrideConfiguration(o -> {
                    o.retryStrategy(options.retryMode()).apiCallTimeout(options.apiCallTimeout())
                            .addExecutionInterceptor(ReadOnlyInterceptor.allowing("AssumeRole"));
                    if (options.callObserver() != null) o.addExecutionInterceptor(options.callObserver());
                });
        if (options.endpoint() != null) b.endpointOverride(options.endpoint());
        return b.build();
    }

    /** The caller's account id (sts:GetCallerIdentity); a failure is the caller's to judge. */
    private static String callerIdentity(Clients clients, String region) {
        try (StsClient sts = clients.sts(region)) {
            return sts.getCallerIdentity().account();
        }
    }

    /** Why the first call failed, as one line that names the remedy; never the SDK's stack or class names. */
    static Unusable unusable(SdkException e, AuditOptions options) {
        String where = options.endpoint() != null ? options.endpoint().toString() : "AWS";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException
                    || t instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException
                    || t instanceof java.net.NoRouteToHostException) {
                String detail = t.getMessage() == null ? t.getClass().getSimpleName() : firstSentence(t.getMessage());
                return new Unusable(Cause.UNREACHABLE, "cannot reach " + where + " (sts:GetCallerIdentity: " + detail
                        + "); nothing was audited");
            }
        }
        if (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            String msg = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorMessage();
            String detail = (code == null ? "HTTP " + ase.statusCode() : code)
                    + (msg == null || msg.isBlank() ? "" : ": " + firstSentence(msg));
            Cause cause = ase.statusCode() == 401 || ase.statusCode() == 403 ? Cause.REJECTED : Cause.FAILED;
            return new Unusable(cause, (cause == Cause.REJECTED ? where + " refused the credentials"
                    : "the first call to " + where + " failed") + " (sts:GetCallerIdentity: " + detail
                    + "); nothing was audited");
        }
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (text.contains("Unable to load credentials") || text.contains("credentials")
                && (text.contains("profile") || text.contains("Profile"))) {
            String profile = text.contains("rofile") && !text.contains("Unable to load credentials from any")
                    ? " (" + firstSentence(text) + ")" : "";
            return new Unusable(Cause.NO_CREDENTIALS, "no AWS credentials found" + (profile.isEmpty()
                    ? " (environment variables, --profile, the shared config and credentials files, SSO, container or "
                    + "instance role)" : profile) + "; nothing was audited");
        }
        return new Unusable(Cause.FAILED, "the first call to " + where + " failed (sts:GetCallerIdentity: "
                + firstSentence(text) + "); nothing was audited");
    }

    /** The SDK's messages run on with every provider it tried: the first sentence says what happened. */
    private static String firstSentence(String message) {
        String m = message.strip();
        int cut = m.indexOf(". ");
        if (cut < 0) cut = m.indexOf(" (SDK Attempt Count");
        if (cut < 0) cut = m.indexOf(": [");
        if (cut < 0) cut = m.indexOf(": ProfileFile(");
        String s = cut > 0 ? m.substring(0, cut) : m;
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /**
     * The account id of an assumed role from sts:GetCallerIdentity. When it cannot be read, the whole account is a gap
     * (every kind, reason from STS) and null is returned.
     */
    static String account(Clients clients, AuditTarget target, String region, List<Diagnostic> diagnostics,
                          List<NotCollected> missing) {
        try (StsClient sts = clients.sts(region)) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            String reason = e.getMessage();
            diagnostics.add(Diagnostic.warning("could not audit " + target.display() + ": assuming the role "
                    + "failed (" + reason + "); nothing of that account was collected",
                    Provenance.live(target.account(), null, target.roleArn(), "sts:AssumeRole")));
            for (Kind k : Kind.values()) {
                if (k != Kind.GENERIC) {
                    missing.add(new NotCollected(target.account(), null, k, "everything", "sts:AssumeRole", reason));
                }
            }
            return null;
        }
    }

    /** The regions enabled in the account (ec2:DescribeRegions without AllRegions); the home region on failure. */
    static List<String> enabledRegions(Clients clients, String account, String home, List<Diagnostic> diagnostics,
                                       List<NotCollected> missing) {
        try (Ec2Client ec2 = clients.ec2(home)) {
            return ec2.describeRegions().regions().stream().map(r -> r.regionName()).sorted().toList();
        } catch (SdkException e) {
            diagnostics.add(Diagnostic.warning("could not list the enabled regions of " + account
                    + " (ec2:DescribeRegions failed: " + e.getMessage() + "); only " + home + " is audited; pass "
                    + "--regions to choose", Provenance.live(account, home, null, "ec2:DescribeRegions")));
            missing.add(new NotCollected(account, null, null, "enabled regions", "ec2:DescribeRegions",
                    e.getMessage()));
            return List.of(home);
        }
    }
}
