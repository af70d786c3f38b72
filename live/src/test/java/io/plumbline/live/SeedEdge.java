package io.plumbline.live;

import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.ManagedRuleGroupStatement;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.VisibilityConfig;

/** Seeds moto with edge, operations and identity resources through the SDK (writing clients, no read-only guard). */
public final class SeedEdge {

    public static final String GLOBAL = "us-east-1";
    public static final String ACCOUNT = "123456789012";

    /** Runs one collector for the test account in {@code region} and requires that every call succeeded. */
    public static io.plumbline.live.collect.CollectContext collectCleanly(MotoServer moto,
            io.plumbline.live.collect.Collector collector, String region) {
        var ctx = new io.plumbline.live.collect.CollectContext(ACCOUNT, region);
        collector.collect(new Clients(moto.options()), ctx);
        org.junit.jupiter.api.Assertions.assertTrue(ctx.notCollected().isEmpty(),
                () -> "not collected: " + ctx.notCollected());
        return ctx;
    }
    public static final String CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    public static final String ISSUER = "oidc.eks.eu-west-1.amazonaws.com/id/5E1B2C3D4E5F";

    private SeedEdge() {
    }

    public static <B extends AwsClientBuilder<B, C>, C> C client(MotoServer moto, B builder, String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    // ------------------------------------------------------------------ WAF

    private static VisibilityConfig visibility(String metric) {
        return VisibilityConfig.builder().sampledRequestsEnabled(true).cloudWatchMetricsEnabled(true)
                .metricName(metric).build();
    }

    private static Rule managed(String name, int priority, boolean countOnly) {
        return Rule.builder().name(name).priority(priority)
                .statement(s -> s.managedRuleGroupStatement(ManagedRuleGroupStatement.builder().vendorName("AWS")
                        .name(name).build()))
                .overrideAction(o -> {
                    if (countOnly) o.count(c -> { });
                    else o.none(n -> { });
                })
                .visibilityConfig(visibility(name)).build();
    }

    /**
     * A web ACL that blocks by default with the Common rule set, and KnownBadInputs in count mode (monitor only); its
     * logs go to an {@code aws-waf-logs-} log group. Returns its ARN.
     */
    public static String protectiveAcl(MotoServer moto, Scope scope, String region, String name) {
        try (Wafv2Client waf = client(moto, Wafv2Client.builder(), region)) {
            String arn = waf.createWebACL(b -> b.name(name).scope(scope).defaultAction(d -> d.block(x -> { }))
                    .rules(managed("AWSManagedRulesCommonRuleSet", 0, false),
                            managed("AWSManagedRulesKnownBadInputsRuleSet", 1, true))
                    .visibilityConfig(visibility(name))
                    .tags(t -> t.key("team").value("edge"))).summary().arn();
            waf.putLoggingConfiguration(b -> b.loggingConfiguration(c -> c.resourceArn(arn)
                    .logDestinationConfigs("arn:aws:logs:" + region + ":" + ACCOUNT + ":log-group:aws-waf-logs-" + name)));
            return arn;
        }
    }

    /** A web ACL that allows everything: no rules, no logging. Returns its ARN. */
    public static String openAcl(MotoServer moto, Scope scope, String region, String name) {
        try (Wafv2Client waf = client(moto, Wafv2Client.builder(), region)) {
            return waf.createWebACL(b -> b.name(name).scope(scope).defaultAction(d -> d.allow(x -> { }))
                    .visibilityConfig(visibility(name))).summary().arn();
        }
    }

    // ------------------------------------------------------------------ CloudFront

    private static Origin albOrigin(String domain, String policy, String... ssl) {
        return Origin.builder().id("alb").domainName(domain)
                .customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy(policy)
                        .originSslProtocols(p -> p.quantity(ssl.length).itemsWithStrings(ssl)))
                .build();
    }

    /**
     * The compliant front door: web ACL attached, HTTPS only, ACM certificate with SNI and TLSv1.2_2021, logging on,
     * an HTTPS-only custom origin with TLSv1.2. Returns the distribution id.
     */
    public static String compliantDistribution(MotoServer moto, String webAclArn) {
        DistributionConfig config = DistributionConfig.builder().callerReference("front-door").comment("front door")
                .enabled(true).webACLId(webAclArn)
                .aliases(a -> a.quantity(1).items("shop.example.com"))
                .origins(o -> o.quantity(1).items(albOrigin("alb.example.com", "https-only", "TLSv1.2")))
                .defaultCacheBehavior(b -> b.targetOriginId("alb")
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none"))).minTTL(0L))
                .cacheBehaviors(c -> c.quantity(1).items(CacheBehavior.builder().pathPattern("/api/*")
                        .targetOriginId("alb").viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .forwardedValues(f -> f.queryString(true).cookies(k -> k.forward("all"))).minTTL(0L)
                        .build()))
                .viewerCertificate(ViewerCertificate.builder().acmCertificateArn(CERT).sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021").cloudFrontDefaultCertificate(false).build())
                .logging(l -> l.enabled(true).includeCookies(false).bucket("edge-logs.s3.amazonaws.com")
                        .prefix("cf/"))
                .build();
        try (CloudFrontClient cf = client(moto, CloudFrontClient.builder(), GLOBAL)) {
            return cf.createDistributionWithTags(b -> b.distributionConfigWithTags(w -> w.distributionConfig(config)
                    .tags(t -> t.items(x -> x.key("Name").value("front-door"))))).distribution().id();
        }
    }

    /** The failing front door: no web ACL, allow-all viewers, default certificate, no logging, HTTP to the origin. */
    public static String openDistribution(MotoServer moto) {
        DistributionConfig config = DistributionConfig.builder().callerReference("open").comment("open")
                .enabled(true)
                .origins(o -> o.quantity(1).items(albOrigin("origin.example.com", "http-only", "TLSv1", "TLSv1.2")))
                .defaultCacheBehavior(b -> b.targetOriginId("alb")
                        .viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)
                        .forwardedValues(f -> f.queryString(false).cookies(c -> c.forward("none"))).minTTL(0L))
                .viewerCertificate(ViewerCertificate.builder().cloudFrontDefaultCertificate(true).build())
                .build();
        try (CloudFrontClient cf = client(moto, CloudFrontClient.builder(), GLOBAL)) {
            return cf.createDistribution(b -> b.distributionConfig(config)).distribution().id();
        }
    }

    // ------------------------------------------------------------------ Route 53

    /** An HTTPS health check on /health every 10 s, threshold 3, SNI, tagged Name=api-primary. Returns its id. */
    public static String httpsHealthCheck(MotoServer moto) {
        try (Route53Client r53 = client(moto, Route53Client.builder(), GLOBAL)) {
            String id = r53.createHealthCheck(b -> b.callerReference("api-primary").healthCheckConfig(c -> c
                    .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("api.example.com").port(443)
                    .resourcePath("/health").requestInterval(10).failureThreshold(3).enableSNI(true)))
                    .healthCheck().id();
            r53.changeTagsForResource(b -> b.resourceType(TagResourceType.HEALTHCHECK).resourceId(id)
                    .addTags(t -> t.key("Name").value("api-primary")));
            return id;
        }
    }

    /** A TCP check on an IP address, slow (30 s) and lenient (threshold 10), inverted. Returns its id. */
    public static String tcpHealthCheck(MotoServer moto) {
        try (Route53Client r53 = client(moto, Route53Client.builder(), GLOBAL)) {
            return r53.createHealthCheck(b -> b.callerReference("legacy").healthCheckConfig(c -> c
                    .type(HealthCheckType.TCP).ipAddress("192.0.2.10").port(8080).requestInterval(30)
                    .failureThreshold(10).inverted(true))).healthCheck().id();
        }
    }

    // ------------------------------------------------------------------ AWS Backup

    public static final String DR_VAULT = "arn:aws:backup:eu-central-1:123456789012:backup-vault:dr";

    /** Daily plan: cold storage after 30 days, delete after 365, copy to the DR region's vault. Returns the plan ARN. */
    public static String drPlan(MotoServer moto) {
        try (BackupClient backup = client(moto, BackupClient.builder(), MotoServer.REGION)) {
            backup.createBackupVault(b -> b.backupVaultName("main"));
            return backup.createBackupPlan(b -> b.backupPlan(p -> p.backupPlanName("aurora-daily")
                            .rules(BackupRuleInput.builder().ruleName("daily").targetBackupVaultName("main")
                                    .scheduleExpression("cron(0 5 ? * * *)")
                                    .lifecycle(l -> l.moveToColdStorageAfterDays(30L).deleteAfterDays(365L))
                                    .copyActions(c -> c.destinationBackupVaultArn(DR_VAULT)
                                            .lifecycle(l -> l.deleteAfterDays(365L)))
                                    .build()))
                    .backupPlanTags(java.util.Map.of("team", "db"))).backupPlanArn();
        }
    }

    /** A plan that keeps recovery points forever in one region (no lifecycle, no copy). Returns the plan ARN. */
    public static String localPlan(MotoServer moto) {
        try (BackupClient backup = client(moto, BackupClient.builder(), MotoServer.REGION)) {
            backup.createBackupVault(b -> b.backupVaultName("local"));
            return backup.createBackupPlan(b -> b.backupPlan(p -> p.backupPlanName("keep-forever")
                    .rules(BackupRuleInput.builder().ruleName("weekly").targetBackupVaultName("local")
                            .scheduleExpression("cron(0 5 ? * 1 *)").build()))).backupPlanArn();
        }
    }

    public static final String VAULT_KEY = "arn:aws:kms:eu-west-1:123456789012:key/5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    /**
     * Vaults "locked" (CMK, compliance-mode lock: 7..35 days, 3 days' grace), "governed" (lock without grace time) and
     * "open" (no key given, no lock).
     */
    public static void vaults(MotoServer moto) {
        try (BackupClient backup = client(moto, BackupClient.builder(), MotoServer.REGION)) {
            backup.createBackupVault(b -> b.backupVaultName("locked").encryptionKeyArn(VAULT_KEY));
            backup.putBackupVaultLockConfiguration(b -> b.backupVaultName("locked").minRetentionDays(7L)
                    .maxRetentionDays(35L).changeableForDays(3L));
            backup.createBackupVault(b -> b.backupVaultName("governed").encryptionKeyArn(VAULT_KEY));
            backup.putBackupVaultLockConfiguration(b -> b.backupVaultName("governed").minRetentionDays(1L));
            backup.createBackupVault(b -> b.backupVaultName("open"));
        }
    }

    // ------------------------------------------------------------------ CloudWatch Logs

    public static final String LOGS_KEY = "arn:aws:kms:eu-west-1:123456789012:key/0b7a1c2d-3e4f-4a5b-8c9d-0e1f2a3b4c5d";

    /** /platform/app: 365 days, CMK, tagged; /platform/debug: no retention, no key. */
    public static void logGroups(MotoServer moto) {
        try (CloudWatchLogsClient logs = client(moto, CloudWatchLogsClient.builder(), MotoServer.REGION)) {
            logs.createLogGroup(b -> b.logGroupName("/platform/app").kmsKeyId(LOGS_KEY)
                    .tags(java.util.Map.of("team", "platform")));
            logs.putRetentionPolicy(b -> b.logGroupName("/platform/app").retentionInDays(365));
            logs.createLogGroup(b -> b.logGroupName("/platform/debug"));
        }
    }

    // ------------------------------------------------------------------ IAM

    static String trust(String condition) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/%s"},
                 "Action":"sts:AssumeRoleWithWebIdentity","Condition":%s}]}""".formatted(ISSUER, condition);
    }

    /**
     * The cluster's OIDC provider (audience sts.amazonaws.com), an IRSA role pinned to one service account, an IRSA
     * role open to every service account (StringLike *), and a node role with EKS worker policies. Returns the
     * provider ARN.
     */
    public static String irsa(MotoServer moto) {
        try (IamClient iam = client(moto, IamClient.builder(), GLOBAL)) {
            String provider = iam.createOpenIDConnectProvider(b -> b.url("https://" + ISSUER)
                    .clientIDList("sts.amazonaws.com").thumbprintList("9e99a48a9960b14926bb7f3b02e22da2b0ab7280")
                    .tags(t -> t.key("cluster").value("platform"))).openIDConnectProviderArn();
            iam.createRole(b -> b.roleName("orders-irsa").path("/irsa/").assumeRolePolicyDocument(trust(
                    "{\"StringEquals\":{\"" + ISSUER + ":sub\":\"system:serviceaccount:orders:api\",\""
                            + ISSUER + ":aud\":\"sts.amazonaws.com\"}}"))
                    .tags(t -> t.key("team").value("orders")));
            iam.createRole(b -> b.roleName("wide-irsa").assumeRolePolicyDocument(trust(
                    "{\"StringLike\":{\"" + ISSUER + ":sub\":\"system:serviceaccount:*\"}}")));
            iam.createRole(b -> b.roleName("eks-node").assumeRolePolicyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
                     "Action":"sts:AssumeRole"}]}"""));
            // moto 5.2.5 answers NoSuchEntity for AWS-managed policy ARNs (its managed-policy data is not loaded):
            // customer-managed policies stand in for them.
            for (String policy : List.of("eks-worker-node", "ecr-read-only")) {
                String arn = iam.createPolicy(b -> b.policyName(policy).policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}
                        """)).policy().arn();
                iam.attachRolePolicy(b -> b.roleName("eks-node").policyArn(arn));
            }
            return provider;
        }
    }

    // ------------------------------------------------------------------ AWS Config

    /** A recorder of every supported type, including global ones; started when {@code start}. */
    public static void recorder(MotoServer moto, String region, boolean start) {
        try (ConfigClient config = client(moto, ConfigClient.builder(), region)) {
            config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("default")
                    .roleARN("arn:aws:iam::123456789012:role/aws-config")
                    .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
            if (start) {
                config.putDeliveryChannel(b -> b.deliveryChannel(d -> d.name("default").s3BucketName("config-bucket")));
                config.startConfigurationRecorder(b -> b.configurationRecorderName("default"));
            }
        }
    }

    /** A recorder of two resource types only, never started. */
    public static void partialRecorder(MotoServer moto, String region) {
        try (ConfigClient config = client(moto, ConfigClient.builder(), region)) {
            config.putConfigurationRecorder(b -> b.configurationRecorder(r -> r.name("partial")
                    .roleARN("arn:aws:iam::123456789012:role/aws-config")
                    .recordingGroup(g -> g.allSupported(false).includeGlobalResourceTypes(false)
                            .resourceTypesWithStrings("AWS::EC2::Instance", "AWS::S3::Bucket"))));
        }
    }
}
