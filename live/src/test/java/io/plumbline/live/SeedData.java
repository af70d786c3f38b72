package io.plumbline.live;

import io.plumbline.live.collect.CollectContext;
import io.plumbline.live.collect.Collector;
import io.plumbline.model.Gap;
import io.plumbline.model.Model;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Seeds moto for the data, storage and key collectors through writing SDK clients (no read-only interceptor), and runs
 * collectors directly into one {@link CollectContext}, turned into a model as the live audit does.
 */
public final class SeedData {

    public static final String ACCOUNT = "123456789012";
    public static final String REGION = MotoServer.REGION;

    private SeedData() {
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(
            MotoServer moto, B builder, String region) {
        return builder.endpointOverride(moto.endpoint()).region(Region.of(region))
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build();
    }

    public static Ec2Client ec2(MotoServer moto) {
        return client(moto, Ec2Client.builder(), REGION);
    }

    public static RdsClient rds(MotoServer moto) {
        return client(moto, RdsClient.builder(), REGION);
    }

    /** The reference profile's secondary region. */
    public static final String SECONDARY = "us-west-2";

    /**
     * An Aurora PostgreSQL global database {@code global}: primary cluster {@code primary} in {@link #REGION}, secondary
     * {@code secondary} in {@link #SECONDARY} (no master user: it replicates). Returns the primary's ARN.
     */
    public static String globalDatabase(MotoServer moto, String global, String primary, String secondary) {
        try (RdsClient rds = rds(moto); RdsClient dr = client(moto, RdsClient.builder(), SECONDARY)) {
            rds.createGlobalCluster(b -> b.globalClusterIdentifier(global).engine("aurora-postgresql")
                    .engineVersion("15.4").storageEncrypted(true));
            String arn = rds.createDBCluster(b -> b.dbClusterIdentifier(primary).engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .storageEncrypted(true).globalClusterIdentifier(global)).dbCluster().dbClusterArn();
            dr.createDBCluster(b -> b.dbClusterIdentifier(secondary).engine("aurora-postgresql").engineVersion("15.4")
                    .storageEncrypted(true).globalClusterIdentifier(global));
            return arn;
        }
    }

    public static ElastiCacheClient elastiCache(MotoServer moto) {
        return client(moto, ElastiCacheClient.builder(), REGION);
    }

    public static KmsClient kms(MotoServer moto) {
        return client(moto, KmsClient.builder(), REGION);
    }

    public static SecretsManagerClient secrets(MotoServer moto) {
        return client(moto, SecretsManagerClient.builder(), REGION);
    }

    public static EcrClient ecr(MotoServer moto) {
        return client(moto, EcrClient.builder(), REGION);
    }

    public static S3Client s3(MotoServer moto, String region) {
        return client(moto, S3Client.builder().forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), region);
    }

    /** A collection run: the context the collectors wrote into and the model built from it. */
    public record Run(CollectContext ctx, Model model) {
    }

    /** Runs {@code collectors} for the test account in {@code region}, as one account × region task would. */
    public static Run collect(MotoServer moto, String region, Collector... collectors) {
        AuditOptions o = moto.options();
        return collect(new AuditOptions(o.endpoint(), List.of(region), o.credentials(), o.apiCallTimeout(),
                o.retryMode()), region, collectors);
    }

    private static Run collect(AuditOptions options, String region, Collector... collectors) {
        CollectContext ctx = new CollectContext(ACCOUNT, region);
        Clients clients = new Clients(options);
        for (Collector c : collectors) c.collect(clients, ctx);
        List<Gap> gaps = new ArrayList<>();
        for (var n : ctx.notCollected()) {
            if (n.kind() != null) gaps.add(new Gap(n.account(), n.region(), n.kind(), n.operation(), n.reason()));
        }
        return new Run(ctx, new Model(List.copyOf(ctx.resources()), List.of(), List.copyOf(ctx.diagnostics()), gaps));
    }

    public static Run collect(MotoServer moto, Collector... collectors) {
        return collect(moto, REGION, collectors);
    }

    /** The findings of {@code ruleIds} on {@code model} under the reference architecture's profile. */
    public static List<io.plumbline.rule.Finding> evaluate(Model model, String... ruleIds) {
        return io.plumbline.engine.Engine.evaluate(model, io.plumbline.reference.ReferenceArchitecture.profile(),
                io.plumbline.engine.RuleRegistry.discover().select(List.of(ruleIds))).findings();
    }

    /** The one finding of {@code ruleId} on the resource at {@code address}. */
    public static io.plumbline.rule.Finding finding(Model model, String ruleId, String address) {
        List<io.plumbline.rule.Finding> f = evaluate(model, ruleId).stream()
                .filter(x -> x.resource().equals(address)).toList();
        if (f.size() != 1) throw new AssertionError("expected one " + ruleId + " finding on " + address + ": " + f);
        return f.get(0);
    }

    /**
     * Options for moto whose clients record every operation they call into {@code seen} (SDK operation names, e.g.
     * {@code GetBucketEncryption}) and refuse those in {@code denied} with an AccessDenied service error, as an IAM
     * policy without that action would.
     */
    public static AuditOptions observed(MotoServer moto, java.util.Set<String> denied, List<String> seen) {
        var observer = new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
            @Override
            public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
                                        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                String op = attributes.getAttribute(
                        software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME);
                synchronized (seen) {
                    seen.add(op);
                }
                if (denied.contains(op)) {
                    throw software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(403)
                            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                    .errorCode("AccessDenied").errorMessage("denied by the test: " + op).build())
                            .build();
                }
            }
        };
        AuditOptions o = moto.options();
        return new AuditOptions(o.endpoint(), o.regions(), o.credentials(), o.apiCallTimeout(), o.retryMode(),
                o.concurrency(), observer);
    }

    /** Options pointing at a closed loopback port: every call fails to connect. */
    public static AuditOptions unreachable() throws java.io.IOException {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        return new AuditOptions(java.net.URI.create("http://127.0.0.1:" + closed), List.of(REGION),
                MotoServer.CREDENTIALS, java.time.Duration.ofSeconds(5),
                software.amazon.awssdk.core.retry.RetryMode.STANDARD);
    }

    /** Runs {@code collectors} with {@code options} (another endpoint) for the test account and region. */
    public static Run collect(AuditOptions options, Collector... collectors) {
        return collect(options, REGION, collectors);
    }

    /** Subnets of {@link #network}: two private data subnets and one public subnet (routed to an IGW). */
    public record Net(String vpc, String dataA, String dataB, String publicC) {
    }

    private static TagSpecification name(ResourceType type, String name) {
        return TagSpecification.builder().resourceType(type).tags(Tag.builder().key("Name").value(name).build())
                .build();
    }

    /**
     * A VPC with data subnets in eu-west-1a and eu-west-1b (only the main table's local route) and a public subnet in
     * eu-west-1c whose own route table sends 0.0.0.0/0 to an internet gateway.
     */
    public static Net network(MotoServer moto) {
        try (Ec2Client ec2 = ec2(moto)) {
            String vpc = ec2.createVpc(b -> b.cidrBlock("10.30.0.0/16")
                    .tagSpecifications(name(ResourceType.VPC, "data-vpc"))).vpc().vpcId();
            String a = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone(REGION + "a")
                    .tagSpecifications(name(ResourceType.SUBNET, "data-a"))).subnet().subnetId();
            String bb = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.2.0/24").availabilityZone(REGION + "b")
                    .tagSpecifications(name(ResourceType.SUBNET, "data-b"))).subnet().subnetId();
            String c = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.30.3.0/24").availabilityZone(REGION + "c")
                    .tagSpecifications(name(ResourceType.SUBNET, "public-c"))).subnet().subnetId();
            String igw = ec2.createInternetGateway(b -> { }).internetGateway().internetGatewayId();
            ec2.attachInternetGateway(b -> b.internetGatewayId(igw).vpcId(vpc));
            String rt = ec2.createRouteTable(b -> b.vpcId(vpc)).routeTable().routeTableId();
            ec2.createRoute(b -> b.routeTableId(rt).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            ec2.associateRouteTable(b -> b.routeTableId(rt).subnetId(c));
            return new Net(vpc, a, bb, c);
        }
    }

    public static void dbSubnetGroup(MotoServer moto, String name, String... subnets) {
        try (RdsClient rds = rds(moto)) {
            rds.createDBSubnetGroup(b -> b.dbSubnetGroupName(name).dbSubnetGroupDescription("test")
                    .subnetIds(subnets));
        }
    }

    public static void cacheSubnetGroup(MotoServer moto, String name, String... subnets) {
        try (ElastiCacheClient ec = elastiCache(moto)) {
            ec.createCacheSubnetGroup(b -> b.cacheSubnetGroupName(name).cacheSubnetGroupDescription("test")
                    .subnetIds(subnets));
        }
    }

    /** A symmetric customer-managed key, with rotation on or off; returns its ARN. */
    public static String key(MotoServer moto, String alias, boolean rotate) {
        try (KmsClient kms = kms(moto)) {
            // KeyUsage and MultiRegion given explicitly: moto omits them from DescribeKey when CreateKey had none
            // (AWS always returns both)
            var meta = kms.createKey(b -> b.description(alias).keyUsage("ENCRYPT_DECRYPT").multiRegion(false)
                    .tags(t -> t.tagKey("team").tagValue("data"))).keyMetadata();
            if (rotate) kms.enableKeyRotation(b -> b.keyId(meta.keyId()));
            if (alias != null) kms.createAlias(b -> b.aliasName("alias/" + alias).targetKeyId(meta.keyId()));
            return meta.arn();
        }
    }

    /**
     * Redis replication group, node based: one shard with {@code replicas} replicas; encryption at rest with
     * {@code kmsKey} (null: off), transit encryption with {@code transitMode} (null: off).
     */
    public static void redis(MotoServer moto, String id, boolean multiAz, int replicas, String kmsKey,
                             String transitMode, String subnetGroup) {
        try (ElastiCacheClient ec = elastiCache(moto)) {
            ec.createReplicationGroup(b -> {
                b.replicationGroupId(id).replicationGroupDescription("test").engine("redis")
                        .cacheNodeType("cache.t3.micro").numNodeGroups(1).replicasPerNodeGroup(replicas)
                        .automaticFailoverEnabled(multiAz).multiAZEnabled(multiAz).snapshotRetentionLimit(7)
                        .port(6380);
                if (subnetGroup != null) b.cacheSubnetGroupName(subnetGroup);
                if (kmsKey != null) b.atRestEncryptionEnabled(true).kmsKeyId(kmsKey);
                else b.atRestEncryptionEnabled(false);
                if (transitMode != null) b.transitEncryptionEnabled(true).transitEncryptionMode(transitMode);
                else b.transitEncryptionEnabled(false);
            });
        }
    }

    /**
     * moto does not expose a replication group's member clusters through DescribeCacheClusters (it returns none of
     * them). To exercise the path where members are visible, this creates real cache clusters under the member ids
     * moto gives the group ({@code <id>-001}, {@code <id>-002}...), in {@code subnetGroup}: they stand in for the
     * members. Seeded through moto over HTTP, not a hand-written response.
     */
    public static void memberStandIns(MotoServer moto, String id, int members, String subnetGroup, String zone) {
        try (ElastiCacheClient ec = elastiCache(moto)) {
            for (int i = 1; i <= members; i++) {
                String member = String.format("%s-%03d", id, i);
                ec.createCacheCluster(b -> b.cacheClusterId(member).replicationGroupId(id).engine("redis")
                        .cacheNodeType("cache.t3.micro").numCacheNodes(1).cacheSubnetGroupName(subnetGroup)
                        .preferredAvailabilityZone(zone));
            }
        }
    }
}
