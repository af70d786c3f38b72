package io.plumbline.model.data;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An RDS DB instance; for Aurora, a member of a cluster. */
public final class DbInstance extends Resource {
    public Value<Ref> cluster = Value.notInInput();
    public Value<String> engine = Value.notInInput();
    public Value<String> availabilityZone = Value.notInInput();
    public Value<Boolean> publiclyAccessible = Value.notInInput();
    public Value<Ref> subnetGroup = Value.notInInput();
    public Value<String> instanceClass = Value.notInInput();
    public Value<Integer> promotionTier = Value.notInInput();
    public Value<Boolean> storageEncrypted = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Boolean> multiAz = Value.notInInput();
    public Value<Boolean> isWriter = Value.notInInput();
    public DbInstance(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.DB_INSTANCE;
    }
}
