package io.plumbline.model.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The one reader of rule protocols, ports and CIDR blocks: what AWS means, and UNKNOWN for what it does not accept. */
class RuleValuesTest {
    private static final Provenance AT = Provenance.inFile("f.json", 3, 7, "/x");

    private static <T> Value<T> v(T x) {
        return Value.explicit(x, AT);
    }

    private static SgRule rule(String protocol, Integer from, Integer to, String cidr) {
        return new SgRule(Direction.INGRESS, v(protocol), v(from), v(to),
                cidr != null && cidr.contains(":") ? PeerKind.CIDR_IPV6 : PeerKind.CIDR_IPV4, v(cidr), Value.notInInput(),
                null, "g", AT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/8", "10.0.0.1/8", "192.168.1.7/32", "::/0", "0::0/0", "2001:DB8::/32",
        "2001:db8:0:0:0:0:0:1/128", "::ffff:192.0.2.1/128", "fe80::/10"})
    void blocksAwsAcceptsAreRead(String text) {
        Cidr c = Cidr.parse(text, false);
        assertTrue(c.written());
        assertNull(Cidr.problem(text, c.family()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "999.1.1.1/33|larger than 32", "999.1.1.1/24|0 to 255", "0.0.0.0/00|leading zeros", "0.0.0.0|no prefix length",
        "0.0.0.0/0,10.0.0.0/8|several blocks", "'10.0.0.0/8 '|blanks", "10.0.0.0/8/8|more than one", "010.0.0.0/8|leading zeros", "10.0.0/8|four numbers",
        "0.0.0.0/-0|prefix length", "0.0.0.0/+0|prefix length", "::/129|larger than 128", "::/00|leading zeros",
        "1::2::3/64|twice", "fe80::1%eth0/64|hex digits", "2001:db8::12345/64|hex digits", "::|no prefix length",
        "1:2:3:4:5:6:7/64|eight groups", "''|empty"})
    void blocksAwsRejectsSayWhy(String text, String why) {
        Cidr.Unreadable e = assertThrows(Cidr.Unreadable.class, () -> Cidr.parse(text, false));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void aBlockOfTheOtherFamilyIsNotRead() {
        assertTrue(Cidr.problem("0.0.0.0/0", Cidr.V6).contains("IPv4 block where an IPv6 block is expected"));
        assertTrue(Cidr.problem("::/0", Cidr.V4).contains("IPv6 block where an IPv4 block is expected"));
    }

    @Test
    void hostBitsAreMaskedAsAwsStoresTheBlock() {
        Cidr c = Cidr.parse("0.0.0.1/0", false);
        assertTrue(c.isAll());
        assertEquals(Cidr.parse("10.0.0.0/8", false), Cidr.parse("10.1.2.3/8", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tcp|-5|22|not a tcp port range", "tcp|-1|-1|-1 means all only", "udp|-1|-1|not a udp port range",
        "tcp|65535|0|reversed", "tcp|0|70000|not a tcp port range", "tcp|22||its end is not set",
        "icmp|300|0|not 0 to 255", "icmp|-2|-1|not 0 to 255"})
    void portRangesAwsRejectsAreUnknownWithTheReason(String protocol, Integer from, Integer to, String why) {
        SgRule r = rule(protocol, from, to, "0.0.0.0/0");
        assertTrue(r.fromPort().isUnknown());
        assertTrue(r.toPort().isUnknown());
        assertTrue(r.fromPort().note().contains(why), r.fromPort().note());
        assertEquals(AT, r.fromPort().provenance(), "the reason points where the value is written");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tcp|0|65535", "tcp|22|22", "udp|53|53", "icmp|8|0", "icmp|-1|-1",
        "icmpv6|-1|-1", "-1|0|0", "-1|-1|-1", "50|-1|-1", "all|0|0"})
    void portRangesThatMeanWhatTheySayAreKept(String protocol, int from, int to) {
        SgRule r = rule(protocol, from, to, "0.0.0.0/0");
        assertEquals(from, r.fromPort().get());
        assertEquals(to, r.toPort().get());
        assertTrue(r.protocol().isKnown());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"6|tcp", "17|udp", "1|icmp", "58|icmpv6", "-1|-1", "ALL|-1", "050|50", "255|255",
        "TCP|tcp"})
    void protocolsAreNormalised(String raw, String normalised) {
        assertEquals(normalised, rule(raw, 0, 0, "0.0.0.0/0").protocol().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcpx", "256", "-2", "", "tcp,udp"})
    void protocolsAwsRejectsAreUnknown(String raw) {
        SgRule r = rule(raw, 22, 22, "0.0.0.0/0");
        assertTrue(r.protocol().isUnknown());
        assertTrue(r.protocol().note().contains("not a protocol name"), r.protocol().note());
    }

    @Test
    void anUnreadableCidrIsUnknownInTheRule() {
        SgRule r = rule("tcp", 22, 22, "0.0.0.0/0,10.0.0.0/8");
        assertTrue(r.peerCidr().isUnknown());
        assertTrue(r.peerCidr().note().contains("\"0.0.0.0/0,10.0.0.0/8\" cannot be read"), r.peerCidr().note());
        SgRule wrongFamily = new SgRule(Direction.INGRESS, v("tcp"), v(22), v(22), PeerKind.CIDR_IPV6, v("0.0.0.0/0"),
                Value.notInInput(), null, "g", AT);
        assertTrue(wrongFamily.peerCidr().isUnknown());
        // a prefix list id is no CIDR
        SgRule pl = new SgRule(Direction.INGRESS, v("tcp"), v(22), v(22), PeerKind.PREFIX_LIST, v("pl-123"),
                Value.notInInput(), null, "g", AT);
        assertEquals("pl-123", pl.peerCidr().get());
    }

    @Test
    void aSensitiveValueIsNotRepeatedInTheReason() {
        SgRule r = new SgRule(Direction.INGRESS, v("tcp"), v(22), v(22), PeerKind.CIDR_IPV4,
                Value.explicit("s3cr3t-block", AT).asSensitive(), Value.notInInput(), null, "g", AT);
        assertTrue(r.peerCidr().isUnknown());
        assertTrue(r.peerCidr().isSensitive());
        assertFalse(r.peerCidr().note().contains("s3cr3t"), r.peerCidr().note());
    }

    @Test
    void networkAclEntriesReadTheSameWay() {
        NaclEntry e = new NaclEntry(v(0), false, v("tcp"), v("allow"), v("0.0.0.0/00"), v(null), v(65535), v(0), AT);
        assertTrue(e.ruleNumber().isUnknown());
        assertTrue(e.cidr().isUnknown());
        assertTrue(e.fromPort().isUnknown());
        assertTrue(e.fromPort().note().contains("reversed"));
        assertTrue(e.ipv6Cidr().isKnown(), "a block that is not set stays not set");
        NaclEntry fine = new NaclEntry(v(100), true, v("6"), v("deny"), v(null), v("::/0"), v(1024), v(65535), AT);
        assertEquals("tcp", fine.protocol().get());
        assertEquals(1024, fine.fromPort().get());
        assertEquals("::/0", fine.ipv6Cidr().get());
        NaclEntry awsDefault = new NaclEntry(v(32767), false, v("-1"), v("deny"), v("0.0.0.0/0"), v(null), v(null),
                v(null), AT);
        assertEquals(32767, awsDefault.ruleNumber().get(), "the default rule AWS reports");
    }
}
