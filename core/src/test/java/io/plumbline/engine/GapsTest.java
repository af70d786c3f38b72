package io.plumbline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapsTest {

    @RuleInfo(id = "T-DB", title = "clusters have backups", severity = Severity.HIGH, group = "t", rationale = "r",
            remediation = "m", reads = {Kind.DB_CLUSTER})
    static final class ClusterRule implements Rule {
        @Override
        public void check(RuleContext ctx) {
            for (DbCluster c : ctx.model().all(DbCluster.class)) {
                if (c.backupRetentionPeriod.orElse(0) >= 7) ctx.pass(c, "7 days or more");
                else ctx.fail(c, "less than 7 days");
            }
        }
    }

    @RuleInfo(id = "T-SG", title = "groups", severity = Severity.LOW, group = "t", rationale = "r", remediation = "m",
            reads = {Kind.SECURITY_GROUP})
    static final class GroupRule implements Rule {
        @Override
        public void check(RuleContext ctx) {
            for (SecurityGroup g : ctx.model().all(SecurityGroup.class)) ctx.pass(g, "fine");
        }
    }

    private static DbCluster cluster(String region, int days) {
        String arn = "arn:aws:rds:" + region + ":111111111111:cluster:c-" + region;
        Provenance p = Provenance.live("111111111111", region, arn, "rds:DescribeDBClusters");
        DbCluster c = new DbCluster(arn, "rds:DBCluster", p);
        c.backupRetentionPeriod = Value.explicit(days, p);
        return c;
    }

    private static SecurityGroup group(String region) {
        String arn = "arn:aws:ec2:" + region + ":111111111111:security-group/sg-1";
        return new SecurityGroup(arn, "ec2:SecurityGroup", Provenance.live("111111111111", region, arn,
                "ec2:DescribeSecurityGroups"));
    }

    private static final Gap INSTANCES_DENIED_IN_EU = new Gap("111111111111", "eu-west-1", Kind.DB_CLUSTER,
            "rds:DescribeDBClusters", "AccessDenied: not authorized");

    @Test
    void verdictsInsideTheGapBecomeUnknownAndOneFindingNamesTheGap() {
        Model m = new Model(List.of(cluster("eu-west-1", 1), cluster("us-east-1", 1), cluster("us-east-1", 30)
                ), List.of(), List.of(), List.of(INSTANCES_DENIED_IN_EU));
        List<Finding> fs = Engine.evaluate(m, null, List.of(new ClusterRule())).findings();
        Finding eu = fs.stream().filter(f -> f.resource().startsWith("arn:") && f.resource().contains("eu-west-1")).findFirst().orElseThrow();
        assertEquals(Status.UNKNOWN, eu.status(), eu.toString());
        assertTrue(eu.message().contains("rds:DescribeDBClusters") && eu.message().contains("FAIL"), eu.message());
        // outside the gap's region the verdicts stand
        assertEquals(2, fs.stream().filter(f -> f.resource().contains("us-east-1") && f.status() != Status.UNKNOWN)
                .count(), fs::toString);
        Finding scope = fs.stream().filter(f -> f.resource().equals("111111111111/eu-west-1")).findFirst()
                .orElseThrow(() -> new AssertionError("no finding names the gap: " + fs));
        assertEquals(Status.UNKNOWN, scope.status());
        assertTrue(scope.message().contains("AccessDenied"), scope.message());
    }

    @Test
    void aGapLeavesRulesThatDoNotReadItsKindAlone() {
        Model m = new Model(List.of(group("eu-west-1")), List.of(), List.of(), List.of(INSTANCES_DENIED_IN_EU));
        List<Finding> fs = Engine.evaluate(m, null, List.of(new GroupRule())).findings();
        assertEquals(List.of(Status.PASS), fs.stream().map(Finding::status).toList());
    }

    @Test
    void anEmptyKindInAGapIsNeverCompliantByAbsence() {
        Model m = new Model(List.of(), List.of(), List.of(), List.of(INSTANCES_DENIED_IN_EU));
        List<Finding> fs = Engine.evaluate(m, null, List.of(new ClusterRule())).findings();
        assertEquals(1, fs.size(), fs::toString);
        assertEquals(Status.UNKNOWN, fs.get(0).status());
    }

    @Test
    void withoutGapsNothingChanges() {
        Model m = new Model(List.of(cluster("eu-west-1", 1)), List.of(), List.of());
        assertEquals(List.of(Status.FAIL), Engine.evaluate(m, null, List.of(new ClusterRule())).findings().stream()
                .map(Finding::status).toList());
    }
}
