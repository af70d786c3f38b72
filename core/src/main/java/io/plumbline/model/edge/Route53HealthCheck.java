package io.plumbline.model.edge;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Route 53 health check. */
public final class Route53HealthCheck extends Resource {
    public Value<String> type = Value.notInInput();
    public Value<String> fqdn = Value.notInInput();
    public Value<Integer> port = Value.notInInput();
    public Value<String> resourcePath = Value.notInInput();
    public Value<Integer> failureThreshold = Value.notInInput();
    /** Seconds between checks (10 or 30). */
    public Value<Integer> requestInterval = Value.notInInput();
    public Value<Boolean> enableSni = Value.notInInput();
    public Value<String> ipAddress = Value.notInInput();
    /** An inverted check reports healthy when the endpoint is unhealthy. */
    public Value<Boolean> inverted = Value.notInInput();
    /** A disabled check is always reported healthy. */
    public Value<Boolean> disabled = Value.notInInput();
    public Route53HealthCheck(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ROUTE53_HEALTH_CHECK;
    }
}
