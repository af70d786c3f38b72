package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import io.plumbline.reach.Traffic.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A security group with its rules compiled once: each rule's traffic as a {@link Traffic} set, its CIDR parsed, its
 * peer group resolved, and the rules indexed by the group they reference. Also stands for groups the model cannot
 * show: an id not in the input, the EKS cluster security group, a VPC's default group ({@link #unknown} then says why
 * the rules are not known, or the rules are AWS's documented defaults).
 */
final class SecurityGroupInfo {
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    /** Unique among all groups, for equivalence keys. */
    final long id = IDS.incrementAndGet();
    final String name;
    final SecurityGroup group;
    final Provenance location;
    /** Why the group's rules are not known at all, else null. */
    final String unknown;
    /** Why the rule list may be incomplete, else null. */
    String incomplete;
    final List<Rule> ingress = new ArrayList<>();
    final List<Rule> egress = new ArrayList<>();
    /** Rules whose peer is a (known) security group, by that group. */
    // insertion-ordered (not identity-hashed): witnesses that scan every rule must not depend on the run
    final Map<SecurityGroupInfo, List<Rule>> ingressByGroup = new java.util.LinkedHashMap<>();
    final Map<SecurityGroupInfo, List<Rule>> egressByGroup = new java.util.LinkedHashMap<>();
    /** The other rules: CIDR, prefix-list and unknown peers. */
    final List<Rule> ingressOther = new ArrayList<>();
    final List<Rule> egressOther = new ArrayList<>();
    /** The most each direction can allow. */
    Traffic ingressBound = Traffic.NONE;
    Traffic egressBound = Traffic.NONE;

    SecurityGroupInfo(String name, SecurityGroup group, Provenance location, String unknown) {
        this.name = name;
        this.group = group;
        this.location = location == null ? Provenance.NONE : location;
        this.unknown = unknown;
        if (unknown != null) {
            ingressBound = Traffic.ALL;
            egressBound = Traffic.ALL;
        }
    }

    List<Rule> rules(Direction d) {
        return d == Direction.INGRESS ? ingress : egress;
    }

    Map<SecurityGroupInfo, List<Rule>> byGroup(Direction d) {
        return d == Direction.INGRESS ? ingressByGroup : egressByGroup;
    }

    List<Rule> other(Direction d) {
        return d == Direction.INGRESS ? ingressOther : egressOther;
    }

    Traffic bound(Direction d) {
        return d == Direction.INGRESS ? ingressBound : egressBound;
    }

    void add(Rule r) {
        boolean in = r.rule.direction() == Direction.INGRESS;
        (in ? ingress : egress).add(r);
        if (r.peerGroup != null) {
            (in ? ingressByGroup : egressByGroup).computeIfAbsent(r.peerGroup, k -> new ArrayList<>()).add(r);
        } else {
            (in ? ingressOther : egressOther).add(r);
        }
        if (in) ingressBound = TrafficSets.or(ingressBound, r.traffic);
        else egressBound = TrafficSets.or(egressBound, r.traffic);
    }

    void markIncomplete(String why) {
        incomplete = why;
        ingressBound = Traffic.ALL;
        egressBound = Traffic.ALL;
    }

    @Override
    public String toString() {
        return name;
    }

    /** One rule, compiled. */
    static final class Rule {
        final SgRule rule;
        final SecurityGroupInfo owner;
        /** The traffic the rule names (all ports of the protocol when the ports are unknown). */
        final Traffic traffic;
        /** Why the rule's protocol or ports are unknown, else null. */
        final String trafficUnknown;
        /** The peer block of a CIDR rule; null when the rule has none or it cannot be read ({@link #peerUnknown}). */
        final IpRange cidr;
        final int cidrFamily;
        /** The referenced group of a SECURITY_GROUP or SELF rule, when known. */
        final SecurityGroupInfo peerGroup;
        /** Why the peer is unknown (unknown CIDR, unresolvable group, prefix list without entries), else null. */
        final String peerUnknown;

        Rule(SgRule rule, SecurityGroupInfo owner, Traffic traffic, String trafficUnknown, IpRange cidr,
             SecurityGroupInfo peerGroup, String peerUnknown) {
            this.rule = rule;
            this.owner = owner;
            this.traffic = traffic;
            this.trafficUnknown = trafficUnknown;
            this.cidr = cidr;
            this.cidrFamily = rule.peerKind() == PeerKind.CIDR_IPV6 ? IpRange.V6 : IpRange.V4;
            this.peerGroup = peerGroup;
            this.peerUnknown = peerUnknown;
        }

        /** Whether the rule's peer is {@code peer} (the other end of the flow, as one address atom). */
        Match matches(Peer peer) {
            switch (rule.peerKind()) {
                case CIDR_IPV4, CIDR_IPV6 -> {
                    if (cidrFamily != peer.family) return Match.NO;
                    if (cidr == null) return Match.MAYBE;
                    if (peer.address == null) return cidr.isAll() ? Match.YES : Match.MAYBE;
                    return cidr.covers(peer.address);
                }
                case PREFIX_LIST -> {
                    // an internet atom stands for many addresses: some lie outside any prefix list
                    return peer.internet && peer.outsideUnknownLists ? Match.NO : Match.MAYBE;
                }
                case SECURITY_GROUP, SELF -> {
                    if (peer.internet || peer.groups() == null || peer.groups().unfiltered) return Match.NO;
                    if (peerGroup == null) return Match.MAYBE;
                    return peer.groups().carries(peerGroup);
                }
                default -> {
                    return Match.MAYBE;
                }
            }
        }

        /** Why the rule may or may not apply to {@code peer}. */
        String whyMaybe(Peer peer) {
            if (trafficUnknown != null) return trafficUnknown;
            if (peerUnknown != null) return peerUnknown;
            if (peerGroup != null && peer.groups() != null && peer.groups().unknownMembers != null) {
                return "whether " + peer.label() + " carries " + peerGroup.name + " is unknown: " + peer.groups().unknownMembers;
            }
            if (cidr != null && peer.address == null) {
                String note = peer.eni == null ? null : peer.family == IpRange.V4 ? peer.eni.subnet.cidrNote
                        : peer.eni.subnet.ipv6Note;
                return note != null ? note : "the address of " + peer.label() + " is not known before apply";
            }
            if (cidr != null) return "only part of " + peer.label() + " lies in " + cidr + ", and its address is not known";
            return "whether " + peer.label() + " is its peer is unknown";
        }

        String peerText() {
            switch (rule.peerKind()) {
                case CIDR_IPV4, CIDR_IPV6 -> {
                    return rule.peerCidr().isKnown() ? String.valueOf(rule.peerCidr().get()) : "an unknown CIDR";
                }
                case PREFIX_LIST -> {
                    return "prefix list " + (rule.peerCidr().isPresent() ? rule.peerCidr().get() : "(unknown)");
                }
                case SELF -> {
                    return "itself (" + owner.name + ")";
                }
                case SECURITY_GROUP -> {
                    if (peerGroup != null) return "security group " + peerGroup.name;
                    return "security group " + (rule.peerGroup().isPresent() ? rule.peerGroup().get().target() : "(unknown)");
                }
                default -> {
                    return "an unknown peer";
                }
            }
        }

        String describe() {
            boolean in = rule.direction() == Direction.INGRESS;
            String where = rule.origin() == null || rule.origin().equals(owner.name) ? "rule of " + owner.name
                    : rule.origin() + " on " + owner.name;
            return (in ? "ingress " : "egress ") + protocolText() + (in ? " from " : " to ") + peerText() + " (" + where + ")";
        }

        String protocolText() {
            if (!rule.protocol().isKnown()) return "unknown protocol";
            String p = rule.protocol().get();
            if ("-1".equals(p)) return "all traffic";
            if (("tcp".equals(p) || "udp".equals(p))) {
                PortSet ports = traffic.ports("tcp".equals(p) ? Protocol.TCP : Protocol.UDP);
                return p + " " + (trafficUnknown != null ? "(unknown ports)" : ports.toString());
            }
            return "icmp".equals(p) || "icmpv6".equals(p) ? p : "protocol " + p;
        }

        Provenance location() {
            return rule.location() == null || rule.location() == Provenance.NONE ? owner.location : rule.location();
        }
    }
}
