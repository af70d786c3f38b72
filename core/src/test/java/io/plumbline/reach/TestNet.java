package io.plumbline.reach;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
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
import io.plumbline.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small hand-built networks for the engine's tests: every resource and rule gets its own location (pointer
 * {@code /<name>}), so that a witness can be checked down to the element that decided.
 */
final class TestNet {
    static final String FILE = "net.tf.json";
    static final Profile PROFILE = new Profile("test", 3, null, null, new Profile.Aurora(1, 7), new Profile.Cache(1, 7),
            new Profile.Network(List.of(22, 3389), "plumbline:tier"),
            new Profile.Roles("plumbline:role", List.of(), Map.of(), "plumbline.io/criticality"), List.of());

    final List<Resource> resources = new ArrayList<>();
    private int line = 1;

    static Provenance at(String name) {
        return Provenance.inFile(FILE, 0, 0, "/" + name);
    }

    static <T> Value<T> v(T value, String where) {
        return Value.explicit(value, at(where));
    }

    static Value<Ref> ref(Resource r) {
        return Value.explicit(new Ref(r.address()), at(r.address()));
    }

    static Value<List<Ref>> refs(Resource... rs) {
        List<Ref> out = new ArrayList<>();
        for (Resource r : rs) out.add(new Ref(r.address()));
        return Value.explicit(out, Provenance.NONE);
    }

    private <T extends Resource> T add(T r) {
        r.change = ChangeAction.CREATE;
        r.tags = Value.explicit(Map.of(), at(r.address()));
        resources.add(r);
        line++;
        return r;
    }

    Model model() {
        return new Model(resources, List.of(), List.of());
    }

    Reachability reach() {
        return Reachability.of(model(), PROFILE);
    }

    Vpc vpc(String cidr) {
        return vpc("main", cidr);
    }

    Vpc vpc(String name, String cidr) {
        String a = "aws_vpc." + name;
        Vpc v = add(new Vpc(a, "aws_vpc", at(a)));
        v.cidrBlock = v(cidr, a + "/cidr_block");
        v.ipv6CidrBlocks = v(List.of(), a);
        v.isDefault = v(false, a);
        return v;
    }

    /** Sets the region of resources (a live audit of several regions, or provider aliases). */
    static void region(String region, Resource... rs) {
        for (Resource r : rs) r.region = Value.explicit(region, Provenance.NONE);
    }

    Subnet subnet(String name, Vpc vpc, String cidr) {
        return subnet(name, vpc, cidr, null);
    }

    /** {@code cidr} null: an IPv6-only subnet. */
    Subnet subnet(String name, Vpc vpc, String cidr, String ipv6) {
        Subnet s = add(new Subnet("aws_subnet." + name, "aws_subnet", at("aws_subnet." + name)));
        s.vpc = ref(vpc);
        s.availabilityZone = v("eu-west-1a", s.address());
        s.cidrBlock = v(cidr, s.address() + "/cidr_block");
        s.ipv6CidrBlock = v(ipv6, s.address() + "/ipv6_cidr_block");
        s.mapPublicIpOnLaunch = v(false, s.address() + "/map_public_ip_on_launch");
        return s;
    }

    InternetGateway igw(Vpc vpc) {
        InternetGateway g = add(new InternetGateway("aws_internet_gateway.main", "aws_internet_gateway",
                at("aws_internet_gateway.main")));
        g.vpc = ref(vpc);
        return g;
    }

    RouteTable table(String name, Vpc vpc, Subnet... associated) {
        RouteTable t = add(new RouteTable("aws_route_table." + name, "aws_route_table", at("aws_route_table." + name)));
        t.vpc = ref(vpc);
        t.main = v(false, t.address());
        for (Subnet s : associated) t.subnets.add(ref(s));
        return t;
    }

    /** A route; {@code where} names its location pointer. */
    void route(RouteTable t, String cidr, RouteTarget type, Resource target, String state, String where) {
        boolean v6 = cidr.contains(":");
        t.routes.add(new Route(v(v6 ? null : cidr, where), v(v6 ? cidr : null, where), v(null, where), type,
                target == null ? v(new Ref("local"), where) : ref(target), state == null ? Value.notInInput() : v(state, where),
                at(where)));
    }

    NetworkAcl acl(String name, Vpc vpc, Subnet... associated) {
        NetworkAcl n = add(new NetworkAcl("aws_network_acl." + name, "aws_network_acl", at("aws_network_acl." + name)));
        n.vpc = ref(vpc);
        n.isDefault = v(false, n.address());
        for (Subnet s : associated) n.subnets.add(ref(s));
        return n;
    }

    void entry(NetworkAcl n, int no, boolean egress, String protocol, String action, String cidr, int from, int to) {
        String where = n.address() + (egress ? "/egress/" : "/ingress/") + no;
        boolean v6 = cidr.contains(":");
        n.entries.add(new NaclEntry(v(no, where), egress, v(Protocols.normalise(protocol), where), v(action, where),
                v(v6 ? null : cidr, where), v(v6 ? cidr : null, where), v(from, where), v(to, where), at(where)));
    }

    SecurityGroup sg(String name, Vpc vpc) {
        SecurityGroup g = add(new SecurityGroup("aws_security_group." + name, "aws_security_group",
                at("aws_security_group." + name)));
        g.vpc = ref(vpc);
        g.groupName = v(name, g.address());
        return g;
    }

    private static String where(SecurityGroup g, Direction d) {
        return g.address() + "/" + d.name().toLowerCase() + "/" + g.rules.size();
    }

    void cidrRule(SecurityGroup g, Direction d, String protocol, int from, int to, String cidr) {
        String w = where(g, d);
        g.rules.add(new SgRule(d, v(Protocols.normalise(protocol), w), v(from, w), v(to, w),
                cidr.contains(":") ? PeerKind.CIDR_IPV6 : PeerKind.CIDR_IPV4, v(cidr, w), Value.notInInput(), null,
                g.address(), at(w)));
    }

    void unknownCidrRule(SecurityGroup g, Direction d, String protocol, int from, int to) {
        String w = where(g, d);
        g.rules.add(new SgRule(d, v(Protocols.normalise(protocol), w), v(from, w), v(to, w), PeerKind.CIDR_IPV4,
                Value.unknown("known only after apply", at(w)), Value.notInInput(), null, g.address(), at(w)));
    }

    void groupRule(SecurityGroup g, Direction d, String protocol, int from, int to, SecurityGroup peer) {
        String w = where(g, d);
        g.rules.add(new SgRule(d, v(Protocols.normalise(protocol), w), v(from, w), v(to, w), PeerKind.SECURITY_GROUP,
                Value.notInInput(), ref(peer), null, "aws_security_group_rule." + g.groupName.get() + "_" + g.rules.size(),
                at(w)));
    }

    void selfRule(SecurityGroup g, Direction d, String protocol, int from, int to) {
        String w = where(g, d);
        g.rules.add(new SgRule(d, v(Protocols.normalise(protocol), w), v(from, w), v(to, w), PeerKind.SELF,
                Value.notInInput(), ref(g), null, g.address(), at(w)));
    }

    void prefixListRule(SecurityGroup g, Direction d, String protocol, int from, int to, String listId) {
        String w = where(g, d);
        g.rules.add(new SgRule(d, v(Protocols.normalise(protocol), w), v(from, w), v(to, w), PeerKind.PREFIX_LIST,
                v(listId, w), v(new Ref(listId), w), null, g.address(), at(w)));
    }

    Instance instance(String name, Subnet subnet, Boolean publicIp, SecurityGroup... groups) {
        Instance i = add(new Instance("aws_instance." + name, "aws_instance", at("aws_instance." + name)));
        i.subnet = ref(subnet);
        i.securityGroups = refs(groups);
        i.associatePublicIp = v(publicIp, i.address() + "/associate_public_ip_address");
        return i;
    }

    LoadBalancer lb(String name, boolean internal, List<Subnet> subnets, List<SecurityGroup> groups, int... ports) {
        LoadBalancer lb = add(new LoadBalancer("aws_lb." + name, "aws_lb", at("aws_lb." + name)));
        lb.type = v("application", lb.address());
        lb.internal = v(internal, lb.address() + "/internal");
        lb.subnets = refs(subnets.toArray(new Resource[0]));
        lb.securityGroups = refs(groups.toArray(new Resource[0]));
        for (int p : ports) {
            String a = "aws_lb_listener." + name + "_" + p;
            lb.listeners.add(new Listener(a, v(p, a), v(p == 443 ? "HTTPS" : "HTTP", a), v(null, a), v(null, a),
                    v("forward", a), v(null, a), v(null, a), at(a)));
        }
        return lb;
    }

    NatGateway nat(String name, Subnet subnet) {
        NatGateway n = add(new NatGateway("aws_nat_gateway." + name, "aws_nat_gateway", at("aws_nat_gateway." + name)));
        n.subnet = ref(subnet);
        n.connectivityType = v("public", n.address());
        return n;
    }

    /** A Redis replication group in its own subnet group, with {@code groups} (none: the attribute not set). */
    CacheReplicationGroup cache(String name, List<Subnet> subnets, SecurityGroup... groups) {
        CacheSubnetGroup sg = add(new CacheSubnetGroup("aws_elasticache_subnet_group." + name,
                "aws_elasticache_subnet_group", at("aws_elasticache_subnet_group." + name)));
        sg.subnets = refs(subnets.toArray(new Resource[0]));
        CacheReplicationGroup c = add(new CacheReplicationGroup("aws_elasticache_replication_group." + name,
                "aws_elasticache_replication_group", at("aws_elasticache_replication_group." + name)));
        c.subnetGroup = ref(sg);
        c.securityGroups = groups.length == 0 ? Value.notInInput() : refs(groups);
        return c;
    }

    static void tag(Resource r, String tier) {
        r.tags = Value.explicit(Map.of("plumbline:tier", tier), Provenance.NONE);
    }
}
