package io.plumbline.reach;

import static io.plumbline.reach.PathAssertions.assertElementContains;
import static io.plumbline.reach.PathAssertions.assertReach;
import static io.plumbline.reach.PathAssertions.path;
import static io.plumbline.reach.PathAssertions.undecided;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Value;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reach.PathResult.Reach;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Ports, protocols and blocks AWS would reject or read otherwise, and groups the input does not declare: the engine
 * answers UNKNOWN with the reason, never "nothing open" (DENIED) and never a guess.
 */
class UnreadableValuesTest {

    private static final class Net {
        final TestNet n = new TestNet();
        final Vpc vpc = n.vpc("10.0.0.0/16");
        final Subnet pub = n.subnet("public", vpc, "10.0.0.0/24");
        final InternetGateway igw = n.igw(vpc);
        final RouteTable rt = n.table("public", vpc, pub);
        final SecurityGroup web = n.sg("web", vpc);

        Net() {
            n.route(rt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, null, "public/route/0");
            n.cidrRule(web, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        }
    }

    @ParameterizedTest(name = "{0} {1}-{2} from {3}")
    @CsvSource(delimiter = '|', value = {
        "tcp|-1|-1|0.0.0.0/0|not a tcp port range", "tcp|65535|0|0.0.0.0/0|reversed", "tcp|-5|22|0.0.0.0/0|not a tcp port range",
        "tcp|22|22|0.0.0.0/00|leading zeros", "tcp|22|22|999.1.1.1/33|larger than 32", "tcp|22|22|0.0.0.0|no prefix length",
        "tcp|22|22|0.0.0.0/0,10.0.0.0/8|several blocks", "tcpx|22|22|0.0.0.0/0|not a protocol name"})
    void anUnreadableIngressRuleIsUndecidedNeverClosed(String protocol, int from, int to, String cidr, String why) {
        Net t = new Net();
        t.n.cidrRule(t.web, Direction.INGRESS, protocol, from, to, cidr);
        t.n.instance("web", t.pub, true, t.web);
        PathResult p = path(t.n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(22));
        assertReach(Reach.UNKNOWN, p);
        assertElementContains(why, undecided(p));
    }

    @Test
    void anUnreadableNetworkAclEntryIsUndecidedNeverClosed() {
        Net t = new Net();
        t.n.cidrRule(t.web, Direction.INGRESS, "tcp", 22, 22, "0.0.0.0/0");
        t.n.instance("web", t.pub, true, t.web);
        NetworkAcl acl = t.n.acl("public", t.vpc, t.pub);
        // the only inbound allow has a reversed range: read as "no port", it would close the subnet
        t.n.entry(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 65535, 0);
        t.n.entry(acl, 100, true, "-1", "allow", "0.0.0.0/0", 0, 0);
        PathResult p = path(t.n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(22));
        assertReach(Reach.UNKNOWN, p);
        assertTrue(p.witness().stream().anyMatch(h -> h.element().contains("reversed")), () -> p.witness().toString());
    }

    @Test
    void aGroupNotInTheInputCarriesTheRulesTheInputAddsAndLeavesTheRestUndecided() {
        Net t = new Net();
        SecurityGroup foreign = SecurityGroup.placeholder("sg-0abc", "aws_security_group", TestNet.at("rule.https"));
        t.n.resources.add(foreign);
        t.n.cidrRule(foreign, Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0");
        t.n.cidrRule(foreign, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
        t.n.instance("web", t.pub, true, foreign);
        PathResult p = path(t.n.reach(), Endpoint.INTERNET, "aws_instance.web", Traffic.tcp(22, 443));
        assertReach(Reach.PARTIAL, p);
        assertEquals(Traffic.tcp(443), p.allowed(), "the rule the input adds is known");
        assertEquals(Traffic.tcp(22), p.undecided(), "the group's other rules are not in the input");
        assertElementContains("not declared in this input", undecided(p));
    }

    @Test
    void aListenerPortAwsRejectsIsUndecided() {
        Net t = new Net();
        t.n.cidrRule(t.web, Direction.INGRESS, "tcp", 0, 65535, "0.0.0.0/0");
        var lb = t.n.lb("front", false, List.of(t.pub), List.of(t.web), 443);
        lb.listeners.set(0, new io.plumbline.model.network.Listener(lb.listeners.get(0).address(),
                Value.explicit(0, TestNet.at("listener/port")), lb.listeners.get(0).protocol(),
                Value.notInInput(), Value.notInInput(), Value.notInInput(), Value.notInInput(), Value.notInInput(),
                TestNet.at("listener")));
        PathResult p = path(t.n.reach(), Endpoint.INTERNET, "aws_lb.front", Traffic.tcp(443));
        assertReach(Reach.UNKNOWN, p);
    }
}
