package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Secrets Manager secret (its value is never read). */
public final class Secret extends Resource {
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Boolean> rotationEnabled = Value.notInInput();
    public Value<Integer> rotationDays = Value.notInInput();
    public Value<List<String>> replicaRegions = Value.notInInput();
    /**
     * Per replica region, its replication status as Secrets Manager reports it ({@code InSync}, {@code InProgress},
     * {@code Failed}): live only ({@code DescribeSecret ReplicationStatus[].Status}).
     */
    public Value<Map<String, String>> replicaStatus = Value.notInInput();
    /** For a replica secret, the region of its primary; null for a primary (live {@code PrimaryRegion}). */
    public Value<String> primaryRegion = Value.notInInput();
    /** The service that manages the secret ({@code rds} for an RDS-managed master secret); null when none. */
    public Value<String> owningService = Value.notInInput();
    public Secret(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.SECRET;
    }
}
