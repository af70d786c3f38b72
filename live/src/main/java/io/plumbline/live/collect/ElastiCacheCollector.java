package io.plumbline.live.collect;

import static io.plumbline.live.collect.CollectContext.v;

import io.plumbline.live.Clients;
import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.NodeGroup;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * ElastiCache collectors: replication groups (Redis OSS / Valkey, node-based) and cache subnet groups.
 *
 * <p>A replication group's subnet group and security groups are properties of its member cache clusters, so they come
 * from one {@code DescribeCacheClusters} call per region; when that call fails, or a member is not in its answer,
 * those attributes are UNKNOWN (never "no subnet group", which would mean the {@code default} group).
 *
 * <p>Not collected: serverless caches ({@code elasticache:DescribeServerlessCaches}; the emulator used in tests does
 * not implement it) and {@code StorageEncryptionType} (not in the SDK version the project uses): both stay out of the
 * model, so ENC-005 decides on {@code AtRestEncryptionEnabled} and {@code KmsKeyId} as for a plan.
 */
public final class ElastiCacheCollector implements Collector {

    public static final String DESCRIBE_REPLICATION_GROUPS = "elasticache:DescribeReplicationGroups";
    public static final String DESCRIBE_CACHE_CLUSTERS = "elasticache:DescribeCacheClusters";
    public static final String DESCRIBE_CACHE_SUBNET_GROUPS = "elasticache:DescribeCacheSubnetGroups";

    private ElastiCacheClient client;
    private CollectContext ctx;

    @Override
    public String service() {
        return "elasticache";
    }

    @Override
    public java.util.Set<Kind> kinds() {
        return java.util.Set.of(Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP);
    }

    @Override
    public void collect(Clients clients, CollectContext context) {
        this.ctx = context;
        try (ElastiCacheClient c = clients.build(ElastiCacheClient.builder(), ctx.region())) {
            this.client = c;
            ctx.collect(Kind.CACHE_REPLICATION_GROUP, "ElastiCache replication groups", DESCRIBE_REPLICATION_GROUPS,
                    this::replicationGroups);
            ctx.collect(Kind.CACHE_SUBNET_GROUP, "ElastiCache subnet groups", DESCRIBE_CACHE_SUBNET_GROUPS,
                    this::subnetGroups);
        }
    }

    private String arn(String given, String resource) {
        return given != null ? given : ctx.arn("elasticache", null, resource);
    }

    /** "enabled" / "enabling" → true, "disabled" / "disabling" → false (the state the group is in or moving from). */
    static Boolean status(String s) {
        if (s == null) return null;
        String t = s.toLowerCase(Locale.ROOT);
        if (t.equals("enabled") || t.equals("disabling")) return true;
        if (t.equals("disabled") || t.equals("enabling")) return false;
        return null;
    }

    public List<CacheReplicationGroup> replicationGroups() {
        List<ReplicationGroup> groups = new ArrayList<>();
        for (var page : client.describeReplicationGroupsPaginator(b -> { })) groups.addAll(page.replicationGroups());
        if (groups.isEmpty()) return List.of();
        Provenance regionWide = ctx.at(null, DESCRIBE_CACHE_CLUSTERS);
        Value<Map<String, CacheCluster>> clusters = ctx.read(DESCRIBE_CACHE_CLUSTERS, regionWide, this::cacheClusters);
        List<CacheReplicationGroup> out = new ArrayList<>();
        for (ReplicationGroup x : groups) out.add(group(x, clusters));
        return out;
    }

    private Map<String, CacheCluster> cacheClusters() {
        Map<String, CacheCluster> out = new LinkedHashMap<>();
        for (var page : client.describeCacheClustersPaginator(b -> b.showCacheNodeInfo(true))) {
            for (CacheCluster c : page.cacheClusters()) out.put(c.cacheClusterId(), c);
        }
        return out;
    }

    private CacheReplicationGroup group(ReplicationGroup x, Value<Map<String, CacheCluster>> clusters) {
        String arn = arn(x.arn(), "replicationgroup:" + x.replicationGroupId());
        Provenance p = ctx.at(arn, DESCRIBE_REPLICATION_GROUPS);
        CacheReplicationGroup r = new CacheReplicationGroup(arn, "elasticache:ReplicationGroup", p);
        r.serverless = false;
        r.awsId = v(x.replicationGroupId(), p);
        r.name = v(x.replicationGroupId(), p);
        r.region = v(ctx.region(), p);
        r.addAlias(arn);
        r.addAlias(x.replicationGroupId());
        // Tags need elasticache:ListTagsForResource per group; not read, so tags stay unknown.
        r.engine = v(x.engine(), p);
        r.atRestEncryption = v(x.atRestEncryptionEnabled(), p);
        r.kmsKey = v(x.kmsKeyId() == null || x.kmsKeyId().isBlank() ? null : new Ref(x.kmsKeyId()), p);
        r.transitEncryption = v(x.transitEncryptionEnabled(), p);
        r.transitEncryptionMode = v(x.transitEncryptionModeAsString(), p);
        r.multiAz = v(status(x.multiAZAsString()), p);
        r.automaticFailover = v(status(x.automaticFailoverAsString()), p);
        r.snapshotRetentionLimit = v(x.snapshotRetentionLimit(), p);

        Set<String> members = new LinkedHashSet<>(x.memberClusters()); // distinct: some answers repeat members
        r.numCacheClusters = v(members.size(), p);
        List<NodeGroup> nodeGroups = x.nodeGroups();
        r.numNodeGroups = v(nodeGroups.size(), p);
        Integer replicas = null;
        List<String> azs = new ArrayList<>();
        for (NodeGroup ng : nodeGroups) {
            int n = ng.nodeGroupMembers().size();
            if (n > 0) replicas = replicas == null ? n - 1 : Math.min(replicas, n - 1);
            for (var m : ng.nodeGroupMembers()) {
                if (m.preferredAvailabilityZone() != null) azs.add(m.preferredAvailabilityZone());
            }
        }
        // Replicas per shard = members of the smallest node group minus its primary; no member list → unknown.
        r.replicasPerNodeGroup = replicas == null
                ? Value.unknown("DescribeReplicationGroups lists no node group members", p) : v(replicas, p);
        r.preferredAzs = v(List.copyOf(azs), p);
        r.port = port(x, p);

        // Subnet group and security groups: from the member cache clusters.
        if (clusters.isUnknown()) {
            r.subnetGroup = Value.unknown(clusters.note(), clusters.provenance());
            r.securityGroups = Value.unknown(clusters.note(), clusters.provenance());
            return r;
        }
        Map<String, CacheCluster> all = clusters.get();
        List<CacheCluster> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : members) {
            CacheCluster c = all.get(id);
            if (c == null) missing.add(id);
            else found.add(c);
        }
        for (CacheCluster c : all.values()) {
            if (x.replicationGroupId().equals(c.replicationGroupId()) && !members.contains(c.cacheClusterId())) {
                found.add(c);
            }
        }
        Provenance cp = ctx.at(arn, DESCRIBE_CACHE_CLUSTERS);
        if (!missing.isEmpty() || found.isEmpty()) {
            String why = found.isEmpty() && missing.isEmpty()
                    ? "DescribeCacheClusters returned no member cluster of this group"
                    : "member cluster(s) " + missing + " not returned by DescribeCacheClusters";
            r.subnetGroup = Value.unknown(why, cp);
            r.securityGroups = Value.unknown(why, cp);
            return r;
        }
        Set<String> subnetGroups = new LinkedHashSet<>();
        Set<String> sgs = new LinkedHashSet<>();
        for (CacheCluster c : found) {
            subnetGroups.add(c.cacheSubnetGroupName());
            for (var sg : c.securityGroups()) sgs.add(sg.securityGroupId());
        }
        if (subnetGroups.size() == 1) {
            String name = subnetGroups.iterator().next();
            r.subnetGroup = v(name == null ? null : new Ref(name), cp);
        } else {
            r.subnetGroup = Value.unknown("member clusters are in different subnet groups: " + subnetGroups, cp);
        }
        r.securityGroups = v(sgs.stream().map(Ref::new).toList(), cp);
        return r;
    }

    /** The configuration endpoint's port (cluster mode), else the primary endpoint's, else a member's read endpoint. */
    private static Value<Integer> port(ReplicationGroup x, Provenance p) {
        if (x.configurationEndpoint() != null && x.configurationEndpoint().port() != null) {
            return v(x.configurationEndpoint().port(), p);
        }
        for (NodeGroup ng : x.nodeGroups()) {
            if (ng.primaryEndpoint() != null && ng.primaryEndpoint().port() != null) return v(ng.primaryEndpoint().port(), p);
            for (var m : ng.nodeGroupMembers()) {
                if (m.readEndpoint() != null && m.readEndpoint().port() != null) return v(m.readEndpoint().port(), p);
            }
        }
        return Value.unknown("DescribeReplicationGroups returned no endpoint for this group", p);
    }

    public List<CacheSubnetGroup> subnetGroups() {
        List<CacheSubnetGroup> out = new ArrayList<>();
        for (var page : client.describeCacheSubnetGroupsPaginator(b -> { })) {
            for (var x : page.cacheSubnetGroups()) {
                String arn = arn(x.arn(), "subnetgroup:" + x.cacheSubnetGroupName());
                Provenance p = ctx.at(arn, DESCRIBE_CACHE_SUBNET_GROUPS);
                CacheSubnetGroup r = new CacheSubnetGroup(arn, "elasticache:CacheSubnetGroup", p);
                r.awsId = v(x.cacheSubnetGroupName(), p);
                r.name = v(x.cacheSubnetGroupName(), p);
                r.region = v(ctx.region(), p);
                r.addAlias(arn);
                r.addAlias(x.cacheSubnetGroupName());
                // Subnets as references to their ids: their AZs come from the EC2 subnets they resolve to.
                r.subnets = v(x.subnets().stream().map(s -> new Ref(s.subnetIdentifier())).toList(), p);
                out.add(r);
            }
        }
        return out;
    }
}
