package io.plumbline.rules.support;

import static io.plumbline.rules.Fixtures.at;
import static io.plumbline.rules.Fixtures.explicit;
import static io.plumbline.rules.Fixtures.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Value;
import io.plumbline.model.network.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AZs that CloudFormation picks by index ({@code !Select [i, !GetAZs '']}), as the template source words them. */
class ZonesIndexTest {

    private static Subnet subnet(String name, Value<String> az) {
        Subnet s = new Subnet("Subnet" + name, "AWS::EC2::Subnet", at());
        s.availabilityZone = az;
        return s;
    }

    private static Value<String> byIndex(int i, String region) {
        return unknown("AZ index " + i + " of the region's AZs (Fn::Select " + i + " of Fn::GetAZs, "
                + (region == null ? "region not declared" : "region " + region) + ")");
    }

    @Test
    void distinctIndexesOfADeclaredRegionAreDistinctZones() {
        Zones.Spread s = Zones.of(List.of(subnet("A", byIndex(0, "eu-west-1")), subnet("B", byIndex(1, "eu-west-1")),
                subnet("C", byIndex(2, "eu-west-1")), subnet("D", byIndex(0, "eu-west-1"))));
        assertEquals(3, s.distinct(), s::toString);
        assertFalse(s.incomplete(), s::toString);
    }

    @Test
    void withoutARegionTheIndexesStayUnknown() {
        Zones.Spread s = Zones.of(List.of(subnet("A", byIndex(0, null)), subnet("B", byIndex(1, null))));
        assertEquals(0, s.distinct());
        assertTrue(s.incomplete());
        assertTrue(s.unknowns().get(0).contains("--region"), s::toString);
    }

    @Test
    void indexesCannotBeComparedWithNamedZones() {
        Zones.Spread s = Zones.of(List.of(subnet("A", explicit("eu-west-1a")), subnet("B", byIndex(1, "eu-west-1"))));
        assertEquals(1, s.distinct());
        assertTrue(s.incomplete());
        assertTrue(s.unknowns().get(0).contains("cannot be compared"), s::toString);
    }
}
