package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.plumbline.engine.Result;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoAdminPortsOpenToInternetTest {
    private final NoAdminPortsOpenToInternet rule = new NoAdminPortsOpenToInternet();

    static SgRule cidr(Direction d, String protocol, Integer from, Integer to, String cidr, String origin) {
        Provenance p = at();
        return new SgRule(d, Value.explicit(Protocols.normalise(protocol), p), Value.explicit(from, p),
                Value.explicit(to, p), cidr.contains(":") ? PeerKind.CIDR_IPV6 : PeerKind.CIDR_IPV4,
                Value.explicit(cidr, p), Value.notInInput(), null, origin, p);
    }

    static SecurityGroup sg(String name, SgRule... rules) {
        SecurityGroup g = new SecurityGroup("aws_security_group." + name, "aws_security_group", at());
        g.rules.addAll(List.of(rules));
        return g;
    }

    static SgRule in(String protocol, Integer from, Integer to, String cidr) {
        return cidr(Direction.INGRESS, protocol, from, to, cidr, null);
    }

    @Test
    void adminPortsAndAllPortsFromTheInternetFail() {
        Result r = run(rule,
                sg("https_only", in("tcp", 443, 443, "0.0.0.0/0"), in("tcp", 443, 443, "::/0"),
                        cidr(Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0", null)),
                sg("ssh_world", in("tcp", 22, 22, "0.0.0.0/0")),
                sg("rdp_v6", in("6", 3389, 3389, "::/0")),
                sg("range", in("tcp", 1, 1024, "0.0.0.0/0")),
                sg("all_traffic", in("-1", 0, 0, "0.0.0.0/0")),
                sg("all_word", in("all", null, null, "::/0")),
                sg("all_udp", in("udp", 0, 65535, "0.0.0.0/0")),
                sg("proto_50", in("50", null, null, "0.0.0.0/0")),
                sg("ssh_private", in("tcp", 22, 22, "10.0.0.0/16")),
                sg("udp_22", in("udp", 22, 22, "0.0.0.0/0")),
                sg("egress_only", cidr(Direction.EGRESS, "tcp", 22, 22, "0.0.0.0/0", null)),
                sg("empty"));
        expect(r, "aws_security_group.https_only", Status.PASS);
        expect(r, "aws_security_group.ssh_world", Status.FAIL, "opens port 22", "0.0.0.0/0",
                "inline ingress rule of aws_security_group.ssh_world");
        expect(r, "aws_security_group.rdp_v6", Status.FAIL, "port 3389", "::/0");
        expect(r, "aws_security_group.range", Status.FAIL, "port 22", "tcp 1-1024");
        expect(r, "aws_security_group.all_traffic", Status.FAIL, "all ports", "protocol -1");
        expect(r, "aws_security_group.all_word", Status.FAIL, "all ports");
        expect(r, "aws_security_group.all_udp", Status.FAIL, "all ports");
        expect(r, "aws_security_group.proto_50", Status.FAIL, "all ports");
        expect(r, "aws_security_group.ssh_private", Status.PASS);
        expect(r, "aws_security_group.udp_22", Status.PASS);
        expect(r, "aws_security_group.egress_only", Status.PASS);
        expect(r, "aws_security_group.empty", Status.PASS);
    }

    @Test
    void standaloneRuleIsNamedAndTheFindingPointsAtIt() {
        SgRule standalone = cidr(Direction.INGRESS, "tcp", 22, 22, "0.0.0.0/0", "aws_vpc_security_group_ingress_rule.ssh");
        Result r = run(rule, sg("bastion", standalone));
        Finding f = expect(r, "aws_security_group.bastion", Status.FAIL, "ingress rule aws_vpc_security_group_ingress_rule.ssh");
        assertEquals(standalone.location(), f.location());
    }

    @Test
    void unknownPartsOfARuleThatCouldOpenAnAdminPortAreUnknown() {
        Provenance p = at();
        SgRule portsUnknown = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.unknown("known only after apply", p),
                Value.unknown("known only after apply", p), PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", p),
                Value.notInInput(), null, null, p);
        SgRule protoUnknown = new SgRule(Direction.INGRESS, Value.unknown("unresolved parameter Proto", p),
                Value.explicit(22, p), Value.explicit(22, p), PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", p),
                Value.notInInput(), null, null, p);
        SgRule peerUnknown = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(22, p),
                Value.explicit(22, p), PeerKind.CIDR_IPV4, Value.unknown("unresolved parameter AdminCidr", p),
                Value.notInInput(), null, null, p);
        SgRule peerUnknownHttps = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(443, p),
                Value.explicit(443, p), PeerKind.UNKNOWN, Value.unknown("?", p), Value.notInInput(), null, null, p);
        SgRule prefixList = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(22, p),
                Value.explicit(22, p), PeerKind.PREFIX_LIST, Value.explicit("pl-0123", p), Value.notInInput(), null,
                null, p);
        SgRule sgPeer = new SgRule(Direction.INGRESS, Value.explicit("-1", p), Value.explicit(0, p),
                Value.explicit(0, p), PeerKind.SECURITY_GROUP, Value.notInInput(), ref("aws_security_group.app"), null,
                null, p);
        SecurityGroup incomplete = sg("incomplete", in("tcp", 443, 443, "0.0.0.0/0"));
        incomplete.rulesComplete = unknown("ingress list is an unresolved Fn::If");
        SecurityGroup incompleteButOpen = sg("incomplete_open", in("tcp", 22, 22, "0.0.0.0/0"));
        incompleteButOpen.rulesComplete = unknown("ingress list is an unresolved Fn::If");
        Result r = run(rule, sg("ports_unknown", portsUnknown), sg("proto_unknown", protoUnknown),
                sg("peer_unknown", peerUnknown), sg("peer_unknown_https", peerUnknownHttps),
                sg("prefix_list", prefixList), sg("sg_peer", sgPeer), incomplete, incompleteButOpen);
        expect(r, "aws_security_group.ports_unknown", Status.UNKNOWN, "ports are unknown");
        expect(r, "aws_security_group.proto_unknown", Status.UNKNOWN, "unresolved parameter Proto");
        expect(r, "aws_security_group.peer_unknown", Status.UNKNOWN, "unresolved parameter AdminCidr");
        expect(r, "aws_security_group.peer_unknown_https", Status.PASS);
        expect(r, "aws_security_group.prefix_list", Status.UNKNOWN, "pl-0123", "not in the input");
        expect(r, "aws_security_group.sg_peer", Status.PASS);
        expect(r, "aws_security_group.incomplete", Status.UNKNOWN, "incomplete", "Fn::If");
        expect(r, "aws_security_group.incomplete_open", Status.FAIL, "port 22");
    }

    @Test
    void nodeGroupSshWithoutSourceGroupsIsOpenToTheWorld() {
        NodeGroup open = new NodeGroup("aws_eks_node_group.open", "aws_eks_node_group", at());
        open.sshKey = explicit("ops-key");
        open.sshSourceSecurityGroups = explicit(List.of());
        NodeGroup openAbsent = new NodeGroup("aws_eks_node_group.open_absent", "aws_eks_node_group", at());
        openAbsent.sshKey = explicit("ops-key");
        NodeGroup limited = new NodeGroup("aws_eks_node_group.limited", "aws_eks_node_group", at());
        limited.sshKey = explicit("ops-key");
        limited.sshSourceSecurityGroups = refs("aws_security_group.bastion");
        NodeGroup none = new NodeGroup("aws_eks_node_group.none", "aws_eks_node_group", at());
        none.sshKey = explicit(null);
        NodeGroup noneAbsent = new NodeGroup("aws_eks_node_group.none_absent", "aws_eks_node_group", at());
        NodeGroup keyUnknown = new NodeGroup("aws_eks_node_group.key_unknown", "aws_eks_node_group", at());
        keyUnknown.sshKey = unknown();
        NodeGroup sourcesUnknown = new NodeGroup("aws_eks_node_group.sources_unknown", "aws_eks_node_group", at());
        sourcesUnknown.sshKey = explicit("ops-key");
        sourcesUnknown.sshSourceSecurityGroups = unknown();
        Result r = run(rule, open, openAbsent, limited, none, noneAbsent, keyUnknown, sourcesUnknown);
        expect(r, "aws_eks_node_group.open", Status.FAIL, "port 22 to 0.0.0.0/0", "ops-key");
        expect(r, "aws_eks_node_group.open_absent", Status.FAIL, "port 22");
        expect(r, "aws_eks_node_group.limited", Status.PASS);
        expect(r, "aws_eks_node_group.none", Status.PASS);
        expect(r, "aws_eks_node_group.none_absent", Status.PASS);
        expect(r, "aws_eks_node_group.key_unknown", Status.UNKNOWN);
        expect(r, "aws_eks_node_group.sources_unknown", Status.UNKNOWN);
    }

    @Test
    void profileDecidesTheAdminPorts() {
        var p = profile();
        var withSql = new io.plumbline.profile.Profile(p.name(), p.minimumAvailabilityZones(), p.primaryRegion(),
                p.secondaryRegion(), p.aurora(), p.cache(),
                new io.plumbline.profile.Profile.Network(List.of(22, 3389, 5432), p.network().tierTag()), p.roles(),
                p.allowedFlows());
        expect(run(rule, withSql, sg("pg", in("tcp", 5432, 5432, "0.0.0.0/0"))), "aws_security_group.pg",
                Status.FAIL, "port 5432");
        expect(run(rule, sg("pg", in("tcp", 5432, 5432, "0.0.0.0/0"))), "aws_security_group.pg", Status.PASS);
    }

    @Test
    void defaultedCloudFormationEgressIsIgnored() {
        Provenance p = at();
        SgRule defaultEgress = new SgRule(Direction.EGRESS, Value.defaulted(io.plumbline.model.Default.of("-1",
                "CloudFormation adds allow-all egress"), p), Value.notInInput(), Value.notInInput(), PeerKind.CIDR_IPV4,
                Value.explicit("0.0.0.0/0", p), Value.notInInput(), null, "Sg", p);
        expect(run(rule, sg("cfn", defaultEgress)), "aws_security_group.cfn", Status.PASS);
    }
}
