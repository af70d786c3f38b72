package io.plumbline.model.data;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A DB subnet group. */
public final class DbSubnetGroup extends Resource {
    public Value<List<Ref>> subnets = Value.notInInput();
    public DbSubnetGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.DB_SUBNET_GROUP;
    }
}
