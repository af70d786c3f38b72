package io.plumbline.rules.network;

import static io.plumbline.rules.Fixtures.at;
import static io.plumbline.rules.Fixtures.explicit;
import static io.plumbline.rules.Fixtures.ref;
import static io.plumbline.rules.Fixtures.refs;

import io.plumbline.engine.Result;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.rule.Rule;
import io.plumbline.rules.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference architecture in miniature, built by hand for the path rules' unit tests: one VPC (10.0.0.0/16), one
 * AZ, a public subnet (10.0.0.0/24, default route to the IGW) holding an internet-facing ALB (443 and 80 from
 * anywhere, egress tcp 8080 to the app subnet) and a NAT gateway; an app subnet (10.0.1.0/24, default route to the
 * NAT) holding a node group whose launch template carries the node security group (8080 from the ALB group, all
 * egress); a data subnet (10.0.2.0/24, local routes only) holding an Aurora cluster with one instance (5432 from the
 * node group) and a Redis group (6379 from the node group); no network ACLs (the VPC's default ACL allows all).
 * Every subnet, group and resource carries its {@code plumbline:tier} tag. Tests change one thing and run a rule.
 */
final class TinyNetwork {
    static final String TIER = "plumbline:tier";
    static final String VPC_CIDR = "10.0.0.0/16";
    static final String PUBLIC_CIDR = "10.0.0.0/24";
    static final String APP_CIDR = "10.0.1.0/24";
    static final String DATA_CIDR = "10.0.2.0/24";

    final Vpc vpc = new Vpc("aws_vpc.main", "aws_vpc", at());
    final InternetGateway igw = new InternetGateway("aws_internet_gateway.main", "aws_internet_gateway", at());
    final Subnet publicSubnet = subnet("public", PUBLIC_CIDR);
    final Subnet appSubnet = subnet("app", APP_CIDR);
    final Subnet dataSubnet = subnet("data", DATA_CIDR);
    final NatGateway nat = new NatGateway("aws_nat_gateway.main", "aws_nat_gateway", at());
    final RouteTable publicRoutes = table("public");
    final RouteTable appRoutes = table("app");
    final RouteTable dataRoutes = table("data");
    final SecurityGroup albSg = sg("alb", "public");
    final SecurityGroup nodesSg = sg("nodes", "app");
    final SecurityGroup auroraSg = sg("aurora", "data");
    final SecurityGroup redisSg = sg("redis", "data");
    final LoadBalancer alb = new LoadBalancer("aws_lb.public", "aws_lb", at());
    final LaunchTemplate template = new LaunchTemplate("aws_launch_template.nodes", "aws_launch_template", at());
    final NodeGroup nodes = new NodeGroup("aws_eks_node_group.main", "aws_eks_node_group", at());
    final DbSubnetGroup dbSubnets = new DbSubnetGroup("aws_db_subnet_group.main", "aws_db_subnet_group", at());
    final DbCluster aurora = new DbCluster("aws_rds_cluster.main", "aws_rds_cluster", at());
    final DbInstance auroraInstance = new DbInstance("aws_rds_cluster_instance.main[0]", "aws_rds_cluster_instance",
            at());
    final CacheSubnetGroup cacheSubnets = new CacheSubnetGroup("aws_elasticache_subnet_group.main",
            "aws_elasticache_subnet_group", at());
    final CacheReplicationGroup redis = new CacheReplicationGroup("aws_elasticache_replication_group.main",
            "aws_elasticache_replication_group", at());
    final List<Resource> extra = new ArrayList<>();

    /** Standalone rules, kept to check that a finding points at them. */
    final SgRule albHttps = in(albSg, "tcp", 443, 443, "0.0.0.0/0");
    final SgRule albHttp = in(albSg, "tcp", 80, 80, "0.0.0.0/0");
    final SgRule albToApp = out(albSg, "tcp", 8080, 8080, APP_CIDR);
    final SgRule nodesFromAlb = inFromGroup(nodesSg, "tcp", 8080, 8080, albSg);
    final SgRule auroraFromNodes = inFromGroup(auroraSg, "tcp", 5432, 5432, nodesSg);
    final SgRule redisFromNodes = inFromGroup(redisSg, "tcp", 6379, 6379, nodesSg);

    TinyNetwork() {
        vpc.cidrBlock = explicit(VPC_CIDR);
        vpc.isDefault = explicit(false);
        vpc.tags = explicit(Map.of("Name", "main"));
        igw.vpc = ref(vpc.address());
        publicSubnet.mapPublicIpOnLaunch = explicit(false);
        nat.subnet = ref(publicSubnet.address());
        nat.connectivityType = explicit("public");
        nat.tags = explicit(Map.of(TIER, "egress"));
        route(publicRoutes, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw.address());
        route(appRoutes, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat.address());
        publicRoutes.subnets.add(ref(publicSubnet.address()));
        appRoutes.subnets.add(ref(appSubnet.address()));
        dataRoutes.subnets.add(ref(dataSubnet.address()));

        out(nodesSg, "-1", 0, 0, "0.0.0.0/0");

        alb.type = explicit("application");
        alb.internal = explicit(false);
        alb.subnets = refs(publicSubnet.address());
        alb.securityGroups = refs(albSg.address());
        alb.tags = explicit(Map.of(TIER, "public"));
        listener(443, "HTTPS");
        httpListener = redirectToHttps(80);

        template.securityGroups = refs(nodesSg.address());
        nodes.subnets = refs(appSubnet.address());
        nodes.launchTemplate = ref(template.address());
        nodes.tags = explicit(Map.of(TIER, "app"));

        dbSubnets.subnets = refs(dataSubnet.address());
        aurora.engine = explicit("aurora-postgresql");
        aurora.subnetGroup = ref(dbSubnets.address());
        aurora.securityGroups = refs(auroraSg.address());
        aurora.tags = explicit(Map.of(TIER, "data"));
        auroraInstance.cluster = ref(aurora.address());
        auroraInstance.engine = explicit("aurora-postgresql");
        auroraInstance.subnetGroup = ref(dbSubnets.address());
        auroraInstance.publiclyAccessible = explicit(false);
        auroraInstance.tags = explicit(Map.of(TIER, "data"));

        cacheSubnets.subnets = refs(dataSubnet.address());
        redis.engine = explicit("redis");
        redis.subnetGroup = ref(cacheSubnets.address());
        redis.securityGroups = refs(redisSg.address());
        redis.tags = explicit(Map.of(TIER, "data"));
    }

    List<Resource> resources() {
        List<Resource> all = new ArrayList<>(List.of(vpc, igw, publicSubnet, appSubnet, dataSubnet, nat, publicRoutes,
                appRoutes, dataRoutes, albSg, nodesSg, auroraSg, redisSg, alb, template, nodes, dbSubnets, aurora,
                auroraInstance, cacheSubnets, redis));
        all.addAll(extra);
        return all;
    }

    Result run(Rule rule) {
        return Fixtures.run(rule, resources().toArray(Resource[]::new));
    }

    // ------------------------------------------------------------------------------------------------------ builders

    Subnet subnet(String tier, String cidr) {
        Subnet s = new Subnet("aws_subnet." + tier, "aws_subnet", at());
        s.vpc = ref("aws_vpc.main");
        s.cidrBlock = explicit(cidr);
        s.availabilityZone = explicit("eu-west-1a");
        s.mapPublicIpOnLaunch = explicit(false);
        s.tags = explicit(Map.of(TIER, tier));
        return s;
    }

    RouteTable table(String tier) {
        RouteTable t = new RouteTable("aws_route_table." + tier, "aws_route_table", at());
        t.vpc = ref("aws_vpc.main");
        t.main = explicit(false);
        t.tags = explicit(Map.of(TIER, tier));
        return t;
    }

    static Route route(RouteTable t, String cidr, RouteTarget type, String target) {
        Provenance p = at();
        boolean v6 = cidr.contains(":");
        Route r = new Route(v6 ? Value.explicit(null, p) : Value.explicit(cidr, p), v6 ? Value.explicit(cidr, p)
                : Value.explicit(null, p), Value.explicit(null, p), type, target == null ? Value.explicit(null, p)
                : Value.explicit(new Ref(target), p), Value.notInInput(), p);
        t.routes.add(r);
        return r;
    }

    static SecurityGroup sg(String name, String tier) {
        SecurityGroup g = new SecurityGroup("aws_security_group." + name, "aws_security_group", at());
        g.vpc = ref("aws_vpc.main");
        g.groupName = explicit(name);
        g.tags = explicit(Map.of(TIER, tier));
        return g;
    }

    static SgRule cidrRule(Direction d, String protocol, Integer from, Integer to, Value<String> cidr, boolean v6) {
        Provenance p = at();
        return new SgRule(d, Value.explicit(Protocols.normalise(protocol), p), Value.explicit(from, p),
                Value.explicit(to, p), v6 ? PeerKind.CIDR_IPV6 : PeerKind.CIDR_IPV4, cidr, Value.notInInput(), null,
                null, p);
    }

    static SgRule in(SecurityGroup g, String protocol, Integer from, Integer to, String cidr) {
        SgRule r = cidrRule(Direction.INGRESS, protocol, from, to, explicit(cidr), cidr.contains(":"));
        g.rules.add(r);
        return r;
    }

    static SgRule out(SecurityGroup g, String protocol, Integer from, Integer to, String cidr) {
        SgRule r = cidrRule(Direction.EGRESS, protocol, from, to, explicit(cidr), cidr.contains(":"));
        g.rules.add(r);
        return r;
    }

    /** Ingress from a CIDR nobody knows before apply. */
    static SgRule inFromUnknownCidr(SecurityGroup g, String protocol, Integer from, Integer to) {
        SgRule r = cidrRule(Direction.INGRESS, protocol, from, to, Value.unknown("known only after apply", at()),
                false);
        g.rules.add(r);
        return r;
    }

    static SgRule inFromGroup(SecurityGroup g, String protocol, Integer from, Integer to, SecurityGroup peer) {
        Provenance p = at();
        SgRule r = new SgRule(Direction.INGRESS, Value.explicit(Protocols.normalise(protocol), p),
                Value.explicit(from, p), Value.explicit(to, p), PeerKind.SECURITY_GROUP, Value.notInInput(),
                Value.explicit(new Ref(peer.address()), p), null, null, p);
        g.rules.add(r);
        return r;
    }

    static SgRule outToGroup(SecurityGroup g, String protocol, Integer from, Integer to, SecurityGroup peer) {
        Provenance p = at();
        SgRule r = new SgRule(Direction.EGRESS, Value.explicit(Protocols.normalise(protocol), p),
                Value.explicit(from, p), Value.explicit(to, p), PeerKind.SECURITY_GROUP, Value.notInInput(),
                Value.explicit(new Ref(peer.address()), p), null, null, p);
        g.rules.add(r);
        return r;
    }

    /** The reference's port-80 listener: it only redirects to HTTPS (replaceable by a test). */
    Listener httpListener;

    /** An HTTP listener whose default action redirects to HTTPS, as the reference's port 80. */
    Listener redirectToHttps(int port) {
        Provenance p = at();
        Listener l = new Listener("aws_lb_listener.l" + port, explicit(port), explicit("HTTP"), Value.notInInput(),
                Value.notInInput(), explicit("redirect"), explicit("HTTPS"), Value.explicit(null, p), p);
        alb.listeners.add(l);
        return l;
    }

    Listener listener(int port, String protocol) {
        Provenance p = at();
        Listener l = new Listener("aws_lb_listener.l" + port, explicit(port), explicit(protocol), Value.notInInput(),
                Value.notInInput(), explicit("forward"), Value.explicit(null, p), ref("aws_lb_target_group.app"), p);
        alb.listeners.add(l);
        return l;
    }

    /** An EC2 instance in the public subnet with a public IP, carrying its own group (tier public). */
    Instance publicInstance(String name, SecurityGroup group) {
        Instance i = new Instance("aws_instance." + name, "aws_instance", at());
        i.subnet = ref(publicSubnet.address());
        i.securityGroups = refs(group.address());
        i.associatePublicIp = explicit(true);
        i.tags = explicit(Map.of(TIER, "public"));
        extra.add(i);
        if (!extra.contains(group)) extra.add(group);
        return i;
    }

    static void remove(SecurityGroup g, SgRule r) {
        g.rules.remove(r);
    }
}
