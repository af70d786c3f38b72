package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.GlobalCluster;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class RdsCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static DbSubnetGroup group(Model m, String name) {
        List<DbSubnetGroup> g = m.all(DbSubnetGroup.class).stream().filter(x -> x.name.is(name)).toList();
        assertEquals(1, g.size(), () -> "" + m.all(DbSubnetGroup.class));
        return g.get(0);
    }

    private static String subnetArn(String id) {
        return "arn:aws:ec2:eu-west-1:" + SeedData.ACCOUNT + ":subnet/" + id;
    }

    @Test
    void subnetGroupsAreCollectedWithSubnetsThatResolveToTheirAzs() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.dbSubnetGroup(moto, "data-db", net.dataA(), net.dataB());
        Model m = SeedData.collect(moto, new Ec2Collector(), new RdsCollector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        DbSubnetGroup g = group(m, "data-db");
        String arn = "arn:aws:rds:eu-west-1:" + SeedData.ACCOUNT + ":subgrp:data-db";
        assertEquals(arn, g.address());
        assertEquals(Certainty.EXPLICIT, g.subnets.certainty());
        assertEquals(RdsCollector.DESCRIBE_DB_SUBNET_GROUPS, g.subnets.provenance().operation());
        assertEquals(arn, g.subnets.provenance().arn());
        assertEquals(List.of(new Ref(net.dataA()), new Ref(net.dataB())), g.subnets.get());
        Set<String> azs = g.subnets.get().stream()
                .map(r -> m.resolve(g, r, Subnet.class).orElseThrow().availabilityZone.get())
                .collect(Collectors.toSet());
        assertEquals(Set.of("eu-west-1a", "eu-west-1b"), azs);
        assertEquals(Certainty.UNKNOWN, g.tags.certainty(), "DescribeDBSubnetGroups has no tags");
    }

    @Test
    void net013JudgesTheSubnetsOfASubnetGroup() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.dbSubnetGroup(moto, "data-db", net.dataA(), net.dataB());
        SeedData.dbSubnetGroup(moto, "leaky-db", net.dataA(), net.publicC());
        Model m = SeedData.collect(moto, new Ec2Collector(), new RdsCollector()).model();
        // compliant: a private data subnet, only the local route
        assertEquals(Status.PASS, SeedData.finding(m, "NET-013", subnetArn(net.dataB())).status());
        // non-compliant: the public subnet is in a DB subnet group, and its table routes 0.0.0.0/0 to an IGW
        var leak = SeedData.finding(m, "NET-013", subnetArn(net.publicC()));
        assertEquals(Status.FAIL, leak.status(), leak.toString());
        assertTrue(leak.evidence().toString().contains("leaky-db"), leak.toString());
    }

    @Test
    void clusterPortGlobalClusterAndSubnetGroupAreFilled() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.dbSubnetGroup(moto, "data-db", net.dataA(), net.dataB());
        try (var rds = SeedData.rds(moto)) {
            rds.createDBCluster(b -> b.dbClusterIdentifier("ledger").engine("aurora-postgresql")
                    .engineVersion("15.4").masterUsername("app").masterUserPassword("not-a-secret-123")
                    .port(5433).dbSubnetGroupName("data-db").storageEncrypted(true));
        }
        Model m = SeedData.collect(moto, new Ec2Collector(), new RdsCollector()).model();
        DbCluster c = m.all(DbCluster.class).get(0);
        assertEquals(5433, c.port.get());
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTERS, c.port.provenance().operation());
        assertEquals(Certainty.EXPLICIT, c.globalCluster.certainty());
        assertNull(c.globalCluster.get(), "not a member of a global database");
        assertSame(group(m, "data-db"), m.resolve(c, c.subnetGroup.get(), DbSubnetGroup.class).orElseThrow());
    }

    @Test
    void globalDatabasesAreCollectedWithTheirMembersAndTheClusterLinksToItsGlobalDatabase() {
        String primaryArn = SeedData.globalDatabase(moto, "orders-global", "orders", "orders-dr");
        Model m = SeedData.collect(moto, new RdsCollector()).model();
        List<GlobalCluster> globals = m.all(GlobalCluster.class);
        assertEquals(1, globals.size(), () -> "" + globals);
        GlobalCluster g = globals.get(0);
        assertEquals("orders-global", g.name.get());
        assertEquals(List.of(new Ref(primaryArn), new Ref(primaryArn.replace(MotoServer.REGION, SeedData.SECONDARY)
                .replace(":orders", ":orders-dr"))), g.members.get());
        assertEquals(new Ref(primaryArn), g.writer.get());
        assertEquals(RdsCollector.DESCRIBE_GLOBAL_CLUSTERS, g.members.provenance().operation());
        DbCluster c = m.all(DbCluster.class).get(0);
        assertTrue(c.globalClusterLink.isPresent(), "the cluster names its global database");
        assertSame(g, m.resolve(c, c.globalClusterLink.get(), GlobalCluster.class).orElseThrow());
        assertSame(c, m.resolve(g, g.members.get().get(0), DbCluster.class).orElseThrow());
    }

    @Test
    void deniedSubnetGroupsAreAGapWhileClustersStay() {
        SeedData.Net net = SeedData.network(moto);
        SeedData.dbSubnetGroup(moto, "data-db", net.dataA(), net.dataB());
        try (var rds = SeedData.rds(moto)) {
            rds.createDBCluster(b -> b.dbClusterIdentifier("ledger").engine("aurora-postgresql")
                    .masterUsername("app").masterUserPassword("not-a-secret-123"));
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("DescribeDBSubnetGroups"), seen),
                new RdsCollector());
        assertTrue(run.model().all(DbSubnetGroup.class).isEmpty());
        assertEquals(1, run.model().all(DbCluster.class).size());
        assertEquals(List.of(Kind.DB_SUBNET_GROUP), run.model().gaps().stream().map(g -> g.kind()).toList());
        assertEquals(RdsCollector.DESCRIBE_DB_SUBNET_GROUPS, run.model().gaps().get(0).operation());
    }

    @Test
    void clusterSnapshotsAndTheirCrossRegionCopiesAreCollected() {
        try (var primary = SeedData.rds(moto); var secondary = software.amazon.awssdk.services.rds.RdsClient.builder()
                .endpointOverride(moto.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build()) {
            primary.createDBCluster(b -> b.dbClusterIdentifier("orders").engine("aurora-postgresql")
                    .masterUsername("app").masterUserPassword("not-a-secret-123").storageEncrypted(true));
            String source = primary.createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders")
                    .dbClusterSnapshotIdentifier("orders-nightly")).dbClusterSnapshot().dbClusterSnapshotArn();
            secondary.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                    .targetDBClusterSnapshotIdentifier("orders-nightly-dr"));
        }
        Model eu = SeedData.collect(moto, new RdsCollector()).model();
        var nightly = eu.all(io.plumbline.model.data.DbClusterSnapshot.class).stream()
                .filter(x -> x.name.is("orders-nightly")).findFirst().orElseThrow(() -> new AssertionError(
                        "snapshots in eu-west-1: " + eu.all(io.plumbline.model.data.DbClusterSnapshot.class)));
        assertEquals(new Ref("orders"), nightly.cluster.get());
        assertEquals(true, nightly.storageEncrypted.get());
        assertEquals("manual", nightly.snapshotType.get());
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTER_SNAPSHOTS, nightly.snapshotType.provenance().operation());
        assertTrue(nightly.createdAt.isPresent());
        assertTrue(nightly.copiedFrom.isKnown() && nightly.copiedFrom.get() == null, "the original is no copy");

        Model us = SeedData.collect(moto, "us-east-1", new RdsCollector()).model();
        var copy = us.all(io.plumbline.model.data.DbClusterSnapshot.class).stream()
                .filter(x -> x.name.is("orders-nightly-dr")).findFirst().orElseThrow(() -> new AssertionError(
                        "snapshots in us-east-1: " + us.all(io.plumbline.model.data.DbClusterSnapshot.class)));
        assertTrue(copy.address().startsWith("arn:aws:rds:us-east-1:"), copy.address());
        assertEquals(true, copy.storageEncrypted.get());
        assertEquals(new Ref("orders"), copy.cluster.get());
        // moto 5.2.5 gap: a copy comes back without SourceDBClusterSnapshotArn, which AWS sets on every copy (RDS API
        // reference, DBClusterSnapshot). The collector passes on what the API says: explicit, here null.
        assertEquals(io.plumbline.model.Certainty.EXPLICIT, copy.copiedFrom.certainty());
    }

    @Test
    void clusterParameterGroupsInUseAreReadAndDecideEnc007() {
        try (var rds = SeedData.rds(moto)) {
            for (String name : List.of("pg-tls", "pg-plain")) {
                rds.createDBClusterParameterGroup(b -> b.dbClusterParameterGroupName(name)
                        .dbParameterGroupFamily("aurora-postgresql16").description(name));
            }
            rds.modifyDBClusterParameterGroup(b -> b.dbClusterParameterGroupName("pg-tls").parameters(
                    p -> p.parameterName("rds.force_ssl").parameterValue("1").applyMethod("immediate")));
            rds.modifyDBClusterParameterGroup(b -> b.dbClusterParameterGroupName("pg-plain").parameters(
                    p -> p.parameterName("rds.force_ssl").parameterValue("0").applyMethod("immediate")));
            for (String[] c : new String[][] {{"tls", "pg-tls"}, {"plain", "pg-plain"}}) {
                rds.createDBCluster(b -> b.dbClusterIdentifier(c[0]).engine("aurora-postgresql").engineVersion("16.4")
                        .masterUsername("app").masterUserPassword("not-a-secret-123")
                        .dbClusterParameterGroupName(c[1]));
            }
            rds.createDBCluster(b -> b.dbClusterIdentifier("defaulted").engine("aurora-postgresql")
                    .engineVersion("16.4").masterUsername("app").masterUserPassword("not-a-secret-123"));
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of(), seen), new RdsCollector());
        Model m = run.model();
        var groups = m.all(io.plumbline.model.data.DbClusterParameterGroup.class);
        assertEquals(Set.of("pg-tls", "pg-plain"), groups.stream().map(g -> g.name.get()).collect(Collectors.toSet()),
                "only the groups in use that exist (moto names no real default group)");
        var tls = groups.stream().filter(g -> g.name.is("pg-tls")).findFirst().orElseThrow();
        assertEquals("1", tls.parameters.get().get("rds.force_ssl"));
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTER_PARAMETERS, tls.parameters.provenance().operation());
        assertTrue(m.gaps().isEmpty(), () -> "" + m.gaps());
        String arn = "arn:aws:rds:eu-west-1:" + SeedData.ACCOUNT + ":cluster:";
        assertEquals(Status.PASS, SeedData.finding(m, "ENC-007", arn + "tls").status());
        var plain = SeedData.finding(m, "ENC-007", arn + "plain");
        assertEquals(Status.FAIL, plain.status(), plain.toString());
        assertEquals(RdsCollector.DESCRIBE_DB_CLUSTER_PARAMETERS, plain.location().operation(), plain.toString());
        // no group named: the engine default of Aurora PostgreSQL 16 (0) decides
        assertEquals(Status.FAIL, SeedData.finding(m, "ENC-007", arn + "defaulted").status());
    }

    @Test
    void deniedClusterParametersAreAGapAndEnc007IsUnknown() {
        try (var rds = SeedData.rds(moto)) {
            rds.createDBClusterParameterGroup(b -> b.dbClusterParameterGroupName("pg-tls")
                    .dbParameterGroupFamily("aurora-postgresql16").description("tls"));
            rds.createDBCluster(b -> b.dbClusterIdentifier("tls").engine("aurora-postgresql").engineVersion("16.4")
                    .masterUsername("app").masterUserPassword("not-a-secret-123").dbClusterParameterGroupName("pg-tls"));
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("DescribeDBClusterParameters"), seen),
                new RdsCollector());
        assertEquals(List.of(Kind.DB_CLUSTER_PARAMETER_GROUP), run.model().gaps().stream().map(g -> g.kind()).toList());
        var f = SeedData.finding(run.model(), "ENC-007", "arn:aws:rds:eu-west-1:" + SeedData.ACCOUNT + ":cluster:tls");
        assertEquals(Status.UNKNOWN, f.status(), f.toString());
    }
}
