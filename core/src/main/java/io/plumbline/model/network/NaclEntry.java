package io.plumbline.model.network;

import io.plumbline.model.Provenance;
import io.plumbline.model.Value;

/**
 * One numbered network ACL entry; protocol is normalised ("-1", "tcp", "udp", "icmp", "icmpv6" or a number). The rule
 * number, protocol, ports and blocks go through {@link RuleValues} when the entry is built: a value AWS would reject
 * or read differently is unknown, with why.
 */
public record NaclEntry(Value<Integer> ruleNumber, boolean egress, Value<String> protocol, Value<String> action,
                        Value<String> cidr, Value<String> ipv6Cidr, Value<Integer> fromPort, Value<Integer> toPort,
                        Provenance location) {

    public NaclEntry {
        if (ruleNumber != null) ruleNumber = RuleValues.ruleNumber(ruleNumber);
        if (protocol != null) protocol = RuleValues.protocol(protocol);
        if (protocol != null && fromPort != null && toPort != null) {
            Value<Integer>[] ports = RuleValues.ports(protocol, fromPort, toPort);
            fromPort = ports[0];
            toPort = ports[1];
        }
        if (cidr != null) cidr = RuleValues.cidr(cidr, Cidr.V4);
        if (ipv6Cidr != null) ipv6Cidr = RuleValues.cidr(ipv6Cidr, Cidr.V6);
    }
}
