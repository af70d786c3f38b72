package io.plumbline.live.collect;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One account and region being collected: where collectors put resources and diagnostics. A kind is added only when
 * every page of its call succeeded; a failed call leaves the kind absent and records a warning, never aborts.
 */
public final class CollectContext {

    private final String account;
    private final String region;
    private final List<Resource> resources = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<NotCollected> notCollected = new ArrayList<>();
    private final java.util.Set<String> attributeFailures = new java.util.HashSet<>();

    /**
     * A call that failed. {@code kind} is the model kind left out, or null when only attributes of collected resources
     * are unknown (a per-resource Get call denied: those values say UNKNOWN themselves).
     */
    public record NotCollected(String account, String region, Kind kind, String what, String operation,
                               String reason) {
        /** "ec2:DescribeSubnets (subnets): AccessDenied ..." */
        public String display() {
            return operation + " (" + what + "): " + reason;
        }
    }

    public CollectContext(String account, String region) {
        this.account = account;
        this.region = region;
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    public String partition() {
        if (region.startsWith("cn-")) return "aws-cn";
        if (region.startsWith("us-gov-")) return "aws-us-gov";
        return "aws";
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}; the account is the owner when known. */
    public String arn(String service, String owner, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + (owner == null ? nz(account) : owner) + ":"
                + resource;
    }

    /** "in account 123456789012 region eu-west-1"; never an empty account id. */
    public static String where(String account, String region) {
        String r = region == null ? "" : " region " + region;
        return account == null || account.isBlank() ? "in" + (r.isEmpty() ? " an unknown account" : r
                + " (account unknown)") : "in account " + account + r;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Provenance at(String arn, String operation) {
        return Provenance.live(account, region, arn, operation);
    }

    public static <T> Value<T> v(T value, Provenance p) {
        return Value.explicit(value, p);
    }

    /** A reference to an AWS id, name or ARN as the API returned it (explicit null when the API returned none). */
    public static Value<io.plumbline.model.Ref> ref(Object id, Provenance p) {
        return v(id == null ? null : new io.plumbline.model.Ref(id.toString()), p);
    }

    /**
     * EC2-style identity, where a resource's name is its {@code Name} tag: id, tags, region and name, and the id,
     * address and name as aliases for references.
     */
    public void nameByTag(Resource r, String id, java.util.Map<String, String> tags, Provenance p) {
        r.awsId = v(id, p);
        r.tags = v(tags, p);
        r.region = v(region, p);
        String name = tags.get("Name");
        r.name = v(name, p);
        r.addAlias(id);
        r.addAlias(r.address());
        r.addAlias(name);
    }

    public List<Resource> resources() {
        return resources;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Takes back resources collected earlier when what they depend on could not be collected, so that no rule judges
     * a half-known resource (a cluster whose instances are unknown must not look like a cluster without instances).
     */
    public void withdraw(Kind kind, List<? extends Resource> collected, String why, String operation) {
        notCollected.add(new NotCollected(account, region, kind, why, operation, "withdrawn"));
        if (collected.isEmpty()) return;
        resources.removeAll(collected);
        diagnostics.add(Diagnostic.warning("left out " + collected.size() + " resource(s) " + where(account, region)
                + ": " + why, Provenance.live(account, region, null, operation)));
    }

    /** Every call that failed, in order. */
    public List<NotCollected> notCollected() {
        return notCollected;
    }

    /** Whether a call of {@code operation} failed in this context. */
    public boolean failed(String operation) {
        return notCollected.stream().anyMatch(n -> n.operation().equals(operation));
    }

    static String reason(SdkException e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? ase.awsErrorDetails().errorCode() + ": " + ase.awsErrorDetails().errorMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /**
     * Runs one collection call that fills {@code kind}. On success its resources are added; on an SDK/service error
     * (AccessDenied, throttled past the retries, timeout, unimplemented...) none are, the kind is recorded as not
     * collected in this account and region, and a warning says so. Never throws an SDK error.
     */
    public <R extends Resource> List<R> collect(Kind kind, String what, String operation, Supplier<List<R>> call) {
        try {
            List<R> got = call.get();
            resources.addAll(got);
            return got;
        } catch (RuntimeException e) {
            // An SDK or service error, or an answer this collector did not expect (a bug of ours): never half a kind,
            // never an aborted audit, never a pass.
            String reason = e instanceof SdkException sdk ? reason(sdk)
                    : "unexpected " + e.getClass().getSimpleName() + " in Plumbline's collector: " + e.getMessage();
            notCollected.add(new NotCollected(account, region, kind, what, operation, reason));
            diagnostics.add(Diagnostic.warning("could not collect " + what + " " + where(account, region)
                    + ": " + operation + " failed (" + reason + "); rules that need them "
                    + "report UNKNOWN", Provenance.live(account, region, null, operation)));
            return List.of();
        }
    }

    /**
     * Reads one attribute of a collected resource with its own call (S3 GetBucketEncryption, KMS GetKeyRotationStatus):
     * the value, explicit at {@code p} with {@code operation}, or UNKNOWN naming the failed operation. Catch the
     * service's "not configured" error inside {@code call} and return what it means (no encryption rule, no
     * replication): only real failures should become unknown. The first failure of an operation is reported once.
     */
    public <T> Value<T> read(String operation, Provenance p, Supplier<T> call) {
        Provenance at = new Provenance(p.file(), p.line(), p.column(), p.pointer(), p.account(), p.region(), p.arn(),
                operation);
        try {
            return Value.explicit(call.get(), at);
        } catch (RuntimeException e) {
            String reason = e instanceof SdkException sdk ? reason(sdk)
                    : "unexpected " + e.getClass().getSimpleName() + " in Plumbline's collector: " + e.getMessage();
            if (attributeFailures.add(operation)) {
                notCollected.add(new NotCollected(account, region, null, "attributes", operation, reason));
                diagnostics.add(Diagnostic.warning(operation + " failed " + where(account, region)
                        + " (" + reason + "); the attributes it returns are UNKNOWN",
                        Provenance.live(account, region, null, operation)));
            }
            return Value.unknown(operation + " failed: " + reason, at);
        }
    }
}
