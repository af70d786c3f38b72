package io.plumbline.model.compute;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EKS managed node group. */
public final class NodeGroup extends Resource {
    public Value<Ref> cluster = Value.notInInput();
    public Value<List<Ref>> subnets = Value.notInInput();
    public Value<Integer> minSize = Value.notInInput();
    public Value<Integer> desiredSize = Value.notInInput();
    public Value<Integer> maxSize = Value.notInInput();
    public Value<String> capacityType = Value.notInInput();
    public Value<Map<String, String>> labels = Value.notInInput();
    public Value<String> sshKey = Value.notInInput();
    public Value<List<Ref>> sshSourceSecurityGroups = Value.notInInput();
    public Value<Ref> launchTemplate = Value.notInInput();
    public Value<List<String>> instanceTypes = Value.notInInput();
    /** Kubernetes taints as {@code key=value:EFFECT} (effect as EKS spells it: NO_SCHEDULE, NO_EXECUTE, PREFER_NO_SCHEDULE). */
    public Value<List<String>> taints = Value.notInInput();
    /** The Auto Scaling groups EKS created for the node group. */
    public Value<List<Ref>> autoScalingGroups = Value.notInInput();
    public NodeGroup(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.NODE_GROUP;
    }
}
