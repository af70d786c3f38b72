package io.plumbline.reach;

import io.plumbline.reach.Traffic.Protocol;

/** Traffic sets the engine needs often: each IP family's protocols, and the replies of a flow. */
final class TrafficSets {
    private TrafficSets() {
    }

    /** Ephemeral ports a reply goes back to (catalog §11.3: the conservative 1024–65535). */
    static final PortSet EPHEMERAL = PortSet.range(1024, 65535);

    static final Traffic IPV4 = Traffic.tcp(PortSet.ALL).union(Traffic.of(Protocol.UDP, PortSet.ALL))
            .union(Traffic.of(Protocol.ICMP, PortSet.ALL)).union(Traffic.of(Protocol.OTHER, PortSet.ALL));
    static final Traffic IPV6 = Traffic.tcp(PortSet.ALL).union(Traffic.of(Protocol.UDP, PortSet.ALL))
            .union(Traffic.of(Protocol.ICMPV6, PortSet.ALL)).union(Traffic.of(Protocol.OTHER, PortSet.ALL));

    /** The protocols that exist over one IP family (ICMP over IPv4, ICMPv6 over IPv6). */
    static Traffic family(int family) {
        return family == IpRange.V4 ? IPV4 : IPV6;
    }

    static Traffic and(Traffic a, Traffic b) {
        if (a == b) return a;
        if (a.isEmpty() || b.isEmpty()) return Traffic.NONE;
        if (a == Traffic.ALL) return b;
        if (b == Traffic.ALL) return a;
        return a.intersect(b);
    }

    static Traffic or(Traffic a, Traffic b) {
        if (a == b || b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        return a.union(b);
    }

    /** True when {@code big} holds all of {@code small}. */
    static boolean covers(Traffic big, Traffic small) {
        if (small.isEmpty() || big == small || big == Traffic.ALL) return true;
        return big.containsAll(small);
    }

    /** The replies of {@code forward}: tcp and udp back to the ephemeral ports, other protocols as they are. */
    static Traffic replies(Traffic forward) {
        Traffic out = Traffic.NONE;
        for (Protocol p : Protocol.values()) {
            if (forward.ports(p).isEmpty()) continue;
            boolean ports = p == Protocol.TCP || p == Protocol.UDP;
            out = out.union(Traffic.of(p, ports ? EPHEMERAL : PortSet.ALL));
        }
        return out;
    }

    /**
     * The forward traffic whose replies fare as {@code reply} says: a tcp/udp flow's reply certainly passes when every
     * ephemeral port passes, may pass when some may, and fails when none can (the client picks the port).
     */
    static Outcome forwardOf(Traffic forward, Outcome reply) {
        Traffic allowed = Traffic.NONE;
        Traffic possible = Traffic.NONE;
        for (Protocol p : Protocol.values()) {
            PortSet f = forward.ports(p);
            if (f.isEmpty()) continue;
            Traffic fp = Traffic.of(p, f);
            boolean ports = p == Protocol.TCP || p == Protocol.UDP;
            PortSet need = ports ? EPHEMERAL : PortSet.ALL;
            if (reply.allowed().ports(p).containsAll(need)) allowed = allowed.union(fp);
            if (reply.possible().ports(p).intersects(need)) possible = possible.union(fp);
        }
        return new Outcome(allowed, possible);
    }

    static String show(Traffic t) {
        return t.isEmpty() ? "no traffic" : t.toString();
    }
}
