package io.plumbline.reach;

import java.util.Arrays;

/**
 * A set of traffic: for each protocol, the destination ports. ICMP, ICMPv6 and other protocols have no ports; they are
 * either wholly in the set ({@link PortSet#ALL}) or not.
 */
public final class Traffic {
    public enum Protocol { TCP, UDP, ICMP, ICMPV6, OTHER }

    private static final Protocol[] PROTOCOLS = Protocol.values();

    public static final Traffic NONE = new Traffic(emptyPorts());
    public static final Traffic ALL;

    static {
        PortSet[] m = new PortSet[PROTOCOLS.length];
        Arrays.fill(m, PortSet.ALL);
        ALL = new Traffic(m);
    }

    /** Indexed by {@link Protocol#ordinal()}; {@link PortSet#EMPTY} for protocols not in the set. */
    private final PortSet[] ports;

    private Traffic(PortSet[] ports) {
        this.ports = ports;
    }

    private static PortSet[] emptyPorts() {
        PortSet[] m = new PortSet[PROTOCOLS.length];
        Arrays.fill(m, PortSet.EMPTY);
        return m;
    }

    public static Traffic tcp(PortSet ports) {
        return of(Protocol.TCP, ports);
    }

    public static Traffic tcp(int... ports) {
        return of(Protocol.TCP, PortSet.of(ports));
    }

    public static Traffic of(Protocol protocol, PortSet set) {
        if (set.isEmpty()) return NONE;
        PortSet[] m = emptyPorts();
        m[protocol.ordinal()] = protocol == Protocol.TCP || protocol == Protocol.UDP ? set : PortSet.ALL;
        return new Traffic(m);
    }

    public PortSet ports(Protocol p) {
        return ports[p.ordinal()];
    }

    public boolean isEmpty() {
        for (PortSet s : ports) if (!s.isEmpty()) return false;
        return true;
    }

    public Traffic union(Traffic o) {
        if (o == this || o.isEmpty()) return this;
        if (isEmpty()) return o;
        PortSet[] m = new PortSet[ports.length];
        boolean same = true;
        boolean sameO = true;
        for (int i = 0; i < m.length; i++) {
            m[i] = ports[i].union(o.ports[i]);
            same &= m[i] == ports[i];
            sameO &= m[i] == o.ports[i];
        }
        return same ? this : sameO ? o : new Traffic(m);
    }

    public Traffic intersect(Traffic o) {
        if (o == this) return this;
        PortSet[] m = new PortSet[ports.length];
        boolean same = true;
        boolean sameO = true;
        boolean empty = true;
        for (int i = 0; i < m.length; i++) {
            m[i] = ports[i].intersect(o.ports[i]);
            same &= m[i] == ports[i];
            sameO &= m[i] == o.ports[i];
            empty &= m[i].isEmpty();
        }
        return empty ? NONE : same ? this : sameO ? o : new Traffic(m);
    }

    public Traffic minus(Traffic o) {
        if (o.isEmpty()) return this;
        PortSet[] m = new PortSet[ports.length];
        boolean same = true;
        boolean empty = true;
        for (int i = 0; i < m.length; i++) {
            m[i] = ports[i].minus(o.ports[i]);
            same &= m[i] == ports[i];
            empty &= m[i].isEmpty();
        }
        return empty ? NONE : same ? this : new Traffic(m);
    }

    public boolean containsAll(Traffic o) {
        if (o == this) return true;
        for (int i = 0; i < ports.length; i++) if (!ports[i].containsAll(o.ports[i])) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Traffic t && Arrays.equals(ports, t.ports);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ports);
    }

    /** "tcp 443, 80; icmp" or "none". */
    @Override
    public String toString() {
        if (isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (Protocol p : PROTOCOLS) {
            PortSet s = ports[p.ordinal()];
            if (s.isEmpty()) continue;
            if (sb.length() > 0) sb.append("; ");
            sb.append(p.name().toLowerCase(java.util.Locale.ROOT));
            if (p == Protocol.TCP || p == Protocol.UDP) sb.append(' ').append(s);
        }
        return sb.toString();
    }
}
