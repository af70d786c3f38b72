package io.plumbline.source.terraform;

import io.plumbline.model.Defaults;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
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
import java.util.ArrayList;
import java.util.List;

/** VPCs, subnets, route tables, gateways, NACLs, security groups, instances and load balancers. */
final class NetworkMapping {
    private NetworkMapping() {
    }

    static Resource vpc(PlanReader p, PlanReader.Res x) {
        Vpc v = p.common(new Vpc(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        v.cidrBlock = a.str("cidr_block");
        v.ipv6CidrBlocks = Mappings.listOf(a.strOrNull("ipv6_cidr_block"));
        v.isDefault = Value.explicit("aws_default_vpc".equals(x.type), x.place);
        p.mainTables.vpc(v, a);
        return v;
    }

    static Resource subnet(PlanReader p, PlanReader.Res x) {
        Subnet s = p.common(new Subnet(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        s.vpc = a.ref("vpc_id");
        s.availabilityZone = a.strOrNull("availability_zone");
        s.availabilityZoneId = a.strOrNull("availability_zone_id");
        s.cidrBlock = a.strOrNull("cidr_block");
        s.ipv6CidrBlock = a.strOrNull("ipv6_cidr_block");
        s.mapPublicIpOnLaunch = a.bool("map_public_ip_on_launch");
        return s;
    }

    // ------------------------------------------------------------------ routing

    static Resource routeTable(PlanReader p, PlanReader.Res x) {
        RouteTable t = p.common(new RouteTable(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        t.vpc = a.ref("vpc_id");
        if ("aws_default_route_table".equals(x.type)) {
            t.main = Value.explicit(true, x.place);
            p.addAlias(t, a.text("default_route_table_id"));
            p.mainTables.defaultTable(t, a);
        } else {
            t.main = Value.defaulted(Defaults.TF_ROUTE_TABLE_NOT_MAIN, x.place);
        }
        Attrs.Blocks routes = a.blocks("route");
        if (routes.known()) {
            for (Attrs e : routes.items) t.routes.add(route(p, e, false));
        } else if (routes.state == Attrs.Blocks.State.UNKNOWN && !(routes.configUnset && Mappings.creating(x))) {
            t.routesComplete = Value.unknown("inline routes are " + Attrs.AFTER_APPLY, routes.place);
        }
        return t;
    }

    private static final String[] TARGETS = {"gateway_id", "nat_gateway_id", "egress_only_gateway_id",
        "transit_gateway_id", "vpc_peering_connection_id", "vpc_endpoint_id", "instance_id", "network_interface_id",
        "local_gateway_id", "carrier_gateway_id", "core_network_arn"};

    /** One route: inline {@code route} block, or a standalone {@code aws_route} ({@code standalone} names differ). */
    static Route route(PlanReader p, Attrs e, boolean standalone) {
        Value<String> cidr = e.strOrNull(standalone ? "destination_cidr_block" : "cidr_block");
        Value<String> v6 = e.strOrNull(standalone ? "destination_ipv6_cidr_block" : "ipv6_cidr_block");
        Value<String> pl = e.strOrNull("destination_prefix_list_id");
        // A route has exactly one destination: once one is known, the others (computed in old providers) are not set.
        if (cidr.isPresent() || v6.isPresent() || pl.isPresent()) {
            if (!cidr.isPresent()) cidr = Value.explicit(null, e.place);
            if (!v6.isPresent()) v6 = Value.explicit(null, e.place);
            if (!pl.isPresent()) pl = Value.explicit(null, e.place);
        }
        String attr = null;
        for (String t : TARGETS) {
            String v = e.text(t);
            if (v != null && !v.isEmpty()) {
                attr = t;
                break;
            }
        }
        if (attr == null) {
            String onlyUnknown = null;
            int unknowns = 0;
            for (String t : TARGETS) {
                if (!e.isUnknown(t)) continue;
                unknowns++;
                onlyUnknown = t;
                if (e.cfgState(t) == Attrs.Cfg.SET) {
                    attr = t;
                    break;
                }
            }
            if (attr == null && unknowns == 1) attr = onlyUnknown;
            if (attr == null && unknowns > 0) {
                return new Route(cidr, v6, pl, RouteTarget.UNKNOWN, Value.unknown("the route's target is "
                        + Attrs.AFTER_APPLY + " and the plan does not say which kind it is", e.place),
                        Value.notInInput(), e.place);
            }
            if (attr == null) {
                return new Route(cidr, v6, pl, RouteTarget.OTHER, Value.explicit(null, e.place), Value.notInInput(), e.place);
            }
        }
        Value<Ref> target = e.ref(attr);
        return new Route(cidr, v6, pl, targetType(attr, target), target, Value.notInInput(), e.place);
    }

    private static RouteTarget targetType(String attr, Value<Ref> target) {
        switch (attr) {
            case "nat_gateway_id":
                return RouteTarget.NAT_GATEWAY;
            case "egress_only_gateway_id":
                return RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY;
            case "transit_gateway_id":
                return RouteTarget.TRANSIT_GATEWAY;
            case "vpc_peering_connection_id":
                return RouteTarget.VPC_PEERING;
            case "vpc_endpoint_id":
                return RouteTarget.VPC_ENDPOINT;
            case "instance_id":
                return RouteTarget.INSTANCE;
            case "network_interface_id":
                return RouteTarget.NETWORK_INTERFACE;
            case "gateway_id":
                break;
            default:
                return RouteTarget.OTHER;
        }
        if (!target.isPresent()) return RouteTarget.UNKNOWN;
        String t = target.get().target();
        if ("local".equals(t)) return RouteTarget.LOCAL;
        if (t.startsWith("igw-")) return RouteTarget.INTERNET_GATEWAY;
        if (t.startsWith("vgw-")) return RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
        if (t.startsWith("vpce-")) return RouteTarget.VPC_ENDPOINT;
        String type = Mappings.typeOf(t);
        if (type == null) return RouteTarget.OTHER;
        return switch (type) {
            case "aws_internet_gateway" -> RouteTarget.INTERNET_GATEWAY;
            case "aws_vpn_gateway" -> RouteTarget.VIRTUAL_PRIVATE_GATEWAY;
            case "aws_vpc_endpoint" -> RouteTarget.VPC_ENDPOINT;
            case "aws_egress_only_internet_gateway" -> RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY;
            default -> RouteTarget.OTHER;
        };
    }

    static Resource route(PlanReader p, PlanReader.Res x) {
        p.fold(x, "route_table_id", RouteTable.class, (t, r) -> t.routes.add(route(p, r.attrs, true)),
                () -> p.markAllOnce(RouteTable.class, t -> t.routesComplete = Value.unknown(
                        x.address + " adds a route to a table that cannot be determined", x.place)));
        return null;
    }

    static Resource routeTableAssociation(PlanReader p, PlanReader.Res x) {
        p.fold(x, "route_table_id", RouteTable.class, (t, r) -> {
            Value<Ref> subnet = r.attrs.ref("subnet_id");
            if (subnet.isPresent() || subnet.isUnknown()) addOnce(t.subnets, subnet);
        });
        return null;
    }

    static Resource mainRouteTableAssociation(PlanReader p, PlanReader.Res x) {
        p.fold(x, "route_table_id", RouteTable.class, (t, r) -> {
            t.main = Value.explicit(true, r.place);
            if (!t.vpc.isPresent()) {
                Value<Ref> vpc = r.attrs.ref("vpc_id");
                if (vpc.isPresent()) t.vpc = vpc;
            }
        });
        return null;
    }

    static Resource internetGateway(PlanReader p, PlanReader.Res x) {
        InternetGateway g = p.common(new InternetGateway(x.address, x.type, x.place), x, null);
        g.vpc = x.attrs.ref("vpc_id");
        return g;
    }

    static Resource internetGatewayAttachment(PlanReader p, PlanReader.Res x) {
        p.fold(x, "internet_gateway_id", InternetGateway.class, (g, r) -> g.vpc = r.attrs.ref("vpc_id"));
        return null;
    }

    static Resource natGateway(PlanReader p, PlanReader.Res x) {
        NatGateway n = p.common(new NatGateway(x.address, x.type, x.place), x, null);
        n.subnet = x.attrs.ref("subnet_id");
        n.connectivityType = x.attrs.str("connectivity_type", Defaults.NAT_CONNECTIVITY_TYPE);
        return n;
    }

    // ------------------------------------------------------------------ network ACLs

    static Resource networkAcl(PlanReader p, PlanReader.Res x) {
        NetworkAcl n = p.common(new NetworkAcl(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        boolean isDefault = "aws_default_network_acl".equals(x.type);
        n.isDefault = Value.explicit(isDefault, x.place);
        n.vpc = a.ref("vpc_id");
        if (isDefault) p.addAlias(n, a.text("default_network_acl_id"));
        Value<List<Ref>> subnets = a.refs("subnet_ids");
        if (subnets.isPresent()) {
            for (Ref r : subnets.get()) n.subnets.add(Value.explicit(r, subnets.provenance()));
        } else if (subnets.isUnknown() && !(a.cfgState("subnet_ids") == Attrs.Cfg.NOT_SET)) {
            n.subnets.add(subnets.map(l -> null));
        }
        for (String dir : new String[] {"ingress", "egress"}) {
            Attrs.Blocks b = a.blocks(dir);
            if (b.known()) {
                for (Attrs e : b.items) {
                    n.entries.add(new NaclEntry(e.integer("rule_no"), "egress".equals(dir),
                            e.str("protocol").map(Protocols::normalise), e.str("action").map(NetworkMapping::lower),
                            e.strOrNull("cidr_block"), e.strOrNull("ipv6_cidr_block"), e.integer("from_port"),
                            e.integer("to_port"), e.place));
                }
            } else if (b.state == Attrs.Blocks.State.UNKNOWN && !(b.configUnset && Mappings.creating(x))) {
                n.entriesComplete = Value.unknown("inline " + dir + " entries are " + Attrs.AFTER_APPLY, b.place);
            }
        }
        return n;
    }

    static Resource networkAclRule(PlanReader p, PlanReader.Res x) {
        p.fold(x, "network_acl_id", NetworkAcl.class, (n, r) -> {
            Attrs e = r.attrs;
            n.entries.add(new NaclEntry(e.integer("rule_number"), e.bool("egress").orElse(false),
                    e.str("protocol").map(Protocols::normalise), e.str("rule_action").map(NetworkMapping::lower),
                    e.strOrNull("cidr_block"), e.strOrNull("ipv6_cidr_block"), e.integer("from_port"),
                    e.integer("to_port"), r.place));
        }, () -> p.markAllOnce(NetworkAcl.class, n -> n.entriesComplete = Value.unknown(
                x.address + " adds an entry to a network ACL that cannot be determined", x.place)));
        return null;
    }

    static Resource networkAclAssociation(PlanReader p, PlanReader.Res x) {
        p.fold(x, "network_acl_id", NetworkAcl.class, (n, r) -> addOnce(n.subnets, r.attrs.ref("subnet_id")));
        return null;
    }

    /** Adds a subnet link unless the same known link is already there (subnet_ids and an association may agree). */
    private static void addOnce(List<Value<Ref>> links, Value<Ref> link) {
        if (link.isPresent()) {
            for (Value<Ref> l : links) if (l.isPresent() && l.get().equals(link.get())) return;
        }
        links.add(link);
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ security groups

    static Resource securityGroup(PlanReader p, PlanReader.Res x) {
        SecurityGroup g = p.common(new SecurityGroup(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        g.vpc = a.ref("vpc_id");
        g.groupName = a.strOrNull("name");
        g.description = a.strOrNull("description");
        for (Direction dir : Direction.values()) {
            String key = dir == Direction.INGRESS ? "ingress" : "egress";
            Attrs.Blocks b = a.blocks(key);
            if (b.known()) {
                for (Attrs e : b.items) inlineRule(g, e, dir, x.address);
            } else if (b.state == Attrs.Blocks.State.UNKNOWN && !(b.configUnset && Mappings.creating(x))) {
                // Terraform removes AWS's default egress rule, so a group created without egress blocks has none;
                // a rule list that is set but unknown cannot be read.
                g.rulesComplete = Value.unknown("inline " + key + " rules are " + Attrs.AFTER_APPLY, b.place);
            }
        }
        return g;
    }

    private static void inlineRule(SecurityGroup g, Attrs e, Direction dir, String origin) {
        Value<String> proto = e.str("protocol").map(Protocols::normalise);
        Value<Integer> from = e.integer("from_port");
        Value<Integer> to = e.integer("to_port");
        String desc = e.publicText("description");
        int before = g.rules.size();
        cidrs(g, e, "cidr_blocks", PeerKind.CIDR_IPV4, dir, proto, from, to, desc, origin);
        cidrs(g, e, "ipv6_cidr_blocks", PeerKind.CIDR_IPV6, dir, proto, from, to, desc, origin);
        groups(g, e.refs("prefix_list_ids"), PeerKind.PREFIX_LIST, dir, proto, from, to, desc, origin, e.place);
        groups(g, e.refs("security_groups"), PeerKind.SECURITY_GROUP, dir, proto, from, to, desc, origin, e.place);
        Value<Boolean> self = e.bool("self");
        if (self.is(true)) {
            g.rules.add(new SgRule(dir, proto, from, to, PeerKind.SELF, Value.notInInput(),
                    Value.explicit(new Ref(g.address()), self.provenance()), desc, origin, e.place));
        } else if (self.isUnknown()) {
            g.rules.add(new SgRule(dir, proto, from, to, PeerKind.SELF, Value.notInInput(),
                    Value.unknown("whether the rule allows the group itself is " + Attrs.AFTER_APPLY, self.provenance()),
                    desc, origin, e.place));
        }
        if (g.rules.size() == before && e.vals == null) {
            g.rules.add(new SgRule(dir, proto, from, to, PeerKind.UNKNOWN, Value.unknown(Attrs.AFTER_APPLY, e.place),
                    Value.notInInput(), desc, origin, e.place));
        }
    }

    private static void cidrs(SecurityGroup g, Attrs e, String key, PeerKind kind, Direction dir, Value<String> proto,
                              Value<Integer> from, Value<Integer> to, String desc, String origin) {
        for (Value<String> peer : e.stringItems(key)) {
            g.rules.add(new SgRule(dir, proto, from, to, kind, peer, Value.notInInput(), desc, origin, e.place));
        }
    }

    /** Security-group and prefix-list peers: {@code peerGroup} is the link; for prefix lists peerCidr is its id too. */
    private static void groups(SecurityGroup g, Value<List<Ref>> v, PeerKind kind, Direction dir, Value<String> proto,
                               Value<Integer> from, Value<Integer> to, String desc, String origin, Provenance place) {
        if (v.isPresent()) {
            for (Ref r : v.get()) {
                Value<Ref> peer = Value.explicit(r, v.provenance());
                Value<String> cidr = kind == PeerKind.PREFIX_LIST ? Value.explicit(r.target(), v.provenance())
                        : Value.notInInput();
                g.rules.add(new SgRule(dir, proto, from, to, kind, cidr, peer, desc, origin, place));
            }
        } else if (v.isUnknown() && !Attrs.absent(v)) {
            Value<Ref> peer = v.map(l -> null);
            g.rules.add(new SgRule(dir, proto, from, to, kind,
                    kind == PeerKind.PREFIX_LIST ? v.map(l -> null) : Value.notInInput(), peer, desc, origin, place));
        }
    }

    private static void incompleteGroups(PlanReader p, PlanReader.Res x) {
        p.markAllOnce(SecurityGroup.class, g -> {
            if (g.declaredInInput.is(true)) g.rulesComplete = Value.unknown(
                    x.address + " adds a rule to a security group that cannot be determined", x.place);
        });
    }

    /** Where a standalone rule lands when its group is not in the plan: the rule is still judged (NET-009, paths). */
    private static SecurityGroup foreignGroup(String name, PlanReader.Res x) {
        return SecurityGroup.placeholder(name, "aws_security_group", x.place);
    }

    static Resource securityGroupRule(PlanReader p, PlanReader.Res x) {
        p.fold(x, "security_group_id", SecurityGroup.class, (g, r) -> {
            Attrs e = r.attrs;
            Direction dir = "egress".equals(e.text("type")) ? Direction.EGRESS : Direction.INGRESS;
            Value<String> proto = e.str("protocol").map(Protocols::normalise);
            Value<Integer> from = e.integer("from_port");
            Value<Integer> to = e.integer("to_port");
            String desc = e.publicText("description");
            cidrs(g, e, "cidr_blocks", PeerKind.CIDR_IPV4, dir, proto, from, to, desc, r.address);
            cidrs(g, e, "ipv6_cidr_blocks", PeerKind.CIDR_IPV6, dir, proto, from, to, desc, r.address);
            groups(g, e.refs("prefix_list_ids"), PeerKind.PREFIX_LIST, dir, proto, from, to, desc, r.address, r.place);
            Value<Ref> source = e.ref("source_security_group_id");
            if (source.isPresent() || (source.isUnknown() && e.cfgState("source_security_group_id") != Attrs.Cfg.NOT_SET)) {
                g.rules.add(new SgRule(dir, proto, from, to, PeerKind.SECURITY_GROUP, Value.notInInput(), source, desc,
                        r.address, r.place));
            }
            Value<Boolean> self = e.bool("self");
            if (self.is(true)) {
                g.rules.add(new SgRule(dir, proto, from, to, PeerKind.SELF, Value.notInInput(),
                        Value.explicit(new Ref(g.address()), self.provenance()), desc, r.address, r.place));
            }
        }, () -> incompleteGroups(p, x), name -> foreignGroup(name, x));
        return null;
    }

    static Resource vpcSecurityGroupRule(PlanReader p, PlanReader.Res x) {
        Direction dir = x.type.endsWith("egress_rule") ? Direction.EGRESS : Direction.INGRESS;
        p.fold(x, "security_group_id", SecurityGroup.class, (g, r) -> {
            Attrs e = r.attrs;
            Value<String> proto = e.str("ip_protocol").map(Protocols::normalise);
            Value<Integer> from = e.integer("from_port");
            Value<Integer> to = e.integer("to_port");
            String desc = e.publicText("description");
            int before = g.rules.size();
            peer(g, e, "cidr_ipv4", PeerKind.CIDR_IPV4, dir, proto, from, to, desc, r);
            peer(g, e, "cidr_ipv6", PeerKind.CIDR_IPV6, dir, proto, from, to, desc, r);
            Value<Ref> pl = e.ref("prefix_list_id");
            if (pl.isPresent() || (pl.isUnknown() && e.cfgState("prefix_list_id") != Attrs.Cfg.NOT_SET)) {
                g.rules.add(new SgRule(dir, proto, from, to, PeerKind.PREFIX_LIST, pl.map(Ref::target), pl, desc,
                        r.address, r.place));
            }
            Value<Ref> sg = e.ref("referenced_security_group_id");
            if (sg.isPresent() || (sg.isUnknown() && e.cfgState("referenced_security_group_id") != Attrs.Cfg.NOT_SET)) {
                g.rules.add(new SgRule(dir, proto, from, to, PeerKind.SECURITY_GROUP, Value.notInInput(), sg, desc,
                        r.address, r.place));
            }
            if (g.rules.size() == before) {
                g.rules.add(new SgRule(dir, proto, from, to, PeerKind.UNKNOWN,
                        Value.unknown("the rule's peer is not known", r.place), Value.notInInput(), desc, r.address,
                        r.place));
            }
        }, () -> incompleteGroups(p, x), name -> foreignGroup(name, x));
        return null;
    }

    private static void peer(SecurityGroup g, Attrs e, String key, PeerKind kind, Direction dir, Value<String> proto,
                             Value<Integer> from, Value<Integer> to, String desc, PlanReader.Res r) {
        Value<String> v = e.strOrNull(key);
        if (v.isPresent() || (v.isUnknown() && !Attrs.absent(v) && e.cfgState(key) != Attrs.Cfg.NOT_SET)) {
            g.rules.add(new SgRule(dir, proto, from, to, kind, v, Value.notInInput(), desc, r.address, r.place));
        }
    }

    // ------------------------------------------------------------------ instances and load balancers

    static Resource instance(PlanReader p, PlanReader.Res x) {
        Instance i = p.common(new Instance(x.address, x.type, x.place), x, null);
        Attrs a = x.attrs;
        i.subnet = a.ref("subnet_id");
        Value<List<Ref>> vpcSgs = a.refs("vpc_security_group_ids");
        Value<List<Ref>> named = a.refs("security_groups");
        i.securityGroups = !(vpcSgs.isPresent() && !vpcSgs.get().isEmpty()) && named.isPresent() && !named.get().isEmpty()
                ? named : vpcSgs;
        i.associatePublicIp = a.bool("associate_public_ip_address");
        i.availabilityZone = a.strOrNull("availability_zone");
        return i;
    }

    static Resource loadBalancer(PlanReader p, PlanReader.Res x) {
        LoadBalancer lb = p.common(new LoadBalancer(x.address, x.type, x.place), x, "name");
        Attrs a = x.attrs;
        lb.type = a.str("load_balancer_type", Defaults.ELB_TYPE);
        lb.internal = a.bool("internal", Defaults.ELB_INTERNAL);
        Value<List<Ref>> subnets = a.refs("subnets");
        Attrs.Blocks mapping = a.blocks("subnet_mapping");
        if (!(subnets.isPresent() && !subnets.get().isEmpty()) && !mapping.items.isEmpty()
                && !(mapping.state == Attrs.Blocks.State.UNKNOWN && mapping.configUnset)) {
            List<Value<Ref>> links = new ArrayList<>();
            for (Attrs m : mapping.items) links.add(m.ref("subnet_id"));
            subnets = Mappings.collect(links, mapping.place);
        }
        lb.subnets = subnets;
        lb.securityGroups = a.refs("security_groups");
        lb.deletionProtection = a.bool("enable_deletion_protection", Defaults.ELB_DELETION_PROTECTION);
        lb.dropInvalidHeaderFields = a.bool("drop_invalid_header_fields", Defaults.ELB_DROP_INVALID_HEADER_FIELDS);
        lb.accessLogsEnabled = a.first("access_logs").bool("enabled", Defaults.ELB_ACCESS_LOGS);
        lb.accessLogsBucket = a.first("access_logs").ref("bucket");
        return lb;
    }

    static Resource listener(PlanReader p, PlanReader.Res x) {
        p.fold(x, "load_balancer_arn", LoadBalancer.class, (lb, r) -> {
            Attrs a = r.attrs;
            Attrs action = a.first("default_action");
            lb.listeners.add(new Listener(r.address, a.integer("port"), a.strOrNull("protocol"), a.strOrNull("ssl_policy"),
                    a.strOrNull("certificate_arn"), action.strOrNull("type"),
                    action.first("redirect").strOrNull("protocol"), action.ref("target_group_arn"), r.place));
        });
        return null;
    }
}
