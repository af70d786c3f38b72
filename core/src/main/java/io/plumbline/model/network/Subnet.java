package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A subnet, placed in one availability zone. */
public final class Subnet extends Resource {
    public Value<Ref> vpc = Value.notInInput();
    public Value<String> availabilityZone = Value.notInInput();
    public Value<String> availabilityZoneId = Value.notInInput();
    public Value<String> cidrBlock = Value.notInInput();
    public Value<String> ipv6CidrBlock = Value.notInInput();
    public Value<Boolean> mapPublicIpOnLaunch = Value.notInInput();
    public Subnet(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.SUBNET;
    }
}
