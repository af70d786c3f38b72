package io.plumbline.reach;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.NaclEntry;
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
import io.plumbline.reach.NetworkAclInfo.Action;
import io.plumbline.reach.Traffic.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network of a model, indexed once: VPCs, subnets (with their effective route tables and network ACLs),
 * security groups (rules compiled, references resolved), route tables, network ACLs and internet gateways. Resources
 * deleted by a plan are left out, except subnets and security groups, which stay resolvable for what still names them.
 */
final class Topology {
    final Model model;
    private final Map<Resource, VpcInfo> vpcs = new IdentityHashMap<>();
    private final Map<String, VpcInfo> vpcLiterals = new HashMap<>();
    final List<VpcInfo> allVpcs = new ArrayList<>();
    private final Map<Resource, SubnetInfo> subnets = new IdentityHashMap<>();
    private final Map<String, SubnetInfo> subnetLiterals = new HashMap<>();
    final List<SubnetInfo> allSubnets = new ArrayList<>();
    private final Map<Resource, SecurityGroupInfo> groups = new IdentityHashMap<>();
    private final Map<String, SecurityGroupInfo> groupLiterals = new HashMap<>();
    private final Map<Resource, SecurityGroupInfo> clusterGroups = new IdentityHashMap<>();
    private boolean built;
    private final Map<String, IpRange> parsed = new HashMap<>();

    /** {@link IpRange#parse}, once per distinct text (rules repeat the same blocks). */
    IpRange parse(String text) {
        if (text == null) return null;
        IpRange r = parsed.get(text);
        if (r == null && !parsed.containsKey(text)) {
            r = IpRange.parse(text);
            parsed.put(text, r);
        }
        return r;
    }

    // associations, gathered before subnets get their tables and ACLs
    private final Map<Object, List<RouteTableInfo>> tableAssoc = new HashMap<>();
    private final List<RouteTableInfo> tablesWithUnknownAssoc = new ArrayList<>();
    private final List<RouteTableInfo> maybeMain = new ArrayList<>();
    private final Map<Object, List<NetworkAclInfo>> aclAssoc = new HashMap<>();
    private final List<NetworkAclInfo> aclsWithUnknownAssoc = new ArrayList<>();
    private final List<NetworkAclInfo> maybeDefault = new ArrayList<>();

    Topology(Model model) {
        this.model = model;
        for (Vpc v : model.all(Vpc.class)) {
            if (deleted(v)) continue;
            VpcInfo info = new VpcInfo(v.address(), v);
            if (v.cidrBlock.isPresent()) info.cidr = IpRange.parse(v.cidrBlock.get());
            if (v.ipv6CidrBlocks.isPresent()) {
                for (String c : v.ipv6CidrBlocks.get()) {
                    IpRange r = IpRange.parse(c);
                    if (r != null) info.ipv6.add(r);
                }
            }
            vpcs.put(v, info);
            allVpcs.add(info);
        }
        for (SecurityGroup g : model.all(SecurityGroup.class)) {
            SecurityGroupInfo info = new SecurityGroupInfo(g.address(), g, g.location(), null);
            if (g.rulesComplete.isUnknown()) info.markIncomplete("the rule list of " + g.address() + " is incomplete: "
                    + g.rulesComplete.note());
            groups.put(g, info);
        }
        for (SecurityGroup g : model.all(SecurityGroup.class)) {
            if (deleted(g) || !isDefaultGroup(g)) continue;
            VpcInfo v = vpc(g, g.vpc);
            if (v != null && v.defaultGroup == null) v.defaultGroup = groups.get(g);
        }
        for (SecurityGroup g : model.all(SecurityGroup.class)) {
            SecurityGroupInfo info = groups.get(g);
            for (SgRule r : g.rules) info.add(compile(r, info, g));
        }
        for (Subnet s : model.all(Subnet.class)) subnets.put(s, subnetInfo(s));
        indexRouteTables();
        indexAcls();
        for (InternetGateway g : model.all(InternetGateway.class)) {
            if (deleted(g)) continue;
            if (g.vpc.isPresent()) {
                VpcInfo v = vpc(g, g.vpc);
                if (v != null) v.gateways.add(g);
            } else if (g.vpc.isUnknown()) {
                for (VpcInfo v : allVpcs) v.maybeGateways.add(g);
            }
        }
        for (SubnetInfo s : allSubnets) place(s);
        for (VpcInfo v : allVpcs) {
            if (v.cidr != null) v.localRanges.add(v.cidr);
            v.localRanges.addAll(v.ipv6);
        }
        for (SubnetInfo s : allSubnets) {
            if (s.vpc == null) continue;
            if (s.cidr != null) s.vpc.localRanges.add(s.cidr);
            if (s.ipv6 != null) s.vpc.localRanges.add(s.ipv6);
        }
        for (VpcInfo v : allVpcs) v.seal();
        built = true;
    }

    private final List<RouteTableInfo> allTables = new ArrayList<>();
    private final Map<VpcInfo, String> exits = new IdentityHashMap<>();

    /**
     * Why traffic from {@code src} cannot reach {@code dst} at all, when the two VPCs are in different known regions
     * and no route of the source VPC may lead out to another VPC; null otherwise (same or unknown region, or a route
     * to a peering connection, transit gateway, VPN, appliance or unknown target, which the path then meets).
     */
    String regionBoundary(VpcInfo src, VpcInfo dst) {
        if (src == null || dst == null || src == dst || src.vpc == null || dst.vpc == null) return null;
        Value<String> a = src.vpc.region;
        Value<String> b = dst.vpc.region;
        if (!a.isPresent() || !b.isPresent() || a.get().equalsIgnoreCase(b.get())) return null;
        if (!exits.computeIfAbsent(src, this::exitToOtherVpcs).isEmpty()) return null;
        return "the destination's VPC " + dst.name + " is in region " + b.get() + ", the source's " + src.name
                + " in " + a.get() + ": VPCs of different regions share no network unless a peering connection or a "
                + "transit gateway joins them, and no route of " + src.name + " leads to one";
    }

    /** A route of {@code v}'s tables that may leave for another VPC (non-empty text), or "" when there is none. */
    private String exitToOtherVpcs(VpcInfo v) {
        List<RouteTableInfo> tables = new ArrayList<>(v.mainTables);
        for (RouteTableInfo t : allTables) if (t.vpc == v || t.vpc == null) tables.add(t);
        for (RouteTableInfo t : tables) {
            if (t.unknown != null || t.incomplete != null) return t.name;
            for (RouteTableInfo.RouteEntry r : t.routes) {
                switch (r.type) {
                    case LOCAL, INTERNET_GATEWAY, EGRESS_ONLY_INTERNET_GATEWAY, NAT_GATEWAY, VPC_ENDPOINT -> {
                    }
                    default -> {
                        return r.text;
                    }
                }
            }
        }
        return "";
    }

    /** Every security group of the model (not the synthetic ones). */
    java.util.Collection<SecurityGroupInfo> allGroups() {
        return groups.values();
    }

    static boolean deleted(Resource r) {
        return r.change == ChangeAction.DELETE;
    }

    private static boolean isDefaultGroup(SecurityGroup g) {
        return g.sourceType().equals("aws_default_security_group") || g.groupName.is("default");
    }

    // ------------------------------------------------------------------------------------------------ resolution

    /**
     * The resource of {@code type} that {@code ref} (held by {@code from}) names, or null: in {@code from}'s own input
     * first, and among resources of that type only (a name may be shared by a subnet group and a backup plan).
     */
    <T extends Resource> T resolve(Resource from, Ref ref, Class<T> type) {
        if (ref == null) return null;
        return model.resolve(from, ref, type).orElse(null);
    }

    /** The VPC a reference names; null when the reference is unknown. */
    VpcInfo vpc(Resource from, Value<Ref> ref) {
        if (ref == null || !ref.isPresent()) return null;
        Vpc v = resolve(from, ref.get(), Vpc.class);
        if (v != null) {
            VpcInfo info = vpcs.get(v);
            if (info != null) return info;
        }
        return vpcLiterals.computeIfAbsent(ref.get().target(), t -> {
            VpcInfo info = new VpcInfo(t, null);
            allVpcs.add(info);
            if (built) {
                finishMainTable(info);
                finishDefaultAcl(info);
            }
            return info;
        });
    }

    /** The subnet a reference names: a subnet of the model, one named only by id, or an unknown one. */
    SubnetInfo subnet(Resource from, Value<Ref> ref) {
        if (ref == null || !ref.isKnown()) {
            return unknownSubnet("the subnet is unknown: " + (ref == null ? "not in the input" : ref.note()));
        }
        if (ref.get() == null) return unknownSubnet("no subnet is given");
        Subnet s = resolve(from, ref.get(), Subnet.class);
        if (s != null) return subnets.get(s);
        return subnetLiterals.computeIfAbsent(ref.get().target(), t -> {
            SubnetInfo info = new SubnetInfo(t, null, null);
            info.vpcUnknown = "subnet " + t + " is not in the input";
            info.cidrNote = info.vpcUnknown;
            info.ipv6Note = info.vpcUnknown;
            List<RouteTableInfo> assoc = tableAssoc.get(t);
            if (assoc != null) info.tables.addAll(assoc);
            else info.tables.add(new RouteTableInfo("route table of " + t, null, Provenance.NONE,
                    "subnet " + t + " is not in the input: its route table is unknown"));
            List<NetworkAclInfo> acl = aclAssoc.get(t);
            if (acl != null) info.acls.addAll(acl);
            else info.acls.add(new NetworkAclInfo("network ACL of " + t, null, Provenance.NONE,
                    "subnet " + t + " is not in the input: its network ACL is unknown"));
            return info;
        });
    }

    /** The engine's view of a subnet of the model, null when it is not one. */
    SubnetInfo indexed(Subnet s) {
        return subnets.get(s);
    }

    static SubnetInfo unknownSubnet(String why) {
        SubnetInfo info = new SubnetInfo("(unknown subnet)", null, why);
        info.vpcUnknown = why;
        info.cidrNote = why;
        info.ipv6Note = why;
        info.tables.add(new RouteTableInfo("(unknown route table)", null, Provenance.NONE, why));
        info.acls.add(new NetworkAclInfo("(unknown network ACL)", null, Provenance.NONE, why));
        return info;
    }

    /**
     * The security group a reference names: a group of the model, the EKS cluster security group (a reference to the
     * cluster), a VPC's default group (a reference to the VPC), or a group named only by id (rules unknown).
     */
    SecurityGroupInfo group(Resource from, Ref ref) {
        Optional<Resource> r = model.resolve(from, ref);
        if (r.isPresent()) {
            Resource x = r.get();
            if (x instanceof SecurityGroup g) return groups.get(g);
            if (x instanceof EksCluster c) return clusterGroup(c);
            if (x instanceof Vpc v && vpcs.containsKey(v)) return defaultGroup(vpcs.get(v));
        }
        SecurityGroup g = resolve(from, ref, SecurityGroup.class);
        if (g != null) return groups.get(g);
        return groupLiterals.computeIfAbsent(ref.target(), t -> new SecurityGroupInfo(t, null, Provenance.NONE,
                "security group " + t + " is not in the input, so its rules are unknown"));
    }

    /**
     * The security group EKS creates for a managed node group's SSH remote access: tcp 22 from the source groups, or
     * from 0.0.0.0/0 when none are given; created through the EC2 API, it keeps the allow-all egress rule.
     */
    SecurityGroupInfo remoteAccessGroup(io.plumbline.model.compute.NodeGroup ng, List<SecurityGroupInfo> sources) {
        String name = "remote access security group of " + ng.address();
        Provenance p = ng.sshKey.provenance();
        SecurityGroupInfo g = new SecurityGroupInfo(name, null, p, null);
        String note = "EKS node group remote access (SSH key set)";
        if (sources.isEmpty()) {
            SgRule in = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(22, p), Value.explicit(22, p),
                    PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", p), Value.notInInput(), note, name, p);
            g.add(new SecurityGroupInfo.Rule(in, g, Traffic.tcp(22), null, IpRange.ALL_V4, null, null));
        }
        for (SecurityGroupInfo src : sources) {
            SgRule in = new SgRule(Direction.INGRESS, Value.explicit("tcp", p), Value.explicit(22, p), Value.explicit(22, p),
                    PeerKind.SECURITY_GROUP, Value.notInInput(), Value.explicit(new Ref(src.name), p), note, name, p);
            g.add(new SecurityGroupInfo.Rule(in, g, Traffic.tcp(22), null, null, src, null));
        }
        SgRule out = new SgRule(Direction.EGRESS, Value.explicit("-1", p), Value.explicit(0, p), Value.explicit(0, p),
                PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", p), Value.notInInput(),
                "EC2 CreateSecurityGroup adds an allow-all egress rule", name, p);
        g.add(new SecurityGroupInfo.Rule(out, g, Traffic.ALL, null, IpRange.ALL_V4, null, null));
        return g;
    }

    SecurityGroupInfo clusterGroup(EksCluster c) {
        // A live cluster names its cluster security group, and the group's rules are collected with the others.
        if (c.clusterSecurityGroup.isPresent()
                && model.resolve(c, c.clusterSecurityGroup.get(), SecurityGroup.class).isPresent()) {
            return group(c, c.clusterSecurityGroup.get());
        }
        return clusterGroups.computeIfAbsent(c, k -> new SecurityGroupInfo("cluster security group of " + c.address(),
                null, c.location(), "EKS creates the cluster security group of " + c.address()
                + " when the cluster is created; its rules are not in the input"));
    }

    /**
     * A VPC's default security group: the declared one ({@code aws_default_security_group}, or a group named
     * "default"), else AWS's default for a VPC of the input (all traffic from the group itself, all traffic out),
     * else unknown.
     */
    SecurityGroupInfo defaultGroup(VpcInfo v) {
        if (v.defaultGroup != null) return v.defaultGroup;
        if (!v.inModel()) {
            v.defaultGroup = new SecurityGroupInfo("default security group of " + v.name, null, Provenance.NONE,
                    "VPC " + v.name + " is not in the input, so the rules of its default security group are unknown");
            return v.defaultGroup;
        }
        String name = "default security group of " + v.name;
        SecurityGroupInfo g = new SecurityGroupInfo(name, null, v.location(), null);
        Provenance p = v.location();
        String note = "AWS default rule of a VPC's default security group (no aws_default_security_group in the input)";
        SgRule in = new SgRule(Direction.INGRESS, Value.explicit("-1", p), Value.explicit(0, p), Value.explicit(0, p),
                PeerKind.SELF, Value.notInInput(), Value.explicit(new Ref(name), p), note, name, p);
        SgRule out4 = new SgRule(Direction.EGRESS, Value.explicit("-1", p), Value.explicit(0, p), Value.explicit(0, p),
                PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", p), Value.notInInput(), note, name, p);
        SgRule out6 = new SgRule(Direction.EGRESS, Value.explicit("-1", p), Value.explicit(0, p), Value.explicit(0, p),
                PeerKind.CIDR_IPV6, Value.explicit("::/0", p), Value.notInInput(), note, name, p);
        g.add(new SecurityGroupInfo.Rule(in, g, Traffic.ALL, null, null, g, null));
        g.add(new SecurityGroupInfo.Rule(out4, g, Traffic.ALL, null, IpRange.ALL_V4, null, null));
        g.add(new SecurityGroupInfo.Rule(out6, g, Traffic.ALL, null, IpRange.ALL_V6, null, null));
        v.defaultGroup = g;
        return g;
    }

    // ------------------------------------------------------------------------------------------------ compiling

    /** A rule's (or an entry's) traffic: [traffic, reason the protocol or ports are unknown or null]. */
    static Object[] traffic(Value<String> protocol, Value<Integer> from, Value<Integer> to) {
        if (!protocol.isPresent()) {
            return new Object[] {Traffic.ALL, "the protocol is unknown" + (protocol.note() == null ? "" : ": " + protocol.note())};
        }
        String p = Protocols.normalise(protocol.get());
        switch (p) {
            case "-1":
                return new Object[] {Traffic.ALL, null};
            case "tcp", "udp": {
                Protocol proto = "tcp".equals(p) ? Protocol.TCP : Protocol.UDP;
                if (!from.isPresent() || !to.isPresent()) {
                    Value<Integer> bad = from.isPresent() ? to : from;
                    return new Object[] {Traffic.of(proto, PortSet.ALL), "the port range is unknown"
                            + (bad.note() == null ? "" : ": " + bad.note())};
                }
                int f = from.get();
                int t = to.get();
                // SgRule and NaclEntry make a range AWS would reject unknown (RuleValues); this guards other callers
                if (f < 0 || t > PortSet.MAX || f > t) {
                    return new Object[] {Traffic.of(proto, PortSet.ALL), "the port range " + f + "-" + t
                            + " is not a " + p + " port range"};
                }
                return new Object[] {Traffic.of(proto, PortSet.range(f, t)), null};
            }
            case "icmp":
                return new Object[] {Traffic.of(Protocol.ICMP, PortSet.ALL), null};
            case "icmpv6":
                return new Object[] {Traffic.of(Protocol.ICMPV6, PortSet.ALL), null};
            default:
                return new Object[] {Traffic.of(Protocol.OTHER, PortSet.ALL), null};
        }
    }

    private SecurityGroupInfo.Rule compile(SgRule r, SecurityGroupInfo owner, Resource from) {
        Object[] t = traffic(r.protocol(), r.fromPort(), r.toPort());
        Traffic traffic = (Traffic) t[0];
        String trafficUnknown = (String) t[1];
        IpRange cidr = null;
        SecurityGroupInfo peer = null;
        String peerUnknown = null;
        switch (r.peerKind()) {
            case CIDR_IPV4, CIDR_IPV6 -> {
                if (r.peerCidr().isPresent()) {
                    cidr = parse(r.peerCidr().get());
                    if (cidr == null) peerUnknown = "the CIDR \"" + r.peerCidr().get() + "\" cannot be read";
                    else if (cidr.family != (r.peerKind() == PeerKind.CIDR_IPV6 ? IpRange.V6 : IpRange.V4)) {
                        peerUnknown = "the CIDR " + r.peerCidr().get() + " is not of the rule's address family";
                        cidr = null;
                    }
                } else {
                    peerUnknown = "the rule's CIDR is unknown" + (r.peerCidr().note() == null ? "" : ": " + r.peerCidr().note());
                }
            }
            case PREFIX_LIST -> peerUnknown = "the entries of prefix list "
                    + (r.peerCidr().isPresent() ? r.peerCidr().get() : "(unknown id)") + " are not in the input";
            case SECURITY_GROUP -> {
                if (r.peerGroup().isPresent()) peer = group(from, r.peerGroup().get());
                else peerUnknown = "the referenced security group is unknown"
                        + (r.peerGroup().note() == null ? "" : ": " + r.peerGroup().note());
            }
            case SELF -> {
                if (r.peerGroup().isKnown()) peer = owner;
                else peerUnknown = "whether the rule allows the group itself is unknown: " + r.peerGroup().note();
            }
            default -> peerUnknown = "the rule's peer is unknown"
                    + (r.peerCidr().note() == null ? "" : ": " + r.peerCidr().note());
        }
        return new SecurityGroupInfo.Rule(r, owner, traffic, trafficUnknown, cidr, peer, peerUnknown);
    }

    private SubnetInfo subnetInfo(Subnet s) {
        SubnetInfo info = new SubnetInfo(s.address(), s, null);
        info.vpc = vpc(s, s.vpc);
        if (info.vpc == null) info.vpcUnknown = "the VPC of " + s.address() + " is unknown: " + s.vpc.note();
        if (s.cidrBlock.isPresent()) {
            info.cidr = IpRange.parse(s.cidrBlock.get());
            info.v4 = info.cidr == null ? Match.MAYBE : Match.YES;
            if (info.cidr == null) info.cidrNote = "the CIDR \"" + s.cidrBlock.get() + "\" of " + s.address() + " cannot be read";
        } else if (s.cidrBlock.isKnown()) {
            info.v4 = Match.NO;
        } else {
            info.cidrNote = "the IPv4 block of " + s.address() + " is unknown: " + s.cidrBlock.note();
        }
        if (s.ipv6CidrBlock.isPresent()) {
            info.ipv6 = IpRange.parse(s.ipv6CidrBlock.get());
            info.v6 = info.ipv6 == null ? Match.MAYBE : Match.YES;
            if (info.ipv6 == null) info.ipv6Note = "the IPv6 block \"" + s.ipv6CidrBlock.get() + "\" cannot be read";
        } else if (s.ipv6CidrBlock.isKnown()) {
            info.v6 = Match.NO;
        } else {
            info.ipv6Note = "whether " + s.address() + " has an IPv6 block is unknown: " + s.ipv6CidrBlock.note();
        }
        // an IPv4 block is missing only in an IPv6-only subnet
        if (info.v4 == Match.NO && info.v6 == Match.NO) info.v4 = Match.MAYBE;
        info.mapPublicIp = s.mapPublicIpOnLaunch;
        allSubnets.add(info);
        return info;
    }

    /** The association key of a subnet reference: the subnet resource, or the literal id. */
    private Object assocKey(Resource from, Ref ref) {
        Subnet s = resolve(from, ref, Subnet.class);
        return s != null ? s : ref.target();
    }

    private void indexRouteTables() {
        for (RouteTable t : model.all(RouteTable.class)) {
            if (deleted(t)) continue;
            RouteTableInfo info = new RouteTableInfo(t.address(), t, t.location(), null);
            info.vpc = vpc(t, t.vpc);
            allTables.add(info);
            if (t.routesComplete.isUnknown()) info.incomplete = "the routes of " + t.address() + " are incomplete: "
                    + t.routesComplete.note();
            for (Route r : t.routes) {
                RouteTableInfo.RouteEntry e = compile(r, t);
                if (e != null) info.routes.add(e);
            }
            for (Value<Ref> s : t.subnets) {
                if (s.isPresent()) tableAssoc.computeIfAbsent(assocKey(t, s.get()), k -> new ArrayList<>()).add(info);
                else if (s.isUnknown()) tablesWithUnknownAssoc.add(info);
            }
            if (t.main.is(true)) {
                if (info.vpc != null) info.vpc.mainTables.add(info);
                else maybeMain.add(info);
            } else if (t.main.isUnknown()) {
                maybeMain.add(info);
            }
        }
        for (VpcInfo v : List.copyOf(allVpcs)) finishMainTable(v);
    }

    private void finishMainTable(VpcInfo v) {
        {
            if (!v.mainTables.isEmpty()) return;
            if (v.inModel()) {
                v.mainTables.add(new RouteTableInfo("main route table of " + v.name + " (AWS default: local route only)",
                        null, v.location(), null));
                v.mainTables.get(0).vpc = v;
            } else {
                RouteTableInfo u = new RouteTableInfo("main route table of " + v.name, null, Provenance.NONE,
                        "VPC " + v.name + " is not in the input, so its main route table is unknown");
                u.vpc = v;
                v.mainTables.add(u);
            }
        }
    }

    private RouteTableInfo.RouteEntry compile(Route r, RouteTable t) {
        int family = 0;
        IpRange dest = null;
        boolean pl = false;
        String destUnknown = null;
        String destText;
        if (r.destinationCidr().isPresent()) {
            family = IpRange.V4;
            dest = IpRange.parse(r.destinationCidr().get());
            destText = r.destinationCidr().get();
        } else if (r.destinationIpv6Cidr().isPresent()) {
            family = IpRange.V6;
            dest = IpRange.parse(r.destinationIpv6Cidr().get());
            destText = r.destinationIpv6Cidr().get();
        } else if (r.destinationPrefixList().isPresent()) {
            pl = true;
            destText = "prefix list " + r.destinationPrefixList().get();
            destUnknown = "the entries of prefix list " + r.destinationPrefixList().get() + " are not in the input";
        } else if (r.destinationCidr().isKnown() && r.destinationIpv6Cidr().isKnown() && r.destinationPrefixList().isKnown()) {
            return null; // no destination at all: not a route
        } else {
            destText = "(unknown destination)";
            destUnknown = "the route's destination is unknown";
        }
        if (family != 0 && dest == null) destUnknown = "the destination \"" + destText + "\" cannot be read";
        else if (family != 0 && dest.family != family) {
            destUnknown = "the destination " + destText + " is not of the route's address family";
            dest = null;
        }
        Resource target = null;
        String targetName;
        boolean local = r.targetType() == RouteTarget.LOCAL;
        if (r.target().isPresent()) {
            String lit = r.target().get().target();
            if ("local".equals(lit)) local = true;
            Optional<Resource> x = local ? Optional.empty() : model.resolve(t, r.target().get());
            target = x.orElse(null);
            targetName = target != null ? target.address() : lit;
        } else {
            targetName = r.target().isUnknown() ? "(unknown target: " + r.target().note() + ")" : "(no target)";
        }
        String blackhole = null;
        if (r.state().isPresent() && "blackhole".equals(r.state().get().toLowerCase(Locale.ROOT))) {
            blackhole = "the route's state is blackhole";
        } else if (target != null && deleted(target)) {
            blackhole = "the route's target " + target.address() + " is deleted by this plan";
        }
        RouteTarget type = local ? RouteTarget.LOCAL : r.targetType();
        return new RouteTableInfo.RouteEntry(r, family, dest, pl, destUnknown, local, type, target, targetName,
                blackhole, destText + " -> " + (local ? "local" : targetName));
    }

    private void indexAcls() {
        for (NetworkAcl n : model.all(NetworkAcl.class)) {
            if (deleted(n)) continue;
            NetworkAclInfo info = new NetworkAclInfo(n.address(), n, n.location(), null);
            if (n.entriesComplete.isUnknown()) info.incomplete = "the entries of " + n.address() + " are incomplete: "
                    + n.entriesComplete.note();
            for (NaclEntry e : n.entries) {
                NetworkAclInfo.Entry c = compile(e, n);
                if (c != null) (e.egress() ? info.outbound : info.inbound).add(c);
            }
            info.sort();
            for (Value<Ref> s : n.subnets) {
                if (s.isPresent()) aclAssoc.computeIfAbsent(assocKey(n, s.get()), k -> new ArrayList<>()).add(info);
                else if (s.isUnknown()) aclsWithUnknownAssoc.add(info);
            }
            if (n.isDefault.is(true)) {
                VpcInfo v = vpc(n, n.vpc);
                if (v != null && v.defaultAcl == null) v.defaultAcl = info;
                else if (v == null) maybeDefault.add(info);
            } else if (n.isDefault.isUnknown()) {
                maybeDefault.add(info);
            }
        }
        for (VpcInfo v : List.copyOf(allVpcs)) finishDefaultAcl(v);
    }

    private void finishDefaultAcl(VpcInfo v) {
        {
            if (v.defaultAcl != null) return;
            if (v.inModel()) {
                NetworkAclInfo d = new NetworkAclInfo("default network ACL of " + v.name + " (AWS default: allows all)",
                        null, v.location(), null);
                for (boolean egress : new boolean[] {false, true}) {
                    String dir = egress ? " to " : " from ";
                    d.entries(egress).add(new NetworkAclInfo.Entry(null, 100, Action.ALLOW, Traffic.ALL, null, IpRange.V4,
                            IpRange.ALL_V4, null, "allow all traffic" + dir + "0.0.0.0/0", v.location()));
                    d.entries(egress).add(new NetworkAclInfo.Entry(null, 101, Action.ALLOW, Traffic.ALL, null, IpRange.V6,
                            IpRange.ALL_V6, null, "allow all traffic" + dir + "::/0", v.location()));
                }
                v.defaultAcl = d;
            } else {
                v.defaultAcl = new NetworkAclInfo("default network ACL of " + v.name, null, Provenance.NONE,
                        "VPC " + v.name + " is not in the input, so its default network ACL is unknown");
            }
        }
    }

    private NetworkAclInfo.Entry compile(NaclEntry e, NetworkAcl n) {
        int number = e.ruleNumber().isPresent() ? e.ruleNumber().get() : -1;
        Action action = e.action().isPresent()
                ? switch (e.action().get().toLowerCase(Locale.ROOT)) {
                    case "allow" -> Action.ALLOW;
                    case "deny" -> Action.DENY;
                    default -> Action.UNKNOWN;
                }
                : Action.UNKNOWN;
        Object[] t = traffic(e.protocol(), e.fromPort(), e.toPort());
        int family;
        IpRange range = null;
        String rangeUnknown = null;
        String block;
        if (e.cidr().isPresent()) {
            family = IpRange.V4;
            block = e.cidr().get();
        } else if (e.ipv6Cidr().isPresent()) {
            family = IpRange.V6;
            block = e.ipv6Cidr().get();
        } else if (e.cidr().isKnown() && e.ipv6Cidr().isKnown()) {
            return null; // an entry without a block matches nothing
        } else {
            family = 0;
            block = "(unknown block)";
            rangeUnknown = "the entry's CIDR block is unknown"
                    + (e.cidr().isUnknown() ? ": " + e.cidr().note() : e.ipv6Cidr().isUnknown() ? ": " + e.ipv6Cidr().note() : "");
        }
        if (family != 0) {
            range = parse(block);
            if (range == null || range.family != family) {
                range = null;
                rangeUnknown = "the CIDR block \"" + block + "\" cannot be read";
            }
        }
        String proto = e.protocol().isPresent() ? Protocols.normalise(e.protocol().get()) : "(unknown protocol)";
        String what = "-1".equals(proto) ? "all traffic" : proto;
        if (("tcp".equals(proto) || "udp".equals(proto))) {
            what += " " + (t[1] == null ? ((Traffic) t[0]).ports("tcp".equals(proto) ? Protocol.TCP : Protocol.UDP) : "(unknown ports)");
        }
        String act = action == Action.UNKNOWN ? "(unknown action)" : action.name().toLowerCase(Locale.ROOT);
        String text = act + " " + what + (e.egress() ? " to " : " from ") + block;
        return new NetworkAclInfo.Entry(e, number, action, (Traffic) t[0], (String) t[1], family, range, rangeUnknown,
                text, e.location() == null || e.location() == Provenance.NONE ? n.location() : e.location());
    }

    /** Gives a subnet its route table(s) and network ACL(s): the explicit association, else the VPC's defaults. */
    private void place(SubnetInfo s) {
        List<RouteTableInfo> assoc = tableAssoc.get(s.subnet);
        if (assoc != null && !assoc.isEmpty()) {
            s.tables.addAll(assoc);
        } else {
            if (s.vpc != null) s.tables.addAll(s.vpc.mainTables);
            else s.tables.add(new RouteTableInfo("route table of " + s.name, null, Provenance.NONE, s.vpcUnknown));
            for (RouteTableInfo t : tablesWithUnknownAssoc) if (t.vpc == null || t.vpc == s.vpc) addOnce(s.tables, t);
            for (RouteTableInfo t : maybeMain) if (t.vpc == null || t.vpc == s.vpc) addOnce(s.tables, t);
        }
        List<NetworkAclInfo> acls = aclAssoc.get(s.subnet);
        if (acls != null && !acls.isEmpty()) {
            s.acls.addAll(acls);
        } else {
            if (s.vpc != null) s.acls.add(s.vpc.defaultAcl);
            else s.acls.add(new NetworkAclInfo("network ACL of " + s.name, null, Provenance.NONE, s.vpcUnknown));
            for (NetworkAclInfo a : aclsWithUnknownAssoc) addOnce(s.acls, a);
            for (NetworkAclInfo a : maybeDefault) addOnce(s.acls, a);
        }
    }

    private static <T> void addOnce(List<T> list, T x) {
        for (T y : list) if (y == x) return;
        list.add(x);
    }
}
