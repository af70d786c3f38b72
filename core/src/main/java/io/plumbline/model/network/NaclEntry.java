package io.plumbline.model.network;

import io.plumbline.model.Provenance;
import io.plumbline.model.Value;

/** One numbered network ACL entry; protocol is normalised ("-1", "tcp", "udp", "icmp", "icmpv6" or a number). */
public record NaclEntry(Value<Integer> ruleNumber, boolean egress, Value<String> protocol, Value<String> action,
                        Value<String> cidr, Value<String> ipv6Cidr, Value<Integer> fromPort, Value<Integer> toPort,
                        Provenance location) {
}
