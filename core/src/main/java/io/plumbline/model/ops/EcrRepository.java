package io.plumbline.model.ops;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ECR repository. */
public final class EcrRepository extends Resource {
    public Value<Boolean> scanOnPush = Value.notInInput();
    public Value<String> tagMutability = Value.notInInput();
    public Value<String> encryptionType = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public EcrRepository(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ECR_REPOSITORY;
    }
}
