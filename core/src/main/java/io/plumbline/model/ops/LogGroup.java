package io.plumbline.model.ops;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A CloudWatch Logs log group. */
public final class LogGroup extends Resource {
    public Value<Integer> retentionDays = Value.notInInput();
    public Value<Ref> kmsKey = Value.notInInput();
    public LogGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.LOG_GROUP;
    }
}
