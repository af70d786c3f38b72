package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Provenance;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which resources are endpoints, and in which tier. */
class PlacementTest {

    @Test
    void tiersComeFromTheResourceThenItsGroupsThenItsSubnetsThenItsKind() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet plain = n.subnet("plain", vpc, "10.0.1.0/24");
        Subnet tagged = n.subnet("tagged", vpc, "10.0.2.0/24");
        TestNet.tag(tagged, "Data");
        SecurityGroup g = n.sg("g", vpc);
        TestNet.tag(g, "public");
        SecurityGroup h = n.sg("h", vpc);
        Instance own = n.instance("own", tagged, false, g);
        TestNet.tag(own, "egress");
        n.instance("bygroup", tagged, false, h, g); // h has no tag, g has
        n.instance("bysubnet", tagged, false, h);
        n.instance("bykind", plain, false, h);
        Reachability r = n.reach();
        assertEquals("egress", PathAssertions.endpoint(r, "aws_instance.own").tier());
        assertEquals("public", PathAssertions.endpoint(r, "aws_instance.bygroup").tier());
        assertEquals("data", PathAssertions.endpoint(r, "aws_instance.bysubnet").tier()); // lower-cased
        assertEquals("app", PathAssertions.endpoint(r, "aws_instance.bykind").tier());
        assertEquals(List.of(PathAssertions.endpoint(r, "aws_instance.bysubnet")), r.inTier("DATA"));
        assertEquals(List.of(r.internet()), r.inTier("internet"));
    }

    @Test
    void theInternetComesFirstAndDeletedResourcesAreLeftOut() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet s = n.subnet("s", vpc, "10.0.1.0/24");
        SecurityGroup g = n.sg("g", vpc);
        n.instance("kept", s, false, g);
        Instance gone = n.instance("gone", s, false, g);
        gone.change = ChangeAction.DELETE;
        n.nat("nat", s);
        Reachability r = n.reach();
        List<Endpoint> all = r.endpoints();
        assertSame(r.internet(), all.get(0));
        assertEquals(Endpoint.INTERNET, all.get(0).tier());
        assertTrue(all.stream().anyMatch(e -> e.id().equals("aws_instance.kept")));
        assertFalse(all.stream().anyMatch(e -> e.id().equals("aws_instance.gone")));
        assertEquals("egress", PathAssertions.endpoint(r, "aws_nat_gateway.nat").tier());
        assertThrows(IllegalArgumentException.class, () -> r.path(new Endpoint("x", "app", gone), r.internet(), Traffic.ALL));
        assertThrows(IllegalArgumentException.class, () -> r.internet("not a cidr"));
    }

    @Test
    void anAuroraClusterTakesItsSubnetsFromTheSubnetGroupAndItsTierFromItsInstances() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet a = n.subnet("a", vpc, "10.0.1.0/24");
        Subnet b = n.subnet("b", vpc, "10.0.2.0/24");
        SecurityGroup g = n.sg("db", vpc);
        DbSubnetGroup group = new DbSubnetGroup("aws_db_subnet_group.db", "aws_db_subnet_group", Provenance.NONE);
        group.subnets = TestNet.refs(a, b);
        DbCluster c = new DbCluster("aws_rds_cluster.db", "aws_rds_cluster", Provenance.NONE);
        c.subnetGroup = TestNet.ref(group);
        c.securityGroups = TestNet.refs(g);
        DbInstance i = new DbInstance("aws_rds_cluster_instance.db[0]", "aws_rds_cluster_instance", Provenance.NONE);
        i.cluster = TestNet.ref(c);
        i.publiclyAccessible = Value.explicit(false, Provenance.NONE);
        TestNet.tag(i, "sql");
        n.resources.add(group);
        n.resources.add(c);
        n.resources.add(i);
        Reachability r = n.reach();
        Endpoint db = PathAssertions.endpoint(r, "aws_rds_cluster.db");
        assertEquals("sql", db.tier());
        // the instance is a member of the cluster, not an endpoint of its own
        assertFalse(r.endpoints().stream().anyMatch(e -> e.id().equals("aws_rds_cluster_instance.db[0]")));
        assertEquals(2, r.placement().interfaces.get(db).size());
    }

    @Test
    void aNodeGroupWithSshRemoteAccessAndNoSourceGroupsIsOpenOnPort22() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet pub = n.subnet("public", vpc, "10.0.0.0/24");
        pub.mapPublicIpOnLaunch = Value.explicit(true, Provenance.NONE);
        var igw = n.igw(vpc);
        var rt = n.table("public", vpc, pub);
        n.route(rt, "0.0.0.0/0", io.plumbline.model.network.Route.RouteTarget.INTERNET_GATEWAY, igw, null, "rt/0");
        io.plumbline.model.compute.EksCluster c = new io.plumbline.model.compute.EksCluster("aws_eks_cluster.main",
                "aws_eks_cluster", Provenance.NONE);
        c.subnets = TestNet.refs(pub);
        io.plumbline.model.compute.NodeGroup ng = new io.plumbline.model.compute.NodeGroup("aws_eks_node_group.ssh",
                "aws_eks_node_group", Provenance.NONE);
        ng.cluster = TestNet.ref(c);
        ng.subnets = TestNet.refs(pub);
        ng.launchTemplate = Value.explicit(null, Provenance.NONE);
        ng.sshKey = Value.explicit("my-key", TestNet.at("aws_eks_node_group.ssh/remote_access/ec2_ssh_key"));
        ng.sshSourceSecurityGroups = Value.explicit(List.of(), Provenance.NONE);
        n.resources.add(c);
        n.resources.add(ng);
        Reachability r = n.reach();
        PathResult p = PathAssertions.path(r, Endpoint.INTERNET, "aws_eks_node_group.ssh", Traffic.tcp(22, 80));
        assertEquals(Traffic.tcp(22), p.allowed());
        Hop rule = PathAssertions.hop(p, Hop.Layer.DESTINATION_SECURITY_GROUP_INGRESS, Hop.Decision.ALLOW);
        assertEquals("remote access security group of aws_eks_node_group.ssh", rule.component());
        PathAssertions.assertPointer("aws_eks_node_group.ssh/remote_access/ec2_ssh_key", rule);
    }

    @Test
    void aClusterThatNamesItsClusterSecurityGroupIsJudgedByThatGroupsRules() {
        TestNet n = new TestNet();
        Vpc vpc = n.vpc("10.0.0.0/16");
        Subnet app = n.subnet("app", vpc, "10.0.1.0/24");
        n.table("app", vpc, app);
        var clusterGroup = n.sg("eks-cluster-sg", vpc);
        n.cidrRule(clusterGroup, SgRule.Direction.INGRESS, "tcp", 443, 443, "10.0.0.0/16");
        io.plumbline.model.compute.EksCluster c = new io.plumbline.model.compute.EksCluster("aws_eks_cluster.main",
                "aws_eks_cluster", Provenance.NONE);
        c.subnets = TestNet.refs(app);
        c.securityGroups = Value.explicit(List.of(), Provenance.NONE);
        n.resources.add(c);
        Instance probe = n.instance("probe", app, false);
        TestNet.tag(probe, "public");

        // without the group's name the cluster's group is unknown: nothing can be shown denied or allowed
        PathResult unknown = PathAssertions.path(n.reach(), probe.address(), "aws_eks_cluster.main",
                Traffic.tcp(443, 22));
        assertFalse(unknown.undecided().isEmpty(), "undecided without the cluster group's rules");

        // a live cluster names it (DescribeCluster's clusterSecurityGroupId): its real rules decide
        c.clusterSecurityGroup = TestNet.ref(clusterGroup);
        PathResult known = PathAssertions.path(n.reach(), probe.address(), "aws_eks_cluster.main",
                Traffic.tcp(443, 22));
        assertEquals(Traffic.tcp(443), known.allowed(), known::toString);
        assertTrue(known.undecided().isEmpty(), known::toString);
    }
}
