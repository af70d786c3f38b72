package io.plumbline.live;

import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Builds one client per service and region, all read-only, with adaptive retry and a call timeout. */
public final class Clients {

    private final AuditOptions options;

    public Clients(AuditOptions options) {
        this.options = options;
    }

    public ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(options.retryMode())
                .apiCallTimeout(options.apiCallTimeout())
                .addExecutionInterceptor(new ReadOnlyInterceptor())
                .build();
    }

    private <B extends AwsClientBuilder<B, C>, C> C configure(B builder, String region) {
        builder.region(Region.of(region)).credentialsProvider(options.credentials()).overrideConfiguration(overrides());
        if (options.endpoint() != null) builder.endpointOverride(options.endpoint());
        return builder.build();
    }

    public Ec2Client ec2(String region) {
        return configure(Ec2Client.builder(), region);
    }

    public RdsClient rds(String region) {
        return configure(RdsClient.builder(), region);
    }

    public StsClient sts(String region) {
        return configure(StsClient.builder(), region);
    }
}
