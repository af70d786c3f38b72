package io.plumbline.model.security;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A KMS key. */
public final class KmsKey extends Resource {
    public Value<Boolean> enabled = Value.notInInput();
    public Value<Boolean> rotationEnabled = Value.notInInput();
    public Value<Integer> rotationPeriodDays = Value.notInInput();
    public Value<String> keySpec = Value.notInInput();
    public Value<String> keyUsage = Value.notInInput();
    public Value<Integer> deletionWindowDays = Value.notInInput();
    public Value<Boolean> multiRegion = Value.notInInput();
    public Value<String> keyState = Value.notInInput();
    public Value<String> keyManager = Value.notInInput();
    public Value<String> origin = Value.notInInput();
    public Value<String> policy = Value.notInInput();
    public KmsKey(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.KMS_KEY;
    }
}
