package io.plumbline.model.network;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;

/**
 * One security group rule with exactly one peer. Protocol is normalised by {@link Protocols}: "-1" for all, "tcp",
 * "udp", "icmp", "icmpv6", or another protocol number as a string. {@code origin} is the address of the resource that
 * declared it (the group itself for inline rules, or a standalone rule resource). The protocol, ports and CIDR go
 * through {@link RuleValues} when the rule is built: a value AWS would reject or read differently is unknown, with why.
 */
public record SgRule(Direction direction, Value<String> protocol, Value<Integer> fromPort, Value<Integer> toPort,
                     PeerKind peerKind, Value<String> peerCidr, Value<Ref> peerGroup, String description,
                     String origin, Provenance location) {

    public enum Direction { INGRESS, EGRESS }

    public SgRule {
        if (protocol != null) protocol = RuleValues.protocol(protocol);
        if (protocol != null && fromPort != null && toPort != null) {
            Value<Integer>[] ports = RuleValues.ports(protocol, fromPort, toPort);
            fromPort = ports[0];
            toPort = ports[1];
        }
        if (peerCidr != null && (peerKind == PeerKind.CIDR_IPV4 || peerKind == PeerKind.CIDR_IPV6)) {
            peerCidr = RuleValues.cidr(peerCidr, peerKind == PeerKind.CIDR_IPV6 ? Cidr.V6 : Cidr.V4);
        }
    }

    public enum PeerKind { CIDR_IPV4, CIDR_IPV6, PREFIX_LIST, SECURITY_GROUP, SELF, UNKNOWN }

    /** True when the rule's protocol ignores ports (all traffic, or a protocol other than tcp/udp/icmp/icmpv6). */
    public boolean allPorts() {
        return protocol.isKnown() && Protocols.ignoresPorts(protocol.get());
    }
}
