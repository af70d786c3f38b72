package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.at;
import static io.plumbline.rules.Fixtures.explicit;
import static io.plumbline.rules.Fixtures.ref;

import io.plumbline.model.Value;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import java.util.Map;

/** Subnets placed by a tier tag (the tag overrides the network's reading, so no route table is needed). */
final class Placed {
    private Placed() {
    }

    static Vpc vpc(String name) {
        Vpc v = new Vpc("aws_vpc." + name, "aws_vpc", at());
        v.addAlias("vpc-" + name);
        return v;
    }

    static Subnet subnet(String name, String vpc, String tier, Value<String> az) {
        Subnet s = new Subnet("aws_subnet." + name, "aws_subnet", at());
        s.vpc = ref("aws_vpc." + vpc);
        s.availabilityZone = az;
        s.tags = explicit(tier == null ? Map.of() : Map.of("plumbline:tier", tier));
        s.addAlias("subnet-" + name);
        return s;
    }

    static Subnet subnet(String name, String vpc, String tier, String az) {
        return subnet(name, vpc, tier, explicit(az));
    }
}
