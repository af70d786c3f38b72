package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Secrets Manager secret (its value is never read). */
public final class Secret extends Resource {
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Boolean> rotationEnabled = Value.notInInput();
    public Value<Integer> rotationDays = Value.notInInput();
    public Value<List<String>> replicaRegions = Value.notInInput();
    public Secret(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.SECRET;
    }
}
