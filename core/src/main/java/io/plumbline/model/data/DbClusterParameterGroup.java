package io.plumbline.model.data;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.util.Map;

/**
 * An RDS DB cluster parameter group (Aurora, Multi-AZ DB clusters): its family and the parameters it sets. A plan or a
 * template holds only the parameters it names (the rest keep the engine default); the live source holds every
 * parameter DescribeDBClusterParameters returns with a value, engine defaults included.
 */
public final class DbClusterParameterGroup extends Resource {
    /** {@code aurora-postgresql16}, {@code aurora-mysql8.0}... */
    public Value<String> family = Value.notInInput();
    /** Parameter name → value as written ({@code "rds.force_ssl" → "1"}). */
    public Value<Map<String, String>> parameters = Value.notInInput();

    public DbClusterParameterGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.DB_CLUSTER_PARAMETER_GROUP;
    }
}
