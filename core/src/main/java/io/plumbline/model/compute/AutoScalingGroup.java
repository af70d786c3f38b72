package io.plumbline.model.compute;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EC2 Auto Scaling group. */
public final class AutoScalingGroup extends Resource {
    public Value<List<Ref>> subnets = Value.notInInput();
    public Value<List<String>> availabilityZones = Value.notInInput();
    public Value<Integer> minSize = Value.notInInput();
    public Value<Integer> maxSize = Value.notInInput();
    public Value<Integer> desiredCapacity = Value.notInInput();
    public Value<Ref> launchTemplate = Value.notInInput();
    public AutoScalingGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.AUTO_SCALING_GROUP;
    }
}
