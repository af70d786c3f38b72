package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.live.collect.Ec2Collector;
import io.plumbline.live.collect.RdsCollector;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class LiveAuditTest {

    static final String ACCOUNT = "123456789012";
    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static <T> T only(List<T> xs) {
        assertEquals(1, xs.size(), () -> "expected one, found " + xs);
        return xs.get(0);
    }

    @Test
    void networkIsCollectedIntoTheTypedModel() {
        Seed.Ids ids = Seed.network(moto);
        Model m = LiveAudit.collect(moto.options());
        assertTrue(m.diagnostics().isEmpty(), () -> "diagnostics: " + m.diagnostics());

        Vpc vpc = only(m.all(Vpc.class).stream().filter(v -> v.awsId.is(ids.vpc())).toList());
        String vpcArn = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":vpc/" + ids.vpc();
        assertEquals(vpcArn, vpc.address());
        assertEquals("10.20.0.0/16", vpc.cidrBlock.get());
        assertEquals(Certainty.EXPLICIT, vpc.cidrBlock.certainty());
        assertEquals(vpcArn, vpc.cidrBlock.provenance().arn());
        assertEquals("ec2:DescribeVpcs", vpc.cidrBlock.provenance().operation());
        assertEquals(ACCOUNT, vpc.cidrBlock.provenance().account());
        assertEquals("eu-west-1", vpc.cidrBlock.provenance().region());
        assertEquals("audit-vpc", vpc.name.get());
        assertFalse(vpc.isDefault.get());

        List<Subnet> subnets = m.all(Subnet.class).stream()
                .filter(s -> s.vpc.isPresent() && s.vpc.get().target().equals(ids.vpc())).toList();
        assertEquals(3, subnets.size());
        assertEquals(Set.of("eu-west-1a", "eu-west-1b", "eu-west-1c"),
                subnets.stream().map(s -> s.availabilityZone.get()).collect(Collectors.toSet()));
        for (Subnet s : subnets) {
            assertTrue(s.address().startsWith("arn:aws:ec2:eu-west-1:" + ACCOUNT + ":subnet/subnet-"), s.address());
            assertEquals("ec2:DescribeSubnets", s.availabilityZone.provenance().operation());
            assertEquals(s.address(), s.availabilityZone.provenance().arn());
            assertSame(vpc, m.resolve(s, s.vpc.get(), Vpc.class).orElseThrow(), "vpc ref resolves via the id alias");
        }

        SecurityGroup ssh = only(m.all(SecurityGroup.class).stream().filter(g -> g.awsId.is(ids.sshGroup())).toList());
        assertTrue(ssh.address().endsWith(":security-group/" + ids.sshGroup()), ssh.address());
        SgRule in = only(ssh.rules.stream().filter(r -> r.direction() == SgRule.Direction.INGRESS).toList());
        assertEquals("tcp", in.protocol().get());
        assertEquals(22, in.fromPort().get());
        assertEquals(22, in.toPort().get());
        assertEquals(SgRule.PeerKind.CIDR_IPV4, in.peerKind());
        assertEquals("0.0.0.0/0", in.peerCidr().get());
        assertEquals("ec2:DescribeSecurityGroups", in.location().operation());
        assertEquals(ssh.address(), in.location().arn());
        // AWS's default allow-all egress, as the API returns it
        SgRule out = only(ssh.rules.stream().filter(r -> r.direction() == SgRule.Direction.EGRESS).toList());
        assertEquals("-1", out.protocol().get());
        assertTrue(out.allPorts());

        SecurityGroup db = only(m.all(SecurityGroup.class).stream().filter(g -> g.awsId.is(ids.appGroup())).toList());
        SgRule fromGroup = only(db.rules.stream().filter(r -> r.direction() == SgRule.Direction.INGRESS).toList());
        assertEquals(SgRule.PeerKind.SECURITY_GROUP, fromGroup.peerKind());
        assertEquals(new Ref(ids.sshGroup()), fromGroup.peerGroup().get());
        assertSame(ssh, m.resolve(db, fromGroup.peerGroup().get(), SecurityGroup.class).orElseThrow());

        RouteTable main = only(m.all(RouteTable.class).stream()
                .filter(t -> t.vpc.get().target().equals(ids.vpc()) && t.main.is(true)).toList());
        assertTrue(main.routes.stream().anyMatch(r -> "10.20.0.0/16".equals(r.destinationCidr().get())
                && r.targetType() == io.plumbline.model.network.Route.RouteTarget.LOCAL), () -> "" + main.routes);
        assertEquals("ec2:DescribeRouteTables", main.main.provenance().operation());
    }

    @Test
    void auroraClusterAndInstancesAreCollected() {
        Seed.aurora(moto);
        Model m = LiveAudit.collect(moto.options());
        DbCluster c = only(m.all(DbCluster.class));
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:" + Seed.CLUSTER;
        assertEquals(arn, c.address());
        assertEquals("aurora-postgresql", c.engine.get());
        assertEquals(false, c.storageEncrypted.get());
        assertEquals(1, c.backupRetentionPeriod.get());
        assertEquals(Certainty.EXPLICIT, c.backupRetentionPeriod.certainty());
        assertEquals(arn, c.backupRetentionPeriod.provenance().arn());
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTERS, c.backupRetentionPeriod.provenance().operation());
        assertEquals(Certainty.UNKNOWN, c.skipFinalSnapshot.certainty(), "not a property of a running cluster");

        List<DbInstance> instances = m.all(DbInstance.class);
        assertEquals(2, instances.size());
        for (DbInstance i : instances) {
            assertTrue(i.address().startsWith("arn:aws:rds:eu-west-1:" + ACCOUNT + ":db:" + Seed.CLUSTER + "-"));
            assertSame(c, m.resolve(i, i.cluster.get(), DbCluster.class).orElseThrow());
            assertEquals(RdsCollector.DESCRIBE_DB_INSTANCES, i.instanceClass.provenance().operation());
            assertEquals("db.r6g.large", i.instanceClass.get());
        }
        assertEquals(1, instances.stream().filter(i -> i.isWriter.is(true)).count(), "one writer: " + instances
                .stream().map(i -> i.isWriter).toList());
    }

    @Test
    void existingRulesGiveTheSameVerdictsAsOnAPlan() {
        Seed.Ids ids = Seed.network(moto);
        Seed.aurora(moto);
        Model m = LiveAudit.collect(moto.options());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().all());

        String sshArn = m.all(SecurityGroup.class).stream().filter(g -> g.awsId.is(ids.sshGroup())).findFirst()
                .orElseThrow().address();
        Finding net = only(r.findings().stream().filter(f -> f.ruleId().equals("NET-009")
                && f.resource().equals(sshArn)).toList());
        assertEquals(Status.FAIL, net.status(), net.toString());

        String clusterArn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:" + Seed.CLUSTER;
        Finding bak = only(r.findings().stream().filter(f -> f.ruleId().equals("BAK-001")
                && f.resource().equals(clusterArn)).toList());
        assertEquals(Status.FAIL, bak.status(), bak.toString());

        // the db group (5432 from a group) passes NET-009
        String dbArn = m.all(SecurityGroup.class).stream().filter(g -> g.awsId.is(ids.appGroup())).findFirst()
                .orElseThrow().address();
        assertEquals(Status.PASS, only(r.findings().stream().filter(f -> f.ruleId().equals("NET-009")
                && f.resource().equals(dbArn)).toList()).status());
    }

    @Test
    void anUnreachableEndpointStopsAfterTheFirstCallWithOneReason() throws Exception {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        AuditOptions o = new AuditOptions(java.net.URI.create("http://127.0.0.1:" + closed),
                List.of("eu-west-1", "eu-central-1"), MotoServer.CREDENTIALS, java.time.Duration.ofSeconds(5),
                software.amazon.awssdk.core.retry.RetryMode.STANDARD);
        LiveAudit.Collection c = LiveAudit.run(o, List.of(AuditTarget.caller()), AuditListener.NONE);
        assertEquals(java.util.Map.of("Sts:GetCallerIdentity", 1L), c.calls().byOperation(),
                "the probe decides: no collector is started");
        assertNotNull(c.stopped());
        assertEquals(LiveAudit.Cause.UNREACHABLE, c.stopped().cause());
        String line = c.stopped().message();
        assertTrue(line.startsWith("cannot reach http://127.0.0.1:" + closed + " (sts:GetCallerIdentity: "), line);
        assertTrue(line.contains("Connection refused") && line.endsWith("nothing was audited"), line);
        assertFalse(line.contains("\n") || line.contains("Exception") || line.contains("SDK Attempt"), line);
        assertTrue(c.model().resources().isEmpty());
        assertEquals(1, c.model().gaps().size(), "one gap: everything, for one reason");
        assertNull(c.model().gaps().get(0).kind());
        assertFalse(c.complete());
        assertTrue(c.accounts().isEmpty());
        // No rule passes on an audit that read nothing.
        Result r = Engine.evaluate(c.model(), ReferenceArchitecture.profile(), RuleRegistry.discover().all());
        assertTrue(r.findings().stream().noneMatch(f -> f.status() == Status.PASS), () -> "" + r.findings());
    }

    @Test
    void credentialsTheEndpointRefusesStopAfterTheFirstCall() throws Exception {
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("sts"))) {
            AuditOptions o = new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.STANDARD);
            LiveAudit.Collection c = LiveAudit.run(o, List.of(AuditTarget.caller()), AuditListener.NONE);
            assertEquals(1L, c.calls().calls(), () -> "" + c.calls().byOperation());
            assertEquals(LiveAudit.Cause.REJECTED, c.stopped().cause());
            assertTrue(c.stopped().message().contains("refused the credentials (sts:GetCallerIdentity: AccessDenied"),
                    c.stopped().message());
        }
    }

    @Test
    void missingCredentialsAreToldApartFromAnUnreachableEndpoint() {
        var none = software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider.builder()
                .profileFile(software.amazon.awssdk.profiles.ProfileFile.builder()
                        .content(new java.io.ByteArrayInputStream(new byte[0]))
                        .type(software.amazon.awssdk.profiles.ProfileFile.Type.CREDENTIALS).build())
                .profileName("absent").build();
        AuditOptions o = new AuditOptions(moto.endpoint(), List.of(MotoServer.REGION), none,
                java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.STANDARD);
        LiveAudit.Collection c = LiveAudit.run(o, List.of(AuditTarget.caller()), AuditListener.NONE);
        assertEquals(LiveAudit.Cause.NO_CREDENTIALS, c.stopped().cause(), c.stopped()::message);
        assertTrue(c.stopped().message().startsWith("no AWS credentials found ("), c.stopped().message());
        assertTrue(c.stopped().message().contains("'absent'"), c.stopped().message());
        assertTrue(c.model().resources().isEmpty());
    }

    @Test
    void eachBucketsRegionIsAskedOnceHoweverManyRegionsAreAudited() {
        String[][] buckets = {{"probe-west-a", "eu-west-1"}, {"probe-west-b", "eu-west-1"},
                {"probe-central", "eu-central-1"}};
        for (String[] b : buckets) {
            try (var s3 = SeedData.s3(moto, b[1])) {
                s3.createBucket(r -> r.bucket(b[0]).createBucketConfiguration(cfg -> cfg.locationConstraint(b[1])));
            }
        }
        AuditOptions o = new AuditOptions(moto.endpoint(), List.of("eu-west-1", "eu-central-1"),
                MotoServer.CREDENTIALS, java.time.Duration.ofSeconds(30),
                software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2);
        LiveAudit.Collection c = LiveAudit.run(o, List.of(AuditTarget.caller()), AuditListener.NONE,
                java.util.EnumSet.of(io.plumbline.model.Kind.S3_BUCKET));
        java.util.Map<String, Long> ops = c.calls().byOperation();
        assertEquals(2L, ops.get("S3:ListBuckets"), () -> "one listing per region: " + ops);
        long locations = ops.getOrDefault("S3:GetBucketLocation", 0L);
        assertTrue(locations == 0 || locations == buckets.length, () -> "once per bucket, not per region: " + ops);
        for (String[] b : buckets) {
            List<io.plumbline.model.storage.S3Bucket> found = c.model().all(io.plumbline.model.storage.S3Bucket.class)
                    .stream().filter(x -> x.name.is(b[0])).toList();
            assertEquals(1, found.size(), b[0] + " is collected exactly once");
            assertEquals(b[1], found.get(0).location().region(), b[0]);
        }
        System.out.printf("S3 calls for %d buckets in 2 regions: %s%n", buckets.length, ops);
    }

    @Test
    void accessDeniedOnRdsLeavesDbKindsAbsentWithAWarningAndNoPass() throws Exception {
        Seed.network(moto);
        Seed.aurora(moto);
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("rds"))) {
            AuditOptions o = new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2);
            Model m = LiveAudit.collect(o);
            assertFalse(m.all(Vpc.class).isEmpty(), "EC2 is still collected");
            assertFalse(m.all(SecurityGroup.class).isEmpty());
            assertTrue(m.all(DbCluster.class).isEmpty());
            assertTrue(m.all(DbInstance.class).isEmpty());
            List<String> messages = m.diagnostics().stream().map(d -> d.message()).toList();
            assertEquals(5, messages.size(), () -> "" + messages);
            assertTrue(messages.get(2).contains(RdsCollector.DESCRIBE_DB_SUBNET_GROUPS), messages.get(2));
            assertTrue(messages.get(3).contains(RdsCollector.DESCRIBE_DB_CLUSTER_SNAPSHOTS), messages.get(3));
            assertTrue(messages.get(4).contains(RdsCollector.DESCRIBE_GLOBAL_CLUSTERS), messages.get(4));
            assertTrue(messages.get(0).contains(RdsCollector.DESCRIBE_DB_CLUSTERS) && messages.get(0)
                    .contains("AccessDenied"), messages.get(0));
            assertTrue(messages.get(1).contains(RdsCollector.DESCRIBE_DB_INSTANCES), messages.get(1));
            Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().all());
            assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("BAK-001")
                    && f.status() == Status.PASS), "no PASS from data that could not be read");
        }
    }

    @Test
    void everyRegionIsCollectedWithItsOwnProvenance() {
        AuditOptions o = new AuditOptions(moto.endpoint(), List.of("eu-west-1", "us-east-1"), MotoServer.CREDENTIALS,
                java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2);
        Model m = LiveAudit.collect(o);
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        for (String region : o.regions()) {
            Vpc def = only(m.all(Vpc.class).stream().filter(v -> v.region.is(region) && v.isDefault.is(true)).toList());
            assertTrue(def.address().startsWith("arn:aws:ec2:" + region + ":" + ACCOUNT + ":vpc/vpc-"), def.address());
            assertEquals(region, def.cidrBlock.provenance().region());
            assertFalse(m.all(Subnet.class).stream().filter(s -> s.region.is(region)).toList().isEmpty());
        }
    }

    @Test
    void clustersWhoseInstancesAreDeniedAreLeftOutNotJudgedAsEmpty() throws Exception {
        Seed.aurora(moto);
        assertFalse(LiveAudit.collect(moto.options()).all(DbCluster.class).isEmpty(), "the cluster is there");
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("rds:DescribeDBInstances"))) {
            AuditOptions o = new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2);
            Model m = LiveAudit.collect(o);
            assertTrue(m.all(DbCluster.class).isEmpty(), "no cluster that would look like it has no instances");
            assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().contains("their instances could not be "
                    + "collected")), () -> m.diagnostics().toString());
            var result = io.plumbline.engine.Engine.evaluate(m, io.plumbline.reference.ReferenceArchitecture.profile(),
                    io.plumbline.engine.RuleRegistry.discover().select(List.of("MAZ-006")));
            assertTrue(result.withStatus(io.plumbline.rule.Status.FAIL).isEmpty(), "never a false failure");
        }
    }

    @Test
    void aRegionNotEnabledIsAGapInThatRegionOnlyAndNeverAPass() throws Exception {
        Seed.network(moto);
        try (DenyingProxy proxy = DenyingProxy.regionsOptedOut(moto.endpoint(), Set.of("ap-east-1"))) {
            AuditOptions o = new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION, "ap-east-1"),
                    MotoServer.CREDENTIALS, java.time.Duration.ofSeconds(30),
                    software.amazon.awssdk.core.retry.RetryMode.STANDARD);
            Model m = LiveAudit.collect(o);
            assertFalse(m.gaps().isEmpty());
            assertTrue(m.gaps().stream().allMatch(g -> "ap-east-1".equals(g.region())), () -> "" + m.gaps());
            assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == io.plumbline.model.Kind.SECURITY_GROUP
                    && g.reason().contains("OptInRequired")), () -> "" + m.gaps());
            assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == io.plumbline.model.Kind.KMS_KEY
                    && g.reason().contains("UnrecognizedClientException")), () -> "" + m.gaps());
            assertTrue(m.resources().stream().noneMatch(r -> r.address().contains(":ap-east-1:")));
            assertFalse(m.all(Vpc.class).isEmpty(), "the enabled region is collected");

            Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().all());
            List<Finding> there = r.findings().stream().filter(f -> f.resource().endsWith("/ap-east-1")).toList();
            assertFalse(there.isEmpty(), "every rule that reads a missing kind says it could not look there");
            assertTrue(there.stream().allMatch(f -> f.status() == Status.UNKNOWN), () -> "" + there);
        }
    }

    @Test
    void aCollectorThatBreaksNeverAbortsTheAuditAndNeverPasses() {
        Seed.network(moto);
        java.util.function.Supplier<io.plumbline.live.collect.Collector> brokenCall = () ->
                new io.plumbline.live.collect.Collector() {
                    public String service() {
                        return "rds";
                    }

                    public java.util.Set<io.plumbline.model.Kind> kinds() {
                        return java.util.Set.of(io.plumbline.model.Kind.DB_CLUSTER);
                    }

                    public void collect(Clients clients, io.plumbline.live.collect.CollectContext ctx) {
                        ctx.collect(io.plumbline.model.Kind.DB_CLUSTER, "DB clusters", "rds:DescribeDBClusters",
                                () -> {
                                    throw new NullPointerException("an answer the mapping did not expect");
                                });
                    }
                };
        java.util.function.Supplier<io.plumbline.live.collect.Collector> brokenService = () ->
                new io.plumbline.live.collect.Collector() {
                    public String service() {
                        return "elasticache";
                    }

                    public java.util.Set<io.plumbline.model.Kind> kinds() {
                        return java.util.Set.of(io.plumbline.model.Kind.CACHE_REPLICATION_GROUP);
                    }

                    public void collect(Clients clients, io.plumbline.live.collect.CollectContext ctx) {
                        throw new IllegalStateException("cannot build the client");
                    }
                };
        LiveAudit.Collection c = LiveAudit.run(moto.options(), List.of(AuditTarget.caller()), AuditListener.NONE,
                List.of(io.plumbline.live.collect.Ec2Collector::new, brokenCall, brokenService), null);
        Model m = c.model();
        assertFalse(m.all(Vpc.class).isEmpty(), "the working collector's kinds are there");
        assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == io.plumbline.model.Kind.DB_CLUSTER
                && g.reason().contains("NullPointerException")), () -> "" + m.gaps());
        assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == io.plumbline.model.Kind.SECURITY_GROUP
                && g.reason().contains("elasticache collector")), "a broken service leaves everything undecided");
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().all());
        assertTrue(r.findings().stream().noneMatch(f -> f.status() == Status.PASS), () -> "no PASS: " + r.findings()
                .stream().filter(f -> f.status() == Status.PASS).toList());
    }

    @Test
    void withoutRegionsTheAccountsEnabledRegionsAreAudited() throws Exception {
        Clients clients = new Clients(moto.options());
        List<io.plumbline.live.collect.CollectContext.NotCollected> missing = new java.util.ArrayList<>();
        List<io.plumbline.model.Diagnostic> diagnostics = new java.util.ArrayList<>();
        List<String> regions = LiveAudit.enabledRegions(clients, ACCOUNT, MotoServer.REGION, diagnostics, missing);
        assertTrue(regions.containsAll(List.of("eu-west-1", "us-east-1", "ap-southeast-2")), () -> "" + regions);
        assertEquals(regions.stream().sorted().toList(), regions, "in a stable order");
        assertTrue(missing.isEmpty() && diagnostics.isEmpty());

        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("ec2:DescribeRegions"))) {
            Clients denied = new Clients(new AuditOptions(proxy.endpoint(), List.of(), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(10), software.amazon.awssdk.core.retry.RetryMode.STANDARD));
            List<String> home = LiveAudit.enabledRegions(denied, ACCOUNT, MotoServer.REGION, diagnostics, missing);
            assertEquals(List.of(MotoServer.REGION), home, "only the home region, and it is said");
            assertEquals(1, missing.size());
            assertEquals("ec2:DescribeRegions", missing.get(0).operation());
            assertTrue(diagnostics.get(0).message().contains("--regions"), diagnostics.get(0).message());
        }
    }

    @Test
    void anAuditLimitedToSomeKindsSaysWhatItDidNotReadSoNoOtherRulePassesOnIt() {
        Seed.network(moto);
        Seed.aurora(moto);
        LiveAudit.Collection c = LiveAudit.run(moto.options(), List.of(AuditTarget.caller()), AuditListener.NONE,
                java.util.EnumSet.copyOf(RuleRegistry.discover().select(List.of("NET-009")).get(0).descriptor()
                        .reads()));
        Model m = c.model();
        assertFalse(m.all(SecurityGroup.class).isEmpty());
        assertTrue(m.all(DbCluster.class).isEmpty(), "RDS was not called");
        assertTrue(c.calls().byOperation().keySet().stream().noneMatch(op -> op.startsWith("Rds:")),
                () -> "" + c.calls().byOperation());
        assertTrue(m.gaps().stream().anyMatch(g -> g.kind() == io.plumbline.model.Kind.DB_CLUSTER
                && g.reason().contains("not collected") && g.region() == null), () -> "" + m.gaps());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover()
                .select(List.of("NET-009", "BAK-001")));
        assertTrue(r.findings().stream().filter(f -> f.ruleId().equals("BAK-001"))
                .allMatch(f -> f.status() == Status.UNKNOWN), "BAK-001 read nothing: " + r.findings());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("NET-009") && f.status() == Status.FAIL),
                "NET-009 judged what was read");
    }
}
