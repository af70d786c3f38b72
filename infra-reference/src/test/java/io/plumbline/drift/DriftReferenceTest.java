package io.plumbline.drift;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.drift.DriftReport.Change;
import io.plumbline.drift.DriftReport.Difference;
import io.plumbline.drift.DriftReport.Match;
import io.plumbline.model.Model;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drift between the reference plan and its variants: exactly the changed attributes, each with both locations. */
class DriftReferenceTest {
    static final String PLAN = ReferenceArchitecture.TERRAFORM_PLAN;
    static final String PLAN_NAME = ReferenceArchitecture.displayName(PLAN);

    static Model load(String rel) {
        return Inputs.load(ReferenceArchitecture.displayName(rel), ReferenceArchitecture.read(rel),
                SourceOptions.DEFAULT);
    }

    record Diff(String resource, Difference d) {
    }

    static List<Diff> diffs(DriftReport r) {
        List<Diff> out = new ArrayList<>();
        for (Match m : r.matched()) for (Difference d : m.differences()) out.add(new Diff(m.planned().address(), d));
        return out;
    }

    @Test
    void planAgainstItselfIsInSync() {
        DriftReport r = Drift.compare(load(PLAN), load(PLAN));
        assertFalse(r.hasDrift(), () -> "drift: " + diffs(r));
        assertTrue(r.missing().isEmpty());
        assertTrue(r.unmanaged().isEmpty());
        // Values known only after apply are unknown on both sides: neither states one, so they neither drift nor
        // leave the comparison incomplete.
        assertEquals(DriftReport.Status.IN_SYNC, r.status(),
                () -> "" + r.matched().stream().flatMap(m -> m.notComparable().stream()).toList());
        for (Match m : r.matched()) {
            assertEquals(m.planned().address(), m.actual().address());
            assertTrue(m.matchedBy().equals("address " + m.planned().address()) || m.matchedBy().startsWith("aws id arn:"),
                    m::matchedBy);
        }
        assertEquals(0, r.summary().notComparable());
        assertEquals(r.summary().matched(), r.summary().inSync());
        assertTrue(r.summary().skippedNeither() > 0, "the computed attributes are counted as skipped");
        assertTrue(r.summary().plannedGeneric() > 0, "IAM roles and friends are counted, not compared");
        assertEquals(r.summary().matched(), r.matched().size());
        // deterministic
        assertEquals(r, Drift.compare(load(PLAN), load(PLAN)));
    }

    @Test
    void aValueOnlyOneSideKnowsIsStillNotComparable() {
        // The template's region is chosen at deploy time; the plan's is known: that stays open, never in sync.
        DriftReport r = Drift.compare(load(PLAN), load(ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        assertEquals(DriftReport.Status.DRIFT, r.status());
        assertTrue(r.matched().stream().flatMap(m -> m.notComparable().stream())
                .anyMatch(n -> n.path().equals("region") && n.reason().contains("deploy time")));
    }

    /**
     * The reference plan against the template of the same architecture: the template's names are known only at
     * deploy time ({@code AWS::StackName}), so most resources pair through what already-paired resources point at,
     * and references then compare by the pair they point at, never by name ({@code aws_kms_key.ecr} is
     * {@code EcrKmsKey}). What remains is what the two inputs really say differently.
     */
    @Test
    void planAgainstTemplateDriftsOnlyWhereTheyReallyDiffer() {
        DriftReport r = Drift.compare(load(PLAN), load(ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        java.util.Map<String, Match> byPlanned = new java.util.HashMap<>();
        r.matched().forEach(m -> byPlanned.put(m.planned().address(), m));
        for (String[] pair : new String[][] {{"aws_kms_key.ecr", "EcrKmsKey"}, {"aws_kms_key.rds", "RdsKmsKey"},
                {"module.aurora.aws_rds_cluster.this", "AuroraCluster"}, {"module.vpc.aws_vpc.this", "VPC"},
                {"module.vpc.aws_subnet.data[1]", "DataSubnetB"}, {"module.vpc.aws_subnet.public[2]", "PublicSubnetC"},
                {"aws_security_group.alb", "AlbSecurityGroup"}, {"aws_lb.public", "ApplicationLoadBalancer"}}) {
            Match m = byPlanned.get(pair[0]);
            assertNotNull(m, pair[0] + " is paired");
            assertEquals(pair[1], m.actual().address(), m::matchedBy);
        }
        assertEquals("reference kmsKey of aws_ecr_repository.app", byPlanned.get("aws_kms_key.ecr").matchedBy());
        java.util.Set<String> paths = new java.util.TreeSet<>();
        for (Diff d : diffs(r)) {
            if (d.d().path().startsWith("tags.")) continue; // the plan's provider default_tags: the template has none
            paths.add(d.resource() + " " + d.d().path().replaceAll("\\[.*", "[]"));
        }
        assertEquals(new java.util.TreeSet<>(List.of(
                // HTTPS and HTTP from ::/0: the template's descriptions add "(IPv6)"
                "aws_security_group.alb rules[]",
                // the template needs a placeholder egress rule to drop the default allow-all; the plan sets none
                "aws_security_group.aurora rules[]", "aws_security_group.redis rules[]",
                // the plan names its parameter group; the template's is a resource of a type the model does not type
                "module.aurora.aws_rds_cluster.this parameterGroup",
                // the plan replicates into a bucket and under a key it creates (provider aws.secondary); the template
                // names the secondary stack's bucket and key by ARN (REP-001/REP-002: placed by the profile)
                "aws_s3_bucket.logs replicationRules[]",
                // the template's replication role has no name to pair it with the plan's
                "aws_s3_bucket.logs replicationRole")), paths, () -> "" + diffs(r));
        // No reference differs because the two sources name the same resource differently.
        for (Match m : r.matched()) {
            for (DriftReport.Difference d : m.differences()) {
                assertFalse(List.of("kmsKey", "subnetGroup", "subnets", "vpc", "cluster", "launchTemplate")
                        .contains(d.path().replaceAll("\\[.*", "")), () -> m.planned().address() + " " + d);
            }
        }
        // Policies differ only where the template leaves the account and the bucket's ARN to deploy time.
        DriftReport.NotComparable policy = byPlanned.get("aws_kms_key.ecr").notComparable().stream()
                .filter(n -> n.path().equals("policy")).findFirst().orElseThrow();
        assertTrue(policy.reason().contains("AWS::AccountId"), policy::reason);
    }

    @Test
    void shortRetentionVariantShowsRetentionAndPasswordWithBothLocations() {
        String variant = "variants/terraform/BAK-001-short-retention.tfplan.json";
        DriftReport r = Drift.compare(load(PLAN), load(variant));
        List<Diff> ds = diffs(r);
        assertEquals(List.of("module.aurora.aws_rds_cluster.this backupRetentionPeriod",
                        "module.aurora.aws_rds_cluster.this masterPasswordManaged"),
                ds.stream().map(d -> d.resource() + " " + d.d().path()).toList(), () -> "" + ds);
        Difference retention = ds.get(0).d();
        assertEquals(Change.CHANGED, retention.change());
        assertEquals(14, retention.planned().value().get());
        assertEquals(1, retention.actual().value().get());
        assertEquals(PLAN_NAME, retention.planned().at().file());
        assertEquals(ReferenceArchitecture.displayName(variant), retention.actual().at().file());
        assertTrue(retention.planned().at().pointer().endsWith("/change/after/backup_retention_period"),
                retention.planned().at()::toString);
        assertTrue(retention.actual().at().pointer().endsWith("/change/after/backup_retention_period"));
        assertTrue(r.missing().isEmpty() && r.unmanaged().isEmpty());
        assertEquals(DriftReport.Status.DRIFT, r.status());
    }

    @Test
    void rotationVariantShowsOnlyRotation() {
        DriftReport r = Drift.compare(load(PLAN), load("variants/terraform/ENC-011-no-rotation.tfplan.json"));
        List<Diff> ds = diffs(r);
        assertEquals(1, ds.size(), () -> "" + ds);
        assertEquals("aws_kms_key.rds", ds.get(0).resource());
        assertEquals("rotationEnabled", ds.get(0).d().path());
        assertEquals(true, ds.get(0).d().planned().value().get());
        assertEquals(false, ds.get(0).d().actual().value().get());
        assertTrue(ds.get(0).d().actual().at().pointer().endsWith("/enable_key_rotation"));
    }

    @Test
    void addedSecurityGroupRuleIsOneAddedElementNotAReorderedList() {
        String variant = "variants/terraform/NET-009-ssh-open.tfplan.json";
        DriftReport r = Drift.compare(load(PLAN), load(variant));
        List<Diff> ds = diffs(r);
        assertEquals(1, ds.size(), () -> "" + ds);
        Difference d = ds.get(0).d();
        assertEquals("aws_security_group.eks_nodes", ds.get(0).resource());
        assertEquals(Change.ADDED, d.change());
        assertNull(d.planned());
        assertTrue(d.path().startsWith("rules["), d.path());
        assertTrue(d.actual().display().contains("fromPort=22") && d.actual().display().contains("0.0.0.0/0"),
                d.actual().display());
        assertEquals(ReferenceArchitecture.displayName(variant), d.actual().at().file());
        assertNotNull(d.actual().at().pointer(), "the rule resource's place in the plan");
    }

    @Test
    void removedRuleIsOneRemovedElement() {
        // The variant lacks the nodes' ingress from the ALB group: the plan has a rule the other side has not.
        DriftReport r = Drift.compare(load(PLAN), load("variants/terraform/NET-006-nodes-not-from-alb.tfplan.json"));
        List<Diff> ds = diffs(r);
        assertEquals(1, ds.size(), () -> "" + ds);
        assertEquals(Change.REMOVED, ds.get(0).d().change());
        assertNull(ds.get(0).d().actual());
        assertEquals(PLAN_NAME, ds.get(0).d().planned().at().file());
    }

    @Test
    void everyTerraformVariantDriftsOnlyInsideItsOwnPlan() {
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            if (!v.file().startsWith("variants/terraform/")) continue;
            DriftReport r = Drift.compare(load(PLAN), load(v.file()));
            for (Diff d : diffs(r)) {
                if (d.d().planned() != null) assertEquals(PLAN_NAME, d.d().planned().at().file(), d::toString);
                if (d.d().actual() != null) {
                    assertEquals(ReferenceArchitecture.displayName(v.file()), d.d().actual().at().file(), d::toString);
                }
            }
            // A variant that makes a value unknown (AZs left to RDS) is incomplete, never in sync; one that leaves a
            // resource out (ENC-003's default key, so the account's key is unknown) drifts by that missing resource.
            boolean removes = !r.missing().isEmpty();
            assertEquals("UNKNOWN".equals(v.expected()) && !removes ? DriftReport.Status.INCOMPLETE
                    : DriftReport.Status.DRIFT, r.status(), v.file());
        }
    }
}
