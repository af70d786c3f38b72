package io.plumbline.model.data;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ElastiCache subnet group. */
public final class CacheSubnetGroup extends Resource {
    public Value<List<Ref>> subnets = Value.notInInput();
    public CacheSubnetGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.CACHE_SUBNET_GROUP;
    }
}
