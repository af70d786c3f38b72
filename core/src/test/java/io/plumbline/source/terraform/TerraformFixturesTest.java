package io.plumbline.source.terraform;

import static io.plumbline.source.terraform.TerraformCorpusFocusTest.get;
import static io.plumbline.source.terraform.TerraformCorpusFocusTest.indexOfLine;
import static io.plumbline.source.terraform.TerraformCorpusFocusTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EbsDevice;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.edge.CloudFrontDistribution;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Instance;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.EcrRepository;
import io.plumbline.model.ops.LogGroup;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import io.plumbline.model.security.WafWebAcl;
import io.plumbline.model.storage.AccountPublicAccessBlock;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.InputException;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made plans for what the corpus lacks (core/src/test/resources/terraform). */
class TerraformFixturesTest {

    static byte[] bytes(String name) {
        try (InputStream in = TerraformFixturesTest.class.getResourceAsStream("/terraform/" + name)) {
            if (in == null) throw new AssertionError("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Model fixture(String name) {
        return Inputs.load(name, bytes(name), SourceOptions.DEFAULT);
    }

    static void neverDisplayed(Model m, String secret) {
        for (Resource r : m.resources()) {
            for (ModelValues.Found f : ModelValues.of(r)) {
                assertFalse(f.value().display().contains(secret), f.path() + " displays a secret");
            }
        }
        for (Diagnostic d : m.diagnostics()) assertFalse(d.message().contains(secret));
    }

    static java.util.stream.Stream<java.nio.file.Path> fixtures() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(TerraformFixturesTest.class.getResource("/terraform").toURI());
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("bad_"))
                    .sorted().toList().stream();
        }
    }

    /** The checks every corpus plan passes hold for the fixtures too. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("fixtures")
    void fixturesPassTheCorpusChecks(java.nio.file.Path file) throws IOException {
        TerraformCorpusTest.checkCounts(file);
        TerraformCorpusTest.checkPlaces(file);
        TerraformCorpusTest.checkSecrets(file);
    }

    // ------------------------------------------------------------------ Aurora, ElastiCache, regions

    @Test
    void auroraInstancesByCountAndThroughAModuleOutputAllPointAtTheirCluster() {
        Model m = fixture("aurora_module.json");
        DbCluster c = get(m, "module.db.aws_rds_cluster.this", DbCluster.class);
        List<DbInstance> members = m.referrers(c, DbInstance.class, i -> i.cluster);
        assertEquals(List.of("module.db.aws_rds_cluster_instance.this[0]", "module.db.aws_rds_cluster_instance.this[1]",
                "module.db.aws_rds_cluster_instance.this[2]", "aws_rds_cluster_instance.extra"),
                members.stream().map(Resource::address).toList());
        DbInstance i0 = members.get(0);
        assertEquals(Certainty.DEFAULTED, i0.publiclyAccessible.certainty());
        assertEquals(Defaults.TF_RDS_INSTANCE_PUBLICLY_ACCESSIBLE.value(), i0.publiclyAccessible.get());
        assertTrue(i0.availabilityZone.isUnknown());
        assertEquals("eu-west-1c", members.get(2).availabilityZone.get());
        DbInstance extra = members.get(3);
        assertTrue(extra.publiclyAccessible.is(true));
        assertEquals(Certainty.EXPLICIT, extra.publiclyAccessible.certainty());
        assertEquals(Certainty.DEFAULTED, extra.promotionTier.certainty());

        // Cluster settings: explicit, defaulted per the catalog, and links through module variables.
        assertTrue(c.storageEncrypted.is(true));
        assertEquals("aws_kms_key.db", target(c.kmsKey), "kms_key_id = var.kms_key_arn = aws_kms_key.db.arn");
        KmsKey key = m.resolve(c.kmsKey.get(), KmsKey.class).orElseThrow();
        assertTrue(key.aliases().contains("alias/aurora"), "aws_kms_alias folded as alias");
        assertEquals(List.of("aws_kms_alias.db"), key.folded());
        assertEquals(Certainty.DEFAULTED, key.rotationEnabled.certainty());
        assertEquals(Boolean.FALSE, key.rotationEnabled.get());
        assertEquals(Certainty.DEFAULTED, c.backupRetentionPeriod.certainty(), "unknown and set from a null variable");
        assertEquals(1, c.backupRetentionPeriod.get());
        assertEquals(Certainty.DEFAULTED, c.deletionProtection.certainty());
        assertEquals(Defaults.RDS_DELETION_PROTECTION.value(), c.deletionProtection.get());
        assertTrue(c.securityGroups.isUnknown());
        assertTrue(c.securityGroups.note().contains("default security group"));
        DbSubnetGroup sg = m.resolve(c.subnetGroup.get(), DbSubnetGroup.class).orElseThrow();
        assertEquals(List.of("aws_subnet.data[0]", "aws_subnet.data[1]", "aws_subnet.data[2]"),
                sg.subnets.get().stream().map(r -> r.target()).toList(), "subnet_ids = var.subnet_ids from the root");
        assertEquals(List.of("postgresql"), c.enabledLogExports.get());
        assertTrue(c.tag("plumbline:role").equals("primary-db"));

        DbInstance legacy = get(m, "aws_db_instance.legacy", DbInstance.class);
        assertTrue(legacy.cluster.isKnown());
        assertNull(legacy.cluster.get());
        assertTrue(legacy.multiAz.is(true));

        neverDisplayed(m, "s3cr3t-Passw0rd!");
        neverDisplayed(m, "legacy-Passw0rd");
        neverDisplayed(m, "t0ken-secret-value");
        InputFile in = m.inputs().get(0);
        assertEquals(21, in.declared());
        assertEquals(1, in.excluded());
        assertEquals(1, in.folded());
        assertEquals(19, in.modelled());
    }

    @Test
    void elastiCacheReadsOldAndNewArgumentNamesAndNullableBoolStrings() {
        Model m = fixture("aurora_module.json");
        CacheReplicationGroup old = get(m, "aws_elasticache_replication_group.old", CacheReplicationGroup.class);
        assertTrue(old.atRestEncryption.is(true));
        assertEquals(3, old.numNodeGroups.get(), "cluster_mode block (provider v3)");
        assertEquals(1, old.replicasPerNodeGroup.get());
        assertEquals(List.of("eu-west-1a", "eu-west-1b"), old.preferredAzs.get(), "availability_zones (old name)");
        assertEquals(Certainty.DEFAULTED, old.transitEncryption.certainty());
        assertEquals(Certainty.DEFAULTED, old.multiAz.certainty(), "unknown, not configured: API default");
        assertEquals(0, old.snapshotRetentionLimit.get());
        assertTrue(m.resolve(old.subnetGroup.get(), CacheSubnetGroup.class).isPresent(), "subnet group by name");

        CacheReplicationGroup valkey = get(m, "aws_elasticache_replication_group.valkey", CacheReplicationGroup.class);
        assertEquals(Certainty.DEFAULTED, valkey.atRestEncryption.certainty(), "\"\" = not set");
        assertEquals(Boolean.TRUE, valkey.atRestEncryption.get(), "valkey encrypts at rest by default");
        assertEquals(3, valkey.numCacheClusters.get());
        assertEquals("required", valkey.transitEncryptionMode.get());
        assertEquals(3, valkey.preferredAzs.get().size());

        CacheReplicationGroup mystery = get(m, "aws_elasticache_replication_group.mystery", CacheReplicationGroup.class);
        assertTrue(mystery.atRestEncryption.isUnknown(), "engine unknown: redis and valkey defaults differ");

        CacheReplicationGroup serverless = get(m, "aws_elasticache_serverless_cache.sessions", CacheReplicationGroup.class);
        assertTrue(serverless.serverless);
        assertTrue(serverless.multiAz.is(true) && serverless.atRestEncryption.is(true));
        assertNull(serverless.kmsKey.get());
    }

    @Test
    void regionsComeFromVariablesAliasesAndTheV6RegionArgument() {
        Model m = fixture("aurora_module.json");
        DbCluster c = get(m, "module.db.aws_rds_cluster.this", DbCluster.class);
        assertEquals("eu-west-1", c.region.get(), "module provider db:aws inherits aws, region = var.region");
        assertEquals("/variables/region/value", c.region.provenance().pointer());
        assertEquals("eu-central-1", get(m, "aws_s3_bucket.replica", S3Bucket.class).region.get(), "provider aws.dr");
        LogGroup v6 = get(m, "aws_cloudwatch_log_group.v6", LogGroup.class);
        assertEquals("us-west-2", v6.region.get(), "v6 region argument");
        assertTrue(v6.region.provenance().pointer().endsWith("/change/after/region"));
    }

    @Test
    void lineNumbersPointAtTheValueInTheFile() {
        byte[] raw = bytes("aurora_module.json");
        List<String> lines = List.of(new String(raw, StandardCharsets.UTF_8).split("\n", -1));
        Model m = fixture("aurora_module.json");
        DbCluster c = get(m, "module.db.aws_rds_cluster.this", DbCluster.class);
        int at = indexOfLine(lines, "\"address\": \"module.db.aws_rds_cluster.this\"", 0);
        int line = indexOfLine(lines, "\"storage_encrypted\": true", at);
        Provenance p = c.storageEncrypted.provenance();
        assertEquals(line + 1, p.line());
        assertEquals(lines.get(line).indexOf("true") + 1, p.column());
        assertEquals("aurora_module.json", p.file());
        assertEquals(at, c.location().line(), "the resource's location is its resource_changes object, above its address");
        assertEquals("/resource_changes/8", c.location().pointer());
    }

    // ------------------------------------------------------------------ S3

    @Test
    void inlineAndSplitS3SettingsThatDisagreeAreUnknownAndReported() {
        Model m = fixture("s3_inline_split.json");
        S3Bucket logs = get(m, "aws_s3_bucket.logs", S3Bucket.class);
        assertTrue(logs.versioning.isUnknown());
        assertTrue(logs.versioning.note().contains("disagree"), logs.versioning.note());
        assertTrue(logs.versioning.note().contains("Enabled") && logs.versioning.note().contains("Suspended"));
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.WARNING
                && d.message().contains("aws_s3_bucket.logs") && d.message().contains("versioning")));
        // Both say AES256: that value, with an informational diagnostic.
        assertEquals("AES256", logs.sseAlgorithm.get());
        assertEquals(Certainty.EXPLICIT, logs.sseAlgorithm.certainty());
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.INFO
                && d.message().contains("sse_algorithm") && d.message().contains("agree")));
        // A split resource planned for deletion: what remains is not known.
        assertTrue(logs.loggingTarget.isUnknown());
        assertTrue(logs.folded().contains("aws_s3_bucket_logging.old"));
    }

    @Test
    void splitResourcesJoinTheirBucketThroughReferencesWhenTheNameIsUnknown() {
        Model m = fixture("s3_inline_split.json");
        S3Bucket data = get(m, "aws_s3_bucket.data", S3Bucket.class);
        assertTrue(data.name.isUnknown());
        assertEquals(6, data.folded().size());
        assertEquals("Enabled", data.versioning.get());
        assertEquals("aws:kms", data.sseAlgorithm.get());
        assertTrue(data.bucketKeyEnabled.is(true));
        assertTrue(data.blockPublicAcls.is(true) && data.blockPublicPolicy.is(true) && data.ignorePublicAcls.is(true));
        assertEquals(Certainty.DEFAULTED, data.restrictPublicBuckets.certainty(), "null flag of the resource: default false");
        assertEquals(Boolean.FALSE, data.restrictPublicBuckets.get());
        assertEquals(1, data.replicationRules.get().size());
        S3Bucket replica = m.resolve(data.replicationRules.get().get(0).destinationBucket().get(), S3Bucket.class).orElseThrow();
        assertEquals("aws_s3_bucket.replica", replica.address());
        assertEquals(List.of("GLACIER"), data.lifecycleRules.get().get(0).transitionStorageClasses().get());
        assertEquals(90, data.lifecycleRules.get().get(0).noncurrentExpirationDays().get());
        assertTrue(data.lifecycleRules.get().get(0).expirationDays().isKnown());
        assertTrue(data.policy.get().contains("2012-10-17"));
        assertEquals(Certainty.DEFAULTED, replica.blockPublicAcls.certainty(),
                "a new bucket without a public access block resource: S3's default since April 2023, all four on");
        assertEquals(Boolean.TRUE, replica.blockPublicAcls.get());
        assertEquals(Certainty.DEFAULTED, replica.versioning.certainty());

        Resource orphan = m.byAddress("aws_s3_bucket_versioning.orphan").orElseThrow();
        assertTrue(orphan instanceof GenericResource);
        assertTrue(m.diagnostics().stream().anyMatch(d -> d.message().contains("someone-elses-bucket")));
        InputFile in = m.inputs().get(0);
        assertEquals(13, in.declared());
        assertEquals(9, in.folded());
        assertEquals(4, in.modelled());
    }

    @Test
    void keyPoliciesAccountBlockAndTheDefaultsOfNewResources() {
        Model m = fixture("policies.json");
        KmsKey defaulted = get(m, "aws_kms_key.defaulted", KmsKey.class);
        assertEquals(Certainty.DEFAULTED, defaulted.policy.certainty(), "created without a policy: KMS's default");
        assertNull(defaulted.policy.get());
        KmsKey existing = get(m, "aws_kms_key.existing", KmsKey.class);
        assertTrue(existing.policy.get().contains("kms:Decrypt"), "an existing key keeps the policy the plan shows");
        KmsKey separate = get(m, "aws_kms_key.separate", KmsKey.class);
        assertTrue(separate.policy.isKnown() && separate.policy.get().contains("kms:Decrypt"),
                "aws_kms_key_policy sets the key's policy: " + separate.policy.display());
        assertTrue(separate.folded().contains("aws_kms_key_policy.separate"));
        KmsKey both = get(m, "aws_kms_key.both", KmsKey.class);
        assertTrue(both.policy.isUnknown());
        assertTrue(both.policy.note().contains("no winner"), both.policy.note());

        AccountPublicAccessBlock account = get(m, "aws_s3_account_public_access_block.this",
                AccountPublicAccessBlock.class);
        assertEquals(Boolean.TRUE, account.blockPublicAcls.get());
        assertEquals(Certainty.DEFAULTED, account.ignorePublicAcls.certainty(), "null: the resource's default false");
        assertEquals(Boolean.FALSE, account.ignorePublicAcls.get());
        assertEquals(Boolean.FALSE, account.restrictPublicBuckets.get());
        assertTrue(account.accountId.isUnknown());

        S3Bucket fresh = get(m, "aws_s3_bucket.fresh", S3Bucket.class);
        assertEquals(Boolean.TRUE, fresh.restrictPublicBuckets.get());
        assertTrue(fresh.restrictPublicBuckets.note().contains("April 2023"));
        S3Bucket old = get(m, "aws_s3_bucket.old", S3Bucket.class);
        assertTrue(old.blockPublicPolicy.isUnknown(), "an existing bucket keeps settings the plan does not show");
    }

    // ------------------------------------------------------------------ network

    @Test
    void everyStyleOfSecurityGroupRuleLandsOnItsGroupOneRulePerPeer() {
        Model m = fixture("network_rules.json");
        SecurityGroup app = get(m, "aws_security_group.app", SecurityGroup.class);
        List<SgRule> ingress8080 = app.rules.stream().filter(r -> r.fromPort().is(8080)).toList();
        assertEquals(4, ingress8080.size(), "2 IPv4 + 1 IPv6 + self");
        assertTrue(ingress8080.stream().allMatch(r -> r.protocol().is("tcp")), "\"6\" normalised");
        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24"), ingress8080.stream()
                .filter(r -> r.peerKind() == SgRule.PeerKind.CIDR_IPV4).map(r -> r.peerCidr().get()).toList());
        SgRule self = ingress8080.stream().filter(r -> r.peerKind() == SgRule.PeerKind.SELF).findFirst().orElseThrow();
        assertEquals("aws_security_group.app", target(self.peerGroup()));
        SgRule fromAlb = app.rules.stream().filter(r -> r.fromPort().is(8443)).findFirst().orElseThrow();
        assertEquals(SgRule.PeerKind.SECURITY_GROUP, fromAlb.peerKind());
        assertEquals("aws_security_group.alb", target(fromAlb.peerGroup()), "unknown element followed through configuration");
        SgRule egress = app.rules.stream().filter(r -> r.direction() == SgRule.Direction.EGRESS).findFirst().orElseThrow();
        assertTrue(egress.allPorts());

        SecurityGroup alb = get(m, "aws_security_group.alb", SecurityGroup.class);
        assertEquals(2, alb.rules.size());
        SgRule https = alb.rules.get(0);
        assertEquals("aws_vpc_security_group_ingress_rule.https", https.origin());
        assertEquals("0.0.0.0/0", https.peerCidr().get());
        SgRule toApp = alb.rules.get(1);
        assertEquals(SgRule.Direction.EGRESS, toApp.direction());
        assertEquals("-1", toApp.protocol().get());
        assertEquals("aws_security_group.app", target(toApp.peerGroup()));

        SecurityGroup db = get(m, "aws_security_group.db", SecurityGroup.class);
        assertEquals(1, db.rules.size());
        assertEquals("aws_security_group.app", target(db.rules.get(0).peerGroup()));
        assertEquals(5432, db.rules.get(0).fromPort().get());

        // aws_security_group_rule.lost targets local.sg_id: it lands on a placeholder group (judged there), and no
        // group of the plan has a complete rule list (it may be any of them).
        SecurityGroup lost = get(m, "(security_group_id of aws_security_group_rule.lost)", SecurityGroup.class);
        assertTrue(lost.declaredInInput.is(false));
        assertEquals(List.of("aws_security_group_rule.lost"), lost.folded());
        assertFalse(lost.rules.isEmpty());
        for (SecurityGroup g : m.all(SecurityGroup.class)) {
            assertTrue(g.rulesComplete.isUnknown(), g.address());
            if (g != lost) assertTrue(g.rulesComplete.note().contains("aws_security_group_rule.lost"));
        }
        assertTrue(get(m, "aws_default_security_group.default", SecurityGroup.class).rules.isEmpty());
    }

    @Test
    void routesNaclsGatewaysAndListenersFold() {
        Model m = fixture("network_rules.json");
        RouteTable t = get(m, "aws_route_table.public", RouteTable.class);
        assertTrue(t.main.is(true));
        assertEquals(Certainty.EXPLICIT, t.main.certainty(), "aws_main_route_table_association");
        Route r = t.routes.get(0);
        assertEquals(Route.RouteTarget.INTERNET_GATEWAY, r.targetType());
        assertEquals("aws_internet_gateway.igw", target(r.target()));

        InternetGateway igw = get(m, "aws_internet_gateway.igw", InternetGateway.class);
        assertEquals("aws_vpc.main", target(igw.vpc), "from aws_internet_gateway_attachment");

        NetworkAcl acl = get(m, "aws_network_acl.public", NetworkAcl.class);
        assertEquals(3, acl.entries.size());
        NaclEntry deny = acl.entries.stream().filter(e -> e.ruleNumber().is(90)).findFirst().orElseThrow();
        assertEquals("deny", deny.action().get());
        assertEquals("tcp", deny.protocol().get());
        assertFalse(deny.egress());
        assertEquals(List.of("aws_subnet.public[0]", "aws_subnet.public[1]"),
                acl.subnets.stream().map(TerraformCorpusFocusTest::target).toList(), "association adds no duplicate");

        LoadBalancer lb = get(m, "aws_lb.web", LoadBalancer.class);
        assertEquals(List.of("aws_subnet.public[0]", "aws_subnet.public[1]"),
                lb.subnets.get().stream().map(x -> x.target()).toList(), "from subnet_mapping");
        assertEquals("aws_security_group.alb", lb.securityGroups.get().get(0).target());
        assertTrue(lb.accessLogsEnabled.is(true) && lb.dropInvalidHeaderFields.is(true) && lb.deletionProtection.is(true));
        assertEquals(2, lb.listeners.size());
        Listener https = lb.listeners.get(0);
        assertEquals(443, https.port().get());
        assertEquals("aws_lb_target_group.app", target(https.targetGroup()));
        Listener http = lb.listeners.get(1);
        assertEquals("aws_alb_listener.http", http.address());
        assertEquals("redirect", http.defaultActionType().get());
        assertEquals("HTTPS", http.redirectProtocol().get());
    }

    @Test
    void replacementDeletionAndSensitiveValues() {
        Model m = fixture("network_rules.json");
        Instance bastion = get(m, "aws_instance.bastion", Instance.class);
        assertEquals(ChangeAction.REPLACE, bastion.change);
        assertTrue(bastion.aliases().contains("i-0123456789abcdef0"), "the old id remains an alias");
        assertTrue(bastion.awsId.isUnknown(), "a replacement gets a new id");
        assertTrue(bastion.tags.isSensitive());
        assertEquals("(sensitive)", bastion.tags.display());
        assertEquals("alice@example.com", bastion.tags.get().get("Owner"), "kept for rules, never shown");
        neverDisplayed(m, "alice@example.com");

        NatGateway old = get(m, "aws_nat_gateway.old", NatGateway.class);
        assertEquals(ChangeAction.DELETE, old.change);
        assertEquals("nat-0old", old.awsId.get());
        assertEquals("subnet-0aaa", target(old.subnet));
        assertTrue(old.subnet.provenance().pointer().contains("/change/before/"));
    }

    // ------------------------------------------------------------------ compute and services

    @Test
    void eksNodeGroupsLaunchTemplatesAndAutoScalingGroups() {
        Model m = fixture("compute_services.json");
        EksCluster c = get(m, "aws_eks_cluster.main", EksCluster.class);
        assertEquals(3, c.subnets.get().size(), "through module.vpc.private_subnets");
        assertEquals("module.vpc.aws_subnet.private[0]", c.subnets.get().get(0).target());
        assertTrue(c.endpointPublicAccess.is(false) && c.endpointPrivateAccess.is(true));
        assertEquals(Certainty.DEFAULTED, c.publicAccessCidrs.certainty());
        assertEquals(List.of("secrets"), c.encryptedResources.get());
        assertEquals("aws_kms_key.eks", target(c.secretsEncryptionKey));

        NodeGroup critical = get(m, "aws_eks_node_group.critical[\"a\"]", NodeGroup.class);
        assertEquals("platform", target(critical.cluster));
        assertTrue(m.resolve(critical.cluster.get(), EksCluster.class).isPresent(), "cluster by name");
        assertEquals(Certainty.DEFAULTED, critical.capacityType.certainty());
        assertEquals("critical", critical.labels.get().get("plumbline.io/criticality"));
        assertEquals("aws_launch_template.nodes", target(critical.launchTemplate));
        assertTrue(critical.subnets.isUnknown(), "picked by each.key from a list the plan cannot index");
        assertTrue(critical.sshKey.isKnown() && critical.sshKey.get() == null);

        NodeGroup spot = get(m, "aws_eks_node_group.spot", NodeGroup.class);
        assertEquals("SPOT", spot.capacityType.get());
        assertEquals("ops", spot.sshKey.get());
        assertTrue(spot.sshSourceSecurityGroups.get().isEmpty());
        assertEquals(Defaults.EKS_INSTANCE_TYPES.value(), spot.instanceTypes.get());

        LaunchTemplate lt = get(m, "aws_launch_template.nodes", LaunchTemplate.class);
        List<EbsDevice> devices = lt.blockDevices.get();
        assertTrue(devices.get(0).encrypted().is(true), "nullable-bool string \"true\"");
        assertTrue(devices.get(1).encrypted().isKnown() && devices.get(1).encrypted().get() == null, "\"\" = not set");
        assertEquals("sg-0nodes", lt.securityGroups.get().get(0).target());
        assertEquals("required", lt.metadataHttpTokens.get());

        AutoScalingGroup asg = get(m, "aws_autoscaling_group.workers", AutoScalingGroup.class);
        assertEquals("aws_launch_template.nodes", target(asg.launchTemplate), "mixed instances policy");
        assertEquals(3, asg.subnets.get().size());
        assertEquals("app", asg.tag("plumbline:tier"), "tag blocks");
    }

    @Test
    void secretsRegistriesEdgeAndBackups() {
        Model m = fixture("compute_services.json");
        Secret db = get(m, "aws_secretsmanager_secret.db", Secret.class);
        assertTrue(db.rotationEnabled.is(true));
        assertEquals(30, db.rotationDays.get());
        assertEquals(List.of("aws_secretsmanager_secret_rotation.db"), db.folded());
        assertEquals(List.of("eu-central-1"), db.replicaRegions.get());
        Secret api = get(m, "aws_secretsmanager_secret.api", Secret.class);
        assertEquals(Certainty.DEFAULTED, api.rotationEnabled.certainty());
        assertNull(api.kmsKey.get());
        neverDisplayed(m, "Sup3r-Secret");

        EcrRepository ecr = get(m, "aws_ecr_repository.app", EcrRepository.class);
        assertTrue(ecr.scanOnPush.is(true));
        assertEquals("IMMUTABLE", ecr.tagMutability.get());
        assertEquals("aws_kms_key.eks", target(ecr.kmsKey));

        WafWebAcl waf = get(m, "aws_wafv2_web_acl.edge", WafWebAcl.class);
        assertEquals("allow", waf.defaultAction.get());
        assertEquals(2, waf.ruleCount.get());
        assertEquals(List.of("AWSManagedRulesCommonRuleSet"), waf.managedRuleGroups.get(), "a count-only group does not protect");

        CloudFrontDistribution cf = get(m, "aws_cloudfront_distribution.site", CloudFrontDistribution.class);
        assertEquals("aws_wafv2_web_acl.edge", target(cf.webAcl));
        assertEquals(List.of("redirect-to-https", "https-only", "allow-all"), cf.viewerProtocolPolicies.get());
        assertEquals("TLSv1.2_2021", cf.minimumProtocolVersion.get());
        assertTrue(cf.loggingBucket.isKnown() && cf.loggingBucket.get() == null);
        assertEquals(List.of("alb.example.com"), cf.originDomains.get());

        BackupPlan daily = get(m, "aws_backup_plan.daily", BackupPlan.class);
        assertEquals(List.of("arn:aws:rds:eu-west-1:111122223333:cluster:aurora-main"),
                daily.selectedResources.get().stream().map(r -> r.target()).toList());
        assertEquals(35, daily.rules.get().get(0).deleteAfterDays().get());
        assertEquals(List.of("arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"),
                daily.rules.get().get(0).copyDestinations().get());
        assertTrue(get(m, "aws_backup_plan.orphan", BackupPlan.class).selectedResources.isUnknown());
    }

    // ------------------------------------------------------------------ other plan shapes

    @Test
    void aPlanWithoutResourceChangesIsReadFromPlannedValuesAndPriorState() {
        Model m = fixture("planned_values_only.json");
        InputFile in = m.inputs().get(0);
        assertEquals(4, in.declared());
        assertEquals(1, in.excluded());
        assertEquals(1, in.folded());
        assertEquals(2, in.modelled());
        KmsKey k = get(m, "aws_kms_key.k", KmsKey.class);
        assertEquals(ChangeAction.NO_OP, k.change, "in prior state");
        assertTrue(k.aliases().contains("alias/logs"), "module alias joined on the literal key id");
        assertTrue(k.aliases().contains("arn:aws:kms:eu-west-1:111122223333:key/key-1"));
        LogGroup g = get(m, "module.logs.aws_cloudwatch_log_group.this", LogGroup.class);
        assertEquals(ChangeAction.CREATE, g.change);
        assertEquals(0, g.retentionDays.get());
        assertEquals("eu-west-1", g.region.get());
    }

    @Test
    void resourceChangesThatAreNotAnArrayAreRejectedWithThePlace() {
        InputException e = assertThrows(InputException.class, () -> fixture("bad_resource_changes_not_array.json"));
        assertEquals("bad_resource_changes_not_array.json", e.file());
        assertEquals(4, e.line());
        assertEquals(23, e.column());
        assertTrue(e.getMessage().contains("resource_changes is not an array"), e.getMessage());
    }

    @Test
    void aResourceChangeWithoutTypeIsRejectedWithThePlace() {
        InputException e = assertThrows(InputException.class, () -> fixture("bad_change_without_type.json"));
        assertEquals("bad_change_without_type.json", e.file());
        assertEquals(8, e.line(), e.getMessage());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("resource_changes[0] has no type"), e.getMessage());
    }

    @Test
    void malformedShapesInsideAChangeAreRejected() {
        String plan = "{\"format_version\":\"1.2\",\"resource_changes\":[{\"address\":\"aws_vpc.a\",\"type\":\"aws_vpc\","
                + "\"name\":\"a\",\"change\":{\"actions\":\"create\"}}]}";
        InputException e = assertThrows(InputException.class,
                () -> Inputs.load("inline.json", plan.getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("actions"), e.getMessage());
        String after = plan.replace("\"actions\":\"create\"", "\"actions\":[\"create\"],\"after\":\"oops\"");
        InputException e2 = assertThrows(InputException.class,
                () -> Inputs.load("inline.json", after.getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT));
        assertTrue(e2.getMessage().contains("after is not an object"), e2.getMessage());
    }
}
