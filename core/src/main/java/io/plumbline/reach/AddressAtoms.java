package io.plumbline.reach;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a set of addresses into atoms: classes of addresses that every given CIDR block either wholly contains or
 * wholly misses. Every layer decides by CIDR containment only, so one representative range per atom decides for all
 * its addresses, and a source that is "any address of the internet" (or "the one address of an ENI, somewhere in its
 * subnet") is evaluated exactly, atom by atom, without expanding addresses.
 */
final class AddressAtoms {
    private AddressAtoms() {
    }

    /** Addresses an internet gateway never carries from or to the internet (RFC 1918, RFC 6598, special use). */
    private static final List<IpRange> NOT_INTERNET_V4 = List.of(IpRange.parse("0.0.0.0/8"), IpRange.parse("10.0.0.0/8"),
            IpRange.parse("100.64.0.0/10"), IpRange.parse("127.0.0.0/8"), IpRange.parse("169.254.0.0/16"),
            IpRange.parse("172.16.0.0/12"), IpRange.parse("192.168.0.0/16"), IpRange.parse("224.0.0.0/3"));
    private static final IpRange GLOBAL_UNICAST_V6 = IpRange.parse("2000::/3");

    /**
     * The internet's addresses in one family: public unicast space (IPv4 without RFC 1918, RFC 6598 and special-use
     * blocks; IPv6 global unicast 2000::/3), less the VPCs' own blocks.
     */
    static List<IpRange> internet(int family, List<IpRange> vpcBlocks) {
        List<IpRange> minus = new ArrayList<>();
        if (family == IpRange.V4) minus.addAll(NOT_INTERNET_V4);
        for (IpRange r : vpcBlocks) if (r != null && r.family == family) minus.add(r);
        IpRange base = family == IpRange.V4 ? IpRange.ALL_V4 : GLOBAL_UNICAST_V6;
        return subtract(base, minus);
    }

    /** {@code base} less every range of {@code minus}. */
    static List<IpRange> subtract(IpRange base, List<IpRange> minus) {
        List<IpRange> sorted = new ArrayList<>(minus);
        sorted.sort((a, b) -> IpRange.compare(a.startHi, a.startLo, b.startHi, b.startLo));
        List<IpRange> out = new ArrayList<>();
        long curHi = base.startHi;
        long curLo = base.startLo;
        boolean done = false;
        for (IpRange m : sorted) {
            if (done) break;
            if (!m.intersects(base)) continue;
            if (IpRange.compare(m.endHi, m.endLo, curHi, curLo) < 0) continue;
            if (IpRange.compare(m.startHi, m.startLo, curHi, curLo) > 0) {
                long[] before = dec(m.startHi, m.startLo);
                out.add(new IpRange(base.family, curHi, curLo, before[0], before[1], -1));
            }
            if (IpRange.compare(m.endHi, m.endLo, base.endHi, base.endLo) >= 0) {
                done = true;
            } else {
                long[] next = inc(m.endHi, m.endLo);
                curHi = next[0];
                curLo = next[1];
            }
        }
        if (!done) out.add(new IpRange(base.family, curHi, curLo, base.endHi, base.endLo, -1));
        return out;
    }

    /**
     * The atoms of {@code base} (ranges of one family) under {@code cuts}: one representative range per class of
     * addresses that the same cuts contain. Cuts of the other family are ignored.
     */
    static List<IpRange> split(List<IpRange> base, List<IpRange> cuts) {
        List<IpRange> relevant = new ArrayList<>();
        boolean partial = false;
        for (IpRange c : cuts) {
            if (c == null) continue;
            for (IpRange b : base) {
                if (c.intersects(b)) {
                    relevant.add(c);
                    if (!c.contains(b)) partial = true;
                    break;
                }
            }
        }
        if (!partial && base.size() == 1) return base;
        // boundaries: every cut's start and end+1 that falls strictly inside a base range
        List<IpRange> pieces = new ArrayList<>();
        for (IpRange b : base) {
            List<long[]> points = new ArrayList<>();
            for (IpRange c : relevant) {
                if (!c.intersects(b)) continue;
                if (IpRange.compare(c.startHi, c.startLo, b.startHi, b.startLo) > 0) points.add(new long[] {c.startHi, c.startLo});
                if (IpRange.compare(c.endHi, c.endLo, b.endHi, b.endLo) < 0) points.add(inc(c.endHi, c.endLo));
            }
            points.sort((x, y) -> IpRange.compare(x[0], x[1], y[0], y[1]));
            long sHi = b.startHi;
            long sLo = b.startLo;
            for (long[] p : points) {
                if (IpRange.compare(p[0], p[1], sHi, sLo) <= 0) continue;
                long[] e = dec(p[0], p[1]);
                pieces.add(new IpRange(b.family, sHi, sLo, e[0], e[1], -1));
                sHi = p[0];
                sLo = p[1];
            }
            pieces.add(new IpRange(b.family, sHi, sLo, b.endHi, b.endLo, b.prefix >= 0 && pieces.isEmpty() ? b.prefix : -1));
        }
        Map<BitSet, IpRange> bySignature = new LinkedHashMap<>();
        for (IpRange p : pieces) {
            BitSet sig = new BitSet(relevant.size());
            for (int i = 0; i < relevant.size(); i++) if (relevant.get(i).contains(p)) sig.set(i);
            bySignature.putIfAbsent(sig, p);
        }
        return new ArrayList<>(bySignature.values());
    }

    private static long[] inc(long hi, long lo) {
        long nlo = lo + 1;
        long nhi = nlo == 0 ? hi + 1 : hi;
        return new long[] {nhi, nlo};
    }

    private static long[] dec(long hi, long lo) {
        long nlo = lo - 1;
        long nhi = lo == 0 ? hi - 1 : hi;
        return new long[] {nhi, nlo};
    }
}
