package io.plumbline.reach;

import java.util.EnumMap;
import java.util.Map;

/**
 * A set of traffic: for each protocol, the destination ports. ICMP, ICMPv6 and other protocols have no ports; they are
 * either wholly in the set ({@link PortSet#ALL}) or not.
 */
public final class Traffic {
    public enum Protocol { TCP, UDP, ICMP, ICMPV6, OTHER }

    public static final Traffic NONE = new Traffic(new EnumMap<>(Protocol.class));
    public static final Traffic ALL;

    static {
        Map<Protocol, PortSet> m = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) m.put(p, PortSet.ALL);
        ALL = new Traffic(m);
    }

    private final Map<Protocol, PortSet> ports;

    private Traffic(Map<Protocol, PortSet> ports) {
        this.ports = ports;
    }

    public static Traffic tcp(PortSet ports) {
        return of(Protocol.TCP, ports);
    }

    public static Traffic tcp(int... ports) {
        return of(Protocol.TCP, PortSet.of(ports));
    }

    public static Traffic of(Protocol protocol, PortSet set) {
        Map<Protocol, PortSet> m = new EnumMap<>(Protocol.class);
        if (!set.isEmpty()) m.put(protocol, protocol == Protocol.TCP || protocol == Protocol.UDP ? set : PortSet.ALL);
        return new Traffic(m);
    }

    public PortSet ports(Protocol p) {
        return ports.getOrDefault(p, PortSet.EMPTY);
    }

    public boolean isEmpty() {
        for (PortSet s : ports.values()) if (!s.isEmpty()) return false;
        return true;
    }

    public Traffic union(Traffic o) {
        Map<Protocol, PortSet> m = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            PortSet s = ports(p).union(o.ports(p));
            if (!s.isEmpty()) m.put(p, s);
        }
        return new Traffic(m);
    }

    public Traffic intersect(Traffic o) {
        Map<Protocol, PortSet> m = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            PortSet s = ports(p).intersect(o.ports(p));
            if (!s.isEmpty()) m.put(p, s);
        }
        return new Traffic(m);
    }

    public Traffic minus(Traffic o) {
        Map<Protocol, PortSet> m = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            PortSet s = ports(p).minus(o.ports(p));
            if (!s.isEmpty()) m.put(p, s);
        }
        return new Traffic(m);
    }

    public boolean containsAll(Traffic o) {
        return o.minus(this).isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Traffic t && ports.equals(t.ports);
    }

    @Override
    public int hashCode() {
        return ports.hashCode();
    }

    /** "tcp 443, 80; icmp" or "none". */
    @Override
    public String toString() {
        if (isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (var e : ports.entrySet()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
            if (e.getKey() == Protocol.TCP || e.getKey() == Protocol.UDP) sb.append(' ').append(e.getValue());
        }
        return sb.toString();
    }
}
