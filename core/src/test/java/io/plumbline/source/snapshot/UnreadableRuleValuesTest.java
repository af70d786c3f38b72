package io.plumbline.source.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is read through the same rule-value reader as plans and templates: a port range or block AWS would
 * reject (a hand-edited or foreign snapshot) comes back unknown with the reason; a placeholder group keeps its mark.
 */
class UnreadableRuleValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Model oneGroup(boolean declared) {
        Provenance p = Provenance.live("111122223333", "eu-west-1", "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-1",
                "ec2:DescribeSecurityGroups");
        SecurityGroup g = declared ? new SecurityGroup("sg-1", "ec2:SecurityGroup", p)
                : SecurityGroup.placeholder("sg-1", "aws_security_group", p);
        g.rules.add(new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(22, p), Value.explicit(22, p),
                PeerKind.CIDR_IPV4, Value.explicit("10.0.0.0/8", p), Value.explicit(null, p), null, "sg-1", p));
        return new Model(List.of(g), List.of(), List.of());
    }

    @Test
    void aHandEditedPortRangeOrBlockComesBackUnknown() throws Exception {
        JsonNode root = JSON.readTree(SnapshotWriter.write(oneGroup(true)));
        ObjectNode rule = (ObjectNode) root.path("resources").get(0).path("fields").path("rules").get(0);
        ((ObjectNode) rule.path("fromPort")).put("value", -1);
        ((ObjectNode) rule.path("toPort")).put("value", -1);
        ((ObjectNode) rule.path("peerCidr")).put("value", "0.0.0.0/00");
        SecurityGroup back = (SecurityGroup) SnapshotReader.read(JSON.writeValueAsBytes(root), "s.json").resources().get(0);
        SgRule r = back.rules.get(0);
        assertTrue(r.fromPort().isUnknown());
        assertTrue(r.fromPort().note().contains("-1 means all only for protocol -1 or icmp"), r.fromPort().note());
        assertTrue(r.peerCidr().isUnknown());
        assertTrue(r.peerCidr().note().contains("leading zeros"), r.peerCidr().note());
    }

    @Test
    void aPlaceholderGroupStaysAPlaceholder() {
        SecurityGroup back = (SecurityGroup) SnapshotReader.read(SnapshotWriter.write(oneGroup(false)), "s.json")
                .resources().get(0);
        assertFalse(back.declaredInInput.get());
        assertTrue(back.rulesComplete.isUnknown());
        assertEquals(22, back.rules.get(0).fromPort().get());
    }
}
