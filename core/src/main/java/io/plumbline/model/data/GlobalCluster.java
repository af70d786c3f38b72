package io.plumbline.model.data;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.List;

/**
 * An Aurora global database: one primary cluster and up to ten secondary clusters in other regions, replicated by
 * storage. Members join it from their side ({@link DbCluster#globalClusterLink}); the global cluster itself may name
 * the cluster it was made from (Terraform {@code source_db_cluster_identifier}, CloudFormation
 * {@code SourceDBClusterIdentifier}) and, live, lists every member ({@code GlobalClusterMembers[].DBClusterArn}).
 */
public final class GlobalCluster extends Resource {
    /** Clusters the input names as members: the source cluster, or live every member. */
    public Value<List<Ref>> members = Value.notInInput();
    /** The writer member, live ({@code IsWriter}). */
    public Value<Ref> writer = Value.notInInput();
    public Value<Boolean> storageEncrypted = Value.notInInput();
    public Value<String> engine = Value.notInInput();

    public GlobalCluster(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.GLOBAL_CLUSTER;
    }
}
