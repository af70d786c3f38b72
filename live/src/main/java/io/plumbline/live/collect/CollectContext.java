package io.plumbline.live.collect;

import io.plumbline.model.Diagnostic;
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
    private final List<String> notCollected = new ArrayList<>();

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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public Provenance at(String arn, String operation) {
        return Provenance.live(account, region, arn, operation);
    }

    public static <T> Value<T> v(T value, Provenance p) {
        return Value.explicit(value, p);
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
    public void withdraw(List<? extends Resource> collected, String why, String operation) {
        if (collected.isEmpty()) return;
        resources.removeAll(collected);
        diagnostics.add(Diagnostic.warning("left out " + collected.size() + " resource(s) in account " + nz(account)
                + " region " + region + ": " + why, Provenance.live(account, region, null, operation)));
    }

    /** "ec2:DescribeSubnets (subnets)" for every call that failed. */
    public List<String> notCollected() {
        return notCollected;
    }

    /**
     * Runs one collection call. On success its resources are added; on an SDK/service error (AccessDenied, throttled
     * past the retries, timeout, unimplemented...) none are, and a warning says what could not be collected.
     */
    public <R extends Resource> List<R> collect(String what, String operation, Supplier<List<R>> call) {
        try {
            List<R> got = call.get();
            resources.addAll(got);
            return got;
        } catch (SdkException e) {
            String reason = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    ? ase.awsErrorDetails().errorCode() + ": " + ase.awsErrorDetails().errorMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            notCollected.add(operation + " (" + what + ")");
            diagnostics.add(Diagnostic.warning("could not collect " + what + " in account " + nz(account)
                    + " region " + region + ": " + operation + " failed (" + reason + "); rules that need them "
                    + "report UNKNOWN", Provenance.live(account, region, null, operation)));
            return List.of();
        }
    }
}
