package io.plumbline.source.terraform;


import io.plumbline.model.Defaults;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbClusterParameterGroup;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.data.GlobalCluster;
import io.plumbline.source.tree.ListNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Aurora clusters and instances, RDS instances, subnet groups, ElastiCache. */
final class DataMapping {
    private DataMapping() {
    }

    static final String STORAGE_ENCRYPTED_UNSET = "storage_encrypted is not set: the cluster gets no encryption "
            + "(created before 2026-02-18) or an AWS-owned key, never a customer-managed key";
    static final String DEFAULT_SG = "not set: the VPC's default security group applies";

    /** Not set in the plan: absent, null, "", or unknown while the configuration leaves it out. */
    private static boolean unset(Attrs a, String k, Value<?> v) {
        if (v.isPresent()) return false;
        if (v.isKnown() || Attrs.absent(v)) return true;
        return a.isUnknown(k) && a.cfgState(k) == Attrs.Cfg.NOT_SET;
    }

    private static Value<List<Ref>> securityGroups(Attrs a, String k) {
        Value<List<Ref>> v = a.refs(k);
        if (v.isUnknown() && a.isUnknown(k) && a.cfgState(k) == Attrs.Cfg.NOT_SET) {
            return Value.unknown(DEFAULT_SG, a.unknownPlace(k));
        }
        return v;
    }

    static Resource dbCluster(PlanReader p, PlanReader.Res x) {
        DbCluster c = p.common(new DbCluster(x.address, x.type, x.place), x, "cluster_identifier");
        Attrs a = x.attrs;
        c.engine = a.strOrNull("engine");
        c.engineMode = a.strOrNull("engine_mode");
        c.engineVersion = a.strOrNull("engine_version");
        Value<Boolean> encrypted = a.bool("storage_encrypted");
        c.storageEncrypted = unset(a, "storage_encrypted", encrypted)
                ? Value.unknown(STORAGE_ENCRYPTED_UNSET, place(encrypted, x))
                : encrypted;
        c.kmsKey = a.orDefault(a.ref("kms_key_id"), "kms_key_id", Defaults.NO_CUSTOMER_MANAGED_KEY);
        Value<Integer> retention = a.integer("backup_retention_period", Defaults.RDS_BACKUP_RETENTION);
        if (retention.isUnknown() && a.isUnknown("backup_retention_period")
                && a.cfgState("backup_retention_period") == Attrs.Cfg.NO_CONFIG) {
            // Optional+Computed and nothing says it is set: the API default (1, the minimum) applies; fail-safe for BAK-001.
            retention = Value.defaulted(Defaults.RDS_BACKUP_RETENTION, x.place);
        }
        c.backupRetentionPeriod = retention;
        c.deletionProtection = a.bool("deletion_protection", Defaults.RDS_DELETION_PROTECTION);
        c.skipFinalSnapshot = a.bool("skip_final_snapshot", Defaults.TF_RDS_SKIP_FINAL_SNAPSHOT);
        c.finalSnapshotIdentifier = a.strOrNull("final_snapshot_identifier");
        c.subnetGroup = a.orDefault(a.ref("db_subnet_group_name"), "db_subnet_group_name",
                Defaults.RDS_DEFAULT_SUBNET_GROUP);
        c.securityGroups = securityGroups(a, "vpc_security_group_ids");
        c.storageAvailabilityZones = a.strings("availability_zones");
        c.iamAuthentication = a.bool("iam_database_authentication_enabled");
        c.masterPasswordManaged = a.bool("manage_master_user_password");
        c.enabledLogExports = a.stringsOrEmpty("enabled_cloudwatch_logs_exports");
        c.restoredFromSnapshot = a.strOrNull("snapshot_identifier");
        c.globalCluster = a.strOrNull("global_cluster_identifier");
        c.globalClusterLink = a.ref("global_cluster_identifier");
        // The group's name when the plan knows it, else the group the configuration refers to (its address), so
        // ENC-007 finds a group whose name is computed (name_prefix) as well.
        Value<String> groupName = a.strOrNull("db_cluster_parameter_group_name");
        Value<Ref> groupRef = a.ref("db_cluster_parameter_group_name");
        if (unset(a, "db_cluster_parameter_group_name", groupName)) {
            c.parameterGroup = Value.defaulted(Defaults.RDS_DEFAULT_CLUSTER_PARAMETER_GROUP, x.place);
        } else {
            c.parameterGroup = groupName.isUnknown() && groupRef.isPresent() ? groupRef.map(Ref::target) : groupName;
        }
        c.port = port(a);
        return c;
    }

    private static io.plumbline.model.Provenance place(Value<?> v, PlanReader.Res x) {
        return v.provenance().line() > 0 ? v.provenance() : x.place;
    }

    /** {@code aws_rds_cluster_parameter_group}: the parameters its {@code parameter} blocks set. */
    static Resource clusterParameterGroup(PlanReader p, PlanReader.Res x) {
        DbClusterParameterGroup g = p.common(new DbClusterParameterGroup(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        g.family = a.strOrNull("family");
        Attrs.Blocks blocks = a.blocks("parameter");
        if (blocks.state == Attrs.Blocks.State.ABSENT || (blocks.known() && blocks.items.isEmpty())) {
            g.parameters = Value.explicit(Map.of(), blocks.place);
        } else if (!blocks.known()) {
            g.parameters = Value.unknown("the parameter blocks are " + Attrs.AFTER_APPLY, blocks.place);
        } else {
            Map<String, String> out = new LinkedHashMap<>();
            Value<Map<String, String>> result = null;
            for (Attrs item : blocks.items) {
                Value<String> name = item.strOrNull("name");
                Value<String> value = item.strOrNull("value");
                if (name.isUnknown() || value.isUnknown()) {
                    result = Value.unknown("a parameter's name or value is " + Attrs.AFTER_APPLY, item.place);
                    break;
                }
                if (name.isPresent()) out.put(name.get(), value.orElse(""));
            }
            g.parameters = result != null ? result : Value.explicit(java.util.Collections.unmodifiableMap(out),
                    blocks.place);
        }
        return g;
    }

    static Resource globalCluster(PlanReader p, PlanReader.Res x) {
        GlobalCluster g = p.common(new GlobalCluster(x.address, x.type, x.place), x, "global_cluster_identifier");
        Attrs a = x.attrs;
        p.addAlias(g, a.publicText("global_cluster_identifier"));
        Value<Ref> source = a.ref("source_db_cluster_identifier");
        g.members = Attrs.absent(source) ? Value.explicit(List.of(), x.place) : Mappings.collect(List.of(source), x.place);
        g.storageEncrypted = a.bool("storage_encrypted");
        g.engine = a.strOrNull("engine");
        return g;
    }

    static Resource clusterInstance(PlanReader p, PlanReader.Res x) {
        DbInstance i = p.common(new DbInstance(x.address, x.type, x.place), x, "identifier");
        Attrs a = x.attrs;
        i.cluster = a.ref("cluster_identifier");
        i.engine = a.strOrNull("engine");
        i.availabilityZone = a.strOrNull("availability_zone");
        i.publiclyAccessible = a.bool("publicly_accessible", Defaults.TF_RDS_INSTANCE_PUBLICLY_ACCESSIBLE);
        i.promotionTier = a.integer("promotion_tier", Defaults.TF_RDS_PROMOTION_TIER);
        i.subnetGroup = a.ref("db_subnet_group_name");
        i.instanceClass = a.strOrNull("instance_class");
        return i;
    }

    static Resource dbInstance(PlanReader p, PlanReader.Res x) {
        DbInstance i = p.common(new DbInstance(x.address, x.type, x.place), x, "identifier");
        Attrs a = x.attrs;
        i.cluster = Value.explicit(null, x.place);
        i.engine = a.strOrNull("engine");
        i.availabilityZone = a.strOrNull("availability_zone");
        i.publiclyAccessible = a.bool("publicly_accessible", Defaults.TF_DB_INSTANCE_PUBLICLY_ACCESSIBLE);
        i.subnetGroup = a.ref("db_subnet_group_name");
        i.instanceClass = a.strOrNull("instance_class");
        i.storageEncrypted = a.bool("storage_encrypted");
        i.kmsKey = a.ref("kms_key_id");
        i.multiAz = a.bool("multi_az");
        return i;
    }

    static Resource dbSubnetGroup(PlanReader p, PlanReader.Res x) {
        DbSubnetGroup g = p.common(new DbSubnetGroup(x.address, x.type, x.place), x, "name");
        g.subnets = x.attrs.refs("subnet_ids");
        return g;
    }

    static Resource cacheSubnetGroup(PlanReader p, PlanReader.Res x) {
        CacheSubnetGroup g = p.common(new CacheSubnetGroup(x.address, x.type, x.place), x, "name");
        g.subnets = x.attrs.refs("subnet_ids");
        return g;
    }

    /** The first of several spellings of one attribute that the plan has (provider versions renamed them). */
    private static String pick(Attrs a, String... keys) {
        for (String k : keys) if (a.raw(k) != null && !a.raw(k).isNull()) return k;
        for (String k : keys) if (a.isUnknown(k)) return k;
        for (String k : keys) if (a.has(k)) return k;
        return keys[0];
    }

    static Resource replicationGroup(PlanReader p, PlanReader.Res x) {
        CacheReplicationGroup g = p.common(new CacheReplicationGroup(x.address, x.type, x.place), x,
                "replication_group_id");
        Attrs a = x.attrs;
        Value<String> engine = a.strOrNull("engine");
        g.engine = engine;
        Value<Boolean> atRest = a.bool("at_rest_encryption_enabled");
        if (unset(a, "at_rest_encryption_enabled", atRest)) {
            String e = engine.isPresent() ? engine.get().toLowerCase(Locale.ROOT) : null;
            if ("redis".equals(e)) {
                atRest = Value.defaulted(Defaults.ELASTICACHE_AT_REST_REDIS, x.place);
            } else if ("valkey".equals(e)) {
                atRest = Value.defaulted(Defaults.ELASTICACHE_AT_REST_VALKEY, x.place);
            } else {
                atRest = Value.unknown("at_rest_encryption_enabled is not set and the engine is "
                        + (e == null ? "not known" : e) + ": the API default is off for redis and on for valkey",
                        place(atRest, x));
            }
        }
        g.atRestEncryption = atRest;
        g.kmsKey = a.orDefault(a.ref("kms_key_id"), "kms_key_id", Defaults.NO_CUSTOMER_MANAGED_KEY);
        g.transitEncryption = a.bool("transit_encryption_enabled", Defaults.ELASTICACHE_TRANSIT_ENCRYPTION);
        g.transitEncryptionMode = a.strOrNull("transit_encryption_mode");
        g.multiAz = a.bool("multi_az_enabled", Defaults.ELASTICACHE_MULTI_AZ);
        g.automaticFailover = a.bool("automatic_failover_enabled", Defaults.ELASTICACHE_AUTOMATIC_FAILOVER);
        // Cluster mode: top-level num_node_groups / replicas_per_node_group (v4+), or the old cluster_mode block.
        Attrs mode = a.raw("cluster_mode") instanceof ListNode ? a.first("cluster_mode") : null;
        g.numNodeGroups = sized(a, mode, "num_node_groups");
        g.replicasPerNodeGroup = sized(a, mode, "replicas_per_node_group");
        String clusters = pick(a, "num_cache_clusters", "number_cache_clusters");
        Value<Integer> numClusters = a.integer(clusters);
        boolean clusterMode = g.numNodeGroups.isPresent() && g.numNodeGroups.get() > 0 && !g.numNodeGroups.isDefaulted();
        g.numCacheClusters = clusterMode ? numClusters
                : a.orDefault(numClusters, clusters, Defaults.ELASTICACHE_NUM_CACHE_CLUSTERS);
        g.preferredAzs = a.strings(pick(a, "preferred_cache_cluster_azs", "availability_zones"));
        g.subnetGroup = a.ref("subnet_group_name");
        g.securityGroups = securityGroups(a, "security_group_ids");
        g.snapshotRetentionLimit = a.integer("snapshot_retention_limit", Defaults.ELASTICACHE_SNAPSHOT_RETENTION);
        g.port = port(a);
        return g;
    }

    private static Value<Integer> sized(Attrs a, Attrs mode, String k) {
        Value<Integer> top = a.integer(k);
        if (top.isPresent() || mode == null) return top;
        Value<Integer> old = mode.integer(k);
        return old.isPresent() || old.isUnknown() && !Attrs.absent(old) ? old : top;
    }

    static Resource serverlessCache(PlanReader p, PlanReader.Res x) {
        CacheReplicationGroup g = p.common(new CacheReplicationGroup(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        g.serverless = true;
        g.engine = a.strOrNull("engine");
        g.atRestEncryption = Value.defaulted(Defaults.ELASTICACHE_SERVERLESS_ENCRYPTED, x.place);
        g.kmsKey = a.orDefault(a.ref("kms_key_id"), "kms_key_id", Defaults.NO_CUSTOMER_MANAGED_KEY);
        g.transitEncryption = Value.defaulted(Defaults.ELASTICACHE_SERVERLESS_TRANSIT, x.place);
        g.multiAz = Value.defaulted(Defaults.ELASTICACHE_SERVERLESS_HA, x.place);
        g.automaticFailover = Value.defaulted(Defaults.ELASTICACHE_SERVERLESS_HA, x.place);
        g.securityGroups = securityGroups(a, "security_group_ids");
        g.snapshotRetentionLimit = a.integer("snapshot_retention_limit");
        return g;
    }

    /**
     * The port the configuration sets. When it sets none, the plan only says "known after apply" (AWS picks the
     * engine's default): that is left out, so rules use the engine's default port, not an unknown.
     */
    private static Value<Integer> port(Attrs a) {
        Value<Integer> v = a.integer("port");
        if (v.isUnknown() && a.isUnknown("port") && a.cfgState("port") != Attrs.Cfg.SET) return Value.notInInput();
        return v;
    }
}
