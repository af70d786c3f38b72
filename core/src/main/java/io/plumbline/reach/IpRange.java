package io.plumbline.reach;

import java.util.Locale;

/**
 * A contiguous range of IPv4 or IPv6 addresses, usually a CIDR block. Addresses are unsigned 128-bit numbers held in
 * two longs (an IPv4 address uses the low 32 bits), so that both families share one arithmetic.
 */
final class IpRange {
    static final int V4 = 4;
    static final int V6 = 6;

    final int family;
    final long startHi;
    final long startLo;
    final long endHi;
    final long endLo;
    /** The prefix length when the range is a CIDR block, else -1. */
    final int prefix;

    IpRange(int family, long startHi, long startLo, long endHi, long endLo, int prefix) {
        this.family = family;
        this.startHi = startHi;
        this.startLo = startLo;
        this.endHi = endHi;
        this.endLo = endLo;
        this.prefix = prefix >= 0 ? prefix : prefixOf(family, startHi, startLo, endHi, endLo);
    }

    /** The prefix length when [start, end] is exactly a CIDR block, else -1. */
    private static int prefixOf(int family, long sHi, long sLo, long eHi, long eLo) {
        int bits = family == V4 ? 32 : 128;
        // host part: the trailing bits where start is all zeros and end all ones
        for (int host = 0; host <= bits; host++) {
            int p = bits - host;
            long maskHi;
            long maskLo;
            if (family == V4) {
                maskHi = 0;
                maskLo = p == 0 ? 0 : (0xFFFFFFFFL << host) & 0xFFFFFFFFL;
            } else {
                maskHi = p == 0 ? 0 : p >= 64 ? -1L : -1L << (64 - p);
                maskLo = p <= 64 ? 0 : p == 128 ? -1L : -1L << (128 - p);
            }
            long hostHi = family == V4 ? 0 : ~maskHi;
            long hostLo = family == V4 ? ~maskLo & 0xFFFFFFFFL : ~maskLo;
            if ((sHi & hostHi) != 0 || (sLo & hostLo) != 0) return -1; // start not aligned for a larger host part
            if ((sHi | hostHi) == eHi && (sLo | hostLo) == eLo) return p;
        }
        return -1;
    }

    static final IpRange ALL_V4 = parse("0.0.0.0/0");
    static final IpRange ALL_V6 = parse("::/0");

    static IpRange all(int family) {
        return family == V4 ? ALL_V4 : ALL_V6;
    }

    /** A CIDR block ("10.0.0.0/16", "2001:db8::/56") or a single address; null when it cannot be read. */
    static IpRange parse(String text) {
        if (text == null) return null;
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return null;
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        boolean v6 = addr.indexOf(':') >= 0;
        int max = v6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > max) return null;
        }
        long[] a = v6 ? parseV6(addr) : parseV4(addr);
        if (a == null) return null;
        long maskHi;
        long maskLo;
        if (v6) {
            maskHi = prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
            maskLo = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        } else {
            maskHi = 0;
            maskLo = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }
        long sHi = a[0] & maskHi;
        long sLo = a[1] & maskLo;
        long eHi = v6 ? sHi | ~maskHi : 0;
        long eLo = v6 ? sLo | ~maskLo : sLo | (~maskLo & 0xFFFFFFFFL);
        return new IpRange(v6 ? V6 : V4, sHi, sLo, eHi, eLo, prefix);
    }

    private static long[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) return null;
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return null;
            }
            if (n < 0 || n > 255) return null;
            v = (v << 8) | n;
        }
        return new long[] {0, v};
    }

    private static long[] parseV6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
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
        if (dbl < 0 && groups != 8 || dbl >= 0 && groups > 7) return null;
        int[] g = new int[8];
        for (int i = 0; i < head.length; i++) {
            Integer v = hex(head[i]);
            if (v == null) return null;
            g[i] = v;
        }
        for (int i = 0; i < tail.length; i++) {
            Integer v = hex(tail[i]);
            if (v == null) return null;
            g[8 - tail.length + i] = v;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 4; i++) hi = (hi << 16) | g[i];
        for (int i = 4; i < 8; i++) lo = (lo << 16) | g[i];
        return new long[] {hi, lo};
    }

    private static Integer hex(String p) {
        if (p.isEmpty() || p.length() > 4) return null;
        try {
            return Integer.parseInt(p, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int compare(long hi1, long lo1, long hi2, long lo2) {
        int c = Long.compareUnsigned(hi1, hi2);
        return c != 0 ? c : Long.compareUnsigned(lo1, lo2);
    }

    boolean contains(IpRange o) {
        return family == o.family && compare(startHi, startLo, o.startHi, o.startLo) <= 0
                && compare(endHi, endLo, o.endHi, o.endLo) >= 0;
    }

    boolean intersects(IpRange o) {
        return family == o.family && compare(startHi, startLo, o.endHi, o.endLo) <= 0
                && compare(o.startHi, o.startLo, endHi, endLo) <= 0;
    }

    /** YES when {@code o} lies inside this range, NO when they are disjoint, MAYBE when they overlap in part. */
    Match covers(IpRange o) {
        if (!intersects(o)) return Match.NO;
        return contains(o) ? Match.YES : Match.MAYBE;
    }

    boolean isAll() {
        return prefix == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.family == family && r.startHi == startHi && r.startLo == startLo
                && r.endHi == endHi && r.endLo == endLo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(startHi * 31 + startLo) * 31 + Long.hashCode(endHi * 31 + endLo) + family;
    }

    @Override
    public String toString() {
        if (prefix >= 0) return format(family, startHi, startLo) + "/" + prefix;
        return format(family, startHi, startLo) + "-" + format(family, endHi, endLo);
    }

    static String format(int family, long hi, long lo) {
        if (family == V4) {
            return ((lo >>> 24) & 255) + "." + ((lo >>> 16) & 255) + "." + ((lo >>> 8) & 255) + "." + (lo & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) g[i] = (int) ((hi >>> (48 - 16 * i)) & 0xFFFF);
        for (int i = 0; i < 4; i++) g[4 + i] = (int) ((lo >>> (48 - 16 * i)) & 0xFFFF);
        // the longest run of zero groups becomes "::"
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen && j - i > 1) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.length() == 0 ? "::" : sb.toString();
    }
}
