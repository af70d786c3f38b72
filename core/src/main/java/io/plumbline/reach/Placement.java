package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.LaunchTemplate;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheReplicationGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NatGateway;
import io.plumbline.reach.Traffic.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Endpoint placement: which resources send and receive traffic, in which tier, on which abstract interfaces (one per
 * subnet), with which security groups and public addresses (rule catalog §11.1).
 *
 * <p>Tier of a resource, first that applies: (1) its own tier tag ({@code profile.network().tierTag()}); (2) for a
 * DB cluster, the tag of its first instance that has one; (3) the tag of its first security group (in the order the
 * resource lists them) that has one; (4) the tag of its DB or cache subnet group; (5) the tag of its first subnet that
 * has one; (6) the default of its kind: load balancer {@code public}; node group, Auto Scaling group, instance and EKS
 * control plane {@code app}; DB cluster, DB instance and cache {@code data}; NAT gateway {@code egress}. Tier names
 * are trimmed and lower-cased. The kind's tier is how a security group without a tag gets its tier too ({@link Tiers}:
 * the tiers of what carries it). Each endpoint says how its tier was decided ({@link Endpoint#how()}), with network
 * evidence that disagrees: an app or data endpoint in a public subnet, an internet-facing load balancer in none.
 */
final class Placement {
    static final String PUBLIC = "public";
    static final String APP = "app";
    static final String DATA = "data";
    static final String EGRESS = "egress";

    private final Topology topo;
    private final Tiers tiers;
    private final String tierTag;
    final List<Endpoint> endpoints = new ArrayList<>();
    final Map<Endpoint, List<Interface>> interfaces = new LinkedHashMap<>();
    /** What placing an endpoint could not know (unknown subnets, security groups), by endpoint. */
    final Map<Endpoint, List<String>> notes = new HashMap<>();
    private final Map<String, Interface> classes = new HashMap<>();
    final List<Interface> allInterfaces = new ArrayList<>();

    /** The kinds that are endpoints of paths (in the order their cases are tried below). */
    private static final List<Class<? extends Resource>> ENDPOINT_TYPES = List.of(LoadBalancer.class,
            NodeGroup.class, AutoScalingGroup.class, Instance.class, EksCluster.class, DbCluster.class,
            DbInstance.class, CacheReplicationGroup.class, NatGateway.class);

    Placement(Topology topo, Tiers tiers) {
        this.topo = topo;
        this.tiers = tiers;
        this.tierTag = tiers.tierTag();
        for (Resource r : topo.model.ofTypes(ENDPOINT_TYPES)) {
            if (Topology.deleted(r)) continue;
            if (r instanceof LoadBalancer lb) loadBalancer(lb);
            else if (r instanceof NodeGroup ng) nodeGroup(ng);
            else if (r instanceof AutoScalingGroup asg) autoScalingGroup(asg);
            else if (r instanceof Instance i) instance(i);
            else if (r instanceof EksCluster c) cluster(c);
            else if (r instanceof DbCluster c) dbCluster(c);
            else if (r instanceof DbInstance i) dbInstance(i);
            else if (r instanceof CacheReplicationGroup g) cache(g);
            else if (r instanceof NatGateway n) nat(n);
        }
    }

    // ---------------------------------------------------------------------------------------------------- kinds

    private void loadBalancer(LoadBalancer lb) {
        List<SubnetInfo> subnets = subnets(lb, lb.subnets, "load balancer");
        String type = lb.type.isPresent() ? lb.type.get().toLowerCase(Locale.ROOT) : lb.type.isKnown() ? "application" : null;
        GroupSet groups;
        if ("gateway".equals(type)) {
            groups = GroupSet.NONE;
        } else if ("network".equals(type)) {
            groups = lb.securityGroups.isPresent() && lb.securityGroups.get().isEmpty() ? GroupSet.NONE
                    : groups(lb, lb.securityGroups, subnets, "the load balancer's security groups");
        } else if (type == null) {
            groups = new GroupSet(List.of(), "the load balancer's type is unknown: " + lb.type.note(), false);
        } else {
            groups = groups(lb, lb.securityGroups, subnets, "the load balancer's security groups");
        }
        Match pub = lb.internal.is(false) ? Match.YES : lb.internal.is(true) ? Match.NO : Match.MAYBE;
        String pubNote = pub == Match.YES ? "internet-facing load balancer" : pub == Match.NO ? "internal load balancer"
                : "whether the load balancer is internal is unknown: " + lb.internal.note();
        // listeners
        Traffic certain = Traffic.NONE;
        Traffic maybe = Traffic.NONE;
        for (Listener l : lb.listeners) {
            Traffic protocols = listenerProtocols(l, type);
            boolean protoKnown = protocols != null;
            if (protocols == null) protocols = Traffic.tcp(PortSet.ALL).union(Traffic.of(Protocol.UDP, PortSet.ALL));
            if (readablePort(l)) {
                PortSet p = PortSet.of(l.port().get());
                Traffic t = TrafficSets.and(protocols, Traffic.tcp(p).union(Traffic.of(Protocol.UDP, p)));
                if (protoKnown) certain = certain.union(t);
                maybe = maybe.union(t);
            } else {
                maybe = maybe.union(protocols);
            }
        }
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) {
            ifs.add(intern(Interface.Kind.LOAD_BALANCER, s, groups, pub, pubNote, lb.internal.provenance(), v4(s), v6(s),
                    v6note(s, "whether the load balancer has IPv6 addresses (dualstack) is not in the model"), lb,
                    certain, maybe, List.copyOf(lb.listeners)));
        }
        add(lb, tier(lb, groups, subnets, null, PUBLIC), ifs);
    }

    /** Whether the listener's port is known and one AWS accepts (1 to 65535); any other may accept anything. */
    static boolean readablePort(Listener l) {
        return l.port().isPresent() && l.port().get() >= 1 && l.port().get() <= PortSet.MAX;
    }

    /** The protocols a listener accepts; null when unknown. */
    private static Traffic listenerProtocols(Listener l, String lbType) {
        Traffic tcp = Traffic.tcp(PortSet.ALL);
        Traffic udp = Traffic.of(Protocol.UDP, PortSet.ALL);
        if (!l.protocol().isPresent()) return "application".equals(lbType) ? tcp : null;
        return switch (l.protocol().get().toUpperCase(Locale.ROOT)) {
            case "HTTP", "HTTPS", "TCP", "TLS" -> tcp;
            case "UDP", "GENEVE" -> udp;
            case "TCP_UDP" -> tcp.union(udp);
            default -> null;
        };
    }

    private void nodeGroup(NodeGroup ng) {
        List<SubnetInfo> subnets = subnets(ng, ng.subnets, "node group");
        EksCluster cluster = ng.cluster.isPresent() ? topo.resolve(ng, ng.cluster.get(), EksCluster.class) : null;
        GroupSet groups;
        if (ng.launchTemplate.isUnknown()) {
            groups = new GroupSet(List.of(), "the node group's launch template is unknown: " + ng.launchTemplate.note(), false);
        } else {
            LaunchTemplate lt = ng.launchTemplate.isPresent()
                    ? topo.resolve(ng, ng.launchTemplate.get(), LaunchTemplate.class) : null;
            if (ng.launchTemplate.isPresent() && lt == null) {
                groups = new GroupSet(List.of(), "launch template " + ng.launchTemplate.get().target()
                        + " is not in the input, so the node group's security groups are unknown", false);
            } else if (lt != null && lt.securityGroups.isUnknown()) {
                groups = new GroupSet(List.of(), "the security groups of launch template " + lt.address()
                        + " are unknown: " + lt.securityGroups.note(), false);
            } else if (lt != null && lt.securityGroups.isPresent() && !lt.securityGroups.get().isEmpty()) {
                groups = groupsOf(lt, lt.securityGroups.get(), null);
            } else if (cluster != null) {
                // EKS attaches the cluster security group to managed nodes without launch-template groups
                groups = new GroupSet(List.of(topo.clusterGroup(cluster)), null, false);
            } else {
                groups = new GroupSet(List.of(), "the node group uses the EKS cluster security group, and its cluster "
                        + (ng.cluster.isPresent() ? ng.cluster.get().target() + " is not in the input" : "is unknown"), false);
            }
        }
        // SSH remote access: EKS adds a group that opens port 22 (catalog NET-009)
        if (ng.sshKey.isPresent() && !ng.sshKey.get().isBlank()) {
            List<SecurityGroupInfo> sources = new ArrayList<>();
            String unknown = groups.unknownMembers;
            if (ng.sshSourceSecurityGroups.isPresent()) {
                for (Ref r : ng.sshSourceSecurityGroups.get()) sources.add(topo.group(ng, r));
            } else if (ng.sshSourceSecurityGroups.isUnknown() && !Value.notInInput().equals(ng.sshSourceSecurityGroups)) {
                unknown = "the source security groups of the node group's SSH access are unknown: "
                        + ng.sshSourceSecurityGroups.note();
            }
            List<SecurityGroupInfo> all = new ArrayList<>(groups.groups);
            all.add(topo.remoteAccessGroup(ng, sources));
            groups = new GroupSet(all, unknown, false);
        } else if (ng.sshKey.isUnknown() && !Value.notInInput().equals(ng.sshKey)) {
            groups = new GroupSet(groups.groups, "whether the node group has SSH remote access is unknown: "
                    + ng.sshKey.note(), false);
        }
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, subnetPublicIp(s, "node")));
        add(ng, tier(ng, groups, subnets, null, APP), ifs);
    }

    private void autoScalingGroup(AutoScalingGroup asg) {
        List<SubnetInfo> subnets = subnets(asg, asg.subnets, "Auto Scaling group");
        GroupSet groups;
        if (!asg.launchTemplate.isPresent()) {
            groups = new GroupSet(List.of(), asg.launchTemplate.isKnown()
                    ? "the Auto Scaling group has no launch template in the model (a launch configuration is not modelled)"
                    : "the Auto Scaling group's launch template is unknown: " + asg.launchTemplate.note(), false);
        } else {
            LaunchTemplate lt = topo.resolve(asg, asg.launchTemplate.get(), LaunchTemplate.class);
            if (lt == null) {
                groups = new GroupSet(List.of(), "launch template " + asg.launchTemplate.get().target()
                        + " is not in the input, so the instances' security groups are unknown", false);
            } else {
                groups = groups(lt, lt.securityGroups, subnets, "the security groups of launch template " + lt.address());
            }
        }
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, subnetPublicIp(s, "instance")));
        add(asg, tier(asg, groups, subnets, null, APP), ifs);
    }

    private void instance(Instance i) {
        List<SubnetInfo> subnets = List.of(topo.subnet(i, i.subnet));
        GroupSet groups = groups(i, i.securityGroups, subnets, "the instance's security groups");
        Object[] pub;
        if (i.associatePublicIp.isPresent()) {
            pub = new Object[] {Match.of(i.associatePublicIp.get()), i.associatePublicIp.get()
                    ? "the instance associates a public IP address" : "the instance associates no public IP address",
                    i.associatePublicIp.provenance()};
        } else if (i.associatePublicIp.isKnown() || Value.notInInput().equals(i.associatePublicIp)) {
            pub = subnetPublicIp(subnets.get(0), "instance");
        } else {
            pub = new Object[] {Match.MAYBE, "whether the instance gets a public IP address is unknown: "
                    + i.associatePublicIp.note(), i.associatePublicIp.provenance()};
        }
        add(i, tier(i, groups, subnets, null, APP), List.of(host(subnets.get(0), groups, pub)));
    }

    private void cluster(EksCluster c) {
        List<SubnetInfo> subnets = subnets(c, c.subnets, "EKS cluster");
        List<SecurityGroupInfo> gs = new ArrayList<>();
        gs.add(topo.clusterGroup(c));
        String unknown = null;
        if (c.securityGroups.isPresent()) {
            for (Ref r : c.securityGroups.get()) gs.add(topo.group(c, r));
        } else if (c.securityGroups.isUnknown() && !Value.notInInput().equals(c.securityGroups)) {
            unknown = "the cluster's additional security groups are unknown: " + c.securityGroups.note();
        }
        GroupSet groups = new GroupSet(gs, unknown, false);
        Object[] pub = {Match.NO, "EKS control-plane interfaces have no public address", c.location()};
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, pub));
        add(c, tier(c, groups, subnets, null, APP), ifs);
    }

    private void dbCluster(DbCluster c) {
        List<SubnetInfo> subnets = subnetGroup(c, c.subnetGroup, DbSubnetGroup.class, "DB subnet group");
        GroupSet groups = groups(c, c.securityGroups, subnets, "the cluster's security groups");
        List<DbInstance> members = topo.model.referrers(c, DbInstance.class, i -> i.cluster);
        Match pub = Match.NO;
        String note = "no instance of the cluster is publicly accessible";
        Provenance where = c.location();
        for (DbInstance i : members) {
            if (Topology.deleted(i)) continue;
            if (i.publiclyAccessible.is(true)) {
                pub = Match.YES;
                note = i.address() + " is publicly accessible";
                where = i.publiclyAccessible.provenance();
                break;
            }
            if (!i.publiclyAccessible.isPresent() && pub == Match.NO) {
                pub = Match.MAYBE;
                note = "whether " + i.address() + " is publicly accessible is unknown: " + i.publiclyAccessible.note();
                where = i.publiclyAccessible.provenance();
            }
        }
        Resource taggedInstance = null;
        for (DbInstance i : members) if (i.tag(tierTag) != null) {
            taggedInstance = i;
            break;
        }
        List<Interface> ifs = new ArrayList<>();
        Object[] p = {pub, note, where};
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, p));
        Resource group = c.subnetGroup.isPresent() ? topo.resolve(c, c.subnetGroup.get(), DbSubnetGroup.class) : null;
        add(c, tier(c, groups, subnets, taggedInstance != null ? taggedInstance : group, DATA), ifs);
    }

    private void dbInstance(DbInstance i) {
        if (i.cluster.isPresent()) return; // a cluster member: its ENIs are the cluster's
        if (i.cluster.isUnknown() && i.engine.isPresent() && i.engine.get().startsWith("aurora")) return;
        List<SubnetInfo> subnets = subnetGroup(i, i.subnetGroup, DbSubnetGroup.class, "DB subnet group");
        GroupSet groups = new GroupSet(List.of(), "the DB instance's security groups are not in the model", false);
        Match pub = i.publiclyAccessible.isPresent() ? Match.of(i.publiclyAccessible.get()) : Match.MAYBE;
        Object[] p = {pub, pub == Match.YES ? "the DB instance is publicly accessible" : pub == Match.NO
                ? "the DB instance is not publicly accessible"
                : "whether the DB instance is publicly accessible is unknown: " + i.publiclyAccessible.note(),
                i.publiclyAccessible.provenance()};
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, p));
        Resource group = i.subnetGroup.isPresent() ? topo.resolve(i, i.subnetGroup.get(), DbSubnetGroup.class) : null;
        add(i, tier(i, groups, subnets, group, DATA), ifs);
    }

    private void cache(CacheReplicationGroup g) {
        List<SubnetInfo> subnets = subnetGroup(g, g.subnetGroup, CacheSubnetGroup.class, "cache subnet group");
        GroupSet groups = groups(g, g.securityGroups, subnets, "the cache's security groups");
        Object[] p = {Match.NO, "ElastiCache nodes have no public address", g.location()};
        List<Interface> ifs = new ArrayList<>();
        for (SubnetInfo s : subnets) ifs.add(host(s, groups, p));
        Resource group = g.subnetGroup.isPresent() ? topo.resolve(g, g.subnetGroup.get(), CacheSubnetGroup.class) : null;
        add(g, tier(g, groups, subnets, group, DATA), ifs);
    }

    private void nat(NatGateway n) {
        SubnetInfo s = topo.subnet(n, n.subnet);
        Interface i = intern(Interface.Kind.NAT_GATEWAY, s, GroupSet.NONE, Match.YES, "NAT gateway (elastic IP)",
                n.location(), v4(s), Match.NO, "NAT gateways forward IPv4 only", null, Traffic.NONE, Traffic.NONE, List.of());
        add(n, tier(n, GroupSet.NONE, List.of(s), null, EGRESS), List.of(i));
    }

    // ---------------------------------------------------------------------------------------------------- parts

    private List<SubnetInfo> subnets(Resource r, Value<List<Ref>> refs, String what) {
        List<SubnetInfo> out = new ArrayList<>();
        if (refs.isPresent()) {
            for (Ref ref : refs.get()) {
                SubnetInfo s = topo.subnet(r, Value.explicit(ref, refs.provenance()));
                if (!out.contains(s)) out.add(s);
            }
        } else {
            out.add(Topology.unknownSubnet("the " + what + "'s subnets are unknown: "
                    + (refs.isKnown() ? "not set" : refs.note())));
        }
        return out;
    }

    private <G extends Resource> List<SubnetInfo> subnetGroup(Resource r, Value<Ref> ref, Class<G> type, String what) {
        if (!ref.isPresent()) {
            return List.of(Topology.unknownSubnet("the " + what + " is unknown: " + (ref.isKnown() ? "not set" : ref.note())));
        }
        G g = topo.resolve(r, ref.get(), type);
        if (g == null) {
            return List.of(Topology.unknownSubnet(what + " " + ref.get().target() + " is not in the input"
                    + (ref.isDefaulted() ? " (" + ref.note() + ")" : "")));
        }
        Value<List<Ref>> subnets = g instanceof DbSubnetGroup d ? d.subnets : ((CacheSubnetGroup) g).subnets;
        return subnets(g, subnets, what);
    }

    /**
     * The security groups a resource lists: absent or empty (not unknown) means the VPC's default group, as AWS
     * does for instances, DB clusters, caches and application load balancers.
     */
    private GroupSet groups(Resource r, Value<List<Ref>> refs, List<SubnetInfo> subnets, String what) {
        if (refs.isPresent() && !refs.get().isEmpty()) return groupsOf(r, refs.get(), null);
        if (refs.isKnown() || Value.notInInput().equals(refs)) {
            VpcInfo vpc = null;
            for (SubnetInfo s : subnets) if (s.vpc != null) {
                vpc = s.vpc;
                break;
            }
            if (vpc == null) {
                return new GroupSet(List.of(), "no security group is given, so the VPC's default group applies, "
                        + "and the VPC is unknown", false);
            }
            return new GroupSet(List.of(topo.defaultGroup(vpc)), null, false);
        }
        return new GroupSet(List.of(), what + " are unknown: " + refs.note(), false);
    }

    private GroupSet groupsOf(Resource r, List<Ref> refs, String unknown) {
        List<SecurityGroupInfo> gs = new ArrayList<>();
        for (Ref ref : refs) gs.add(topo.group(r, ref));
        return new GroupSet(gs, unknown, false);
    }

    /** [Match, note, location] of a public IPv4 from the subnet's map_public_ip_on_launch. */
    private static Object[] subnetPublicIp(SubnetInfo s, String what) {
        Value<Boolean> m = s.mapPublicIp;
        if (m.isPresent()) {
            return new Object[] {Match.of(m.get()), m.get() ? s.name + " assigns public IPv4 addresses on launch"
                    : s.name + " does not assign public IPv4 addresses and the " + what + " asks for none", m.provenance()};
        }
        String why = s.unknownReason != null ? s.unknownReason : s.subnet == null ? "subnet " + s.name + " is not in the input"
                : m.note();
        return new Object[] {Match.MAYBE, "whether the " + what + " gets a public IPv4 address is unknown: " + why, m.provenance()};
    }

    /**
     * Interface {@code i}, whose subnet is unknown, as it would be in subnet {@code s}: the same kind, groups, public
     * address and listeners, the IP families of {@code s}. For one evaluation only (id -1, in no class, owned by
     * nobody): see {@link PathEvaluator#evaluate}.
     */
    static Interface relocated(Interface i, SubnetInfo s) {
        Match v6 = i.kind == Interface.Kind.NAT_GATEWAY ? Match.NO : v6(s);
        String v6Note = i.kind == Interface.Kind.NAT_GATEWAY ? i.v6Note : v6note(s, "whether it has IPv6 addresses is "
                + "not in the model");
        return new Interface(-1, i.kind, s, i.groups, i.publicIpv4, i.publicIpNote, i.publicIpLocation, v4(s), v6, v6Note,
                i.loadBalancer, i.listenerTraffic, i.listenerMaybe, i.listeners);
    }

    private static Match v4(SubnetInfo s) {
        return s.v4 == Match.NO ? Match.NO : Match.YES;
    }

    /** IPv6: none without an IPv6 block; certain in an IPv6-only subnet; else it depends on the resource. */
    private static Match v6(SubnetInfo s) {
        if (s.v6 == Match.NO) return Match.NO;
        if (s.v6 == Match.YES && s.v4 == Match.NO) return Match.YES;
        return Match.MAYBE;
    }

    private static String v6note(SubnetInfo s, String why) {
        if (s.v6 == Match.NO) return s.name + " has no IPv6 block";
        if (s.v6 == Match.YES && s.v4 == Match.NO) return s.name + " is IPv6-only";
        if (s.v6 == Match.MAYBE) return s.ipv6Note;
        return s.name + " has an IPv6 block, but " + why;
    }

    private Interface host(SubnetInfo s, GroupSet groups, Object[] pub) {
        String why = "whether the resource asks for IPv6 addresses is not in the model";
        return intern(Interface.Kind.HOST, s, groups, (Match) pub[0], (String) pub[1], (Provenance) pub[2], v4(s),
                v6(s), v6note(s, why), null, Traffic.NONE, Traffic.NONE, List.of());
    }

    private final Map<LoadBalancer, Integer> lbIds = new IdentityHashMap<>();

    private Interface intern(Interface.Kind kind, SubnetInfo s, GroupSet groups, Match pub, String pubNote,
                             Provenance pubWhere, Match v4, Match v6, String v6Note, LoadBalancer lb, Traffic listen,
                             Traffic listenMaybe, List<Listener> listeners) {
        String key = kind + "|" + s.id + "|" + groups.key + "|" + pub + "|" + v4 + v6 + "|"
                + (lb == null ? "" : lbIds.computeIfAbsent(lb, k -> lbIds.size()));
        Interface existing = classes.get(key);
        if (existing != null) return existing;
        Interface i = new Interface(allInterfaces.size(), kind, s, groups, pub, pubNote, pubWhere, v4, v6, v6Note, lb,
                listen, listenMaybe, listeners);
        classes.put(key, i);
        allInterfaces.add(i);
        return i;
    }

    private void add(Resource r, String[] tier, List<Interface> ifs) {
        Endpoint e = new Endpoint(r.address(), tier[0], r, tier[1]);
        endpoints.add(e);
        interfaces.put(e, ifs);
        for (Interface i : ifs) if (!i.owners.contains(e)) i.owners.add(e);
        List<String> n = new ArrayList<>();
        for (Interface i : ifs) {
            if (i.subnet.unknownReason != null && !n.contains(i.subnet.unknownReason)) n.add(i.subnet.unknownReason);
            if (i.groups.unknownMembers != null && !n.contains(i.groups.unknownMembers)) n.add(i.groups.unknownMembers);
        }
        if (!n.isEmpty()) notes.put(e, n);
    }

    // ---------------------------------------------------------------------------------------------------- tiers

    /** [tier, how] of an endpoint: the first tag found (see the class comment), else the tier of its kind. */
    private String[] tier(Resource r, GroupSet groups, List<SubnetInfo> subnets, Resource extra, String fallback) {
        Resource taggedBy = null;
        String where = null;
        String t = r.tag(tierTag);
        if (t != null) {
            taggedBy = r;
            where = "on it";
        }
        if (t == null && extra != null && !(extra instanceof DbSubnetGroup) && !(extra instanceof CacheSubnetGroup)) {
            t = extra.tag(tierTag);
            if (t != null) where = "on its instance " + extra.address();
        }
        if (t == null) {
            for (SecurityGroupInfo g : groups.groups) {
                if (g.group != null && g.group.tag(tierTag) != null) {
                    t = g.group.tag(tierTag);
                    where = "on its security group " + g.group.address();
                    break;
                }
            }
        }
        if (t == null && (extra instanceof DbSubnetGroup || extra instanceof CacheSubnetGroup)) {
            t = extra.tag(tierTag);
            if (t != null) where = "on its subnet group " + extra.address();
        }
        if (t == null) {
            for (SubnetInfo s : subnets) {
                if (s.subnet != null && s.subnet.tag(tierTag) != null) {
                    t = s.subnet.tag(tierTag);
                    where = "on its subnet " + s.subnet.address();
                    break;
                }
            }
        }
        String how;
        if (t == null || t.isBlank()) {
            t = fallback;
            how = "the tier of " + kindName(r) + " (no " + tierTag + " tag on it, its security groups, subnet group or "
                    + "subnets)";
        } else {
            how = "tag " + tierTag + " = " + t + " " + where;
        }
        String tier = t.trim().toLowerCase(Locale.ROOT);
        List<String> conflicts = conflicts(r, tier, subnets);
        how = tier + ": " + how + (conflicts.isEmpty() ? "" : "; conflicting evidence: " + String.join("; ", conflicts));
        if (taggedBy == null && r.tags.isUnknown()) how += " (its tags are unknown: a " + tierTag + " tag would override)";
        return new String[] {tier, how};
    }

    /** Network evidence against the tier: an app or data endpoint in a public subnet, a public front door in none. */
    private List<String> conflicts(Resource r, String tier, List<SubnetInfo> subnets) {
        List<String> out = new ArrayList<>();
        if (tiers == null) return out;
        if (APP.equals(tier) || DATA.equals(tier)) {
            for (SubnetInfo s : subnets) {
                Tiers.Publicness p = tiers.publicness(s);
                if (p.match() == Match.YES) out.add("its subnet " + s.name + " is public: " + p.why());
            }
        } else if (PUBLIC.equals(tier) && r instanceof LoadBalancer lb && lb.internal.is(false) && !subnets.isEmpty()) {
            List<String> why = new ArrayList<>();
            for (SubnetInfo s : subnets) {
                Tiers.Publicness p = tiers.publicness(s);
                if (p.match() != Match.NO) return out;
                why.add(p.why());
            }
            out.add("the load balancer is internet-facing, but none of its subnets is public: " + String.join("; ", why));
        }
        return out;
    }

    private static String kindName(Resource r) {
        if (r instanceof LoadBalancer) return "a load balancer";
        if (r instanceof NodeGroup) return "an EKS node group";
        if (r instanceof AutoScalingGroup) return "an Auto Scaling group";
        if (r instanceof Instance) return "an EC2 instance";
        if (r instanceof EksCluster) return "an EKS control plane";
        if (r instanceof DbCluster) return "a DB cluster";
        if (r instanceof DbInstance) return "a DB instance";
        if (r instanceof CacheReplicationGroup) return "a cache replication group";
        if (r instanceof NatGateway) return "a NAT gateway";
        return r.sourceType();
    }

}
