package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Resource;
import io.plumbline.profile.Profile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The property of {@link ReachabilityPropertyTest} on networks of several VPCs whose links are partly unknown until
 * apply (issue #11): {@link GeneratedNetwork#copies} puts two or three random networks in one model, each in its own
 * VPC with the same block, and draws unknown links in all but the first (security groups' VPCs, load balancers'
 * subnets, instances' groups, rules' peer groups).
 *
 * <p>For every ordered pair of endpoints (the internet included), tcp and udp on sampled ports and icmp:
 * <ul>
 *   <li>the network with every link known: {@link Reachability#path} is exactly the brute force's answer
 *   ({@link BruteForceEvaluator}, which delivers a local route only inside the source's VPC);</li>
 *   <li>the same network with links unknown: the engine never contradicts the network it was made from, which is one
 *   of the networks the unknown values allow: ALLOWED only where the brute force allows, DENIED only where it
 *   denies ({@link Reachability#verdict}, held to {@code path} by {@link VerdictPruningTest});</li>
 *   <li>both networks: an endpoint that {@link Reachability#mayReach} leaves out is one the brute force denies (and,
 *   links unknown, one the engine denies).</li>
 * </ul>
 *
 * <p>And every placement: a load balancer whose subnets are unknown may lie in any subnet, the other end's included
 * (where no network ACL stands between them). For each such load balancer and each subnet of the network, the network
 * it was made from with the load balancer moved into that one subnet is another network the unknown values allow; the
 * engine's verdict (links unknown) is definite only where the brute force gives that verdict for every placement.
 * This is how the engine once said DENIED (the other end's ACLs applied) where a shared subnet lets the traffic pass.
 */
class UnknownLinksPropertyTest {
    static final int SEEDS = 40;
    static final int[] FIXED_PORTS = {0, 22, 80, 443, 1024, 5432, 65535};
    static final int SAMPLED_PORTS = 4;

    static Profile profile;

    @BeforeAll
    static void loadProfile() throws IOException {
        profile = ReachabilityPropertyTest.referenceProfile();
    }

    @Test
    void copiesInSeveralVpcsWithUnknownLinks() {
        // cases, allowed, undecided once links are unknown, left out by the index, placement cases, placements disagreeing
        long[] stats = new long[6];
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            int n = 2 + (int) (seed % 2);
            check(GeneratedNetwork.copies(seed, n, false), GeneratedNetwork.copies(seed, n, true), stats, failures);
            if (failures.size() > 20) break;
        }
        String summary = String.format("%d cases, %d allowed, %d undecided once links are unknown, %d left out by the "
                + "index; %d cases against every placement of a load balancer with unknown subnets, %d where placements "
                + "disagree", stats[0], stats[1], stats[2], stats[3], stats[4], stats[5]);
        assertTrue(failures.isEmpty(), summary + "\n" + String.join("\n", failures));
        System.out.println("unknown-links property: " + summary);
        assertTrue(stats[1] > 0 && stats[1] < stats[0], "both verdicts: " + summary);
        assertTrue(stats[2] > 0, "unknown links must leave something undecided: " + summary);
        assertTrue(stats[3] > 0, "the index must leave sources out: " + summary);
        assertTrue(stats[5] > 0, "some placements must disagree (else the placement check proves nothing): " + summary);
    }

    private static void check(GeneratedNetwork known, GeneratedNetwork unknown, long[] stats, List<String> failures) {
        Reachability rk = Reachability.of(known.model, profile);
        Reachability ru = Reachability.of(unknown.model, profile);
        BruteForceEvaluator bf = new BruteForceEvaluator(known.model);
        Map<String, Endpoint> ek = byAddress(rk);
        Map<String, Endpoint> eu = byAddress(ru);
        List<Resource> ends = new ArrayList<>();
        ends.add(null); // the internet
        ends.addAll(known.endpoints());
        Random rnd = new Random(known.seed * 7919L);
        List<Integer> interesting = new ArrayList<>(known.interestingPorts());
        Map<String, Set<Endpoint>> mayK = new HashMap<>();
        Map<String, Set<Endpoint>> mayU = new HashMap<>();
        for (Resource src : ends) {
            for (Resource dst : ends) {
                if (src == dst) continue;
                Endpoint sk = src == null ? rk.internet() : ek.get(src.address());
                Endpoint dk = dst == null ? rk.internet() : ek.get(dst.address());
                Endpoint su = src == null ? ru.internet() : eu.get(src.address());
                Endpoint du = dst == null ? ru.internet() : eu.get(dst.address());
                String pair = "seed " + known.seed + " (" + (ends.size() - 1) + " endpoints): " + sk.id() + " -> "
                        + dk.id();
                for (Traffic.Protocol proto : new Traffic.Protocol[] {Traffic.Protocol.TCP, Traffic.Protocol.UDP,
                    Traffic.Protocol.ICMP}) {
                    TreeSet<Integer> ports = ReachabilityPropertyTest.ports(proto, FIXED_PORTS, SAMPLED_PORTS,
                            interesting, rnd);
                    for (int port : ports) {
                        stats[0]++;
                        String what = pair + " " + proto.name().toLowerCase(Locale.ROOT)
                                + (proto == Traffic.Protocol.ICMP ? "" : " " + port);
                        BruteForceEvaluator.Verdict expected = bf.evaluate(src, dst,
                                proto.name().toLowerCase(Locale.ROOT), port, BruteForceEvaluator.INTERNET_REPRESENTATIVES);
                        if (expected.allowed()) stats[1]++;
                        Traffic t = Traffic.of(proto, PortSet.of(port));
                        PathResult.Reach want = switch (expected.outcome()) {
                            case ALLOWED -> PathResult.Reach.ALLOWED;
                            case EPHEMERAL_DEPENDENT -> PathResult.Reach.UNKNOWN;
                            case DENIED -> PathResult.Reach.DENIED;
                        };
                        PathResult pk = rk.path(sk, dk, t);
                        if (pk.reach() != want) {
                            failures.add(what + ", links known: engine " + pk.reach() + " (" + pk.reason()
                                    + "), brute force " + expected.outcome() + ": " + expected.why());
                        }
                        boolean outK = !may(rk, dk, t, mayK).contains(sk);
                        if (outK && want != PathResult.Reach.DENIED) {
                            failures.add(what + ": left out by the index (links known), but the brute force gives "
                                    + expected.outcome() + ": " + expected.why());
                        }
                        PathResult pu = ru.verdict(su, du, t);
                        if (pu.reach() == PathResult.Reach.UNKNOWN) stats[2]++;
                        boolean outU = !may(ru, du, t, mayU).contains(su);
                        if (outK || outU) stats[3]++;
                        if (outU && pu.reach() != PathResult.Reach.DENIED) {
                            failures.add(what + ": left out by the index (links unknown), but the engine gives "
                                    + pu.reach());
                        }
                        if (pu.reach() == PathResult.Reach.ALLOWED && want != PathResult.Reach.ALLOWED
                                || pu.reach() == PathResult.Reach.DENIED && want != PathResult.Reach.DENIED) {
                            failures.add(what + ", links unknown: engine " + pu.reach() + " (" + ru.path(su, du, t).reason()
                                    + "), but the network it was made from gives " + expected.outcome() + ": "
                                    + expected.why());
                        }
                        if (outU && want != PathResult.Reach.DENIED) {
                            failures.add(what + ": left out by the index (links unknown), but the brute force gives "
                                    + expected.outcome() + ": " + expected.why());
                        }
                    }
                }
            }
        }
        placements(known, unknown, ru, eu, stats, failures);
        if (failures.size() == 1) failures.add(known.dump() + "\nwith unknown links:\n" + unknown.dump());
    }

    /**
     * Each load balancer whose subnets are unknown, moved into each subnet of the network in turn (the network it was
     * made from, changed for the time of the brute force and restored): the engine's verdict, links unknown, against
     * the brute force of every placement, to and from every other endpoint.
     */
    private static void placements(GeneratedNetwork known, GeneratedNetwork unknown, Reachability ru,
                                   Map<String, Endpoint> eu, long[] stats, List<String> failures) {
        List<Integer> interesting = new ArrayList<>(known.interestingPorts());
        for (io.plumbline.model.network.LoadBalancer lb : known.b.loadBalancers) {
            if (!subnetsUnknown(unknown, lb)) continue;
            Endpoint lbu = eu.get(lb.address());
            List<Resource> others = new ArrayList<>();
            others.add(null);
            for (Resource r : known.endpoints()) if (r != lb) others.add(r);
            // per case (other end, direction, protocol, port): the verdicts seen over the placements
            Map<String, Set<BruteForceEvaluator.Outcome>> seen = new java.util.LinkedHashMap<>();
            Map<String, PathResult.Reach> engine = new HashMap<>();
            var original = lb.subnets;
            try {
                for (io.plumbline.model.network.Subnet where : known.b.subnets) {
                    lb.subnets = io.plumbline.model.Value.explicit(List.of(new io.plumbline.model.Ref(where.address())),
                            io.plumbline.model.Provenance.NONE);
                    BruteForceEvaluator bf = new BruteForceEvaluator(known.model);
                    Random rnd = new Random(known.seed * 31L + lb.address().hashCode());
                    for (Resource other : others) {
                        for (boolean out : new boolean[] {true, false}) {
                            Resource src = out ? lb : other;
                            Resource dst = out ? other : lb;
                            Endpoint su = src == null ? ru.internet() : src == lb ? lbu : eu.get(src.address());
                            Endpoint du = dst == null ? ru.internet() : dst == lb ? lbu : eu.get(dst.address());
                            for (Traffic.Protocol proto : new Traffic.Protocol[] {Traffic.Protocol.TCP,
                                Traffic.Protocol.UDP, Traffic.Protocol.ICMP}) {
                                String p = proto.name().toLowerCase(Locale.ROOT);
                                for (int port : ReachabilityPropertyTest.ports(proto, FIXED_PORTS, SAMPLED_PORTS,
                                        interesting, rnd)) {
                                    String what = "seed " + known.seed + ": " + su.id() + " -> " + du.id() + " " + p
                                            + (proto == Traffic.Protocol.ICMP ? "" : " " + port);
                                    seen.computeIfAbsent(what, k -> java.util.EnumSet.noneOf(
                                            BruteForceEvaluator.Outcome.class)).add(bf.evaluate(src, dst, p, port,
                                            BruteForceEvaluator.INTERNET_REPRESENTATIVES).outcome());
                                    engine.computeIfAbsent(what, k -> ru.verdict(su, du,
                                            Traffic.of(proto, PortSet.of(port))).reach());
                                }
                            }
                        }
                    }
                }
            } finally {
                lb.subnets = original;
            }
            for (Map.Entry<String, Set<BruteForceEvaluator.Outcome>> e : seen.entrySet()) {
                stats[4]++;
                Set<BruteForceEvaluator.Outcome> all = e.getValue();
                if (all.size() > 1) stats[5]++;
                PathResult.Reach got = engine.get(e.getKey());
                boolean wrong = got == PathResult.Reach.ALLOWED && !all.equals(Set.of(BruteForceEvaluator.Outcome.ALLOWED))
                        || got == PathResult.Reach.DENIED && !all.equals(Set.of(BruteForceEvaluator.Outcome.DENIED));
                if (wrong) {
                    failures.add(e.getKey() + ", links unknown: engine " + got + ", but the placements of "
                            + lb.address() + " in the subnets of the network give " + all);
                }
            }
        }
    }

    private static boolean subnetsUnknown(GeneratedNetwork net, Resource known) {
        if (known == null) return false;
        for (io.plumbline.model.network.LoadBalancer lb : net.b.loadBalancers) {
            if (lb.address().equals(known.address())) return !lb.subnets.isPresent();
        }
        return false;
    }

    private static Set<Endpoint> may(Reachability r, Endpoint to, Traffic t, Map<String, Set<Endpoint>> memo) {
        return memo.computeIfAbsent(to.id() + " " + t, k -> {
            Set<Endpoint> s = Collections.newSetFromMap(new IdentityHashMap<>());
            s.addAll(r.mayReach(to, t));
            return s;
        });
    }

    private static Map<String, Endpoint> byAddress(Reachability r) {
        Map<String, Endpoint> out = new HashMap<>();
        for (Endpoint e : r.endpoints()) if (!e.isInternet()) out.put(e.resource().address(), e);
        return out;
    }
}
