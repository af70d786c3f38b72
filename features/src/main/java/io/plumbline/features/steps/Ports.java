package io.plumbline.features.steps;

import io.plumbline.reach.PortSet;
import io.plumbline.reach.Traffic;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Traffic as a feature writes it: {@code tcp 5432}, {@code tcp 80, 443}, {@code tcp 8080-8443}, {@code udp 53}, {@code icmp}, {@code any traffic}. */
public record Ports(Traffic traffic, String text) {
    public static final String REGEX = "(?:tcp|udp) \\d+(?:-\\d+)?(?:(?:, | and | or |, and )\\d+(?:-\\d+)?)*|icmp|any traffic";

    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");

    public static Ports parse(String text) {
        String t = text.trim();
        if (t.equals("any traffic")) return new Ports(Traffic.ALL, t);
        if (t.equals("icmp")) return new Ports(Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL), t);
        Traffic.Protocol protocol;
        if (t.startsWith("tcp ")) protocol = Traffic.Protocol.TCP;
        else if (t.startsWith("udp ")) protocol = Traffic.Protocol.UDP;
        else throw new IllegalArgumentException("not traffic: " + text + " (expected e.g. tcp 443, tcp 80, 443, udp 53)");
        PortSet ports = PortSet.EMPTY;
        Matcher m = RANGE.matcher(t.substring(4));
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from > PortSet.MAX || to > PortSet.MAX || from > to) {
                throw new IllegalArgumentException("not a port range: " + m.group() + " (0-65535)");
            }
            ports = ports.union(PortSet.range(from, to));
        }
        return new Ports(Traffic.of(protocol, ports), t);
    }

    @Override
    public String toString() {
        return text;
    }
}
