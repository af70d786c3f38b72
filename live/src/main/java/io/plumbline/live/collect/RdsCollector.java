package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.ref;
import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.data.GlobalCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/** RDS collectors: DB clusters, DB instances and DB subnet groups. */
public final class RdsCollector implements Collector {

    public static final String DESCRIBE_DB_CLUSTERS = "rds:DescribeDBClusters";
    public static final String DESCRIBE_DB_INSTANCES = "rds:DescribeDBInstances";
    public static final String DESCRIBE_DB_SUBNET_GROUPS = "rds:DescribeDBSubnetGroups";
    public static final String DESCRIBE_DB_CLUSTER_SNAPSHOTS = "rds:DescribeDBClusterSnapshots";
    public static final String DESCRIBE_DB_CLUSTER_PARAMETERS = "rds:DescribeDBClusterParameters";
    public static final String DESCRIBE_GLOBAL_CLUSTERS = "rds:DescribeGlobalClusters";

    private RdsClient rds;
    private CollectContext ctx;

    @Override
    public String service() {
        return "rds";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.DB_CLUSTER_SNAPSHOT, Kind.DB_CLUSTER_PARAMETER_GROUP, Kind.GLOBAL_CLUSTER);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (RdsClient client = clients.rds(ctx.region())) {
            this.rds = client;
            collectAll();
        }
    }

    private void collectAll() {
        List<DbCluster> clusters = ctx.collect(Kind.DB_CLUSTER, "DB clusters", DESCRIBE_DB_CLUSTERS,
                () -> clusters(writers));
        List<DbInstance> instances = ctx.collect(Kind.DB_INSTANCE, "DB instances", DESCRIBE_DB_INSTANCES,
                this::instances);
        if (ctx.failed(DESCRIBE_DB_INSTANCES)) {
            ctx.withdraw(Kind.DB_CLUSTER, clusters, "DB clusters, because their instances could not be collected: "
                    + "rules on a cluster's members (readers, AZs, public access) cannot decide", DESCRIBE_DB_INSTANCES);
            clusters = List.of();
        }
        if (!clusters.isEmpty() || !instances.isEmpty()) markWriters(instances);
        ctx.collect(Kind.DB_SUBNET_GROUP, "DB subnet groups", DESCRIBE_DB_SUBNET_GROUPS, this::subnetGroups);
        ctx.collect(Kind.DB_CLUSTER_SNAPSHOT, "DB cluster snapshots", DESCRIBE_DB_CLUSTER_SNAPSHOTS,
                this::clusterSnapshots);
        List<DbCluster> withGroups = clusters;
        ctx.collect(Kind.DB_CLUSTER_PARAMETER_GROUP, "DB cluster parameter groups", DESCRIBE_DB_CLUSTER_PARAMETERS,
                () -> clusterParameterGroups(withGroups));
        ctx.collect(Kind.GLOBAL_CLUSTER, "Aurora global databases", DESCRIBE_GLOBAL_CLUSTERS, this::globalClusters);
    }

    /**
     * The parameter groups the region's clusters use, default groups included, each with every parameter that has a
     * value (engine defaults too): the effective settings, which is what ENC-007 needs. Only the groups in use are
     * read, one paginated call each.
     */
    public List<io.plumbline.model.data.DbClusterParameterGroup> clusterParameterGroups(List<DbCluster> clusters) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (DbCluster c : clusters) {
            if (c.parameterGroup.isPresent() && !c.parameterGroup.get().isBlank()) names.add(c.parameterGroup.get());
        }
        List<io.plumbline.model.data.DbClusterParameterGroup> out = new ArrayList<>();
        for (String name : names) {
            String arn = "arn:" + ctx.partition() + ":rds:" + ctx.region() + ":" + ctx.account() + ":cluster-pg:" + name;
            Provenance p = ctx.at(arn, DESCRIBE_DB_CLUSTER_PARAMETERS);
            var r = new io.plumbline.model.data.DbClusterParameterGroup(arn, "rds:DBClusterParameterGroup", p);
            r.awsId = v(arn, p);
            r.name = v(name, p);
            r.region = v(ctx.region(), p);
            r.addAlias(arn);
            r.addAlias(name);
            Map<String, String> values = new LinkedHashMap<>();
            try {
                for (var page : rds.describeDBClusterParametersPaginator(b -> b.dbClusterParameterGroupName(name))) {
                    for (var x : page.parameters()) {
                        if (x.parameterName() != null && x.parameterValue() != null) {
                            values.put(x.parameterName(), x.parameterValue());
                        }
                    }
                }
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                // A group deleted since DescribeDBClusters (or, in emulators, a default group never created) is not
                // there to read: left out, so the rule reasons from the engine default or says it cannot tell.
                if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                        && e.awsErrorDetails().errorCode().contains("ParameterGroupNotFound")) {
                    continue;
                }
                throw e;
            }
            r.parameters = v(java.util.Collections.unmodifiableMap(values), p);
            out.add(r);
        }
        return out;
    }

    /**
     * Global databases with their members (every member's cluster ARN, whatever its region) and the writer. The
     * account's global databases are listed from each region audited; their ARN is the same, so they pair up.
     */
    public List<GlobalCluster> globalClusters() {
        List<GlobalCluster> out = new ArrayList<>();
        for (var page : rds.describeGlobalClustersPaginator(b -> { })) {
            for (var x : page.globalClusters()) {
                String arn = x.globalClusterArn();
                Provenance p = ctx.at(arn, DESCRIBE_GLOBAL_CLUSTERS);
                GlobalCluster g = new GlobalCluster(arn, "rds:GlobalCluster", p);
                g.name = v(x.globalClusterIdentifier(), p);
                g.addAlias(arn);
                g.addAlias(x.globalClusterIdentifier());
                g.engine = v(x.engine(), p);
                g.storageEncrypted = v(x.storageEncrypted(), p);
                List<Ref> members = new ArrayList<>();
                Ref writer = null;
                for (var m : x.globalClusterMembers()) {
                    members.add(new Ref(m.dbClusterArn()));
                    if (Boolean.TRUE.equals(m.isWriter())) writer = new Ref(m.dbClusterArn());
                }
                g.members = v(List.copyOf(members), p);
                g.writer = v(writer, p);
                out.add(g);
            }
        }
        return out;
    }

    /**
     * The region's cluster snapshots, automated and manual (the API's default listing): in a secondary region, the
     * copies of the primary's snapshots, each naming its source ARN.
     */
    public List<io.plumbline.model.data.DbClusterSnapshot> clusterSnapshots() {
        List<io.plumbline.model.data.DbClusterSnapshot> out = new ArrayList<>();
        for (var page : rds.describeDBClusterSnapshotsPaginator(b -> { })) {
            for (var x : page.dbClusterSnapshots()) {
                String arn = x.dbClusterSnapshotArn() != null ? x.dbClusterSnapshotArn()
                        : "arn:" + ctx.partition() + ":rds:" + ctx.region() + ":" + ctx.account() + ":cluster-snapshot:"
                        + x.dbClusterSnapshotIdentifier();
                Provenance p = ctx.at(arn, DESCRIBE_DB_CLUSTER_SNAPSHOTS);
                var r = new io.plumbline.model.data.DbClusterSnapshot(arn, "rds:DBClusterSnapshot", p);
                common(r, x.dbClusterSnapshotIdentifier(), arn, tags(x.tagList()), p);
                r.cluster = ref(x.dbClusterIdentifier(), p);
                r.snapshotType = v(x.snapshotType(), p);
                r.storageEncrypted = v(x.storageEncrypted(), p);
                r.kmsKey = ref(x.kmsKeyId(), p);
                r.createdAt = v(x.snapshotCreateTime() == null ? null : x.snapshotCreateTime().toString(), p);
                r.copiedFrom = v(x.sourceDBClusterSnapshotArn(), p);
                out.add(r);
            }
        }
        return out;
    }

    /** Instance identifier → whether it is its cluster's writer (from DescribeDBClusters' DBClusterMembers). */
    private final Map<String, Value<Boolean>> writers = new HashMap<>();

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        if (tags != null) for (Tag t : tags) m.put(t.key(), t.value());
        return m;
    }

    private void common(Resource r, String identifier, String arn, Map<String, String> tags, Provenance p) {
        r.awsId = v(arn, p);
        r.name = v(identifier, p);
        r.tags = v(tags, p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(identifier);
    }

    public List<DbCluster> clusters(Map<String, Value<Boolean>> writerOut) {
        List<DbCluster> out = new ArrayList<>();
        for (var page : rds.describeDBClustersPaginator(b -> { })) {
            for (var x : page.dbClusters()) {
                String arn = x.dbClusterArn() != null ? x.dbClusterArn()
                        : "arn:" + ctx.partition() + ":rds:" + ctx.region() + ":" + ctx.account() + ":cluster:"
                        + x.dbClusterIdentifier();
                Provenance p = ctx.at(arn, DESCRIBE_DB_CLUSTERS);
                DbCluster r = new DbCluster(arn, "rds:DBCluster", p);
                common(r, x.dbClusterIdentifier(), arn, tags(x.tagList()), p);
                r.addAlias(x.dbClusterResourceId());
                r.engine = v(x.engine(), p);
                r.engineMode = v(x.engineMode(), p);
                r.engineVersion = v(x.engineVersion(), p);
                r.storageEncrypted = v(x.storageEncrypted(), p);
                r.kmsKey = ref(x.kmsKeyId(), p);
                r.backupRetentionPeriod = v(x.backupRetentionPeriod(), p);
                r.deletionProtection = v(x.deletionProtection(), p);
                r.subnetGroup = ref(x.dbSubnetGroup(), p);
                r.securityGroups = v(x.vpcSecurityGroups().stream().map(g -> new Ref(g.vpcSecurityGroupId()))
                        .toList(), p);
                r.storageAvailabilityZones = v(List.copyOf(x.availabilityZones()), p);
                r.multiAz = v(x.multiAZ(), p);
                r.iamAuthentication = v(x.iamDatabaseAuthenticationEnabled(), p);
                r.masterPasswordManaged = v(x.masterUserSecret() != null, p);
                r.enabledLogExports = v(List.copyOf(x.enabledCloudwatchLogsExports()), p);
                // The snapshot a cluster was restored from is not reported by DescribeDBClusters: it stays unknown.
                r.restoredFromSnapshot = Value.notInInput();
                r.globalCluster = v(x.globalClusterIdentifier(), p);
                r.globalClusterLink = v(x.globalClusterIdentifier() == null || x.globalClusterIdentifier().isEmpty()
                        ? null : new Ref(x.globalClusterIdentifier()), p);
                r.parameterGroup = v(x.dbClusterParameterGroup(), p);
                r.port = v(x.port(), p);
                // skipFinalSnapshot / finalSnapshotIdentifier / deletionPolicy are settings of a delete call or of a
                // template, not of a running cluster: they stay notInInput (unknown).
                for (var m : x.dbClusterMembers()) {
                    writerOut.put(m.dbInstanceIdentifier(), v(m.isClusterWriter(), p));
                }
                out.add(r);
            }
        }
        return out;
    }

    public List<DbInstance> instances() {
        List<DbInstance> out = new ArrayList<>();
        for (var page : rds.describeDBInstancesPaginator(b -> { })) {
            for (var x : page.dbInstances()) {
                String arn = x.dbInstanceArn() != null ? x.dbInstanceArn()
                        : "arn:" + ctx.partition() + ":rds:" + ctx.region() + ":" + ctx.account() + ":db:"
                        + x.dbInstanceIdentifier();
                Provenance p = ctx.at(arn, DESCRIBE_DB_INSTANCES);
                DbInstance r = new DbInstance(arn, "rds:DBInstance", p);
                common(r, x.dbInstanceIdentifier(), arn, tags(x.tagList()), p);
                r.addAlias(x.dbiResourceId());
                r.cluster = ref(x.dbClusterIdentifier(), p);
                r.engine = v(x.engine(), p);
                r.availabilityZone = v(x.availabilityZone(), p);
                r.publiclyAccessible = v(x.publiclyAccessible(), p);
                r.subnetGroup = ref(x.dbSubnetGroup() == null ? null : x.dbSubnetGroup().dbSubnetGroupName(), p);
                r.instanceClass = v(x.dbInstanceClass(), p);
                r.promotionTier = v(x.promotionTier(), p);
                r.storageEncrypted = v(x.storageEncrypted(), p);
                r.kmsKey = ref(x.kmsKeyId(), p);
                r.multiAz = v(x.multiAZ(), p);
                out.add(r);
            }
        }
        return out;
    }

    /**
     * DB subnet groups with their subnets as references to the subnet ids (resolved against the EC2 collector's
     * subnets, which carry the AZs). Instances and clusters name their group, so the name is an alias.
     */
    public List<DbSubnetGroup> subnetGroups() {
        List<DbSubnetGroup> out = new ArrayList<>();
        for (var page : rds.describeDBSubnetGroupsPaginator(b -> { })) {
            for (var x : page.dbSubnetGroups()) {
                String arn = x.dbSubnetGroupArn() != null ? x.dbSubnetGroupArn()
                        : "arn:" + ctx.partition() + ":rds:" + ctx.region() + ":" + ctx.account() + ":subgrp:"
                        + x.dbSubnetGroupName();
                Provenance p = ctx.at(arn, DESCRIBE_DB_SUBNET_GROUPS);
                DbSubnetGroup r = new DbSubnetGroup(arn, "rds:DBSubnetGroup", p);
                // DescribeDBSubnetGroups carries no tags (rds:ListTagsForResource would): tags stay unknown.
                r.awsId = v(arn, p);
                r.name = v(x.dbSubnetGroupName(), p);
                r.region = v(ctx.region(), p);
                r.addAlias(arn);
                r.addAlias(x.dbSubnetGroupName());
                r.subnets = v(x.subnets().stream().map(sn -> new Ref(sn.subnetIdentifier())).toList(), p);
                out.add(r);
            }
        }
        return out;
    }

    private void markWriters(List<DbInstance> instances) {
        for (DbInstance i : instances) {
            if (!i.cluster.isPresent()) {
                i.isWriter = v(null, i.location());
                continue;
            }
            Value<Boolean> w = writers.get(i.name.get());
            if (w != null) i.isWriter = w;
        }
    }
}
