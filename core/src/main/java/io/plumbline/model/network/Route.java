package io.plumbline.model.network;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/** One route of a route table. {@code target} points at the gateway, NAT, instance... named by {@code targetType}. */
public record Route(Value<String> destinationCidr, Value<String> destinationIpv6Cidr, Value<String> destinationPrefixList,
                    RouteTarget targetType, Value<Ref> target, Value<String> state, Provenance location) {

    public enum RouteTarget {
        LOCAL, INTERNET_GATEWAY, EGRESS_ONLY_INTERNET_GATEWAY, NAT_GATEWAY, TRANSIT_GATEWAY, VPC_PEERING,
        VPC_ENDPOINT, NETWORK_INTERFACE, INSTANCE, VIRTUAL_PRIVATE_GATEWAY, OTHER, UNKNOWN
    }
}
