package io.plumbline.reach;

import io.plumbline.model.network.SgRule.PeerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * For a destination interface and some traffic, the source interfaces whose path to it is not proven empty without
 * evaluating it: the candidates a rule must ask {@link Reachability#verdict} about; every other source is denied.
 * The point (issue #11) is the cost: the rules ask about every destination, and trying every source for each of them
 * grows with the square of the plan. The index hands out candidates at a cost that grows with the candidates and with
 * a handful of classes of sources, not with the number of sources.
 *
 * <p>A source {@code s} is dropped for destination {@code d} when one of these proves that nothing passes (each is a
 * bound on a layer of {@link PathEvaluator}, so the proof is sound; {@link #mayPass} is the test, and the test suite
 * holds every dropped pair to the evaluator):
 * <ul>
 *   <li>{@code s} is a NAT gateway (it opens no connection);</li>
 *   <li>the traffic that can leave {@code s} (its groups' egress bound, its subnet's ACL outbound bound) meets
 *   nothing that can enter {@code d} (the destination ACL's inbound bound, its groups' ingress bound), ACLs left out
 *   when both share a subnet as the evaluator does;</li>
 *   <li>no ingress rule of {@code d}'s groups can admit {@code s} for that traffic ({@link Reachability#admits});</li>
 *   <li>routing alone stops every flow ({@link RouteBarrier}).</li>
 * </ul>
 *
 * <p>How candidates are found without trying every source: sources are grouped by subnet, by the VPCs of their
 * subnets' route tables, and by route class (subnets with equal {@link ForeignRoutes} views; subnets without a route
 * table form a class of their own that routing never rules out). A destination takes the sources of its own subnet
 * and of the subnets routed through its VPC's tables one by one; then, per route class, one memoised routing proof
 * rules out the whole class (the other copies of a stack) or not. Within a class that stays, sources are grouped by
 * the traffic that can leave them, so a whole group is ruled out by one bound, and by the security groups they carry,
 * so that a destination whose ingress rules all name known groups only takes those groups' members (and the sources
 * whose groups are unknown).
 */
final class SourceIndex {
    private final RouteBarrier barrier;
    private final Map<SubnetInfo, List<Interface>> bySubnet = new IdentityHashMap<>();
    private final Map<VpcInfo, List<SubnetInfo>> byTableVpc = new IdentityHashMap<>();
    private final List<RouteClass> classes = new ArrayList<>();
    private final Map<SubnetInfo, Traffic> aclIn = new IdentityHashMap<>();
    private final Map<SubnetInfo, Traffic> aclOut = new IdentityHashMap<>();
    /** Interfaces already seen in the current {@link #collect} call: {@code seen[id] == round}. */
    private final int[] seen;
    private int round;

    /** Subnets with equal {@link ForeignRoutes} views (or, {@code unrouted}, every subnet without a table). */
    private static final class RouteClass {
        final int view;
        final boolean unrouted;
        final List<SubnetInfo> members = new ArrayList<>();
        /** Whether some member is an unknown subnet: its sources may share the destination's subnet (no ACL between). */
        boolean unknownMembers;
        /** Sources by the traffic that can leave them (insertion order: candidates come out in a stable order). */
        final Map<Traffic, OutGroup> groups = new LinkedHashMap<>();

        RouteClass(int view, boolean unrouted) {
            this.view = view;
            this.unrouted = unrouted;
        }
    }

    /** Sources of one route class that can send the same traffic. */
    private static final class OutGroup {
        final Traffic out;
        /** What the groups of some member let out, ACLs left aside (for a destination whose subnet is unknown). */
        Traffic egress = Traffic.NONE;
        final List<Interface> all = new ArrayList<>();
        /** By each group they carry. */
        final Map<SecurityGroupInfo, List<Interface>> carriers = new IdentityHashMap<>();
        /** Those whose groups may hold groups not listed: any rule naming a group may admit them. */
        final List<Interface> unknownMembers = new ArrayList<>();

        OutGroup(Traffic out) {
            this.out = out;
        }
    }

    SourceIndex(List<Interface> interfaces, RouteBarrier barrier) {
        this.barrier = barrier;
        this.seen = new int[interfaces.size()];
        Map<Object, RouteClass> byView = new HashMap<>();
        Map<SubnetInfo, RouteClass> classOf = new IdentityHashMap<>();
        RouteClass unrouted = new RouteClass(-1, true);
        for (Interface s : interfaces) {
            if (s.kind == Interface.Kind.NAT_GATEWAY) continue; // opens no connection: never a source
            SubnetInfo sub = s.subnet;
            List<Interface> same = bySubnet.get(sub);
            RouteClass c;
            if (same == null) {
                same = new ArrayList<>();
                bySubnet.put(sub, same);
                if (sub.tables.isEmpty()) {
                    c = unrouted;
                } else {
                    c = byView.computeIfAbsent(ForeignRoutes.of(sub), k -> {
                        RouteClass n = new RouteClass(classes.size(), false);
                        classes.add(n);
                        return n;
                    });
                    List<VpcInfo> vpcs = new ArrayList<>();
                    for (RouteTableInfo t : sub.tables) {
                        if (t.vpc != null && !vpcs.contains(t.vpc)) vpcs.add(t.vpc);
                    }
                    for (VpcInfo v : vpcs) byTableVpc.computeIfAbsent(v, k -> new ArrayList<>()).add(sub);
                }
                c.members.add(sub);
                if (sub.unknownReason != null) c.unknownMembers = true;
                classOf.put(sub, c);
            } else {
                c = classOf.get(sub);
            }
            same.add(s);
            OutGroup g = c.groups.computeIfAbsent(out(s), OutGroup::new);
            g.all.add(s);
            g.egress = TrafficSets.or(g.egress, s.groups.egressBound);
            if (s.groups.unknownMembers != null) g.unknownMembers.add(s);
            for (SecurityGroupInfo sg : s.groups.groups) g.carriers.computeIfAbsent(sg, k -> new ArrayList<>()).add(s);
        }
        if (!unrouted.members.isEmpty()) classes.add(unrouted);
    }

    /**
     * Hands every source interface that may reach {@code d} with some of {@code requested} to {@code out}, each
     * once; every source not handed out has an empty path to {@code d} for {@code requested}.
     */
    void collect(Interface d, Traffic requested, Consumer<Interface> out) {
        if (++round == 0) {
            java.util.Arrays.fill(seen, 0);
            round = 1;
        }
        SubnetInfo dsub = d.subnet;
        // the destination's own subnet (no ACL between them), then the subnets routed through its VPC's tables
        for (Interface s : bySubnet.getOrDefault(dsub, List.of())) offer(s, d, requested, out);
        if (dsub.vpc != null) {
            for (SubnetInfo sub : byTableVpc.getOrDefault(dsub.vpc, List.of())) {
                for (Interface s : bySubnet.get(sub)) offer(s, d, requested, out);
            }
        }
        Traffic in = TrafficSets.and(d.groups.ingressBound, acl(dsub, false));
        // a destination in an unknown subnet may share any source's subnet: no ACL and the local route between them
        boolean anywhere = dsub.unknownReason != null;
        for (RouteClass c : classes) {
            if (!c.unrouted && !anywhere) {
                SubnetInfo foreign = foreignMember(c, dsub.vpc);
                if (foreign == null || barrier.deniesForeign(c.view, foreign, dsub) && !c.unknownMembers) continue;
            }
            // a source in an unknown subnet may share d's subnet: then no ACL lies on the way
            Traffic into = c.unknownMembers ? d.groups.ingressBound : in;
            for (OutGroup g : c.groups.values()) {
                // sources outside d's subnet: both ACLs lie on the way (those inside were offered above)
                Traffic t = TrafficSets.and(TrafficSets.and(requested, anywhere ? g.egress : g.out), into);
                if (t.isEmpty()) continue;
                List<SecurityGroupInfo> names = admittedGroups(d, t);
                if (names == null) {
                    for (Interface s : g.all) offer(s, d, requested, out);
                    continue;
                }
                for (SecurityGroupInfo name : names) {
                    for (Interface s : g.carriers.getOrDefault(name, List.of())) offer(s, d, requested, out);
                }
                for (Interface s : g.unknownMembers) offer(s, d, requested, out);
            }
        }
    }

    /**
     * A subnet of the class none of whose tables belongs to {@code vpc} (the class's routing proof is about such
     * subnets; those routed through {@code vpc} are taken one by one), or null when every one is.
     */
    private static SubnetInfo foreignMember(RouteClass c, VpcInfo vpc) {
        if (vpc == null) return c.members.get(0);
        for (SubnetInfo m : c.members) {
            boolean in = false;
            for (RouteTableInfo t : m.tables) if (t.vpc == vpc) in = true;
            if (!in) return m;
        }
        return null;
    }

    private void offer(Interface s, Interface d, Traffic requested, Consumer<Interface> out) {
        if (seen[s.id] == round) return;
        seen[s.id] = round;
        if (mayPass(s, d, requested)) out.accept(s);
    }

    /** False only when the path from {@code s} to {@code d} is certainly empty for {@code requested}. */
    boolean mayPass(Interface s, Interface d, Traffic requested) {
        if (s.kind == Interface.Kind.NAT_GATEWAY) return false;
        boolean shared = PathEvaluator.mayShareSubnet(s, d);
        boolean sameSubnet = shared || s.subnet == d.subnet && s.subnet.unknownReason == null;
        Traffic t = TrafficSets.and(requested, sameSubnet ? s.groups.egressBound : out(s));
        if (!sameSubnet) t = TrafficSets.and(t, acl(d.subnet, false));
        t = TrafficSets.and(t, d.groups.ingressBound);
        if (t.isEmpty()) return false;
        return Reachability.admits(d, s, t) && (shared || !barrier.denies(s, d));
    }

    /** What can leave {@code s} towards another subnet: its groups' egress bound within its ACL's outbound bound. */
    private Traffic out(Interface s) {
        return TrafficSets.and(s.groups.egressBound, acl(s.subnet, true));
    }

    /**
     * The groups whose members {@code d}'s ingress rules may admit for {@code t}, or null when a rule may admit
     * sources by something else (a block, a prefix list, an unknown peer) or {@code d}'s groups are not all known:
     * the same reading as {@link Reachability#admits}, which then decides each source.
     */
    private static List<SecurityGroupInfo> admittedGroups(Interface d, Traffic t) {
        if (d.groups.unfiltered || d.groups.unknownMembers != null) return null;
        List<SecurityGroupInfo> names = new ArrayList<>();
        for (SecurityGroupInfo g : d.groups.groups) {
            if (g.unknown != null || g.incomplete != null) return null;
            for (SecurityGroupInfo.Rule r : g.ingress) {
                if (TrafficSets.and(t, r.traffic).isEmpty()) continue;
                PeerKind k = r.rule.peerKind();
                if ((k == PeerKind.SECURITY_GROUP || k == PeerKind.SELF) && r.peerGroup != null) {
                    if (!names.contains(r.peerGroup)) names.add(r.peerGroup);
                } else {
                    return null;
                }
            }
        }
        return names;
    }

    /**
     * The most a subnet's network ACL(s) can let through in one direction: what entries that may allow name, or all
     * traffic when an ACL, its entries or the association are not known (as {@link NetworkAclLayer} reads them).
     */
    private Traffic acl(SubnetInfo s, boolean egress) {
        Map<SubnetInfo, Traffic> memo = egress ? aclOut : aclIn;
        Traffic t = memo.get(s);
        if (t == null) {
            t = s.acls.isEmpty() ? Traffic.ALL : Traffic.NONE;
            for (NetworkAclInfo a : s.acls) {
                if (a.unknown != null || a.incomplete != null) {
                    t = Traffic.ALL;
                    break;
                }
                for (NetworkAclInfo.Entry e : a.entries(egress)) {
                    if (e.action != NetworkAclInfo.Action.DENY) t = TrafficSets.or(t, e.traffic);
                }
            }
            memo.put(s, t);
        }
        return t;
    }
}
