package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One flow between two interface classes (or an interface class and the internet), hop by hop as in catalog §11.3:
 * source security group egress, source subnet ACL outbound, routing (through a NAT gateway when that is the way
 * out), internet-gateway prerequisites, destination subnet ACL inbound, destination security group ingress, load
 * balancer listener, and the stateless return through both ACLs. Each hop maps the traffic still alive to what it
 * lets through; the path's answer is the intersection.
 *
 * <p>Addresses are never expanded: the internet is split into atoms by the CIDR blocks the path's layers name, and
 * a path from the internet is allowed when it is allowed for some atom (some internet host gets through); an
 * interface's address, unknown before apply, lies somewhere in its subnet, so a path is allowed only when it is for
 * every atom of the subnet, and undecided when it is for some.
 */
final class PathEvaluator {
    private final Topology topo;
    private final List<IpRange> vpcBlocks = new ArrayList<>();
    private final long[][] cidrIndex;
    private final int[] cidrPrefix;
    private final Map<SubnetInfo, Boolean> partial = new IdentityHashMap<>();
    private final Map<Integer, List<IpRange>> internetBase = new java.util.HashMap<>();
    private final Map<List<IpRange>, List<IpRange>> internetAtoms = new java.util.HashMap<>();
    private final Map<Interface, List<IpRange>> egressCuts = new IdentityHashMap<>();
    private final Map<Interface, List<IpRange>> ingressCuts = new IdentityHashMap<>();
    private final Map<Interface, Boolean> egressLists = new IdentityHashMap<>();
    private final Map<Interface, Boolean> ingressLists = new IdentityHashMap<>();

    PathEvaluator(Topology topo) {
        this.topo = topo;
        for (VpcInfo v : topo.allVpcs) vpcBlocks.addAll(v.localRanges);
        // every CIDR block the layers name, sorted by start: to find subnets that some block splits
        List<IpRange> all = new ArrayList<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (SubnetInfo s : topo.allSubnets) {
            for (RouteTableInfo t : s.tables) {
                if (!seen.add(t)) continue;
                for (RouteTableInfo.RouteEntry r : t.routes) if (r.destination != null) all.add(r.destination);
            }
            for (NetworkAclInfo a : s.acls) {
                if (!seen.add(a)) continue;
                for (NetworkAclInfo.Entry e : a.inbound) if (e.range != null) all.add(e.range);
                for (NetworkAclInfo.Entry e : a.outbound) if (e.range != null) all.add(e.range);
            }
        }
        for (SecurityGroupInfo g : topo.allGroups()) {
            for (SecurityGroupInfo.Rule r : g.ingress) if (r.cidr != null) all.add(r.cidr);
            for (SecurityGroupInfo.Rule r : g.egress) if (r.cidr != null) all.add(r.cidr);
        }
        all = new ArrayList<>(new java.util.LinkedHashSet<>(all));
        all.sort((a, b) -> a.family != b.family ? Integer.compare(a.family, b.family)
                : IpRange.compare(a.startHi, a.startLo, b.startHi, b.startLo));
        cidrIndex = new long[all.size()][];
        cidrPrefix = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            IpRange c = all.get(i);
            cidrIndex[i] = new long[] {c.family, c.startHi, c.startLo};
            cidrPrefix[i] = c.prefix;
        }
    }

    /** The answer for one pair of interface classes (null: the internet, optionally only {@code netOnly}'s addresses). */
    static final class PairResult {
        final Outcome outcome;
        final List<Hop> hops;
        final int depth;

        PairResult(Outcome outcome, List<Hop> hops, int depth) {
            this.outcome = outcome;
            this.hops = hops;
            this.depth = depth;
        }
    }

    /** A layer result that depends only on the key, for the family's whole requested traffic (matrix mode). */
    private record LayerKey(int kind, Object x, Object y, IpRange a, IpRange b) {
    }

    private final Map<Traffic, Map<LayerKey, Object>> layerCache = new java.util.HashMap<>();

    @SuppressWarnings("unchecked")
    private static <T> T cached(Map<LayerKey, Object> cache, LayerKey key, java.util.function.Supplier<T> f) {
        if (cache == null) return f.get();
        Object o = cache.get(key);
        if (o == null) {
            o = f.get();
            cache.put(key, o);
        }
        return (T) o;
    }

    /**
     * A stretch of path that also constrains the replies: {@code forward} judges the traffic, {@code reply} its
     * replies (port by port, on the ephemeral ports), to be met together with the other reply constraints of the path.
     */
    private record Leg(Outcome forward, Outcome reply) {
        /** Either leg may be the one (an unknown decides); a null reply part constrains nothing. */
        Leg eitherWay(Leg o) {
            Outcome r;
            if (reply == null && o.reply == null) r = null;
            else if (reply == null) r = new Outcome(o.reply.allowed(), Traffic.ALL);
            else if (o.reply == null) r = new Outcome(reply.allowed(), Traffic.ALL);
            else r = reply.eitherWay(o.reply);
            return new Leg(forward.eitherWay(o.forward), r);
        }
    }

    /**
     * The pair's answer over every placement the input allows. When one end's subnets are unknown until apply and the
     * other end's subnet is known, the first may lie in that same subnet, where no network ACL stands between them
     * (and the local route delivers); or in any other subnet, whose ACLs and routes are unknown. The answer is
     * definite only where both placements agree: traffic allowed in both, denied in both; the rest is undecided.
     */
    PairResult evaluate(Interface src, List<IpRange> srcNet, Interface dst, List<IpRange> dstNet, Traffic t, boolean explain) {
        PairResult apart = evaluatePlaced(src, srcNet, dst, dstNet, t, explain);
        if (!mayShareSubnet(src, dst)) return apart;
        // an unknown subnet's ACLs are unknown: nothing is certain apart, so when everything may already pass
        // there, the other placement cannot change the answer
        if (apart.outcome.allowed().isEmpty() && TrafficSets.covers(apart.outcome.possible(), t)) return apart;
        boolean srcMoves = src.subnet.unknownReason != null;
        Interface s = srcMoves ? Placement.relocated(src, dst.subnet) : src;
        Interface d = srcMoves ? dst : Placement.relocated(dst, src.subnet);
        PairResult together = evaluatePlaced(s, null, d, null, t, explain);
        Outcome total = apart.outcome.eitherWay(together.outcome);
        int depth = Math.max(apart.depth, together.depth);
        if (!explain || total.equals(apart.outcome)) return new PairResult(total, apart.hops, depth);
        Interface moved = srcMoves ? src : dst;
        SubnetInfo shared = srcMoves ? dst.subnet : src.subnet;
        List<Hop> hops = new ArrayList<>();
        hops.add(apart.hops.get(0));
        Traffic split = TrafficSets.and(t, total.undecided());
        hops.add(new Hop(Layer.PLACEMENT, shared.name, TrafficSets.show(split) + ": the " + (srcMoves ? "source" : "destination")
                + "'s subnet is unknown (" + moved.subnet.unknownReason + "); it may be " + shared.label()
                + ", the other end's subnet, where no network ACL lies between them, or another subnet",
                Decision.UNKNOWN, shared.location(), null));
        hops.addAll(apart.hops.subList(1, apart.hops.size()));
        hops.add(new Hop(Layer.PLACEMENT, shared.name, "if both are in " + shared.name + ":", Decision.ALLOW,
                shared.location(), null));
        hops.addAll(together.hops.subList(1, together.hops.size()));
        return new PairResult(total, hops, depth);
    }

    /** The pair's answer with an end whose subnet is unknown kept out of the other end's subnet (both ACLs apply). */
    Outcome apart(Interface src, Interface dst, Traffic t) {
        return evaluatePlaced(src, null, dst, null, t, false).outcome;
    }

    /**
     * Whether one end's subnet is unknown and the other's known, so that both may turn out to share it: only then
     * does a placement the input cannot rule out leave the network ACLs off the path ({@link SourceIndex} and
     * {@link RouteBarrier}'s callers must not prune on ACLs or routes then).
     */
    static boolean mayShareSubnet(Interface src, Interface dst) {
        return src != null && dst != null
                && (src.subnet.unknownReason != null) != (dst.subnet.unknownReason != null);
    }

    private PairResult evaluatePlaced(Interface src, List<IpRange> srcNet, Interface dst, List<IpRange> dstNet, Traffic t,
                                      boolean explain) {
        Outcome total = Outcome.NONE;
        List<Hop> hops = explain ? new ArrayList<>() : null;
        List<Hop> fallbackHops = null;
        int depth = 0;
        if (src == null && dst == null) {
            if (explain) hops.add(new Hop(Layer.PLACEMENT, "internet", "both ends are the internet: outside the modelled VPCs",
                    Decision.DENY, Provenance.NONE, "NO_POSSIBLE_DESTINATION"));
            return new PairResult(Outcome.NONE, hops, 0);
        }
        if (explain) hops.add(placementHop(src, dst));
        for (int f : new int[] {IpRange.V4, IpRange.V6}) {
            Traffic tf = TrafficSets.and(t, TrafficSets.family(f));
            if (tf.isEmpty()) continue;
            Match present = (src == null ? Match.YES : src.has(f)).and(dst == null ? Match.YES : dst.has(f));
            if (present == Match.NO) continue;
            List<Hop> fh = explain ? new ArrayList<>() : null;
            int[] d = {0};
            Outcome o = family(src, srcNet, dst, dstNet, f, tf, fh, d);
            if (present == Match.MAYBE) {
                if (explain && !o.isEmpty()) {
                    Interface which = src != null && src.has(f) == Match.MAYBE ? src : dst;
                    fh.add(0, new Hop(Layer.PLACEMENT, which.subnet.name, "IPv6 traffic may pass: " + which.v6Note,
                            Decision.UNKNOWN, which.subnet.location(), null));
                }
                o = o.uncertain();
            }
            boolean adds = !TrafficSets.covers(total.possible(), o.possible()) || !TrafficSets.covers(total.allowed(), o.allowed());
            if (explain) {
                if (f == IpRange.V6 && adds && !hops.isEmpty() && hops.size() > 1) {
                    hops.add(new Hop(Layer.PLACEMENT, "IPv6", "over IPv6", Decision.ALLOW, Provenance.NONE, null));
                }
                if (adds) hops.addAll(fh);
                else if (fallbackHops == null || d[0] > depth) fallbackHops = fh;
            }
            depth = Math.max(depth, d[0]);
            total = total.or(o);
        }
        if (explain && hops.size() == 1 && fallbackHops != null) hops.addAll(fallbackHops);
        if (explain && hops.size() == 1) {
            hops.add(new Hop(Layer.PLACEMENT, dst == null ? src.subnet.name : dst.subnet.name,
                    TrafficSets.show(t) + ": the two ends share no IP family (no IPv4 or IPv6 address on both)",
                    Decision.DENY, Provenance.NONE, "NO_POSSIBLE_DESTINATION"));
        }
        return new PairResult(total, hops, depth);
    }

    private static Hop placementHop(Interface src, Interface dst) {
        String from = src == null ? "the internet" : src.label();
        String to = dst == null ? "the internet" : dst.label();
        return new Hop(Layer.PLACEMENT, (src == null ? "internet" : src.subnet.name) + " -> "
                + (dst == null ? "internet" : dst.subnet.name), "from " + from + " to " + to, Decision.ALLOW,
                dst != null ? dst.subnet.location() : src.subnet.location(), null);
    }

    // ------------------------------------------------------------------------------------------------ atoms

    private Outcome family(Interface src, List<IpRange> srcNet, Interface dst, List<IpRange> dstNet, int f, Traffic t,
                           List<Hop> hops, int[] depth) {
        List<IpRange> cuts = null;
        boolean needCuts = src == null || dst == null || isPartial(src.subnet, f) || isPartial(dst.subnet, f);
        if (needCuts) {
            cuts = new ArrayList<>();
            if (src != null) cuts.addAll(egressCuts(src));
            if (dst != null) cuts.addAll(ingressCuts(dst));
        }
        Map<LayerKey, Object> cache = hops == null ? layerCache.computeIfAbsent(t, k -> new java.util.HashMap<>()) : null;
        List<IpRange> as = atoms(src, srcNet, f, cuts);
        List<IpRange> bs = atoms(dst, dstNet, f, cuts);
        boolean lists = (src != null && memo(egressLists, src, i -> hasLists(i, true)))
                || (dst != null && memo(ingressLists, dst, i -> hasLists(i, false)));
        Outcome total = null;
        List<Hop> bestHops = null;
        int bestDepth = -1;
        Outcome bestOutcome = null;
        List<Outcome> perA = new ArrayList<>();
        List<IpRange[]> atomPairs = new ArrayList<>();
        List<Outcome> atomOutcomes = new ArrayList<>();
        for (IpRange a : as) {
            Outcome oa = null;
            for (IpRange b : bs) {
                List<Hop> h = hops == null ? null : new ArrayList<>();
                int[] d = {0};
                Outcome o = one(src, a, dst, b, f, t, h, d, true, as.size() == 1, bs.size() == 1, cache);
                if (lists && (src == null || dst == null)) {
                    // addresses inside the prefix lists the input does not give: they may or may not exist here
                    List<Hop> h2 = hops == null ? null : new ArrayList<>();
                    Outcome inside = one(src, a, dst, b, f, t, h2, new int[1], false, as.size() == 1, bs.size() == 1, null);
                    Outcome both = o.or(inside.uncertain());
                    if (hops != null && !TrafficSets.covers(o.possible(), both.possible())) {
                        h2.add(1, new Hop(Layer.PLACEMENT, "internet", "internet addresses that may lie in a prefix list "
                                + "whose entries are not in the input", Decision.UNKNOWN, Provenance.NONE, null));
                        h = h2;
                    }
                    o = both;
                }
                oa = oa == null ? o : dst == null ? oa.or(o) : oa.eitherWay(o);
                if (hops != null) {
                    atomPairs.add(new IpRange[] {a, b});
                    atomOutcomes.add(o);
                }
                if (hops != null && better(o, d[0], bestOutcome, bestDepth)) {
                    bestOutcome = o;
                    bestDepth = d[0];
                    bestHops = h;
                    if ((as.size() > 1 && src == null) || (bs.size() > 1 && dst == null)) {
                        bestHops.add(0, new Hop(Layer.PLACEMENT, "internet", "internet addresses "
                                + (src == null ? a : b) + (as.size() * bs.size() > 1 ? " (one of " + as.size() * bs.size()
                                + " address classes the rules distinguish)" : ""), Decision.ALLOW, Provenance.NONE, null));
                    }
                }
                depth[0] = Math.max(depth[0], d[0]);
            }
            perA.add(oa);
        }
        for (Outcome oa : perA) total = total == null ? oa : src == null ? total.or(oa) : total.eitherWay(oa);
        if (hops != null && bestHops != null) {
            hops.addAll(bestHops);
            if (total != null && atomOutcomes.size() > 1) addressHop(src, dst, atomPairs, atomOutcomes, total, hops);
        }
        return total == null ? Outcome.NONE : total;
    }

    /**
     * When an interface's unknown address decides: traffic that passes for some of its subnet's addresses and not
     * for others is undecided, and this hop says which addresses.
     */
    private static void addressHop(Interface src, Interface dst, List<IpRange[]> pairs, List<Outcome> outcomes,
                                   Outcome total, List<Hop> hops) {
        Traffic some = Traffic.NONE;
        for (Outcome o : outcomes) some = TrafficSets.or(some, o.allowed());
        Traffic split = TrafficSets.and(some.minus(total.allowed()), total.possible());
        if (split.isEmpty()) return;
        List<String> yes = new ArrayList<>();
        List<String> no = new ArrayList<>();
        boolean srcSide = src != null && pairs.stream().map(x -> x[0]).distinct().count() > 1;
        for (int i = 0; i < pairs.size(); i++) {
            IpRange atom = srcSide ? pairs.get(i)[0] : pairs.get(i)[1];
            String text = String.valueOf(atom);
            List<String> into = TrafficSets.covers(outcomes.get(i).allowed(), split) ? yes : no;
            if (!into.contains(text)) into.add(text);
        }
        Interface eni = srcSide ? src : dst;
        hops.add(new Hop(Layer.PLACEMENT, eni.subnet.name, TrafficSets.show(split) + " passes for addresses "
                + String.join(", ", yes) + " of " + eni.subnet.name + " but not for " + String.join(", ", no)
                + "; the interface's address is not known before apply", Decision.UNKNOWN, eni.subnet.location(), null));
    }

    /** A witness worth showing: more allowed, else more possible, else blocked later. */
    private static boolean better(Outcome o, int depth, Outcome best, int bestDepth) {
        if (best == null) return true;
        if (!TrafficSets.covers(best.allowed(), o.allowed())) return true;
        if (!TrafficSets.covers(o.allowed(), best.allowed())) return false;
        if (!TrafficSets.covers(best.possible(), o.possible())) return true;
        if (!TrafficSets.covers(o.possible(), best.possible())) return false;
        return depth > bestDepth;
    }

    private List<IpRange> atoms(Interface eni, List<IpRange> net, int f, List<IpRange> cuts) {
        if (eni != null) {
            IpRange r = eni.subnet.range(f);
            if (r == null) return Collections.singletonList(null);
            if (cuts == null || !isPartial(eni.subnet, f)) return List.of(r);
            return AddressAtoms.split(List.of(r), cuts);
        }
        List<IpRange> base = internetBase.computeIfAbsent(f, k -> AddressAtoms.internet(f, vpcBlocks));
        // only the blocks that meet the internet split it; the same blocks give the same atoms
        List<IpRange> relevant = new ArrayList<>();
        for (IpRange c : cuts) {
            if (c == null || c.family != f || relevant.contains(c)) continue;
            for (IpRange b : base) if (c.intersects(b)) {
                relevant.add(c);
                break;
            }
        }
        if (net == null) return internetAtoms.computeIfAbsent(relevant, k -> AddressAtoms.split(base, relevant));
        List<IpRange> restrict = new ArrayList<>();
        for (IpRange r : net) if (r.family == f) restrict.add(r);
        if (restrict.isEmpty()) return List.of();
        List<IpRange> all = new ArrayList<>(relevant);
        all.addAll(restrict);
        List<IpRange> out = new ArrayList<>();
        for (IpRange atom : AddressAtoms.split(base, all)) {
            for (IpRange r : restrict) if (r.contains(atom)) {
                out.add(atom);
                break;
            }
        }
        return out;
    }

    /** Whether some CIDR block of the model lies strictly inside the subnet's block (then its addresses differ). */
    private boolean isPartial(SubnetInfo s, int f) {
        IpRange r = s.range(f);
        if (r == null) return false;
        if (f == IpRange.V4) return partial.computeIfAbsent(s, k -> strictlyInside(r));
        return strictlyInside(r);
    }

    private boolean strictlyInside(IpRange r) {
        int lo = 0;
        int hi = cidrIndex.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long[] c = cidrIndex[mid];
            int cmp = c[0] != r.family ? Long.compare(c[0], r.family) : IpRange.compare(c[1], c[2], r.startHi, r.startLo);
            if (cmp < 0) lo = mid + 1;
            else hi = mid;
        }
        for (int i = lo; i < cidrIndex.length; i++) {
            long[] c = cidrIndex[i];
            if (c[0] != r.family || IpRange.compare(c[1], c[2], r.endHi, r.endLo) > 0) break;
            if (cidrPrefix[i] > r.prefix) return true;
        }
        return false;
    }

    /** Per interface class; an interface placed for one evaluation only ({@link Placement#relocated}) is not kept. */
    private static <V> V memo(Map<Interface, V> memo, Interface i, java.util.function.Function<Interface, V> f) {
        return i.id < 0 ? f.apply(i) : memo.computeIfAbsent(i, f);
    }

    private List<IpRange> egressCuts(Interface i) {
        return memo(egressCuts, i, k -> {
            List<IpRange> out = new ArrayList<>();
            for (SecurityGroupInfo g : i.groups.groups) for (SecurityGroupInfo.Rule r : g.egress) if (r.cidr != null) out.add(r.cidr);
            subnetCuts(i.subnet, out, true);
            return out;
        });
    }

    private List<IpRange> ingressCuts(Interface i) {
        return memo(ingressCuts, i, k -> {
            List<IpRange> out = new ArrayList<>();
            for (SecurityGroupInfo g : i.groups.groups) for (SecurityGroupInfo.Rule r : g.ingress) if (r.cidr != null) out.add(r.cidr);
            subnetCuts(i.subnet, out, true);
            return out;
        });
    }

    private void subnetCuts(SubnetInfo s, List<IpRange> out, boolean nat) {
        for (NetworkAclInfo a : s.acls) {
            for (NetworkAclInfo.Entry e : a.inbound) if (e.range != null) out.add(e.range);
            for (NetworkAclInfo.Entry e : a.outbound) if (e.range != null) out.add(e.range);
        }
        for (RouteTableInfo t : s.tables) {
            for (RouteTableInfo.RouteEntry r : t.routes) {
                if (r.destination != null) out.add(r.destination);
                if (nat && r.target instanceof NatGateway n) subnetCuts(topo.subnet(n, n.subnet), out, false);
            }
        }
    }

    private boolean hasLists(Interface i, boolean egress) {
        for (SecurityGroupInfo g : i.groups.groups) {
            for (SecurityGroupInfo.Rule r : egress ? g.egress : g.ingress) {
                if (r.rule.peerKind() == io.plumbline.model.network.SgRule.PeerKind.PREFIX_LIST) return true;
            }
        }
        for (RouteTableInfo t : i.subnet.tables) for (RouteTableInfo.RouteEntry r : t.routes) if (r.prefixList) return true;
        return false;
    }

    // ------------------------------------------------------------------------------------------------ one flow

    /** The traffic still alive along one path, hop after hop. */
    private static final class Walk {
        Traffic allowed;
        Traffic possible;
        int depth;

        Walk(Traffic t) {
            allowed = t;
            possible = t;
        }

        boolean live() {
            return !possible.isEmpty();
        }

        void apply(Outcome o) {
            allowed = TrafficSets.and(allowed, o.allowed());
            possible = TrafficSets.and(possible, o.possible());
            if (!possible.isEmpty()) depth++;
        }

        /** A return-path layer that judged {@code replies}: back to forward traffic. */
        void applyReturn(Outcome replies) {
            apply(TrafficSets.forwardOf(possible, replies));
        }

        Outcome outcome() {
            return new Outcome(TrafficSets.and(allowed, possible), possible);
        }
    }

    /**
     * One flow for one address atom at each end. {@code outside}: internet atoms lie outside any prefix list whose
     * entries the input does not give (false: inside them).
     */
    private Outcome one(Interface src, IpRange a, Interface dst, IpRange b, int f, Traffic t, List<Hop> hops, int[] depth,
                        boolean outside, boolean onlyA, boolean onlyB, Map<LayerKey, Object> cache) {
        Walk w = new Walk(t);
        Peer from = src == null ? Peer.internet(f, a, outside, onlyA) : Peer.of(src, f, a);
        Peer to = dst == null ? Peer.internet(f, b, outside, onlyB) : Peer.of(dst, f, b);
        // in matrix mode (no witness) the network layers are judged once for the family's whole traffic and cached;
        // a layer decides each port on its own, so judging more than what is still alive changes nothing
        boolean fast = cache != null;
        Outcome replies = null; // what the replies must also pass (NAT subnet legs), port by port
        try {
            if (src != null && src.kind == Interface.Kind.NAT_GATEWAY) {
                if (hops != null) hops.add(new Hop(Layer.PLACEMENT, src.subnet.name, "a NAT gateway only translates what "
                        + "interfaces send through it; it opens no connection of its own", Decision.DENY, Provenance.NONE,
                        "NO_POSSIBLE_DESTINATION"));
                w.apply(Outcome.NONE);
                return w.outcome();
            }
            if (src == null && dst.kind == Interface.Kind.NAT_GATEWAY) {
                if (hops != null) hops.add(new Hop(Layer.INTERNET_GATEWAY, dst.subnet.name, "a NAT gateway accepts no "
                        + "connection from the internet (only replies to what it forwarded)", Decision.DENY,
                        Provenance.NONE, "NO_POSSIBLE_DESTINATION"));
                w.apply(Outcome.NONE);
                return w.outcome();
            }
            boolean same = src != null && dst != null && src.subnet == dst.subnet && src.subnet.unknownReason == null;
            // 1. source security groups, egress
            if (src != null) w.apply(SecurityGroupLayer.evaluate(src.groups, Direction.EGRESS, to, w.possible, hops));
            if (!w.live()) return w.outcome();
            // 2. source subnet ACL, outbound
            if (src != null && !same) {
                Traffic in = fast ? t : w.possible;
                w.apply(cached(cache, new LayerKey(0 + 100 * f, src.subnet, null, b, null), () ->
                        acls(src.subnet, true, to, in, Layer.SOURCE_SUBNET_ACL_OUTBOUND, null, hops)));
                if (!w.live()) return w.outcome();
            }
            // 3. routing
            if (src != null) {
                Traffic in = fast ? t : w.possible;
                if (dst != null) {
                    w.apply(cached(cache, new LayerKey(1 + 100 * f, src.subnet, dst.subnet, null, b), () ->
                            routeToInterface(src, dst, to, in, hops)));
                } else {
                    Leg leg = cached(cache, new LayerKey(2 + 100 * f, src.subnet, src.publicIpv4, a, b), () ->
                            routeToInternet(src, from, to, in, hops));
                    w.apply(leg.forward());
                    replies = leg.reply();
                }
                if (!w.live()) return w.outcome();
            }
            // 4. internet gateway prerequisites
            if (src == null) {
                Traffic in = fast ? t : w.possible;
                w.apply(cached(cache, new LayerKey(3 + 100 * f, dst.subnet, dst.publicIpv4, a, null), () ->
                        fromInternet(dst, from, in, hops)));
                if (!w.live()) return w.outcome();
            }
            // 5. destination subnet ACL, inbound
            if (dst != null && !same) {
                Traffic in = fast ? t : w.possible;
                w.apply(cached(cache, new LayerKey(4 + 100 * f, dst.subnet, null, a, null), () ->
                        acls(dst.subnet, false, from, in, Layer.DESTINATION_SUBNET_ACL_INBOUND, null, hops)));
                if (!w.live()) return w.outcome();
            }
            // 6. destination security groups, ingress
            if (dst != null) {
                w.apply(SecurityGroupLayer.evaluate(dst.groups, Direction.INGRESS, from, w.possible, hops));
                if (!w.live()) return w.outcome();
            }
            // 7. load balancer listener
            if (dst != null && dst.kind == Interface.Kind.LOAD_BALANCER) {
                w.apply(listeners(dst, w.possible, hops));
                if (!w.live()) return w.outcome();
            }
            // 8. the stateless return: destination ACL outbound, (NAT subnet both ways,) source ACL inbound; the
            // reply goes back to one ephemeral port the client picks, so it must pass all of them on that port
            if (dst != null && !same) {
                Traffic in = TrafficSets.replies(fast ? t : w.possible);
                Outcome back = cached(cache, new LayerKey(5 + 100 * f, dst.subnet, null, a, null), () ->
                        acls(dst.subnet, true, from, in, Layer.RETURN_SUBNET_ACL, "outbound", hops));
                replies = replies == null ? back : replies.then(back);
            }
            if (src != null && !same) {
                Traffic in = TrafficSets.replies(fast ? t : w.possible);
                Outcome back = cached(cache, new LayerKey(6 + 100 * f, src.subnet, null, b, null), () ->
                        acls(src.subnet, false, to, in, Layer.RETURN_SUBNET_ACL, "inbound", hops));
                replies = replies == null ? back : replies.then(back);
            }
            if (replies != null) w.applyReturn(replies);
            return w.outcome();
        } finally {
            depth[0] = w.depth;
        }
    }

    /** The subnet's network ACL (or its alternatives, when the association is unknown) in one direction. */
    private static Outcome acls(SubnetInfo s, boolean egress, Peer peer, Traffic t, Layer layer, String returnDir,
                                List<Hop> hops) {
        Outcome total = null;
        for (NetworkAclInfo acl : s.acls) {
            String component = hops == null ? null : acl.name + (returnDir != null ? " " + returnDir + " (reply)" : "")
                    + (s.acls.size() > 1 ? " (one of " + s.acls.size() + " possible network ACLs of " + s.name + ")" : "");
            Outcome o = NetworkAclLayer.evaluate(acl, egress, peer, t, layer, component, hops);
            total = total == null ? o : total.eitherWay(o);
        }
        return total == null ? Outcome.unknown(t) : total;
    }

    // ------------------------------------------------------------------------------------------------ routing

    private static String routeComponent(RouteTableInfo t, SubnetInfo s) {
        return t.name + (s.tables.size() > 1 ? " (one of " + s.tables.size() + " possible route tables of " + s.name + ")" : "");
    }

    private Outcome routeToInterface(Interface src, Interface dst, Peer to, Traffic t, List<Hop> hops) {
        String otherRegion = topo.regionBoundary(src.subnet.vpc, dst.subnet.vpc);
        if (otherRegion != null) {
            // VPCs of two regions share no network: only a peering connection or a transit gateway (or a VPN, an
            // appliance...) joins them, and none of the source VPC's routes leads to one.
            return hop(hops, Layer.ROUTE, src.subnet.vpc.name, t, otherRegion, Decision.DENY,
                    src.subnet.vpc.location(), "NO_ROUTE_TO_DESTINATION", Outcome.NONE);
        }
        Outcome total = null;
        for (RouteTableInfo table : src.subnet.tables) {
            String comp = hops == null ? null : routeComponent(table, src.subnet);
            for (RouteLookup.Choice c : RouteLookup.lookup(table, to.family, to.address, dst.subnet.vpc, false)) {
                Outcome o;
                Decision d;
                String code = null;
                String why;
                if (c.unknown() != null) {
                    o = Outcome.unknown(t);
                    d = Decision.UNKNOWN;
                    why = c.unknown();
                } else if (c.noRoute()) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "NO_ROUTE_TO_DESTINATION";
                    why = "no route matches " + to.label();
                } else if (c.route() != null && c.route().blackhole != null) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "BAD_STATE_ROUTE";
                    why = c.route().blackhole;
                } else if (c.local()) {
                    VpcInfo sv = table.vpc;
                    VpcInfo dv = dst.subnet.vpc;
                    if (sv != null && sv == dv) {
                        o = Outcome.all(t);
                        d = Decision.ALLOW;
                        why = "the destination is in " + sv.name;
                    } else if (sv == null || dv == null) {
                        o = Outcome.unknown(t);
                        d = Decision.UNKNOWN;
                        why = "whether the destination is in the same VPC is unknown: "
                                + (dv == null ? dst.subnet.vpcUnknown : "the route table's VPC is unknown");
                    } else {
                        o = Outcome.NONE;
                        d = Decision.DENY;
                        code = "NO_ROUTE_TO_DESTINATION";
                        why = "the local route keeps the traffic in " + sv.name + ", but the destination is in " + dv.name;
                    }
                } else if (c.route().type == RouteTarget.INTERNET_GATEWAY
                        || c.route().type == RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "NO_ROUTE_TO_DESTINATION";
                    why = "the route sends the private address of the destination to an internet gateway";
                } else {
                    o = Outcome.unknown(t);
                    d = Decision.UNKNOWN;
                    why = "the path leaves the modelled network through " + c.route().targetName + " ("
                            + c.route().type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
                }
                if (hops != null) {
                    String element = c.text(to.address) + ": " + why;
                    if (!c.certain()) {
                        element = "this route may apply instead (" + alternativeWhy(c) + "): " + element;
                        if (d != Decision.ALLOW || !o.equals(Outcome.all(t))) d = Decision.UNKNOWN;
                        code = null;
                    }
                    hops.add(new Hop(Layer.ROUTE, comp, TrafficSets.show(t) + " " + element, c.certain() ? d
                            : Decision.UNKNOWN, c.route() != null ? c.route().location(table) : table.location, code));
                }
                total = total == null ? o : total.eitherWay(o);
            }
        }
        return total == null ? Outcome.unknown(t) : total;
    }

    private static String alternativeWhy(RouteLookup.Choice c) {
        if (c.unknown() != null) return c.unknown();
        if (c.route() != null && c.route().destinationUnknown != null) return c.route().destinationUnknown;
        return "the destination address is not known exactly";
    }

    /**
     * Out to the internet: through the internet gateway, or through a NAT gateway and then its subnet's gateway. The
     * leg's reply part holds the NAT subnet's ACLs for the replies.
     */
    private Leg routeToInternet(Interface src, Peer from, Peer to, Traffic t, List<Hop> hops) {
        Leg total = null;
        for (RouteTableInfo table : src.subnet.tables) {
            String comp = hops == null ? null : routeComponent(table, src.subnet);
            for (RouteLookup.Choice c : RouteLookup.lookup(table, to.family, to.address, null, true)) {
                List<Hop> h = hops == null ? null : new ArrayList<>();
                Leg o = internetChoice(c, table, comp, src.publicIpv4, src.publicIpNote, src.publicIpLocation, src,
                        from, to, t, h, false);
                if (hops != null) {
                    if (!c.certain()) {
                        List<Hop> soft = new ArrayList<>();
                        for (Hop x : h) soft.add(new Hop(x.layer(), x.component(), "this route may apply instead ("
                                + alternativeWhy(c) + "): " + x.element(), Decision.UNKNOWN, x.location(), null));
                        h = soft;
                    }
                    hops.addAll(h);
                }
                total = total == null ? o : total.eitherWay(o);
            }
        }
        return total == null ? new Leg(Outcome.unknown(t), null) : total;
    }

    private static Leg leg(Outcome forward) {
        return new Leg(forward, null);
    }

    /** One route choice towards the internet; {@code fromNat}: the NAT gateway's own subnet routes it. */
    private Leg internetChoice(RouteLookup.Choice c, RouteTableInfo table, String comp, Match publicIp,
                               String publicNote, Provenance publicWhere, Interface src, Peer from, Peer to,
                               Traffic t, List<Hop> hops, boolean fromNat) {
        Provenance where = c.route() != null ? c.route().location(table) : table.location;
        String route = hops == null ? "" : c.text(to.address);
        if (c.unknown() != null) {
            return leg(hop(hops, Layer.ROUTE, comp, t, route, Decision.UNKNOWN, where, null, Outcome.unknown(t)));
        }
        if (c.noRoute()) {
            return leg(hop(hops, Layer.ROUTE, comp, t, "no route matches " + to.label() + (fromNat
                    ? ": the NAT gateway's subnet must route to an internet gateway" : ""), Decision.DENY, where,
                    "NO_ROUTE_TO_DESTINATION", Outcome.NONE));
        }
        if (c.route() != null && c.route().blackhole != null) {
            return leg(hop(hops, Layer.ROUTE, comp, t, route + ": " + c.route().blackhole, Decision.DENY, where,
                    "BAD_STATE_ROUTE", Outcome.NONE));
        }
        if (c.local()) {
            return leg(hop(hops, Layer.ROUTE, comp, t, route + ": whether the address is in the VPC is unknown",
                    Decision.UNKNOWN, where, null, Outcome.unknown(t)));
        }
        RouteTableInfo.RouteEntry r = c.route();
        switch (r.type) {
            case INTERNET_GATEWAY -> {
                Match attached = attached(table.vpc, r.target);
                if (attached == Match.NO) {
                    return leg(hop(hops, Layer.ROUTE, comp, t, route + ": the internet gateway is not attached to "
                            + (table.vpc == null ? "the VPC" : table.vpc.name), Decision.DENY, where, "BAD_STATE_ATTACHMENT",
                            Outcome.NONE));
                }
                Outcome o = attached == Match.YES ? Outcome.all(t) : Outcome.unknown(t);
                hop(hops, Layer.ROUTE, comp, t, route + (attached == Match.YES ? "" : ": whether the internet gateway is "
                        + "attached to the VPC is unknown"), attached == Match.YES ? Decision.ALLOW : Decision.UNKNOWN,
                        where, null, o);
                if (to.family == IpRange.V6) return leg(o);
                Outcome p = publicIp == Match.YES ? Outcome.all(t) : publicIp == Match.NO ? Outcome.NONE : Outcome.unknown(t);
                hop(hops, Layer.INTERNET_GATEWAY, r.targetName, t, publicNote, publicIp == Match.YES ? Decision.ALLOW
                        : publicIp == Match.NO ? Decision.DENY : Decision.UNKNOWN, publicWhere,
                        publicIp == Match.NO ? "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS" : null, p);
                return leg(o.then(p));
            }
            case EGRESS_ONLY_INTERNET_GATEWAY -> {
                if (to.family == IpRange.V6) return leg(hop(hops, Layer.ROUTE, comp, t, route, Decision.ALLOW, where, null, Outcome.all(t)));
                return leg(hop(hops, Layer.ROUTE, comp, t, route + ": an egress-only internet gateway carries IPv6 only",
                        Decision.DENY, where, "NO_ROUTE_TO_DESTINATION", Outcome.NONE));
            }
            case NAT_GATEWAY -> {
                if (fromNat) {
                    // catalog §11.3: the NAT gateway's subnet needs the route to the internet gateway
                    return leg(hop(hops, Layer.ROUTE, comp, t, route + ": the NAT gateway's subnet must route to an "
                            + "internet gateway, not to another NAT gateway", Decision.DENY, where,
                            "NO_ROUTE_TO_DESTINATION", Outcome.NONE));
                }
                if (to.family == IpRange.V6) {
                    return leg(hop(hops, Layer.ROUTE, comp, t, route + ": a NAT gateway forwards IPv4 only", Decision.DENY,
                            where, "NO_ROUTE_TO_DESTINATION", Outcome.NONE));
                }
                if (!(r.target instanceof NatGateway nat)) {
                    return leg(hop(hops, Layer.ROUTE, comp, t, route + ": NAT gateway " + r.targetName
                            + " is not in the input", Decision.UNKNOWN, where, null, Outcome.unknown(t)));
                }
                hop(hops, Layer.ROUTE, comp, t, route, Decision.ALLOW, where, null, Outcome.all(t));
                return throughNat(nat, src, from, to, t, hops);
            }
            default -> {
                return leg(hop(hops, Layer.ROUTE, comp, t, route + ": the path leaves the modelled network through "
                        + r.targetName, Decision.UNKNOWN, where, null, Outcome.unknown(t)));
            }
        }
    }

    /**
     * The NAT gateway's leg: its subnet's ACL in (unless the source shares the subnet) and out, and its route table to
     * the internet gateway; the replies cross the same ACL both ways (the leg's reply part).
     */
    private Leg throughNat(NatGateway nat, Interface src, Peer from, Peer to, Traffic t, List<Hop> hops) {
        if (nat.connectivityType.isPresent() && "private".equalsIgnoreCase(nat.connectivityType.get())) {
            return leg(hop(hops, Layer.ROUTE, nat.address(), t, "a private NAT gateway does not reach the internet",
                    Decision.DENY, nat.connectivityType.provenance(), "NO_ROUTE_TO_DESTINATION", Outcome.NONE));
        }
        Walk w = new Walk(t);
        if (!nat.connectivityType.isPresent()) {
            w.apply(hop(hops, Layer.ROUTE, nat.address(), t, "whether the NAT gateway is public is unknown: "
                    + nat.connectivityType.note(), Decision.UNKNOWN, nat.location(), null, Outcome.unknown(t)));
        }
        SubnetInfo ns = topo.subnet(nat, nat.subnet);
        boolean same = ns == src.subnet && ns.unknownReason == null;
        String of = " of NAT subnet " + ns.name;
        if (!same) {
            w.apply(natAcls(ns, false, from, w.possible, Layer.DESTINATION_SUBNET_ACL_INBOUND, of, hops));
            if (!w.live()) return leg(w.outcome());
        }
        w.apply(natAcls(ns, true, to, w.possible, Layer.SOURCE_SUBNET_ACL_OUTBOUND, of, hops));
        if (!w.live()) return leg(w.outcome());
        Leg route = null;
        for (RouteTableInfo table : ns.tables) {
            String comp = hops == null ? null : routeComponent(table, ns) + " (NAT subnet)";
            for (RouteLookup.Choice c : RouteLookup.lookup(table, to.family, to.address, null, true)) {
                Leg o = internetChoice(c, table, comp, Match.YES, nat.address() + " has an elastic IP address",
                        nat.location(), src, from, to, w.possible, c.certain() ? hops : null, true);
                route = route == null ? o : route.eitherWay(o);
            }
        }
        w.apply(route == null ? Outcome.unknown(w.possible) : route.forward());
        if (!w.live()) return leg(w.outcome());
        Traffic back = TrafficSets.replies(w.possible);
        Outcome replies = natAcls(ns, false, to, back, Layer.RETURN_SUBNET_ACL, of + " inbound (reply)", hops);
        if (!same) {
            replies = replies.then(natAcls(ns, true, from, back, Layer.RETURN_SUBNET_ACL, of + " outbound (reply)", hops));
        }
        return new Leg(w.outcome(), replies);
    }

    private static Outcome natAcls(SubnetInfo s, boolean egress, Peer peer, Traffic t, Layer layer, String suffix,
                                   List<Hop> hops) {
        Outcome total = null;
        for (NetworkAclInfo acl : s.acls) {
            Outcome o = NetworkAclLayer.evaluate(acl, egress, peer, t, layer, hops == null ? null : acl.name + suffix, hops);
            total = total == null ? o : total.eitherWay(o);
        }
        return total == null ? Outcome.unknown(t) : total;
    }

    /** Whether internet gateway {@code target} (null: named only by id) is attached to {@code vpc}. */
    private Match attached(VpcInfo vpc, Resource target) {
        if (!(target instanceof InternetGateway g)) return Match.YES; // a route to a gateway needs it attached
        if (g.vpc.isUnknown()) return Match.MAYBE;
        if (!g.vpc.isPresent()) return Match.NO;
        if (vpc == null) return Match.MAYBE;
        VpcInfo gv = topo.vpc(g, g.vpc);
        return gv == vpc ? Match.YES : Match.NO;
    }

    /** In from the internet: an attached gateway, a public address on the destination, and replies routed back. */
    private Outcome fromInternet(Interface dst, Peer from, Traffic t, List<Hop> hops) {
        VpcInfo vpc = dst.subnet.vpc;
        Walk w = new Walk(t);
        if (vpc == null) {
            w.apply(hop(hops, Layer.INTERNET_GATEWAY, dst.subnet.name, t, "the destination's VPC is unknown: "
                    + dst.subnet.vpcUnknown, Decision.UNKNOWN, Provenance.NONE, null, Outcome.unknown(t)));
        } else if (vpc.gateways.isEmpty()) {
            boolean maybe = !vpc.maybeGateways.isEmpty() || !vpc.inModel();
            w.apply(hop(hops, Layer.INTERNET_GATEWAY, vpc.name, t, maybe ? "whether an internet gateway is attached to "
                    + vpc.name + " is unknown" : "no internet gateway is attached to " + vpc.name,
                    maybe ? Decision.UNKNOWN : Decision.DENY, vpc.location(), maybe ? null : "NO_ROUTE_TO_DESTINATION",
                    maybe ? Outcome.unknown(t) : Outcome.NONE));
        }
        if (!w.live()) return w.outcome();
        if (from.family == IpRange.V4) {
            Match p = dst.publicIpv4;
            w.apply(hop(hops, Layer.INTERNET_GATEWAY, dst.subnet.name, w.possible, dst.publicIpNote,
                    p == Match.YES ? Decision.ALLOW : p == Match.NO ? Decision.DENY : Decision.UNKNOWN, dst.publicIpLocation,
                    p == Match.NO ? "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS" : null,
                    p == Match.YES ? Outcome.all(w.possible) : p == Match.NO ? Outcome.NONE : Outcome.unknown(w.possible)));
            if (!w.live()) return w.outcome();
        }
        // the replies must go back out through the internet gateway
        Outcome back = null;
        for (RouteTableInfo table : dst.subnet.tables) {
            String comp = hops == null ? null : routeComponent(table, dst.subnet);
            for (RouteLookup.Choice c : RouteLookup.lookup(table, from.family, from.address, null, true)) {
                Provenance where = c.route() != null ? c.route().location(table) : table.location;
                String route = hops == null ? "" : "reply to " + from.label() + ": " + c.text(from.address);
                Outcome o;
                Decision d;
                String code = null;
                String why = "";
                if (c.unknown() != null) {
                    o = Outcome.unknown(w.possible);
                    d = Decision.UNKNOWN;
                } else if (c.noRoute()) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "NO_ROUTE_TO_DESTINATION";
                    why = ": the replies have no route back to the internet";
                } else if (c.route() != null && c.route().blackhole != null) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "BAD_STATE_ROUTE";
                    why = ": " + c.route().blackhole;
                } else if (c.local()) {
                    o = Outcome.unknown(w.possible);
                    d = Decision.UNKNOWN;
                    why = ": whether the address is in the VPC is unknown";
                } else if (c.route().type == RouteTarget.INTERNET_GATEWAY) {
                    Match a = attached(table.vpc, c.route().target);
                    o = a == Match.YES ? Outcome.all(w.possible) : a == Match.NO ? Outcome.NONE : Outcome.unknown(w.possible);
                    d = a == Match.YES ? Decision.ALLOW : a == Match.NO ? Decision.DENY : Decision.UNKNOWN;
                    if (a == Match.NO) {
                        code = "BAD_STATE_ATTACHMENT";
                        why = ": the internet gateway is not attached to the VPC";
                    }
                } else if (c.route().type == RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "NO_ROUTE_TO_DESTINATION";
                    why = ": an egress-only internet gateway lets no connection in from the internet";
                } else if (c.route().type == RouteTarget.NAT_GATEWAY) {
                    o = Outcome.NONE;
                    d = Decision.DENY;
                    code = "NO_ROUTE_TO_DESTINATION";
                    why = ": replies would leave through the NAT gateway, from another address, so no connection "
                            + "from the internet completes";
                } else {
                    o = Outcome.unknown(w.possible);
                    d = Decision.UNKNOWN;
                    why = ": the replies leave the modelled network through " + c.route().targetName;
                }
                if (!c.certain()) {
                    route = "this route may apply instead (" + alternativeWhy(c) + "): " + route;
                    if (d == Decision.DENY) code = null;
                    if (d != Decision.ALLOW) d = Decision.UNKNOWN;
                }
                hop(hops, Layer.ROUTE, comp, w.possible, route + why, c.certain() ? d : Decision.UNKNOWN, where, code, o);
                back = back == null ? o : back.eitherWay(o);
            }
        }
        w.apply(back == null ? Outcome.unknown(w.possible) : back);
        return w.outcome();
    }

    private static Outcome listeners(Interface dst, Traffic t, List<Hop> hops) {
        Traffic allowed = TrafficSets.and(t, dst.listenerTraffic);
        Traffic possible = TrafficSets.and(t, dst.listenerMaybe);
        if (hops != null) {
            String lb = dst.loadBalancer.address();
            for (Listener l : dst.listeners) {
                String proto = l.protocol().isPresent() ? l.protocol().get() : "(unknown protocol)";
                String port = l.port().isPresent() ? String.valueOf(l.port().get()) : "(unknown port)";
                Traffic mine = Placement.readablePort(l) ? TrafficSets.and(allowed, Traffic.tcp(l.port().get())
                        .union(Traffic.of(Traffic.Protocol.UDP, PortSet.of(l.port().get())))) : Traffic.NONE;
                if (!mine.isEmpty()) {
                    hops.add(new Hop(Layer.LOAD_BALANCER_LISTENER, lb, TrafficSets.show(mine) + " accepted by listener "
                            + l.address() + " (" + proto + " " + port + ")", Decision.ALLOW, l.location(), null));
                } else if (!Placement.readablePort(l) || !l.protocol().isPresent()) {
                    hops.add(new Hop(Layer.LOAD_BALANCER_LISTENER, lb, "listener " + l.address() + " (" + proto + " "
                            + port + ") may accept the traffic", Decision.UNKNOWN, l.location(), null));
                }
            }
            Traffic rest = t.minus(possible);
            if (!rest.isEmpty()) {
                hops.add(new Hop(Layer.LOAD_BALANCER_LISTENER, lb, TrafficSets.show(rest) + " matches no listener of " + lb
                        + (dst.listeners.isEmpty() ? " (it has none)" : ""), Decision.DENY, dst.loadBalancer.location(),
                        "ELBV2_LISTENERS_MISMATCH"));
            }
        }
        return new Outcome(allowed, possible);
    }

    private static Outcome hop(List<Hop> hops, Layer layer, String component, Traffic t, String element, Decision d,
                               Provenance where, String code, Outcome o) {
        if (hops != null) hops.add(new Hop(layer, component, TrafficSets.show(t) + ": " + element, d, where, code));
        return o;
    }
}
