package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;
import static io.plumbline.source.cloudformation.Conv.text;

import io.plumbline.model.Defaults;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.List;
import java.util.Locale;

/** Aurora/RDS clusters, instances and subnet groups; ElastiCache replication groups, serverless caches and subnet groups. */
final class DataMapper extends FamilyMapper {

    DataMapper(MappingContext m) {
        super(m);
    }

    @Override
    Resource primary(Res r) {
        return switch (r.type()) {
            case "AWS::RDS::DBCluster" -> dbCluster(r);
            case "AWS::RDS::DBInstance" -> dbInstance(r);
            case "AWS::RDS::DBSubnetGroup" -> dbSubnetGroup(r);
            case "AWS::ElastiCache::ReplicationGroup" -> replicationGroup(r);
            case "AWS::ElastiCache::ServerlessCache" -> serverlessCache(r);
            case "AWS::ElastiCache::SubnetGroup" -> cacheSubnetGroup(r);
            default -> null;
        };
    }

    private DbCluster dbCluster(Res r) {
        DbCluster d = new DbCluster(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(d, r, "DBClusterIdentifier", true);
        d.engine = c.str(get(p, "Engine"));
        d.engineMode = c.str(get(p, "EngineMode"), Defaults.CFN_RDS_ENGINE_MODE, r.loc());
        d.engineVersion = c.str(get(p, "EngineVersion"));
        Ev snapshot = get(p, "SnapshotIdentifier");
        Ev source = get(p, "SourceDBClusterIdentifier");
        Ev encrypted = get(p, "StorageEncrypted");
        if (encrypted == null && (snapshot != null || source != null)) {
            d.storageEncrypted = Value.unknown("StorageEncrypted is inherited from the "
                    + (snapshot != null ? "snapshot" : "source cluster") + " it is restored from", r.loc());
        } else {
            d.storageEncrypted = c.bool(encrypted, Defaults.CFN_RDS_STORAGE_ENCRYPTED, r.loc());
        }
        d.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_RDS_NO_KMS_KEY, r.loc());
        d.backupRetentionPeriod = c.integer(get(p, "BackupRetentionPeriod"), Defaults.RDS_BACKUP_RETENTION, r.loc());
        d.port = c.integer(get(p, "Port"));
        d.deletionProtection = c.bool(get(p, "DeletionProtection"), Defaults.RDS_DELETION_PROTECTION, r.loc());
        d.deletionPolicy = c.str(r.deletionPolicy(), Defaults.CFN_RDS_CLUSTER_DELETION_POLICY, r.loc());
        d.updateReplacePolicy = c.str(r.updateReplacePolicy(), Defaults.CFN_UPDATE_REPLACE_POLICY, r.loc());
        d.subnetGroup = c.ref(get(p, "DBSubnetGroupName"));
        d.securityGroups = c.refs(get(p, "VpcSecurityGroupIds"));
        d.storageAvailabilityZones = c.strings(get(p, "AvailabilityZones"));
        d.iamAuthentication = c.bool(get(p, "EnableIAMDatabaseAuthentication"), Defaults.CFN_RDS_IAM_AUTH, r.loc());
        d.masterPasswordManaged = c.bool(get(p, "ManageMasterUserPassword"), Defaults.CFN_RDS_MANAGE_MASTER_PASSWORD,
                r.loc());
        d.enabledLogExports = c.strings(get(p, "EnableCloudwatchLogsExports"), Defaults.CFN_RDS_NO_LOG_EXPORTS, r.loc());
        d.restoredFromSnapshot = snapshot != null ? c.refText(snapshot) : Value.<String>explicit(null, r.loc());
        d.globalCluster = c.refText(get(p, "GlobalClusterIdentifier"));
        d.parameterGroup = c.refText(get(p, "DBClusterParameterGroupName"));
        return d;
    }

    private DbInstance dbInstance(Res r) {
        DbInstance d = new DbInstance(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(d, r, "DBInstanceIdentifier", true);
        Ev cluster = get(p, "DBClusterIdentifier");
        d.cluster = c.ref(cluster);
        d.engine = c.str(get(p, "Engine"));
        d.availabilityZone = c.str(get(p, "AvailabilityZone"));
        d.instanceClass = c.str(get(p, "DBInstanceClass"));
        Ev subnetGroup = get(p, "DBSubnetGroupName");
        d.subnetGroup = c.ref(subnetGroup);
        Boolean aurora = cluster != null ? Boolean.TRUE
                : d.engine.isPresent() ? d.engine.get().toLowerCase(Locale.ROOT).startsWith("aurora")
                : get(p, "Engine") == null ? Boolean.FALSE : null;
        Ev pub = get(p, "PubliclyAccessible");
        if (pub != null) {
            d.publiclyAccessible = c.bool(pub);
        } else if (subnetGroup instanceof Lit l && "default".equalsIgnoreCase(l.text())) {
            d.publiclyAccessible = Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_DEFAULT_GROUP, r.loc());
        } else if (subnetGroup != null && !(subnetGroup instanceof Lit || subnetGroup instanceof ResRef)) {
            d.publiclyAccessible = Value.unknown("PubliclyAccessible is not set and its default depends on "
                    + "DBSubnetGroupName, which is not known: " + Evaluator.reasonOf(subnetGroup), r.loc());
        } else if (subnetGroup != null) {
            d.publiclyAccessible = Boolean.TRUE.equals(aurora)
                    ? Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE, r.loc())
                    : Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NAMED_GROUP, r.loc());
        } else if (aurora == null) {
            d.publiclyAccessible = Value.unknown("PubliclyAccessible is not set and its default depends on whether "
                    + "the engine is Aurora, which is not known: " + d.engine.note(), r.loc());
        } else {
            d.publiclyAccessible = aurora
                    ? Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_PRIVATE, r.loc())
                    : Value.defaulted(Defaults.CFN_RDS_INSTANCE_PUBLICLY_ACCESSIBLE_NON_AURORA, r.loc());
        }
        d.storageEncrypted = c.bool(get(p, "StorageEncrypted"));
        d.kmsKey = c.ref(get(p, "KmsKeyId"));
        // Promotion tier defaults only for Aurora members; Multi-AZ is a standalone instance's setting.
        if (Boolean.TRUE.equals(aurora)) {
            d.promotionTier = c.integer(get(p, "PromotionTier"), Defaults.CFN_AURORA_PROMOTION_TIER, r.loc());
            d.multiAz = c.bool(get(p, "MultiAZ"));
        } else {
            d.promotionTier = c.integer(get(p, "PromotionTier"));
            d.multiAz = c.bool(get(p, "MultiAZ"), Defaults.CFN_RDS_INSTANCE_MULTI_AZ, r.loc());
        }
        return d;
    }

    private DbSubnetGroup dbSubnetGroup(Res r) {
        DbSubnetGroup g = new DbSubnetGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "DBSubnetGroupName", true);
        g.subnets = c.refs(get(r.props(), "SubnetIds"));
        return g;
    }

    private CacheSubnetGroup cacheSubnetGroup(Res r) {
        CacheSubnetGroup g = new CacheSubnetGroup(r.id(), r.type(), r.loc());
        nameFrom(g, r, "CacheSubnetGroupName", true);
        g.subnets = c.refs(get(r.props(), "SubnetIds"));
        return g;
    }

    private CacheReplicationGroup replicationGroup(Res r) {
        CacheReplicationGroup g = new CacheReplicationGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(g, r, "ReplicationGroupId", true);
        g.serverless = false;
        g.engine = c.str(get(p, "Engine"), Defaults.CFN_ELASTICACHE_ENGINE, r.loc());
        Ev atRest = get(p, "AtRestEncryptionEnabled");
        if (atRest != null) {
            g.atRestEncryption = c.bool(atRest);
        } else if (!g.engine.isPresent()) {
            g.atRestEncryption = Value.unknown("AtRestEncryptionEnabled is not set and its default depends on the "
                    + "engine, which is not known: " + g.engine.note(), r.loc());
        } else {
            String engine = g.engine.get().toLowerCase(Locale.ROOT);
            g.atRestEncryption = engine.equals("redis") ? Value.defaulted(Defaults.ELASTICACHE_AT_REST_REDIS, r.loc())
                    : engine.equals("valkey") ? Value.defaulted(Defaults.ELASTICACHE_AT_REST_VALKEY, r.loc())
                    : Value.unknown("AtRestEncryptionEnabled is not set and no default is documented for engine '"
                            + g.engine.get() + "'", r.loc());
        }
        g.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_ELASTICACHE_NO_KMS_KEY, r.loc());
        g.transitEncryption = c.bool(get(p, "TransitEncryptionEnabled"), Defaults.ELASTICACHE_TRANSIT_ENCRYPTION, r.loc());
        g.transitEncryptionMode = c.str(get(p, "TransitEncryptionMode"));
        g.multiAz = c.bool(get(p, "MultiAZEnabled"), Defaults.ELASTICACHE_MULTI_AZ, r.loc());
        g.automaticFailover = c.bool(get(p, "AutomaticFailoverEnabled"), Defaults.ELASTICACHE_AUTOMATIC_FAILOVER, r.loc());
        Ev numNodeGroups = get(p, "NumNodeGroups");
        Ev nodeGroups = get(p, "NodeGroupConfiguration");
        boolean clusterMode = numNodeGroups != null || nodeGroups != null;
        if (!clusterMode && get(p, "PrimaryClusterId") == null) {
            g.numCacheClusters = c.integer(get(p, "NumCacheClusters"), Defaults.ELASTICACHE_NUM_CACHE_CLUSTERS, r.loc());
        } else {
            g.numCacheClusters = c.integer(get(p, "NumCacheClusters"));
        }
        List<Ev> groups = items(nodeGroups);
        if (numNodeGroups != null) g.numNodeGroups = c.integer(numNodeGroups);
        else if (nodeGroups != null && groups != null) g.numNodeGroups = Value.explicit(groups.size(), c.at(nodeGroups));
        else if (nodeGroups != null) g.numNodeGroups = c.unknown(nodeGroups);
        Ev replicas = get(p, "ReplicasPerNodeGroup");
        if (replicas != null) {
            g.replicasPerNodeGroup = c.integer(replicas);
        } else if (nodeGroups != null) {
            if (groups == null) {
                g.replicasPerNodeGroup = c.unknown(nodeGroups);
            } else {
                Value<Integer> min = null;
                for (Ev ng : groups) {
                    Value<Integer> count = c.integer(get(ng, "ReplicaCount"));
                    if (!count.isPresent()) {
                        min = count;
                        break;
                    }
                    if (min == null || count.get() < min.get()) min = count;
                }
                if (min != null) g.replicasPerNodeGroup = min;
            }
        }
        g.preferredAzs = c.strings(get(p, "PreferredCacheClusterAZs"));
        g.subnetGroup = c.ref(get(p, "CacheSubnetGroupName"));
        g.securityGroups = c.refs(get(p, "SecurityGroupIds"));
        g.snapshotRetentionLimit = c.integer(get(p, "SnapshotRetentionLimit"), Defaults.ELASTICACHE_SNAPSHOT_RETENTION,
                r.loc());
        g.port = c.integer(get(p, "Port"));
        return g;
    }

    private CacheReplicationGroup serverlessCache(Res r) {
        CacheReplicationGroup g = new CacheReplicationGroup(r.id(), r.type(), r.loc());
        Ev p = r.props();
        nameFrom(g, r, "ServerlessCacheName", true);
        g.serverless = true;
        g.engine = c.str(get(p, "Engine"));
        g.atRestEncryption = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_AT_REST, r.loc());
        g.kmsKey = c.ref(get(p, "KmsKeyId"), Defaults.CFN_ELASTICACHE_NO_KMS_KEY, r.loc());
        g.transitEncryption = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_TRANSIT, r.loc());
        g.multiAz = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_MULTI_AZ, r.loc());
        g.automaticFailover = Value.defaulted(Defaults.CFN_ELASTICACHE_SERVERLESS_MULTI_AZ, r.loc());
        g.securityGroups = c.refs(get(p, "SecurityGroupIds"));
        g.snapshotRetentionLimit = c.integer(get(p, "SnapshotRetentionLimit"));
        g.storageEncryptionType = c.str(get(p, "StorageEncryptionType"));
        return g;
    }
}
