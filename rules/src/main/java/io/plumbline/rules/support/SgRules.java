package io.plumbline.rules.support;

import io.plumbline.model.network.Cidr;
import io.plumbline.model.network.SgRule;

/**
 * Matching security-group rules against ports and the internet. Each answer is three-valued: an unknown protocol,
 * port or peer gives {@link Match#UNKNOWN}, never "does not match". Protocols are those of
 * {@link io.plumbline.model.network.Protocols} ("-1", "tcp", "udp", "icmp", "icmpv6" or a number).
 */
public final class SgRules {

    /** Three-valued answer. */
    public enum Match {
        YES, NO, UNKNOWN;

        public static Match of(boolean b) {
            return b ? YES : NO;
        }
    }

    private SgRules() {
    }

    /**
     * Does the rule's peer stand for the whole internet: an IPv4 or IPv6 CIDR with prefix length 0
     * ({@code 0.0.0.0/0}, {@code ::/0})? A prefix list's entries are not in the input, so a prefix-list peer is
     * UNKNOWN; security-group and self peers match private addresses only, so they are never the internet.
     */
    public static Match fromInternet(SgRule rule) {
        return switch (rule.peerKind()) {
            case CIDR_IPV4, CIDR_IPV6 -> {
                if (rule.peerCidr().isUnknown()) yield Match.UNKNOWN;
                String cidr = rule.peerCidr().get();
                if (cidr == null) yield Match.UNKNOWN;
                // the model's rules hold only blocks Cidr reads (SgRule); read the same way here, never by the text
                try {
                    yield Match.of(Cidr.parse(cidr, false).isAll());
                } catch (Cidr.Unreadable e) {
                    yield Match.UNKNOWN;
                }
            }
            case SECURITY_GROUP, SELF -> Match.NO;
            case PREFIX_LIST, UNKNOWN -> Match.UNKNOWN;
        };
    }

    /** Does the rule allow TCP traffic to {@code port}: all-ports protocols, or tcp with from ≤ port ≤ to. */
    public static Match coversTcpPort(SgRule rule, int port) {
        if (rule.protocol().isUnknown() || rule.protocol().get() == null) return Match.UNKNOWN;
        if (rule.allPorts()) return Match.YES;
        if (!"tcp".equals(rule.protocol().get())) return Match.NO;
        if (!rule.fromPort().isPresent() || !rule.toPort().isPresent()) return Match.UNKNOWN;
        return Match.of(rule.fromPort().get() <= port && port <= rule.toPort().get());
    }

    /**
     * Does the rule open every port: protocol "-1" (or another protocol that ignores ports), or tcp/udp over the
     * whole range 0–65535 (Terraform writes tcp 0–65535 for "all TCP").
     */
    public static Match coversAllPorts(SgRule rule) {
        if (rule.protocol().isUnknown() || rule.protocol().get() == null) return Match.UNKNOWN;
        if (rule.allPorts()) return Match.YES;
        String p = rule.protocol().get();
        if (!"tcp".equals(p) && !"udp".equals(p)) return Match.NO;
        if (!rule.fromPort().isPresent() || !rule.toPort().isPresent()) return Match.UNKNOWN;
        return Match.of(rule.fromPort().get() <= 0 && rule.toPort().get() >= 65535);
    }

    /** "tcp 22", "tcp 0-65535", "all traffic (protocol -1)", "protocol unknown". */
    public static String describeTraffic(SgRule rule) {
        if (rule.protocol().isUnknown() || rule.protocol().get() == null) return "protocol " + rule.protocol().display();
        String p = rule.protocol().get();
        if (rule.protocol().isSensitive()) return "protocol " + Fields.shown(rule.protocol());
        if ("-1".equals(p)) return "all traffic (protocol -1)";
        if (rule.allPorts()) return "all ports of protocol " + p;
        String from = rule.fromPort().isPresent() ? Fields.shown(rule.fromPort()) : "?";
        String to = rule.toPort().isPresent() ? Fields.shown(rule.toPort()) : "?";
        return p + " " + (from.equals(to) ? from : from + "-" + to);
    }

    /** Why the rule's protocol or ports are unknown, or null when they are known. */
    public static String whyTrafficUnknown(SgRule rule) {
        if (rule.protocol().isUnknown()) return rule.protocol().note();
        if (rule.allPorts()) return null;
        if (rule.fromPort().isUnknown()) return rule.fromPort().note();
        if (rule.toPort().isUnknown()) return rule.toPort().note();
        return null;
    }

    /** The peer as written: the CIDR, the group, "self" or the prefix list. */
    public static String describePeer(SgRule rule) {
        return switch (rule.peerKind()) {
            case CIDR_IPV4, CIDR_IPV6 -> rule.peerCidr().display();
            case SECURITY_GROUP -> "security group " + rule.peerGroup().display();
            case SELF -> "the group itself";
            case PREFIX_LIST -> "prefix list " + (rule.peerCidr().isPresent() ? Fields.shown(rule.peerCidr())
                    : rule.peerGroup().display());
            case UNKNOWN -> "an unknown source";
        };
    }
}
