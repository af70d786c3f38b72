package io.plumbline.model.network;

import io.plumbline.model.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An Elastic Load Balancing v2 load balancer with its listeners. */
public final class LoadBalancer extends Resource {
    public Value<String> type = Value.notInInput();
    public Value<Boolean> internal = Value.notInInput();
    public Value<List<Ref>> subnets = Value.notInInput();
    public Value<List<Ref>> securityGroups = Value.notInInput();
    public Value<Boolean> deletionProtection = Value.notInInput();
    public Value<Boolean> accessLogsEnabled = Value.notInInput();
    /** The bucket access logs go to (access_logs.s3.bucket: a name or a bucket of the input); null when not set. */
    public Value<Ref> accessLogsBucket = Value.notInInput();
    public Value<Boolean> dropInvalidHeaderFields = Value.notInInput();
    /** routing.http.desync_mitigation_mode: {@code monitor}, {@code defensive} or {@code strictest}. */
    public Value<String> desyncMitigationMode = Value.notInInput();
    public final List<Listener> listeners = new ArrayList<>();
    public LoadBalancer(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.LOAD_BALANCER;
    }
}
