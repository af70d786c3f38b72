package io.plumbline.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * What a live audit reads and how.
 *
 * @param endpoint       send every call to this AWS-compatible endpoint (like the AWS CLI's {@code --endpoint-url});
 *                       null for the SDK's own endpoint resolution (AWS, or {@code AWS_ENDPOINT_URL*} when set)
 * @param regions        regions to collect; empty means the account's enabled regions (ec2:DescribeRegions)
 * @param credentials    credentials of the caller; {@link #defaults} uses the SDK's default provider chain
 * @param apiCallTimeout timeout of one API call, retries included
 * @param retryMode      the SDK retry mode; {@link RetryMode#ADAPTIVE_V2} (adaptive, client-side rate limiting) by
 *                       default
 * @param concurrency    how many account × region × service collections run at once
 * @param callObserver   an extra interceptor on every client (counting calls, recording operations); null for none
 * @param useConfig      read S3 bucket and KMS key settings from AWS Config advanced queries
 *                       ({@code config:SelectResourceConfig}) where the region's recorder records the type, instead of
 *                       calls per resource; the direct calls remain the fallback (opt-in, {@code --use-config})
 */
public record AuditOptions(URI endpoint, List<String> regions, AwsCredentialsProvider credentials,
                           Duration apiCallTimeout, RetryMode retryMode, int concurrency,
                           ExecutionInterceptor callObserver, boolean useConfig) {

    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_CONCURRENCY = 8;

    public AuditOptions {
        regions = List.copyOf(regions);
        Objects.requireNonNull(credentials, "credentials");
        if (apiCallTimeout == null) apiCallTimeout = DEFAULT_CALL_TIMEOUT;
        if (retryMode == null) retryMode = RetryMode.ADAPTIVE_V2;
        if (concurrency <= 0) concurrency = DEFAULT_CONCURRENCY;
    }

    public AuditOptions(URI endpoint, List<String> regions, AwsCredentialsProvider credentials,
                        Duration apiCallTimeout, RetryMode retryMode, int concurrency,
                        ExecutionInterceptor callObserver) {
        this(endpoint, regions, credentials, apiCallTimeout, retryMode, concurrency, callObserver, false);
    }

    public AuditOptions(URI endpoint, List<String> regions, AwsCredentialsProvider credentials,
                        Duration apiCallTimeout, RetryMode retryMode) {
        this(endpoint, regions, credentials, apiCallTimeout, retryMode, DEFAULT_CONCURRENCY, null, false);
    }

    /** The SDK's default credential chain, adaptive retry; {@code endpoint} may be null. */
    public static AuditOptions defaults(URI endpoint, List<String> regions) {
        return new AuditOptions(endpoint, regions, DefaultCredentialsProvider.builder().build(), null, null);
    }

    /** The same audit, reading S3 and KMS settings from AWS Config where it records them ({@code --use-config}). */
    public AuditOptions withUseConfig(boolean on) {
        return new AuditOptions(endpoint, regions, credentials, apiCallTimeout, retryMode, concurrency, callObserver,
                on);
    }
}
