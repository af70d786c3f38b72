package io.plumbline.model.network;

import java.util.Locale;

/** Normalises the many spellings of IP protocols in plans, templates and the EC2 API. */
public final class Protocols {
    /** Compiled once: every rule of a large plan names a protocol (String.matches compiles its pattern each call). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?[0-9]{1,9}");
    private static final java.util.regex.Pattern SHORT_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,3}");

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
            default -> number(p);
        };
    }

    /** A protocol number as AWS writes it ("50", not "050"); the text itself when it is not a number. */
    private static String number(String p) {
        if (!NUMBER.matcher(p).matches()) return p;
        int n = Integer.parseInt(p);
        return switch (n) {
            case -1 -> "-1";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 1 -> "icmp";
            case 58 -> "icmpv6";
            default -> String.valueOf(n);
        };
    }

    /** Whether a normalised protocol is one AWS accepts: -1, tcp, udp, icmp, icmpv6 or a number from 0 to 255. */
    public static boolean isValid(String normalised) {
        if (normalised == null) return false;
        if (!ignoresPorts(normalised) || "-1".equals(normalised)) return true;
        if (!SHORT_NUMBER.matcher(normalised).matches()) return false;
        return Integer.parseInt(normalised) <= 255;
    }

    /** EC2: "-1" and any protocol other than tcp, udp, icmp and icmpv6 allow all ports. */
    public static boolean ignoresPorts(String normalised) {
        return !("tcp".equals(normalised) || "udp".equals(normalised) || "icmp".equals(normalised)
                || "icmpv6".equals(normalised));
    }
}
