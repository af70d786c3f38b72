package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A VPC. */
public final class Vpc extends Resource {
    public Value<String> cidrBlock = Value.notInInput();
    public Value<List<String>> ipv6CidrBlocks = Value.notInInput();
    public Value<Boolean> isDefault = Value.notInInput();
    public Vpc(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.VPC;
    }
}
