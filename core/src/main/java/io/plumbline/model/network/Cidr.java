package io.plumbline.model.network;

import java.util.Locale;

/**
 * An IPv4 or IPv6 address block read from text: the one reader of CIDR blocks for every source, rule and the path
 * engine, so that a text one of them cannot read is never read by another as something else. The address is an
 * unsigned 128-bit number in two longs (IPv4 uses the low 32 bits), already masked to the prefix: AWS stores a
 * block written with host bits ({@code 10.0.0.1/8}) as its network ({@code 10.0.0.0/8}).
 *
 * <p>Strict on purpose: {@code 999.1.1.1/33}, {@code 0.0.0.0/00}, {@code 010.0.0.0/8}, {@code 0.0.0.0/0,10.0.0.0/8},
 * zone ids and surrounding blanks are not blocks AWS accepts, and guessing their meaning could turn an open rule into
 * a closed one.
 */
public record Cidr(int family, long hi, long lo, int prefix, boolean written) {
    /** Compiled once: every rule of a large plan holds a block (String.matches compiles its pattern each call). */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final java.util.regex.Pattern HEX_GROUP = java.util.regex.Pattern.compile("[0-9a-f]{1,4}");

    public static final int V4 = 4;
    public static final int V6 = 6;

    /** Thrown by {@link #parse} with the reason, in the user's terms. */
    public static final class Unreadable extends IllegalArgumentException {
        Unreadable(String why) {
            super(why);
        }
    }

    /**
     * A block ({@code 10.0.0.0/16}, {@code 2001:db8::/56}), or a single address when {@code allowAddress} (then the
     * prefix is 32 or 128 and {@link #written} is false).
     *
     * @throws Unreadable saying why the text is not one
     */
    public static Cidr parse(String text, boolean allowAddress) {
        if (text == null) throw new Unreadable("no block is given");
        if (text.isEmpty()) throw new Unreadable("the block is empty");
        if (!text.strip().equals(text)) throw new Unreadable("it has blanks around it");
        if (text.indexOf(',') >= 0) throw new Unreadable("it holds several blocks separated by ',' (a rule holds one)");
        String s = text.toLowerCase(Locale.ROOT);
        int slash = s.indexOf('/');
        if (slash != s.lastIndexOf('/')) throw new Unreadable("it has more than one '/'");
        String addr = slash < 0 ? s : s.substring(0, slash);
        boolean v6 = addr.indexOf(':') >= 0;
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash < 0) {
            if (!allowAddress) throw new Unreadable("it has no prefix length (a block is written address/length)");
        } else {
            String len = s.substring(slash + 1);
            if (!DECIMAL.matcher(len).matches()) {
                throw new Unreadable("its prefix length \"" + clip(len) + "\" is not a number from 0 to " + max
                        + " written without leading zeros");
            }
            prefix = Integer.parseInt(len);
            if (prefix > max) throw new Unreadable("its prefix length " + prefix + " is larger than " + max);
        }
        long[] a = v6 ? parseV6(addr) : parseV4(addr);
        long maskHi;
        long maskLo;
        if (v6) {
            maskHi = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        } else {
            maskHi = 0;
            maskLo = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }
        return new Cidr(v6 ? V6 : V4, a[0] & maskHi, a[1] & maskLo, prefix, slash >= 0);
    }

    /** Why {@code text} is not a block of {@code family} (as written in a rule), or null when it is one. */
    public static String problem(String text, int family) {
        try {
            Cidr c = parse(text, false);
            if (c.family != family) {
                return "it is an " + (c.family == V6 ? "IPv6" : "IPv4") + " block where an "
                        + (family == V6 ? "IPv6" : "IPv4") + " block is expected";
            }
            return null;
        } catch (Unreadable e) {
            return e.getMessage();
        }
    }

    /** Whether the block holds every address of its family ({@code 0.0.0.0/0}, {@code ::/0}). */
    public boolean isAll() {
        return prefix == 0;
    }

    private static long[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) throw new Unreadable("\"" + clip(s) + "\" is not an IPv4 address of four numbers");
        long v = 0;
        for (String p : parts) {
            if (!DECIMAL.matcher(p).matches() || Integer.parseInt(p) > 255) {
                throw new Unreadable("\"" + clip(s) + "\" is not an IPv4 address (each of its four numbers is 0 to 255, "
                        + "without leading zeros)");
            }
            v = (v << 8) | Integer.parseInt(p);
        }
        return new long[] {0, v};
    }

    private static long[] parseV6(String s) {
        String bad = "\"" + clip(s) + "\" is not an IPv6 address";
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) throw new Unreadable(bad + " ('::' appears twice)");
        // an embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups
        long[] v4 = null;
        int lastColon = s.lastIndexOf(':');
        if (s.indexOf('.', lastColon) >= 0) {
            v4 = parseV4(s.substring(lastColon + 1));
            s = s.substring(0, lastColon + 1) + "0:0";
        }
        String[] head;
        String[] tail;
        if (dbl >= 0) {
            String h = s.substring(0, dbl);
            String t = s.substring(dbl + 2);
            head = h.isEmpty() ? new String[0] : h.split(":", -1);
            tail = t.isEmpty() ? new String[0] : t.split(":", -1);
        } else {
            head = s.split(":", -1);
            tail = new String[0];
        }
        int groups = head.length + tail.length;
        if (dbl < 0 && groups != 8 || dbl >= 0 && groups > 7) throw new Unreadable(bad + " (it needs eight groups)");
        int[] g = new int[8];
        for (int i = 0; i < head.length; i++) g[i] = hex(head[i], bad);
        for (int i = 0; i < tail.length; i++) g[8 - tail.length + i] = hex(tail[i], bad);
        if (v4 != null) {
            g[6] = (int) (v4[1] >>> 16);
            g[7] = (int) (v4[1] & 0xFFFF);
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) hi = (hi << 16) | g[i];
        for (int i = 4; i < 8; i++) lo = (lo << 16) | g[i];
        return new long[] {hi, lo};
    }

    private static int hex(String p, String bad) {
        if (!HEX_GROUP.matcher(p).matches()) throw new Unreadable(bad + " (\"" + clip(p) + "\" is not a group of 1 to 4 hex digits)");
        return Integer.parseInt(p, 16);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
