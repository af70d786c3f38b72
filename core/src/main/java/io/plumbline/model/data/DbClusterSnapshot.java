package io.plumbline.model.data;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;

/**
 * A DB cluster snapshot as it exists in a region: automated, manual, or a copy from another region — the evidence that
 * a cluster's data reaches the secondary region (REP-003) and under which key (REP-004). Plans and templates declare
 * copies only through AWS Backup or scripts, so this kind is filled by the live source.
 */
public final class DbClusterSnapshot extends Resource {
    /** The cluster it was taken of (its identifier, as the API names it). */
    public Value<Ref> cluster = Value.notInInput();
    /** {@code automated}, {@code manual}, {@code awsbackup}... as the API says. */
    public Value<String> snapshotType = Value.notInInput();
    public Value<Boolean> storageEncrypted = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    /** When it was taken, ISO-8601 UTC. */
    public Value<String> createdAt = Value.notInInput();
    /** The snapshot it was copied from (an ARN in another region for a cross-region copy); null when not a copy. */
    public Value<String> copiedFrom = Value.notInInput();

    public DbClusterSnapshot(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.DB_CLUSTER_SNAPSHOT;
    }
}
