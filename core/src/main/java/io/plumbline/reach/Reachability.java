package io.plumbline.reach;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Hop.Decision;
import io.plumbline.reach.Hop.Layer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who can reach what, across security groups, network ACLs and routes, with a witness for every verdict: the same
 * question AWS's Reachability Analyzer answers, asked of the model (rule catalog §11).
 *
 * <p>Semantics in short (see the package classes for each layer):
 * <ul>
 *   <li>Endpoints: the internet; every load balancer, node group, Auto Scaling group, instance, EKS control plane,
 *   DB cluster, standalone DB instance, cache and NAT gateway not deleted by the plan, placed in a tier
 *   ({@link Placement}). Each gets one abstract interface per subnet; interfaces equal in subnet, security groups,
 *   public address and kind are evaluated once.</li>
 *   <li>{@link #path}: the union over the interface pairs of the two endpoints of what passes every layer (catalog
 *   §11.3). The internet as a source is every public address (RFC 1918, RFC 6598 and special-use blocks excluded,
 *   as internet gateways drop them, and the VPCs' own blocks): traffic is allowed when some internet address gets
 *   through; the same holds for the internet as a destination. An interface's own address is unknown before apply:
 *   traffic is allowed when it passes whatever the address in the subnet, undecided when it passes for some.</li>
 *   <li>Unknown values are read both ways; traffic whose fate differs is undecided, never allowed.</li>
 * </ul>
 * Thread-safe: queries are serialised.
 */
public final class Reachability {

    private final Topology topo;
    private final Placement placement;
    private final Tiers tiers;
    private final PathEvaluator evaluator;
    private final RouteBarrier barrier = new RouteBarrier();
    private SourceIndex sources;
    private final Map<Endpoint, Integer> position = new java.util.IdentityHashMap<>();
    private final Endpoint internet = new Endpoint(Endpoint.INTERNET, Endpoint.INTERNET, null);
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<Endpoint, List<IpRange>> internetParts = new HashMap<>();
    private final Map<Traffic, TierMatrix> matrices = new HashMap<>();

    private Reachability(Model model, Profile profile) {
        this.topo = new Topology(model);
        this.tiers = new Tiers(topo, profile);
        this.placement = new Placement(topo, tiers);
        tiers.place(placement);
        this.evaluator = new PathEvaluator(topo);
        endpoints.add(internet);
        endpoints.addAll(placement.endpoints);
        for (int i = 0; i < endpoints.size(); i++) position.put(endpoints.get(i), i);
    }

    /** Places every endpoint of the model in its tier and indexes the network once. */
    public static Reachability of(Model model, Profile profile) {
        return new Reachability(model, profile);
    }

    /** The tiers of subnets, security groups and endpoints, and how each was decided. */
    public Tiers tiers() {
        return tiers;
    }

    /** Every endpoint, the internet first. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** The endpoints of a tier (names compare without case); {@code internet} gives the internet. */
    public List<Endpoint> inTier(String tier) {
        List<Endpoint> out = new ArrayList<>();
        if (tier == null) return out;
        String t = tier.trim().toLowerCase(Locale.ROOT);
        for (Endpoint e : endpoints) if (e.tier().equals(t)) out.add(e);
        return out;
    }

    public Endpoint internet() {
        return internet;
    }

    /**
     * The internet restricted to the addresses of one CIDR block (e.g. {@code 203.0.113.7/32}): a source or
     * destination that stands for those internet hosts only. Addresses that are not internet addresses (private
     * blocks, the VPCs' own) are left out.
     *
     * @throws IllegalArgumentException when {@code cidr} cannot be read
     */
    public synchronized Endpoint internet(String cidr) {
        IpRange r = IpRange.parse(cidr);
        if (r == null) throw new IllegalArgumentException("not a CIDR block or IP address: " + cidr);
        Endpoint e = new Endpoint(Endpoint.INTERNET + " " + r, Endpoint.INTERNET, null);
        internetParts.put(e, List.of(r));
        return e;
    }

    /** What of {@code requested} gets from {@code from} to {@code to}, and why. */
    public synchronized PathResult path(Endpoint from, Endpoint to, Traffic requested) {
        List<Interface> srcs = interfaces(from);
        List<Interface> dsts = interfaces(to);
        List<IpRange> srcNet = from.isInternet() ? internetParts.get(from) : null;
        List<IpRange> dstNet = to.isInternet() ? internetParts.get(to) : null;
        Outcome total = Outcome.NONE;
        List<Hop> witness = new ArrayList<>();
        PathEvaluator.PairResult furthest = null;
        boolean contributed = false;
        for (Interface s : srcs) {
            for (Interface d : dsts) {
                PathEvaluator.PairResult r = evaluator.evaluate(s, srcNet, d, dstNet, requested, true);
                Outcome o = r.outcome;
                boolean adds = !TrafficSets.covers(total.allowed(), o.allowed())
                        || !TrafficSets.covers(total.possible(), o.possible());
                if (adds) {
                    witness.addAll(r.hops);
                    contributed = true;
                } else if (furthest == null || r.depth > furthest.depth) {
                    furthest = r;
                }
                total = total.or(o);
            }
        }
        if (!contributed && furthest != null) witness.addAll(furthest.hops);
        if (srcs.isEmpty() || dsts.isEmpty()) {
            Endpoint none = srcs.isEmpty() ? from : to;
            List<String> why = placement.notes.get(none);
            witness.add(new Hop(Layer.PLACEMENT, none.id(), none.id() + " has no network interface in the input"
                    + (why == null ? "" : ": " + String.join("; ", why)), Decision.DENY,
                    none.resource() == null ? Provenance.NONE : none.resource().location(), "NO_POSSIBLE_DESTINATION"));
        }
        Traffic allowed = TrafficSets.and(total.allowed(), requested);
        Traffic undecided = TrafficSets.and(total.possible(), requested).minus(allowed);
        return new PathResult(from, to, requested, allowed, undecided, List.copyOf(witness),
                reason(from, to, requested, allowed, undecided, witness));
    }

    /**
     * What {@link #path} would allow and leave undecided, without building its witness: several times cheaper, for a
     * caller that needs the witness only when something gets through or cannot be decided (rules proving that
     * thousands of pairs are denied).
     */
    public synchronized PathResult verdict(Endpoint from, Endpoint to, Traffic requested) {
        List<Interface> srcs = interfaces(from);
        List<Interface> dsts = interfaces(to);
        List<IpRange> srcNet = from.isInternet() ? internetParts.get(from) : null;
        List<IpRange> dstNet = to.isInternet() ? internetParts.get(to) : null;
        Outcome total = Outcome.NONE;
        for (Interface s : srcs) {
            for (Interface d : dsts) {
                if (!admits(d, s, requested)) continue;
                if (!PathEvaluator.mayShareSubnet(s, d) && barrier.denies(s, d)) continue;
                total = total.or(evaluator.evaluate(s, srcNet, d, dstNet, requested, false).outcome);
            }
        }
        Traffic allowed = TrafficSets.and(total.allowed(), requested);
        Traffic undecided = TrafficSets.and(total.possible(), requested).minus(allowed);
        return new PathResult(from, to, requested, allowed, undecided, List.of(),
                allowed.isEmpty() && undecided.isEmpty() ? "no layer lets it through" : "see path()");
    }

    /**
     * Whether nothing of {@code requested} gets from {@code from} to {@code to} unless an end whose subnets are unknown
     * until apply lies in the other end's subnet (where no network ACL stands between them): in every other placement
     * every layer denies it. Such a pair is undecided, never allowed; on a plan of many stacks whose load balancers'
     * subnets are unknown there is one per pair of stacks, and a rule may list them together.
     */
    public synchronized boolean onlyIfSharingSubnet(Endpoint from, Endpoint to, Traffic requested) {
        List<IpRange> srcNet = from.isInternet() ? internetParts.get(from) : null;
        List<IpRange> dstNet = to.isInternet() ? internetParts.get(to) : null;
        boolean shares = false;
        for (Interface s : interfaces(from)) {
            for (Interface d : interfaces(to)) {
                if (!admits(d, s, requested)) continue;
                boolean may = PathEvaluator.mayShareSubnet(s, d);
                if (!may && barrier.denies(s, d)) continue;
                Outcome o = may ? evaluator.apart(s, d, requested)
                        : evaluator.evaluate(s, srcNet, d, dstNet, requested, false).outcome;
                if (!o.isEmpty()) return false;
                shares |= may;
            }
        }
        return shares;
    }

    /**
     * The endpoints that may reach {@code to} with some of {@code requested}, in engine order, the internet first:
     * every endpoint left out gets an empty {@link #verdict} (allowed and undecided both empty) for {@code requested}
     * and any part of it. Costs what the candidates cost, not what every endpoint would (see {@link SourceIndex}): a
     * rule that must show every source denied asks only these, and counts the others.
     */
    public synchronized List<Endpoint> mayReach(Endpoint to, Traffic requested) {
        if (to.isInternet()) return endpoints();
        if (sources == null) sources = new SourceIndex(placement.allInterfaces, barrier);
        List<Integer> found = new ArrayList<>();
        found.add(0);
        for (Interface d : interfaces(to)) {
            sources.collect(d, requested, s -> {
                for (Endpoint e : s.owners) {
                    Integer i = position.get(e);
                    if (i != null) found.add(i);
                }
            });
        }
        found.sort(null);
        List<Endpoint> out = new ArrayList<>();
        int last = -1;
        for (int i : found) {
            if (i != last) out.add(endpoints.get(i));
            last = i;
        }
        return out;
    }

    /** One interface pair's answer, evaluated in full (tests hold the pruning to it). */
    synchronized Outcome pair(Interface s, Interface d, Traffic requested) {
        return evaluator.evaluate(s, null, d, null, requested, false).outcome;
    }

    /** {@link #verdict}'s traffic with every interface pair evaluated, nothing pruned: tests hold the pruning to it. */
    synchronized Outcome unpruned(Endpoint from, Endpoint to, Traffic requested) {
        List<IpRange> srcNet = from.isInternet() ? internetParts.get(from) : null;
        List<IpRange> dstNet = to.isInternet() ? internetParts.get(to) : null;
        Outcome total = Outcome.NONE;
        for (Interface s : interfaces(from)) {
            for (Interface d : interfaces(to)) {
                total = total.or(evaluator.evaluate(s, srcNet, d, dstNet, requested, false).outcome);
            }
        }
        return total;
    }

    /**
     * Whether some ingress rule of {@code d}'s security groups could admit {@code s} for some of {@code requested}
     * (the same pruning as the tier matrix): when none can, the destination's groups deny the pair whatever the other
     * layers say. Conservative: anything not known (unknown groups, members, blocks) counts as "could".
     */
    static boolean admits(Interface d, Interface s, Traffic requested) {
        if (s == null || d == null) return true;
        if (d.groups.unfiltered || d.groups.unknownMembers != null || s.groups.unknownMembers != null) return true;
        for (SecurityGroupInfo g : d.groups.groups) {
            if (g.unknown != null || g.incomplete != null) return true;
            for (SecurityGroupInfo.Rule r : g.ingress) {
                if (TrafficSets.and(requested, r.traffic).isEmpty()) continue;
                io.plumbline.model.network.SgRule.PeerKind k = r.rule.peerKind();
                if ((k == io.plumbline.model.network.SgRule.PeerKind.SECURITY_GROUP
                        || k == io.plumbline.model.network.SgRule.PeerKind.SELF) && r.peerGroup != null) {
                    if (s.groups.groups.contains(r.peerGroup)) return true;
                } else if ((k == io.plumbline.model.network.SgRule.PeerKind.CIDR_IPV4
                        || k == io.plumbline.model.network.SgRule.PeerKind.CIDR_IPV6) && r.cidr != null) {
                    IpRange block = s.subnet.range(r.cidr.family);
                    if (block == null || block.intersects(r.cidr)) return true;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    /** The tier-to-tier matrix for {@code requested} traffic: for each pair of tiers, what passes between them. */
    public synchronized TierMatrix matrix(Traffic requested) {
        TierMatrix m = matrices.get(requested);
        if (m == null) {
            m = new TierMatrixBuilder(this, placement, evaluator).build(requested);
            matrices.put(requested, m);
        }
        return m;
    }

    /** The interfaces of an endpoint; a list holding null for the internet. */
    List<Interface> interfaces(Endpoint e) {
        if (e.isInternet()) {
            if (!e.equals(internet) && !internetParts.containsKey(e)) {
                throw new IllegalArgumentException("not an internet endpoint of this engine: " + e);
            }
            List<Interface> l = new ArrayList<>();
            l.add(null);
            return l;
        }
        List<Interface> ifs = placement.interfaces.get(e);
        if (ifs == null) {
            for (Map.Entry<Endpoint, List<Interface>> x : placement.interfaces.entrySet()) {
                if (x.getKey().resource() == e.resource()) return x.getValue();
            }
            throw new IllegalArgumentException("not an endpoint of this engine: " + e);
        }
        return ifs;
    }

    private static String reason(Endpoint from, Endpoint to, Traffic requested, Traffic allowed, Traffic undecided,
                                 List<Hop> witness) {
        Traffic denied = requested.minus(allowed).minus(undecided);
        List<String> parts = new ArrayList<>();
        String path = " from " + label(from) + " to " + label(to);
        if (!allowed.isEmpty()) {
            Hop in = null;
            for (Hop h : witness) {
                if (h.decision() == Decision.ALLOW && (h.layer() == Layer.DESTINATION_SECURITY_GROUP_INGRESS
                        || h.layer() == Layer.LOAD_BALANCER_LISTENER && in == null)) {
                    in = h;
                    if (h.layer() == Layer.DESTINATION_SECURITY_GROUP_INGRESS) break;
                }
            }
            parts.add(TrafficSets.show(allowed) + " passes" + path + " (every security group, network ACL and route on the "
                    + "way allows it" + (in == null ? "" : "; " + in.element()) + ")");
        }
        if (!undecided.isEmpty()) {
            Hop u = first(witness, Decision.UNKNOWN);
            parts.add(TrafficSets.show(undecided) + (allowed.isEmpty() ? " may pass" + path : " may pass") + ", depending on "
                    + "a value the input does not give" + (u == null ? "" : ": " + u.element() + " (" + u.component() + ")"));
        }
        if (!denied.isEmpty()) {
            Hop d = first(witness, Decision.DENY);
            parts.add(TrafficSets.show(denied) + (allowed.isEmpty() && undecided.isEmpty() ? " is blocked" + path : " is blocked")
                    + (d == null ? "" : ": " + d.element() + " (" + d.component() + (d.code() == null ? "" : ", " + d.code()) + ")"));
        }
        return String.join("; ", parts);
    }

    private static Hop first(List<Hop> hops, Decision d) {
        for (Hop h : hops) if (h.decision() == d) return h;
        return null;
    }

    private static String label(Endpoint e) {
        return e.isInternet() ? e.id() : e.id() + " (" + e.tier() + ")";
    }

    // for tests and tools in this package
    Placement placement() {
        return placement;
    }
}
