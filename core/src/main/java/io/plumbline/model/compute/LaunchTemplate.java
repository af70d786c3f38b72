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
    /** IMDS PUT response hop limit; null when the template leaves it to the AMI/instance default. */
    public Value<Integer> metadataHopLimit = Value.notInInput();
    /** Whether the primary network interface associates a public IPv4 address; null when the template does not say. */
    public Value<Boolean> associatePublicIp = Value.notInInput();
    /** Instance market type ({@code spot}; null = on-demand), from InstanceMarketOptions.MarketType. */
    public Value<String> marketType = Value.notInInput();
    public LaunchTemplate(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.LAUNCH_TEMPLATE;
    }
}
