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
    public Route53HealthCheck(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.ROUTE53_HEALTH_CHECK;
    }
}
