package io.plumbline.model.data;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An Aurora (or Multi-AZ RDS) DB cluster. Its instances are separate resources that point at it. */
public final class DbCluster extends Resource {
    public Value<String> engine = Value.notInInput();
    public Value<String> engineMode = Value.notInInput();
    public Value<String> engineVersion = Value.notInInput();
    public Value<Boolean> storageEncrypted = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Integer> backupRetentionPeriod = Value.notInInput();
    public Value<Boolean> deletionProtection = Value.notInInput();
    public Value<Boolean> skipFinalSnapshot = Value.notInInput();
    public Value<String> finalSnapshotIdentifier = Value.notInInput();
    /** CloudFormation DeletionPolicy / UpdateReplacePolicy resource attributes. */
    public Value<String> deletionPolicy = Value.notInInput();
    public Value<String> updateReplacePolicy = Value.notInInput();
    public Value<Ref> subnetGroup = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    /** Storage AZs (aws_rds_cluster.availability_zones): not where instances run. */
    public Value<List<String>> storageAvailabilityZones = Value.notInInput();
    public Value<Boolean> multiAz = Value.notInInput();
    public Value<Boolean> iamAuthentication = Value.notInInput();
    public Value<Boolean> masterPasswordManaged = Value.notInInput();
    public Value<List<String>> enabledLogExports = Value.notInInput();
    public Value<String> restoredFromSnapshot = Value.notInInput();
    public Value<String> globalCluster = Value.notInInput();
    /** The global database this cluster is a member of, as a link (a reference or its identifier); null: none. */
    public Value<Ref> globalClusterLink = Value.notInInput();
    public Value<String> parameterGroup = Value.notInInput();
    /** The port clients connect on (NET-007); Terraform {@code port}, CloudFormation {@code Port}, live {@code Port}. */
    public Value<Integer> port = Value.notInInput();
    public DbCluster(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.DB_CLUSTER;
    }
}
