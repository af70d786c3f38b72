package io.plumbline.model.network;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/** A load balancer listener; {@code address} names the resource that declared it. */
public record Listener(String address, Value<Integer> port, Value<String> protocol, Value<String> sslPolicy,
                       Value<String> certificateArn, Value<String> defaultActionType, Value<String> redirectProtocol,
                       Value<Ref> targetGroup, Provenance location) {
}
