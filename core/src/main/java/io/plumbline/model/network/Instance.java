package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EC2 instance. */
public final class Instance extends Resource {
    public Value<Ref> subnet = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<Boolean> associatePublicIp = Value.notInInput();
    public Value<String> availabilityZone = Value.notInInput();
    public Instance(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.INSTANCE;
    }
}
