package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.reach.Traffic.Protocol;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Port-interval sets against plain bit sets, and traffic sets built on them. */
class TrafficSetsTest {

    private static PortSet random(Random rnd) {
        PortSet s = PortSet.EMPTY;
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
            int from = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(PortSet.MAX + 1);
            int to = rnd.nextInt(4) == 0 ? PortSet.MAX : Math.min(PortSet.MAX, from + rnd.nextInt(3000));
            s = s.union(PortSet.range(from, to));
        }
        return rnd.nextInt(10) == 0 ? PortSet.ALL : s;
    }

    private static BitSet bits(PortSet s) {
        BitSet b = new BitSet(PortSet.MAX + 1);
        for (int[] r : s.ranges()) b.set(r[0], r[1] + 1);
        return b;
    }

    @Test
    void portSetOperationsAgreeWithBitSets() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            PortSet a = random(rnd);
            PortSet b = random(rnd);
            BitSet x = bits(a);
            BitSet y = bits(b);
            BitSet u = (BitSet) x.clone();
            u.or(y);
            BitSet n = (BitSet) x.clone();
            n.and(y);
            BitSet m = (BitSet) x.clone();
            m.andNot(y);
            assertEquals(u, bits(a.union(b)));
            assertEquals(n, bits(a.intersect(b)));
            assertEquals(m, bits(a.minus(b)));
            BitSet c = (BitSet) x.clone();
            c.flip(0, PortSet.MAX + 1);
            assertEquals(c, bits(a.complement()));
            assertEquals(m.isEmpty(), b.containsAll(a));
            assertEquals(n.isEmpty(), !a.intersects(b));
            // canonical: equal sets are equal objects
            assertEquals(a.union(b), b.union(a));
            assertEquals(a.intersect(b).hashCode(), b.intersect(a).hashCode());
            int p = rnd.nextInt(PortSet.MAX + 1);
            assertEquals(x.get(p), a.contains(p));
        }
    }

    @Test
    void rangesAreClamped() {
        assertTrue(PortSet.range(70000, 80000).isEmpty());
        assertTrue(PortSet.range(-5, 70000).isAll());
        assertEquals("0-10", PortSet.range(-5, 10).toString());
        assertEquals("22, 80, 443", PortSet.of(443, 22, 80).toString());
    }

    @Test
    void trafficSetsPerProtocol() {
        Traffic web = Traffic.tcp(80, 443);
        Traffic dns = Traffic.of(Protocol.UDP, PortSet.of(53)).union(Traffic.tcp(53));
        Traffic icmp = Traffic.of(Protocol.ICMP, PortSet.of(8)); // no ports: all of ICMP
        assertEquals(PortSet.ALL, icmp.ports(Protocol.ICMP));
        assertEquals("tcp 53, 80, 443; udp 53", web.union(dns).toString());
        assertEquals(Traffic.tcp(53), web.union(dns).intersect(Traffic.tcp(PortSet.range(0, 79))));
        assertTrue(Traffic.ALL.containsAll(web.union(icmp)));
        assertFalse(web.containsAll(dns));
        assertEquals(Traffic.NONE, web.minus(Traffic.tcp(PortSet.ALL)));
        assertEquals(Traffic.NONE, Traffic.tcp(PortSet.EMPTY));
        assertEquals(web, web.union(Traffic.NONE));
        assertEquals("none", Traffic.NONE.toString());
        assertEquals(Traffic.tcp(443, 80), web);
    }

    @Test
    void repliesGoToTheEphemeralPorts() {
        Traffic fwd = Traffic.tcp(5432).union(Traffic.of(Protocol.ICMP, PortSet.ALL));
        Traffic back = TrafficSets.replies(fwd);
        assertEquals(Traffic.tcp(PortSet.range(1024, 65535)).union(Traffic.of(Protocol.ICMP, PortSet.ALL)), back);
        Outcome some = new Outcome(Traffic.tcp(PortSet.range(32768, 60999)), Traffic.tcp(PortSet.range(32768, 60999)));
        Outcome f = TrafficSets.forwardOf(Traffic.tcp(5432), some);
        assertTrue(f.allowed().isEmpty());
        assertEquals(Traffic.tcp(5432), f.possible());
        Outcome all = Outcome.all(back);
        assertEquals(fwd, TrafficSets.forwardOf(fwd, all).allowed());
    }
}
