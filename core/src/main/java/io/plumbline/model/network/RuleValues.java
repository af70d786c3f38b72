package io.plumbline.model.network;

import io.plumbline.model.Value;

/**
 * The one reading of the protocol, port range and address block of a security group rule or a network ACL entry,
 * whatever the source (plan, template, snapshot, live account). {@link SgRule} and {@link NaclEntry} pass their
 * values through it when they are built, so that a rule can never hold a value AWS would reject or read differently:
 * such a value becomes unknown, with the reason, and every rule and the path engine say UNKNOWN, never "nothing open".
 *
 * <p>What AWS means (EC2 API, IpPermission and CreateNetworkAclEntry): the protocol is a name (tcp, udp, icmp,
 * icmpv6), a number from 0 to 255, or -1 for all; -1 and any protocol other than tcp, udp, icmp and icmpv6 allow every
 * port whatever range is given. For tcp and udp a range is required, each end 0 to 65535 and from ≤ to (-1 is not
 * "all ports" there). For icmp and icmpv6 the two numbers are a type and a code, each 0 to 255 or -1 for all.
 */
public final class RuleValues {
    private RuleValues() {
    }

    /** The protocol normalised by {@link Protocols}, or unknown when it is not one AWS accepts. */
    public static Value<String> protocol(Value<String> raw) {
        if (!raw.isPresent()) return raw;
        String p = Protocols.normalise(raw.get());
        if (Protocols.isValid(p)) return p.equals(raw.get()) ? raw : raw.map(x -> p);
        return unreadable(raw, "protocol", "it is not a protocol name (tcp, udp, icmp, icmpv6), a number from 0 to 255 "
                + "or -1 (all)");
    }

    /**
     * The port range {from, to} of a rule with {@code protocol} (normalised): unchanged when it means what it says,
     * both ends unknown (with the reason) when AWS would reject it. Ports of port-less protocols are kept as written:
     * AWS ignores them.
     */
    @SuppressWarnings("unchecked")
    public static Value<Integer>[] ports(Value<String> protocol, Value<Integer> from, Value<Integer> to) {
        Value<Integer>[] same = new Value[] {from, to};
        if (!protocol.isPresent()) return same;
        String p = protocol.get();
        boolean ports = "tcp".equals(p) || "udp".equals(p);
        boolean icmp = "icmp".equals(p) || "icmpv6".equals(p);
        if (!ports && !icmp) return same;
        if (from.isUnknown() || to.isUnknown()) return same;
        String why = null;
        if (ports) {
            if (from.get() == null || to.get() == null) {
                why = p + " needs a port range and " + (from.get() == null ? "its start" : "its end") + " is not set";
            } else if (from.get() < 0 || to.get() < 0 || from.get() > 65535 || to.get() > 65535) {
                why = "ports " + from.get() + " to " + to.get() + " are not a " + p + " port range (each end is 0 to 65535;"
                        + " -1 means all only for protocol -1 or icmp)";
            } else if (from.get() > to.get()) {
                why = "the " + p + " port range " + from.get() + "-" + to.get() + " is reversed (AWS requires from <= to)";
            }
        } else {
            for (Value<Integer> v : same) {
                if (v.get() != null && (v.get() < -1 || v.get() > 255)) {
                    why = "the " + p + " type and code " + from.get() + " and " + to.get() + " are not 0 to 255 or -1 (all)";
                }
            }
        }
        if (why == null) return same;
        if (from.isSensitive() || to.isSensitive()) why = "the " + p + " range is not one AWS accepts";
        return new Value[] {unreadable(from, null, why), unreadable(to, null, why)};
    }

    /** A block of {@code family} ({@link Cidr#V4} or {@link Cidr#V6}) as written, or unknown when it cannot be read. */
    public static Value<String> cidr(Value<String> v, int family) {
        if (!v.isPresent()) return v;
        String problem = Cidr.problem(v.get(), family);
        if (problem == null) return v;
        return unreadable(v, "CIDR block", problem);
    }

    /** A network ACL rule number: 1 to 32766 as written, 32767 for the default rule AWS reports; else unknown. */
    public static Value<Integer> ruleNumber(Value<Integer> v) {
        if (!v.isPresent() || v.get() >= 1 && v.get() <= 32767) return v;
        return unreadable(v, "rule number", "it is not from 1 to 32766");
    }

    /**
     * Unknown, keeping the place and the sensitivity; the value itself is named only when it is not sensitive (and
     * not at all when {@code what} is null: {@code why} then says everything).
     */
    private static <T> Value<T> unreadable(Value<T> v, String what, String why) {
        String shown = what == null ? "the port range" : v.isSensitive() ? "the " + what
                : "the " + what + " \"" + clip(String.valueOf(v.get())) + "\"";
        Value<T> u = Value.unknown(shown + " cannot be read: " + why, v.provenance());
        return v.isSensitive() ? u.asSensitive() : u;
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
