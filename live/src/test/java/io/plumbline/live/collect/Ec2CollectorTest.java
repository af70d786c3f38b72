package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedCompute;
import io.plumbline.model.Certainty;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class Ec2CollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    static <T> T only(List<T> xs) {
        assertEquals(1, xs.size(), () -> "expected one, found " + xs);
        return xs.get(0);
    }

    static <T extends Resource> T byId(Model m, Class<T> type, String id) {
        return only(m.all(type).stream().filter(r -> r.awsId.is(id)).toList());
    }

    @Test
    void networkAclsWithEntriesAndAssociations() {
        SeedCompute.Net net = SeedCompute.network(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        NetworkAcl acl = byId(m, NetworkAcl.class, net.dataAcl());
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":network-acl/" + net.dataAcl(), acl.address());
        assertEquals("data-acl", acl.name.get());
        assertFalse(acl.isDefault.get());
        assertEquals(Certainty.EXPLICIT, acl.isDefault.certainty());
        assertEquals(Ec2Collector.DESCRIBE_NETWORK_ACLS, acl.isDefault.provenance().operation());
        assertEquals(acl.address(), acl.isDefault.provenance().arn());
        assertSame(byId(m, Vpc.class, net.vpc()), m.resolve(acl, acl.vpc.get(), Vpc.class).orElseThrow());
        assertTrue(acl.entriesComplete.is(true));

        NaclEntry postgres = only(acl.entries.stream().filter(e -> !e.egress() && e.ruleNumber().is(100)).toList());
        assertEquals("tcp", postgres.protocol().get(), "protocol 6 normalised as the IaC sources do");
        assertEquals("allow", postgres.action().get(), "lower case, as the IaC sources");
        assertEquals("10.30.10.0/24", postgres.cidr().get());
        assertEquals(5432, postgres.fromPort().get());
        assertEquals(5432, postgres.toPort().get());
        assertNull(postgres.ipv6Cidr().get());
        NaclEntry deny = only(acl.entries.stream().filter(e -> !e.egress() && e.ruleNumber().is(200)).toList());
        assertEquals("-1", deny.protocol().get());
        assertEquals("deny", deny.action().get());
        assertEquals("0.0.0.0/0", deny.cidr().get());
        NaclEntry ephemeral = only(acl.entries.stream().filter(e -> e.egress() && e.ruleNumber().is(100)).toList());
        assertEquals(1024, ephemeral.fromPort().get());
        assertEquals(65535, ephemeral.toPort().get());

        Subnet dataA = byId(m, Subnet.class, net.dataA());
        assertSame(dataA, m.resolve(acl, only(acl.subnets).get(), Subnet.class).orElseThrow(),
                "the association names the subnet by id and resolves");

        // the VPC's default ACL: allow-all entries plus the final deny, and it keeps the other subnets
        NetworkAcl def = only(m.all(NetworkAcl.class).stream().filter(n -> n.isDefault.is(true)
                && n.vpc.get().target().equals(net.vpc())).toList());
        assertTrue(def.entries.stream().anyMatch(e -> !e.egress() && e.action().is("allow") && e.protocol().is("-1")
                && "0.0.0.0/0".equals(e.cidr().get())), () -> "" + def.entries);
        Set<String> defSubnets = def.subnets.stream().map(s -> s.get().target()).collect(Collectors.toSet());
        assertTrue(defSubnets.contains(net.appA()), () -> "" + defSubnets);
        assertFalse(defSubnets.contains(net.dataA()), "data-a was moved to the custom ACL");
        assertFalse(defSubnets.contains(net.closedSubnet()));

        // a fresh custom ACL: moto's entries are what AWS returns (only the final denies) — nothing allowed
        NetworkAcl closed = byId(m, NetworkAcl.class, net.closedAcl());
        assertTrue(closed.entries.stream().noneMatch(e -> e.action().is("allow")), () -> "" + closed.entries);
    }

    @Test
    void natAndInternetGatewaysAndTheRoutesToThem() {
        SeedCompute.Net net = SeedCompute.network(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector());
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        InternetGateway igw = byId(m, InternetGateway.class, net.igw());
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":internet-gateway/" + net.igw(), igw.address());
        assertEquals(net.vpc(), igw.vpc.get().target(), "attached to the VPC");
        assertEquals(Ec2Collector.DESCRIBE_INTERNET_GATEWAYS, igw.vpc.provenance().operation());
        Vpc vpc = byId(m, Vpc.class, net.vpc());
        assertSame(vpc, m.resolve(igw, igw.vpc.get(), Vpc.class).orElseThrow());

        NatGateway nat = byId(m, NatGateway.class, net.nat());
        assertEquals("arn:aws:ec2:eu-west-1:" + SeedCompute.ACCOUNT + ":natgateway/" + net.nat(), nat.address());
        assertEquals("nat-a", nat.name.get());
        assertSame(byId(m, Subnet.class, net.publicA()), m.resolve(nat, nat.subnet.get(), Subnet.class).orElseThrow());
        assertEquals("public", nat.connectivityType.get());

        RouteTable pub = byId(m, RouteTable.class, net.publicTable());
        Route toIgw = only(pub.routes.stream().filter(r -> "0.0.0.0/0".equals(r.destinationCidr().get())).toList());
        assertEquals(RouteTarget.INTERNET_GATEWAY, toIgw.targetType());
        assertSame(igw, m.resolve(pub, toIgw.target().get()).orElseThrow(), "the reachability engine resolves it");
        assertEquals(4, pub.subnets.size());
        assertFalse(pub.main.get());

        RouteTable priv = byId(m, RouteTable.class, net.natTable());
        Route toNat = only(priv.routes.stream().filter(r -> "0.0.0.0/0".equals(r.destinationCidr().get())).toList());
        assertEquals(RouteTarget.NAT_GATEWAY, toNat.targetType());
        assertSame(nat, m.resolve(priv, toNat.target().get()).orElseThrow());
        assertEquals(Set.of(net.appA(), net.dataB()),
                priv.subnets.stream().map(s -> s.get().target()).collect(Collectors.toSet()));
        for (var s : priv.subnets) assertTrue(m.resolve(priv, s.get(), Subnet.class).isPresent());
    }

    @Test
    void dataSubnetRoutedToTheNatFailsNet013AndTheLocalOnlyOnePasses() {
        SeedCompute.Net net = SeedCompute.network(moto);
        Model m = SeedCompute.collect(moto, new Ec2Collector());
        Result r = Engine.evaluate(m, ReferenceArchitecture.profile(), RuleRegistry.discover().select(List.of("NET-013")));
        Finding dataA = only(r.findings().stream().filter(f -> f.resource().equals(byId(m, Subnet.class, net.dataA())
                .address())).toList());
        assertEquals(Status.PASS, dataA.status(), dataA.toString());
        Finding dataB = only(r.findings().stream().filter(f -> f.resource().equals(byId(m, Subnet.class, net.dataB())
                .address())).toList());
        assertEquals(Status.FAIL, dataB.status(), dataB.toString());
        assertTrue(dataB.message().contains(net.nat()) || dataB.toString().contains(net.nat()), dataB.toString());
    }

    @Test
    void deniedNetworkAclsLeaveOnlyThatKindOut() throws Exception {
        SeedCompute.network(moto);
        try (var proxy = new SeedCompute.Denying(moto, Set.of("ec2:DescribeNetworkAcls"))) {
            Model m = SeedCompute.collect(proxy.endpoint(), new Ec2Collector());
            assertTrue(m.all(NetworkAcl.class).isEmpty());
            assertFalse(m.all(NatGateway.class).isEmpty());
            assertFalse(m.all(InternetGateway.class).isEmpty());
            assertFalse(m.all(RouteTable.class).isEmpty());
            var gap = only(m.gaps());
            assertEquals(Kind.NETWORK_ACL, gap.kind());
            assertEquals(Ec2Collector.DESCRIBE_NETWORK_ACLS, gap.operation());
            // (no assertion on the reason text: the test proxy answers in the Query API error format, which the EC2
            // protocol's parser does not read, so the SDK reports no error code)
            assertEquals(MotoServer.REGION, gap.region());
        }
    }
}
