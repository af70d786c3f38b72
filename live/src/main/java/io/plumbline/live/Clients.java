package io.plumbline.live;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds clients for one audit, all read-only ({@link ReadOnlyInterceptor}), with the audit's retry strategy, call
 * timeout, credentials and endpoint. Without an explicit endpoint the SDK's own configuration applies, including the
 * standard {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} variables.
 */
public final class Clients {

    /** The region global services (IAM, Route 53, CloudFront, Organizations) are signed for in the aws partition. */
    public static final String GLOBAL_REGION = "us-east-1";

    /** The region of the global services of {@code region}'s partition (China and GovCloud have their own). */
    public static String globalRegion(String region) {
        if (region == null) return GLOBAL_REGION;
        if (region.startsWith("cn-")) return "cn-north-1";
        if (region.startsWith("us-gov-")) return "us-gov-west-1";
        return GLOBAL_REGION;
    }

    /** The global-services region of these options' partition (by their first region). */
    public String globalRegion() {
        return globalRegion(options.regions().isEmpty() ? null : options.regions().get(0));
    }

    private final AuditOptions options;
    private final software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials;
    private final CallStats stats;

    public Clients(AuditOptions options) {
        this(options, options.credentials(), null);
    }

    /** Same options, other credentials (an assumed role in another account), counting calls into {@code stats}. */
    public Clients(AuditOptions options, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials,
                   CallStats stats) {
        this.options = options;
        this.credentials = credentials;
        this.stats = stats;
    }

    /** Answers every region's task of this account shares: one call however many regions are audited. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Object>> once =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The answer of {@code call} for {@code key}, computed by the first task that asks and shared with the others of
     * this account (S3 {@code GetBucketLocation} is account-wide: a bucket has one region whichever region asks). A
     * failure is shared too, as the exception the call threw.
     */
    @SuppressWarnings("unchecked")
    public <T> T once(String key, java.util.function.Supplier<T> call) {
        java.util.concurrent.CompletableFuture<Object> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Object> theirs = once.putIfAbsent(key, mine);
        if (theirs == null) {
            try {
                mine.complete(call.get());
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            theirs = mine;
        }
        try {
            return (T) theirs.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }

    public AuditOptions options() {
        return options;
    }

    public ClientOverrideConfiguration overrides() {
        ClientOverrideConfiguration.Builder b = ClientOverrideConfiguration.builder()
                .retryStrategy(options.retryMode())
                .apiCallTimeout(options.apiCallTimeout())
                .addExecutionInterceptor(new ReadOnlyInterceptor());
        if (options.callObserver() != null) b.addExecutionInterceptor(options.callObserver());
        if (stats != null) b.addExecutionInterceptor(stats);
        return b.build();
    }

    /** Configures any service client builder for {@code region}: {@code clients.build(KmsClient.builder(), r)}. */
    public <B extends AwsClientBuilder<B, C>, C> C build(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(credentials).overrideConfiguration(overrides());
        if (options.endpoint() != null) builder.endpointOverride(options.endpoint());
        return builder.build();
    }

    public Ec2Client ec2(String region) {
        return build(Ec2Client.builder(), region);
    }

    public RdsClient rds(String region) {
        return build(RdsClient.builder(), region);
    }

    public StsClient sts(String region) {
        return build(StsClient.builder(), region);
    }

    /**
     * S3 with path-style addressing when an endpoint is given (an emulator cannot answer {@code bucket.127.0.0.1}) and
     * checksums only where an operation requires them (the audit reads configuration, never object bodies).
     */
    public S3Client s3(String region) {
        var b = S3Client.builder()
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (options.endpoint() != null || configuredEndpoint(System.getenv(), System.getProperties())) {
            b.forcePathStyle(true);
        }
        return build(b, region);
    }

    /**
     * Whether the SDK will send S3 calls to a configured endpoint ({@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3}
     * or their system properties) rather than AWS: then buckets are addressed by path, as an emulator expects (there is
     * no standard variable for path style).
     */
    static boolean configuredEndpoint(java.util.Map<String, String> env, java.util.Properties props) {
        if ("true".equalsIgnoreCase(env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
                || "true".equalsIgnoreCase(props.getProperty("aws.ignoreConfiguredEndpointUrls"))) {
            return false;
        }
        return notBlank(env.get("AWS_ENDPOINT_URL")) || notBlank(env.get("AWS_ENDPOINT_URL_S3"))
                || notBlank(props.getProperty("aws.endpointUrl")) || notBlank(props.getProperty("aws.endpointUrlS3"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
