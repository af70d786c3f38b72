package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A NAT gateway, in one subnet. */
public final class NatGateway extends Resource {
    public Value<Ref> subnet = Value.notInInput();
    public Value<String> connectivityType = Value.notInInput();
    public NatGateway(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.NAT_GATEWAY;
    }
}
