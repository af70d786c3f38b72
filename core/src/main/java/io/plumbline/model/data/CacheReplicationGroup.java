package io.plumbline.model.data;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ElastiCache replication group, or a serverless cache. */
public final class CacheReplicationGroup extends Resource {
    public boolean serverless;
    public Value<String> engine = Value.notInInput();
    public Value<Boolean> atRestEncryption = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Boolean> transitEncryption = Value.notInInput();
    public Value<String> transitEncryptionMode = Value.notInInput();
    public Value<Boolean> multiAz = Value.notInInput();
    public Value<Boolean> automaticFailover = Value.notInInput();
    public Value<Integer> numCacheClusters = Value.notInInput();
    public Value<Integer> numNodeGroups = Value.notInInput();
    public Value<Integer> replicasPerNodeGroup = Value.notInInput();
    public Value<List<String>> preferredAzs = Value.notInInput();
    public Value<Ref> subnetGroup = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<Integer> snapshotRetentionLimit = Value.notInInput();
    public Value<String> storageEncryptionType = Value.notInInput();
    /** The port clients connect on (NET-008); Terraform {@code port}, CloudFormation {@code Port}, live endpoint port. */
    public Value<Integer> port = Value.notInInput();
    public CacheReplicationGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.CACHE_REPLICATION_GROUP;
    }
}
