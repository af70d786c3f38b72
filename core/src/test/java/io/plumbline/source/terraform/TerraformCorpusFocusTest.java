package io.plumbline.source.terraform;

import static io.plumbline.source.terraform.TerraformCorpusTest.corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.GenericResource;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.storage.S3Bucket;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What specific real plans of the corpus must become. */
class TerraformCorpusFocusTest {

    static Model load(String corpusFile) {
        return Inputs.load(corpus(corpusFile), SourceOptions.DEFAULT);
    }

    static <T extends Resource> T get(Model m, String address, Class<T> type) {
        Resource r = m.byAddress(address).orElseThrow(() -> new AssertionError("no " + address));
        assertTrue(type.isInstance(r), address + " is " + r.kind());
        return type.cast(r);
    }

    static String target(Value<Ref> v) {
        assertTrue(v.isPresent(), () -> "not a known link: " + v.display());
        return v.get().target();
    }

    @Test
    void linksThroughTheVpcModuleResolveAndRoutesFoldIntoTheirTables() {
        Model m = load("tfcompliance__vpc_module_nat_igw_routes_0.12.8.json");
        InputFile in = m.inputs().get(0);
        assertEquals(29, in.declared());
        assertEquals(10, in.folded(), "4 aws_route + 6 aws_route_table_association");
        assertEquals(19, in.modelled());

        for (int i = 0; i < 3; i++) {
            RouteTable t = get(m, "module.vpc.aws_route_table.private[" + i + "]", RouteTable.class);
            assertEquals(1, t.routes.size());
            Route r = t.routes.get(0);
            assertEquals("0.0.0.0/0", r.destinationCidr().get());
            assertEquals(Route.RouteTarget.NAT_GATEWAY, r.targetType());
            // aws_route.private_nat_gateway[i] names aws_nat_gateway.this with count.index: the same index.
            assertEquals("module.vpc.aws_nat_gateway.this[" + i + "]", target(r.target()));
            NatGateway nat = m.resolve(r.target().get(), NatGateway.class).orElseThrow();
            assertEquals("module.vpc.aws_subnet.public[" + i + "]", target(nat.subnet));
            assertEquals(List.of("module.vpc.aws_subnet.private[" + i + "]"),
                    t.subnets.stream().map(TerraformCorpusFocusTest::target).toList());
            assertTrue(t.folded().contains("module.vpc.aws_route.private_nat_gateway[" + i + "]"));
            assertEquals("eu-west-1", t.region.get(), "module provider vpc:aws inherits the root provider's region");
        }
        RouteTable pub = get(m, "module.vpc.aws_route_table.public[0]", RouteTable.class);
        assertEquals(Route.RouteTarget.INTERNET_GATEWAY, pub.routes.get(0).targetType());
        assertEquals("module.vpc.aws_internet_gateway.this[0]", target(pub.routes.get(0).target()));
        assertEquals(3, pub.subnets.size());
        assertTrue(pub.main.isDefaulted() && pub.main.is(false));

        // The module derives vpc_id from local.vpc_id, which plans do not record: unknown, with the reason.
        Subnet s = get(m, "module.vpc.aws_subnet.private[0]", Subnet.class);
        assertTrue(s.vpc.isUnknown());
        assertTrue(s.vpc.note().contains("local.vpc_id"), s.vpc.note());
        assertEquals("eu-west-1a", s.availabilityZone.get());
        assertEquals(Certainty.UNKNOWN, s.availabilityZoneId.certainty());
        assertEquals("known only after apply", s.availabilityZoneId.note());
    }

    @Test
    void afterUnknownGivesUnknownWithReasonAndDefaultsFollowTheCatalog() {
        Model m = load("tfcompliance__rds_cluster_0.12.3.json");
        DbCluster c = get(m, "aws_rds_cluster.default", DbCluster.class);
        // kms_key_id is unknown until apply but not configured: AWS picks its own key, never a customer-managed one.
        assertEquals(Certainty.DEFAULTED, c.kmsKey.certainty());
        assertEquals(null, c.kmsKey.get());
        assertTrue(c.kmsKey.note().contains("never a customer managed key"), c.kmsKey.note());
        // storage_encrypted null: the ENC-001 trap, never "false".
        assertTrue(c.storageEncrypted.isUnknown());
        assertTrue(c.storageEncrypted.note().contains("never a customer-managed key"));
        assertEquals(Certainty.DEFAULTED, c.deletionProtection.certainty());
        assertEquals(Boolean.FALSE, c.deletionProtection.get());
        assertEquals(5, c.backupRetentionPeriod.get());
        assertEquals(Certainty.EXPLICIT, c.backupRetentionPeriod.certainty());
        assertEquals("/resource_changes/0/change/after/backup_retention_period", c.backupRetentionPeriod.provenance().pointer());
        assertEquals(List.of("us-west-2a", "us-west-2b", "us-west-2c"), c.storageAvailabilityZones.get());
        assertEquals("aurora-cluster-demo", c.name.get());
        assertTrue(c.aliases().contains("aurora-cluster-demo"));
        // The clear-text master password of this old plan is not copied anywhere.
        for (ModelValues.Found f : ModelValues.of(c)) assertFalse(f.value().display().contains("bar"), f.path());
    }

    @Test
    void publicAccessBlocksFoldIntoTheirBucketsThroughModules() {
        Model m = load("checkov__modules_edges_s3_1.0.7.json");
        for (String mod : List.of("s3-bucket-1", "s3-bucket-2")) {
            String prefix = "module.test.module." + mod + ".";
            S3Bucket b = get(m, prefix + "aws_s3_bucket.this[0]", S3Bucket.class);
            assertEquals(List.of(prefix + "aws_s3_bucket_public_access_block.this[0]"), b.folded());
            assertTrue(b.blockPublicAcls.is(true) && b.blockPublicPolicy.is(true) && b.ignorePublicAcls.is(true)
                    && b.restrictPublicBuckets.is(true));
            assertEquals(Certainty.EXPLICIT, b.blockPublicAcls.certainty());
            assertEquals("eu-central-1", b.region.get(), "a module's unconfigured provider inherits the root's region");
            assertTrue(b.name.isUnknown(), "bucket name is computed");
            assertTrue(b.versioning.isDefaulted(), "versioning resources have count 0: a new bucket is never versioned");
        }
        assertEquals(2, m.inputs().get(0).folded());
    }

    @Test
    void encryptionConfigurationFoldsIntoItsBucketWithTheKeyLinkAndAliasedProviderRegion() {
        Model m = load("policyengine__s3_sse_kms_1.1.9.json");
        S3Bucket b2 = get(m, "aws_s3_bucket.bucket2", S3Bucket.class);
        assertEquals(List.of("aws_s3_bucket_server_side_encryption_configuration.bucket2"), b2.folded());
        assertEquals("aws:kms", b2.sseAlgorithm.get());
        assertEquals("aws_kms_key.key", target(b2.sseKmsKey));
        assertTrue(m.resolve(b2.sseKmsKey.get(), KmsKey.class).isPresent());
        assertEquals("us-west-1", b2.region.get(), "provider aws.west");
        S3Bucket b1 = get(m, "aws_s3_bucket.bucket1", S3Bucket.class);
        assertEquals("us-east-1", b1.region.get());
        assertEquals(Certainty.DEFAULTED, b1.sseAlgorithm.certainty(), "no encryption configuration: SSE-S3 by default");
        KmsKey key = get(m, "aws_kms_key.key", KmsKey.class);
        assertEquals(10, key.deletionWindowDays.get());
        assertTrue(key.rotationEnabled.is(false));
    }

    @Test
    void splitAndInlineBucketSettingsCombine() {
        Model m = load("trivy__s3_sse_config_sg_1.0.3.json");
        S3Bucket b = get(m, "aws_s3_bucket.planbucket", S3Bucket.class);
        assertEquals(List.of("aws_s3_bucket_server_side_encryption_configuration.example"), b.folded());
        assertEquals("AES256", b.sseAlgorithm.get());
        assertTrue(b.bucketKeyEnabled.is(true));
        assertEquals("Enabled", b.versioning.get(), "inline versioning[0].enabled = true");
        assertEquals(new io.plumbline.model.Ref("arn:aws:s3:::iac-tfsec-dev"), b.loggingTarget.get());
        assertEquals("tfsec-plan-testing", b.name.get());
        assertTrue(b.aliases().contains("arn:aws:s3:::tfsec-plan-testing"));
        assertTrue(m.diagnostics().isEmpty(), () -> m.diagnostics().toString());
    }

    @Test
    void inlineSecurityGroupRulesBecomeOneRulePerPeer() {
        Model m = load("regula__sg_0.12.20.json");
        List<SecurityGroup> groups = m.all(SecurityGroup.class);
        assertEquals(4, groups.size());
        SecurityGroup g = get(m, "aws_security_group.invalid_sg_2", SecurityGroup.class);
        assertEquals(1, g.rules.size());
        SgRule r = g.rules.get(0);
        assertEquals(SgRule.Direction.INGRESS, r.direction());
        assertEquals("tcp", r.protocol().get());
        assertEquals(20, r.fromPort().get());
        assertEquals(25, r.toPort().get());
        assertEquals(SgRule.PeerKind.CIDR_IPV4, r.peerKind());
        assertEquals("0.0.0.0/0", r.peerCidr().get());
        assertEquals("aws_security_group.invalid_sg_2", r.origin());
        // Egress is unknown in the plan but not configured: Terraform creates the group without AWS's default egress.
        assertTrue(g.rulesComplete.is(true));
        assertEquals("10.10.0.0/16", get(m, "aws_security_group.valid_sg_2", SecurityGroup.class).rules.get(0).peerCidr().get());
    }

    @Test
    void aRuleForAGroupOutsideThePlanLandsOnAPlaceholderGroupWithADiagnostic() {
        Model m = load("checkov__sg_rule_update_1.4.6.json");
        assertEquals(2, m.resources().size());
        for (String id : List.of("sg-547cc4cd5f94bb695", "sg-547cc4cd5f94bb696")) {
            SecurityGroup g = get(m, id, SecurityGroup.class);
            assertTrue(g.declaredInInput.is(false), id);
            assertTrue(g.rulesComplete.isUnknown(), "the group's other rules are not in the plan");
            assertEquals(1, g.rules.size());
            assertEquals(SgRule.PeerKind.SECURITY_GROUP, g.rules.get(0).peerKind());
        }
        assertEquals(List.of("aws_security_group_rule.foo"), get(m, "sg-547cc4cd5f94bb695", SecurityGroup.class).folded());
        assertEquals(2, m.diagnostics().stream().filter(d -> d.level() == Diagnostic.Level.WARNING
                && d.message().contains("placeholder sg-547cc4cd5f94bb69")).count());
        InputFile in = m.inputs().get(0);
        assertEquals(2, in.folded());
        assertEquals(0, in.modelled(), "placeholders are not resources of the plan");
    }

    @Test
    void actionsAreMappedAndDeletedResourcesAreStillModelledFromTheirPriorValues() {
        Model m = load("policyengine__s3_mixed_actions_1.2.2.json");
        S3Bucket deleted = get(m, "aws_s3_bucket.delete_bucket", S3Bucket.class);
        assertEquals(ChangeAction.DELETE, deleted.change);
        assertEquals("delete20220817101803364800000002", deleted.awsId.get());
        assertTrue(deleted.awsId.provenance().pointer().contains("/change/before/"));
        assertEquals(ChangeAction.CREATE, get(m, "aws_s3_bucket.create_bucket", S3Bucket.class).change);
        assertEquals(ChangeAction.UPDATE, get(m, "aws_s3_bucket.update_bucket", S3Bucket.class).change);
        S3Bucket noop = get(m, "aws_s3_bucket.noop_bucket", S3Bucket.class);
        assertEquals(ChangeAction.NO_OP, noop.change);
        // An existing v4 bucket whose inline versioning is computed from state and not configured.
        assertEquals("Suspended", noop.versioning.get());
    }

    @Test
    void dataSourcesAreExcludedAndCounted() {
        Model m = load("checkov__iam_oidc_data_sources_modules_1.5.7.json");
        InputFile in = m.inputs().get(0);
        assertEquals(9, in.declared());
        assertEquals(4, in.excluded());
        assertEquals(5, in.modelled() + in.folded());
        assertTrue(m.resources().stream().noneMatch(r -> r.address().startsWith("data.") || r.address().contains(".data.")));
    }

    @Test
    void aValuePointsAtTheLineAndColumnOfItsNode() throws IOException {
        Path file = corpus("regula__kms_key_rotation_0.13.5.json");
        Model m = Inputs.load(file, SourceOptions.DEFAULT);
        KmsKey valid = get(m, "aws_kms_key.valid", KmsKey.class);
        Provenance p = valid.rotationEnabled.provenance();
        assertTrue(valid.rotationEnabled.is(true));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = indexOfLine(lines, "\"resource_changes\"", 0);
        int address = indexOfLine(lines, "\"address\": \"aws_kms_key.valid\"", start);
        int expected = indexOfLine(lines, "\"enable_key_rotation\": true", address);
        assertEquals(expected + 1, p.line(), "line of enable_key_rotation of aws_kms_key.valid in resource_changes");
        String line = lines.get(expected);
        assertEquals(line.indexOf("true") + 1, p.column());
        assertEquals(file.toString(), p.file());
        assertNotNull(p.pointer());
        assertTrue(p.pointer().endsWith("/change/after/enable_key_rotation"), p.pointer());
        // Defaults point at the resource's declaration.
        assertEquals(valid.location().line(), valid.deletionWindowDays.provenance().line());
    }

    static int indexOfLine(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) if (lines.get(i).contains(text)) return i;
        throw new AssertionError(text + " not found after line " + from);
    }

    @Test
    void aPlanWithAByteOrderMarkAndWindowsTextLoads() {
        Model m = load("checkov__s3_windows_utf8_1.2.2.json");
        assertEquals(1, m.all(S3Bucket.class).size());
    }

    @Test
    void anAliasedProviderGivesItsRegion() {
        Model m = load("checkov__route53_query_log_1.1.5.json");
        long east = m.resources().stream().filter(r -> r.region.is("us-east-1")).count();
        assertTrue(east >= 1, "resources on provider aws.us-east-1");
        for (Resource r : m.resources()) {
            assertTrue(r.region.isPresent() || r.region.isUnknown());
            if (r.region.isUnknown()) assertNotNull(r.region.note());
        }
    }
}
