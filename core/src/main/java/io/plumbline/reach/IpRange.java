package io.plumbline.reach;

import io.plumbline.model.network.Cidr;

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

    /**
     * A CIDR block ("10.0.0.0/16", "2001:db8::/56") or a single address; null when it cannot be read. Reads through
     * {@link Cidr}, the one reader of blocks that the model's rules use too.
     */
    static IpRange parse(String text) {
        Cidr c;
        try {
            c = Cidr.parse(text, true);
        } catch (Cidr.Unreadable e) {
            return null;
        }
        boolean v6 = c.family() == Cidr.V6;
        int prefix = c.prefix();
        long hostHi;
        long hostLo;
        if (v6) {
            hostHi = prefix == 0 ? -1L : prefix >= 64 ? 0 : ~(-1L << (64 - prefix));
            hostLo = prefix <= 64 ? -1L : prefix == 128 ? 0 : ~(-1L << (128 - prefix));
        } else {
            hostHi = 0;
            hostLo = prefix == 0 ? 0xFFFFFFFFL : ~(0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        }
        return new IpRange(v6 ? V6 : V4, c.hi(), c.lo(), c.hi() | hostHi, c.lo() | hostLo, prefix);
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
