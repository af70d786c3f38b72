package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An internet gateway and the VPC it is attached to. */
public final class InternetGateway extends Resource {
    public Value<Ref> vpc = Value.notInInput();
    public InternetGateway(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.INTERNET_GATEWAY;
    }
}
