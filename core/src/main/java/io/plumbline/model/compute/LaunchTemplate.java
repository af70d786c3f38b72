package io.plumbline.model.compute;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An EC2 launch template. */
public final class LaunchTemplate extends Resource {
    public Value<List<EbsDevice>> blockDevices = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<String> metadataHttpTokens = Value.notInInput();
    public LaunchTemplate(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.LAUNCH_TEMPLATE;
    }
}
