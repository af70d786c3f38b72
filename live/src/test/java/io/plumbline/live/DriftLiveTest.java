package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.drift.Drift;
import io.plumbline.drift.DriftReport;
import io.plumbline.drift.DriftReport.Change;
import io.plumbline.drift.DriftReport.Difference;
import io.plumbline.drift.DriftReport.Match;
import io.plumbline.live.collect.Ec2Collector;
import io.plumbline.live.collect.RdsCollector;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drift between a Terraform plan that manages what was seeded into moto and the live account, before and after
 * changes made by hand through the SDK (as someone would in the console).
 */
@ExtendWith(MotoServer.class)
class DriftLiveTest {
    static final String PLAN_FILE = "drift.tfplan.json";
    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static Model plan(SeedDrift.Seeded s) {
        return Inputs.load(PLAN_FILE, SeedDrift.plan(s).getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT);
    }

    private static Match match(DriftReport r, String plannedAddress) {
        return r.matched().stream().filter(m -> m.planned().address().equals(plannedAddress)).findFirst()
                .orElseThrow(() -> new AssertionError(plannedAddress + " not matched: " + r));
    }

    private static List<String> differences(DriftReport r) {
        List<String> out = new ArrayList<>();
        for (Match m : r.matched()) for (Difference d : m.differences()) out.add(m.planned().address() + " " + d);
        return out;
    }

    @Test
    void planOfWhatWasSeededIsInSyncWithTheAccount() {
        SeedDrift.Seeded s = SeedDrift.seed(moto);
        DriftReport r = Drift.compare(plan(s), LiveAudit.collect(moto.options()));
        assertEquals(DriftReport.Status.IN_SYNC, r.status(), () -> "differences " + differences(r) + "\nnot comparable "
                + r.matched().stream().flatMap(m -> m.notComparable().stream()).toList() + "\n" + r);
        assertEquals(3, r.matched().size());
        String vpcArn = s.vpcArn();
        assertEquals(vpcArn, match(r, "aws_vpc.main").actual().address());
        assertEquals("aws id " + s.vpc(), match(r, "aws_vpc.main").matchedBy());
        assertEquals("aws id " + s.group(), match(r, "aws_security_group.db").matchedBy());
        assertEquals(s.cluster().dbClusterArn(), match(r, "aws_rds_cluster.db").actual().address());
        assertTrue(r.unmanaged().isEmpty(), () -> "the default VPC and group are AWS's, not unmanaged: " + r.unmanaged());
        assertTrue(r.scope().actualOutOfScope() > 0, "the default VPC, its subnets and group were left out");
        // The plan carries settings a running cluster does not report (skip_final_snapshot): skipped, and counted.
        assertTrue(match(r, "aws_rds_cluster.db").skippedActualLacks() > 0);
    }

    @Test
    void ruleAddedByHandAndRetentionChangedInTheConsoleAreExactlyTheDrift() {
        SeedDrift.Seeded s = SeedDrift.seed(moto);
        Model planned = plan(s);
        SeedDrift.openSsh(moto, s.group());
        SeedDrift.shortenRetention(moto, 1);
        DriftReport r = Drift.compare(planned, LiveAudit.collect(moto.options()));

        assertEquals(DriftReport.Status.DRIFT, r.status());
        List<String> all = differences(r);
        assertEquals(2, all.size(), () -> "" + all);
        assertTrue(r.missing().isEmpty() && r.unmanaged().isEmpty() && r.uncompared().isEmpty(), r::toString);

        Match group = match(r, "aws_security_group.db");
        assertEquals(1, group.differences().size());
        Difference rule = group.differences().get(0);
        assertEquals(Change.ADDED, rule.change(), "an added rule, not a reordered list");
        assertNull(rule.planned());
        assertTrue(rule.path().startsWith("rules[") && rule.path().contains("fromPort=22")
                && rule.path().contains("0.0.0.0/0"), rule.path());
        assertEquals(s.groupArn(), rule.actual().at().arn());
        assertEquals(Ec2Collector.DESCRIBE_SECURITY_GROUPS, rule.actual().at().operation());
        assertEquals(SeedDrift.ACCOUNT, rule.actual().at().account());
        assertEquals(MotoServer.REGION, rule.actual().at().region());

        Match cluster = match(r, "aws_rds_cluster.db");
        assertEquals(1, cluster.differences().size());
        Difference retention = cluster.differences().get(0);
        assertEquals("backupRetentionPeriod", retention.path());
        assertEquals(Change.CHANGED, retention.change());
        assertEquals(SeedDrift.RETENTION, retention.planned().value().get());
        assertEquals(PLAN_FILE, retention.planned().at().file());
        assertEquals("/resource_changes/2/change/after/backup_retention_period", retention.planned().at().pointer());
        assertEquals(1, retention.actual().value().get());
        assertEquals(s.cluster().dbClusterArn(), retention.actual().at().arn());
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTERS, retention.actual().at().operation());

        assertTrue(match(r, "aws_vpc.main").inSync());
    }

    @Test
    void deniedRdsMakesTheClusterNotComparedNeverMissingNorInSync() throws Exception {
        SeedDrift.Seeded s = SeedDrift.seed(moto);
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("rds"))) {
            AuditOptions o = new AuditOptions(proxy.endpoint(), List.of(MotoServer.REGION), MotoServer.CREDENTIALS,
                    java.time.Duration.ofSeconds(30), software.amazon.awssdk.core.retry.RetryMode.ADAPTIVE_V2);
            DriftReport r = Drift.compare(plan(s), LiveAudit.collect(o));
            assertTrue(r.missing().isEmpty(), () -> "a cluster that could not be read is not missing: " + r.missing());
            assertEquals(1, r.uncompared().size());
            assertEquals(Kind.DB_CLUSTER, r.uncompared().get(0).planned().kind());
            assertTrue(r.uncompared().get(0).reason().contains(RdsCollector.DESCRIBE_DB_CLUSTERS),
                    r.uncompared().get(0).reason());
            assertEquals(DriftReport.Status.INCOMPLETE, r.status());
        }
    }
}
