package io.plumbline.model.compute;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EBS volume. */
public final class EbsVolume extends Resource {
    public Value<String> availabilityZone = Value.notInInput();
    public Value<Boolean> encrypted = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public Value<Integer> sizeGib = Value.notInInput();
    public EbsVolume(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.EBS_VOLUME;
    }
}
