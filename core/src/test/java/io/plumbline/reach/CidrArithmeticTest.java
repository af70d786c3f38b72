package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR blocks and address atoms. */
class CidrArithmeticTest {

    @Test
    void parsesAndNormalisesBlocks() {
        assertEquals("10.0.0.0/16", IpRange.parse("10.0.12.7/16").toString());
        assertEquals("10.0.0.5/32", IpRange.parse("10.0.0.5").toString());
        assertEquals("0.0.0.0/0", IpRange.parse("0.0.0.0/0").toString());
        assertEquals("2001:db8::/56", IpRange.parse("2001:DB8:0:0::/56").toString());
        assertEquals("::/0", IpRange.parse("::/0").toString());
        assertEquals("2001:db8::1/128", IpRange.parse("2001:db8::1").toString());
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0/16", "300.0.0.0/8", "a.b.c.d", "", "::1::2/64", "10.0.0.0/x"}) {
            assertNull(IpRange.parse(bad), bad);
        }
    }

    @Test
    void containmentAndOverlap() {
        IpRange vpc = IpRange.parse("10.0.0.0/16");
        IpRange subnet = IpRange.parse("10.0.1.0/24");
        IpRange half = IpRange.parse("10.0.1.0/25");
        assertTrue(vpc.contains(subnet));
        assertFalse(subnet.contains(vpc));
        assertEquals(Match.YES, vpc.covers(subnet));
        assertEquals(Match.MAYBE, half.covers(subnet));
        assertEquals(Match.NO, IpRange.parse("10.1.0.0/16").covers(subnet));
        assertEquals(Match.NO, IpRange.parse("::/0").covers(subnet)); // another family
        assertTrue(IpRange.parse("::/0").contains(IpRange.parse("2001:db8::/64")));
        assertTrue(IpRange.parse("0.0.0.0/0").isAll());
    }

    @Test
    void theInternetLeavesOutPrivateAndVpcBlocks() {
        List<IpRange> net = AddressAtoms.internet(IpRange.V4, List.of(IpRange.parse("203.0.113.0/24")));
        for (String inside : new String[] {"1.1.1.1", "8.8.8.8", "198.51.100.7", "100.63.255.255", "223.255.255.255"}) {
            IpRange a = IpRange.parse(inside);
            assertTrue(net.stream().anyMatch(r -> r.contains(a)), inside);
        }
        for (String outside : new String[] {"10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "127.0.0.1",
                "203.0.113.9", "224.0.0.1", "0.1.2.3", "169.254.169.254"}) {
            IpRange a = IpRange.parse(outside);
            assertFalse(net.stream().anyMatch(r -> r.intersects(a)), outside);
        }
        List<IpRange> v6 = AddressAtoms.internet(IpRange.V6, List.of());
        assertTrue(v6.get(0).contains(IpRange.parse("2600::1")));
        assertFalse(v6.get(0).contains(IpRange.parse("fd00::1")));
    }

    @Test
    void atomsSplitWhereBlocksDifferAndMergeWhereTheyAgree() {
        List<IpRange> base = List.of(IpRange.parse("10.0.1.0/24"));
        assertEquals(base, AddressAtoms.split(base, List.of(IpRange.parse("10.0.0.0/16"), IpRange.parse("0.0.0.0/0"))));
        List<IpRange> halves = AddressAtoms.split(base, List.of(IpRange.parse("10.0.1.0/25")));
        assertEquals(List.of(IpRange.parse("10.0.1.0/25"), IpRange.parse("10.0.1.128/25")), halves);
        // two disjoint pieces outside every block are one atom
        List<IpRange> three = AddressAtoms.split(base, List.of(IpRange.parse("10.0.1.64/26")));
        assertEquals(2, three.size());
        // the internet against one public block: inside it, and everything else
        List<IpRange> net = AddressAtoms.split(AddressAtoms.internet(IpRange.V4, List.of()),
                List.of(IpRange.parse("0.0.0.0/0"), IpRange.parse("203.0.113.0/24"), IpRange.parse("10.0.0.0/8")));
        assertEquals(2, net.size());
        assertTrue(net.stream().anyMatch(r -> r.equals(IpRange.parse("203.0.113.0/24"))));
    }
}
