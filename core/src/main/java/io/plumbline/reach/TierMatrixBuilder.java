package io.plumbline.reach;

import io.plumbline.model.network.SgRule.PeerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the tier matrix: for each ordered pair of tiers, the union over their interface classes of what passes
 * (catalog §11.4). Sources are not tried blindly: for each destination class, each ingress rule of its security
 * groups names who may use it (the classes carrying a referenced group, the classes whose subnet meets a CIDR), and
 * a pair is evaluated only when it could still add traffic the cell does not already certainly allow (its rules'
 * traffic is not covered yet). Pair results are computed once and shared between cells.
 */
final class TierMatrixBuilder {
    private final Reachability reach;
    private final Placement placement;
    private final PathEvaluator evaluator;
    private final Map<Long, Outcome> pairs = new HashMap<>();

    TierMatrixBuilder(Reachability reach, Placement placement, PathEvaluator evaluator) {
        this.reach = reach;
        this.placement = placement;
        this.evaluator = evaluator;
    }

    /** The sources of one tier, indexed for rule lookups. */
    private static final class SourceIndex {
        final List<Interface> all = new ArrayList<>();
        final Map<SecurityGroupInfo, List<Interface>> byGroup = new IdentityHashMap<>();
        final List<Interface> unknownMembers = new ArrayList<>();
        /** Per family, interfaces sorted by their subnet's block start; unknown blocks apart. */
        final Map<Integer, List<Interface>> byRange = new HashMap<>();
        final List<Interface> unknownRange = new ArrayList<>();

        void add(Interface i) {
            if (all.contains(i)) return;
            all.add(i);
            for (SecurityGroupInfo g : i.groups.groups) byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            if (i.groups.unknownMembers != null) unknownMembers.add(i);
            boolean any = false;
            for (int f : new int[] {IpRange.V4, IpRange.V6}) {
                IpRange r = i.subnet.range(f);
                if (r != null) {
                    byRange.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
                    any = true;
                }
            }
            if (!any || i.subnet.v4 == Match.MAYBE || i.subnet.v6 == Match.MAYBE && i.subnet.ipv6 == null) unknownRange.add(i);
        }

        void sort() {
            for (Map.Entry<Integer, List<Interface>> e : byRange.entrySet()) {
                int f = e.getKey();
                e.getValue().sort((a, b) -> {
                    IpRange x = a.subnet.range(f);
                    IpRange y = b.subnet.range(f);
                    return IpRange.compare(x.startHi, x.startLo, y.startHi, y.startLo);
                });
            }
        }

        /** Interfaces whose subnet block meets {@code cidr}, or whose block is unknown. */
        List<Interface> meeting(IpRange cidr) {
            List<Interface> out = new ArrayList<>(unknownRange);
            List<Interface> l = byRange.get(cidr.family);
            if (l == null) return out;
            if (cidr.isAll()) {
                out.addAll(l);
                return out;
            }
            // first interface whose block starts after the cidr's start, then step back over those that may overlap
            int lo = 0;
            int hi = l.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                IpRange r = l.get(mid).subnet.range(cidr.family);
                if (IpRange.compare(r.startHi, r.startLo, cidr.startHi, cidr.startLo) < 0) lo = mid + 1;
                else hi = mid;
            }
            int start = lo;
            while (start > 0 && l.get(start - 1).subnet.range(cidr.family).intersects(cidr)) start--;
            for (int i = start; i < l.size(); i++) {
                IpRange r = l.get(i).subnet.range(cidr.family);
                if (IpRange.compare(r.startHi, r.startLo, cidr.endHi, cidr.endLo) > 0) break;
                if (r.intersects(cidr)) out.add(l.get(i));
            }
            return out;
        }
    }

    /** One cell being filled. */
    private static final class Acc {
        Traffic allowed = Traffic.NONE;
        Traffic possible = Traffic.NONE;
        final Set<List<Interface>> contributors = new LinkedHashSet<>();

        void add(Interface s, Interface d, Outcome o) {
            boolean adds = !TrafficSets.covers(allowed, o.allowed()) || !TrafficSets.covers(possible, o.possible());
            if (!adds) return;
            allowed = TrafficSets.or(allowed, o.allowed());
            possible = TrafficSets.or(possible, o.possible());
            List<Interface> pair = new ArrayList<>(2);
            pair.add(s);
            pair.add(d);
            contributors.add(pair);
        }
    }

    TierMatrix build(Traffic requested) {
        List<String> tiers = tiers();
        Map<String, List<Interface>> classes = new LinkedHashMap<>();
        Map<String, SourceIndex> sources = new HashMap<>();
        for (Endpoint e : placement.endpoints) {
            List<Interface> l = classes.computeIfAbsent(e.tier(), k -> new ArrayList<>());
            SourceIndex idx = sources.computeIfAbsent(e.tier(), k -> new SourceIndex());
            for (Interface i : placement.interfaces.get(e)) {
                if (!l.contains(i)) l.add(i);
                idx.add(i);
            }
        }
        for (SourceIndex idx : sources.values()) idx.sort();
        Map<String, Map<String, TierMatrix.Cell>> cells = new LinkedHashMap<>();
        for (String from : tiers) {
            Map<String, TierMatrix.Cell> row = new LinkedHashMap<>();
            for (String to : tiers) {
                Acc acc = new Acc();
                boolean fromNet = Endpoint.INTERNET.equals(from);
                boolean toNet = Endpoint.INTERNET.equals(to);
                if (!(fromNet && toNet)) {
                    List<Interface> dsts = toNet ? nullList() : classes.getOrDefault(to, List.of());
                    SourceIndex src = fromNet ? null : sources.getOrDefault(from, new SourceIndex());
                    for (Interface d : dsts) fill(acc, src, d, requested);
                }
                row.put(to, new TierMatrix.Cell(from, to, acc.allowed, acc.possible.minus(acc.allowed),
                        paths(acc, requested)));
            }
            cells.put(from, row);
        }
        return new TierMatrix(tiers, cells);
    }

    private static List<Interface> nullList() {
        List<Interface> l = new ArrayList<>();
        l.add(null);
        return l;
    }

    /** Adds to the cell what the sources of {@code src} (null: the internet) send to {@code d} (null: the internet). */
    private void fill(Acc acc, SourceIndex src, Interface d, Traffic requested) {
        Traffic bound = d == null ? requested : TrafficSets.and(TrafficSets.and(requested, d.families), d.groups.ingressBound);
        if (d != null && d.kind == Interface.Kind.LOAD_BALANCER) bound = TrafficSets.and(bound, d.listenerMaybe);
        if (TrafficSets.covers(acc.allowed, bound)) return;
        if (src == null) {
            // the internet reaches only interfaces with a public IPv4 address or IPv6 addresses
            if (d.kind == Interface.Kind.NAT_GATEWAY || d.publicIpv4 == Match.NO && d.hasV6 == Match.NO) return;
            acc.add(null, d, pair(null, d, requested));
            return;
        }
        Set<Interface> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean everyone = d == null || d.groups.unfiltered || d.groups.unknownMembers != null;
        if (!everyone) {
            for (SecurityGroupInfo g : d.groups.groups) if (g.unknown != null || g.incomplete != null) everyone = true;
        }
        if (everyone) {
            for (Interface s : src.all) {
                if (TrafficSets.covers(acc.allowed, bound)) return;
                tryPair(acc, s, d, requested, bound, seen);
            }
            return;
        }
        for (SecurityGroupInfo g : d.groups.groups) {
            for (SecurityGroupInfo.Rule r : g.ingress) {
                Traffic need = TrafficSets.and(bound, r.traffic);
                if (TrafficSets.covers(acc.allowed, need)) continue;
                for (Interface s : candidates(r, src)) {
                    if (TrafficSets.covers(acc.allowed, need)) break;
                    tryPair(acc, s, d, requested, bound, seen);
                }
            }
        }
    }

    private static List<Interface> candidates(SecurityGroupInfo.Rule r, SourceIndex src) {
        PeerKind k = r.rule.peerKind();
        if ((k == PeerKind.SECURITY_GROUP || k == PeerKind.SELF) && r.peerGroup != null) {
            List<Interface> carrying = src.byGroup.getOrDefault(r.peerGroup, List.of());
            if (src.unknownMembers.isEmpty()) return carrying;
            List<Interface> out = new ArrayList<>(carrying);
            out.addAll(src.unknownMembers);
            return out;
        }
        if ((k == PeerKind.CIDR_IPV4 || k == PeerKind.CIDR_IPV6) && r.cidr != null) return src.meeting(r.cidr);
        return src.all;
    }

    private void tryPair(Acc acc, Interface s, Interface d, Traffic requested, Traffic bound, Set<Interface> seen) {
        if (!seen.add(s)) return;
        if (s.kind == Interface.Kind.NAT_GATEWAY) return; // a NAT gateway opens no connection
        if (d == null && !leavesVpc(s.subnet)) return;
        Traffic upper = TrafficSets.and(TrafficSets.and(bound, s.families), s.groups.egressBound);
        if (TrafficSets.covers(acc.allowed, upper)) return;
        acc.add(s, d, pair(s, d, requested));
    }

    private final Map<SubnetInfo, Boolean> leaves = new IdentityHashMap<>();

    /** Whether some route of the subnet may lead out of the VPC (else nothing it sends reaches the internet). */
    private boolean leavesVpc(SubnetInfo s) {
        return leaves.computeIfAbsent(s, k -> {
            for (RouteTableInfo t : s.tables) {
                if (t.unknown != null || t.incomplete != null || t.vpc == null) return true;
                for (RouteTableInfo.RouteEntry r : t.routes) if (!r.local) return true;
            }
            return false;
        });
    }

    private Outcome pair(Interface s, Interface d, Traffic requested) {
        long key = (s == null ? -1L : s.id) * 0x9E3779B97F4A7C15L + (d == null ? -1L : d.id);
        Outcome o = pairs.get(key);
        if (o == null) {
            o = evaluator.evaluate(s, null, d, null, requested, false).outcome;
            pairs.put(key, o);
        }
        return o;
    }

    /** The endpoint paths behind a cell: one per interface pair that added traffic, for its first owners. */
    private List<PathResult> paths(Acc acc, Traffic requested) {
        List<PathResult> out = new ArrayList<>();
        Set<List<Endpoint>> done = new LinkedHashSet<>();
        for (List<Interface> pair : acc.contributors) {
            Endpoint from = pair.get(0) == null ? reach.internet() : pair.get(0).owners.get(0);
            Endpoint to = pair.get(1) == null ? reach.internet() : pair.get(1).owners.get(0);
            if (done.add(List.of(from, to))) out.add(reach.path(from, to, requested));
        }
        return out;
    }

    private List<String> tiers() {
        List<String> seen = new ArrayList<>();
        for (Endpoint e : placement.endpoints) if (!seen.contains(e.tier())) seen.add(e.tier());
        List<String> out = new ArrayList<>();
        out.add(Endpoint.INTERNET);
        for (String t : List.of(Placement.PUBLIC, Placement.APP, Placement.DATA, Placement.EGRESS)) {
            if (seen.contains(t)) out.add(t);
        }
        for (String t : seen) if (!out.contains(t)) out.add(t);
        return out;
    }
}
