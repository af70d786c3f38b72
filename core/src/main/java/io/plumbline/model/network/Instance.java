package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EC2 instance. */
public final class Instance extends Resource {
    public Value<Ref> subnet = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<Boolean> associatePublicIp = Value.notInInput();
    public Value<String> availabilityZone = Value.notInInput();
    /** IMDS: {@code required} (IMDSv2 only) or {@code optional}, as the EC2 API and Terraform spell it. */
    public Value<String> metadataHttpTokens = Value.notInInput();
    /** IMDS PUT response hop limit (1 keeps pods from reaching the node's credentials). */
    public Value<Integer> metadataHopLimit = Value.notInInput();
    public Instance(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.INSTANCE;
    }
}
