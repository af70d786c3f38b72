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
    /** Mixed instances policy: percentage of on-demand above the base capacity (100 = no spot); null without a policy. */
    public Value<Integer> onDemandPercentageAboveBase = Value.notInInput();
    /** Mixed instances policy: on-demand base capacity; null without a policy. */
    public Value<Integer> onDemandBaseCapacity = Value.notInInput();
    /** Instance types of the mixed instances policy's overrides (empty without overrides or policy). */
    public Value<List<String>> instanceTypes = Value.notInInput();
    /** Where the group's instances run now (live only: the configured zones are {@link #availabilityZones}). */
    public Value<List<String>> instanceAvailabilityZones = Value.notInInput();
    public AutoScalingGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.AUTO_SCALING_GROUP;
    }
}
