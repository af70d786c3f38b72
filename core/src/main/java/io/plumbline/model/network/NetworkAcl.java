package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A network ACL with its numbered entries and associated subnets. */
public final class NetworkAcl extends Resource {
    public Value<Ref> vpc = Value.notInInput();
    public Value<Boolean> isDefault = Value.notInInput();
    public final List<NaclEntry> entries = new ArrayList<>();
    public final List<Value<Ref>> subnets = new ArrayList<>();
    public Value<Boolean> entriesComplete = Value.explicit(true, Provenance.NONE);
    public NetworkAcl(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.NETWORK_ACL;
    }
}
