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

    /** What an audit collected and what it could not. */
    public record Collection(Model model, List<NotCollected> notCollected, List<String> accounts, CallStats calls) {
        public boolean complete() {
            return notCollected.isEmpty();
        }
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
        try {
            List<Future<CollectContext>> tasks = new ArrayList<>();
            for (AuditTarget target : targets) {
                Clients clients = new Clients(options, credentials(options, target), stats);
                String home = options.regions().isEmpty() ? clients.globalRegion() : options.regions().get(0);
                String account = account(clients, target, home, diagnostics, missing);
                if (account == null && target.roleArn() != null) continue; // the role could not be assumed
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
        ctx.diagnostics().add(Diagnostic.warning("could not collect " + service + " in account " + account
                + " region " + region + ": " + reason + "; every rule is UNKNOWN there",
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

    /**
     * The account id from sts:GetCallerIdentity. When it cannot be read: for an assumed role, the whole account is a
     * gap (every kind, reason from STS) and null is returned; for the caller, the id is unknown and ARNs lack it.
     */
    static String account(Clients clients, AuditTarget target, String region, List<Diagnostic> diagnostics,
                          List<NotCollected> missing) {
        try (StsClient sts = clients.sts(region)) {
            return sts.getCallerIdentity().account();
        } catch (SdkException e) {
            String reason = e.getMessage();
            if (target.roleArn() != null) {
                diagnostics.add(Diagnostic.warning("could not audit " + target.display() + ": assuming the role "
                        + "failed (" + reason + "); nothing of that account was collected",
                        Provenance.live(target.account(), null, target.roleArn(), "sts:AssumeRole")));
                for (Kind k : Kind.values()) {
                    if (k != Kind.GENERIC) {
                        missing.add(new NotCollected(target.account(), null, k, "everything", "sts:AssumeRole",
                                reason));
                    }
                }
                return null;
            }
            diagnostics.add(Diagnostic.warning("could not read the account id (sts:GetCallerIdentity failed: "
                    + reason + "); ARNs are built without it", Provenance.live(null, region, null,
                    "sts:GetCallerIdentity")));
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
