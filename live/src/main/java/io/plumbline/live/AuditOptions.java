package io.plumbline.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * What a live audit reads and how.
 *
 * @param endpoint       send every call to this AWS-compatible endpoint (like the AWS CLI's {@code --endpoint-url});
 *                       null for the real AWS endpoints
 * @param regions        regions to collect (at least one)
 * @param credentials    credentials; {@link #defaults} uses the SDK's default provider chain
 * @param apiCallTimeout timeout of one API call, retries included
 * @param retryMode      the SDK retry mode; {@link RetryMode#ADAPTIVE_V2} (adaptive, client-side rate limiting) by
 *                       default
 */
public record AuditOptions(URI endpoint, List<String> regions, AwsCredentialsProvider credentials,
                           Duration apiCallTimeout, RetryMode retryMode) {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public AuditOptions {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) throw new IllegalArgumentException("at least one region is needed");
        Objects.requireNonNull(credentials, "credentials");
        if (apiCallTimeout == null) apiCallTimeout = DEFAULT_CALL_TIMEOUT;
        if (retryMode == null) retryMode = RetryMode.ADAPTIVE_V2;
    }

    /** Real AWS (or {@code endpoint} when not null), default credential chain, adaptive retry. */
    public static AuditOptions defaults(URI endpoint, List<String> regions) {
        return new AuditOptions(endpoint, regions, DefaultCredentialsProvider.builder().build(), null, null);
    }

    public AuditOptions withCredentials(AwsCredentialsProvider provider) {
        return new AuditOptions(endpoint, regions, provider, apiCallTimeout, retryMode);
    }

    public AuditOptions withRetryMode(RetryMode mode) {
        return new AuditOptions(endpoint, regions, credentials, apiCallTimeout, mode);
    }

    public AuditOptions withApiCallTimeout(Duration timeout) {
        return new AuditOptions(endpoint, regions, credentials, timeout, retryMode);
    }
}
