package io.plumbline.model.network;

import java.util.Locale;

/** Normalises the many spellings of IP protocols in plans, templates and the EC2 API. */
public final class Protocols {
    private Protocols() {
    }

    public static String normalise(String raw) {
        if (raw == null) return null;
        String p = raw.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "-1", "all", "any", "*" -> "-1";
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            case "58", "icmpv6" -> "icmpv6";
            default -> p;
        };
    }

    /** EC2: "-1" and any protocol other than tcp, udp, icmp and icmpv6 allow all ports. */
    public static boolean ignoresPorts(String normalised) {
        return !("tcp".equals(normalised) || "udp".equals(normalised) || "icmp".equals(normalised)
                || "icmpv6".equals(normalised));
    }
}
