package io.plumbline.reach;

import io.plumbline.model.network.Route.RouteTarget;
import java.util.HashMap;
import java.util.Map;

/**
 * A proof, without evaluating the path, that routing alone stops every flow from one interface to another: every
 * route the source subnet's tables may choose for the destination subnet's addresses denies it (the local route of
 * another VPC, no route, a blackhole, an internet gateway for a private address), in both IP families.
 *
 * <p>Why it exists (issue #11): on a plan of many copies of a stack whose links are unknown until apply, every app
 * endpoint may reach every data endpoint as far as the security groups know, and most of those pairs are denied by
 * routing because they live in different VPCs. The answer depends on the source subnet and on the destination subnet
 * only through its blocks and whether its VPC is one of the source's tables' VPCs, another known VPC or unknown; so
 * it is memoised on that key, and the copies of a stack share the entries.
 *
 * <p>Sound with respect to {@link PathEvaluator}: the lookup is made for the destination subnet's whole block (or no
 * address when the block is not known, as the evaluator does); a route more specific than the chosen one that meets
 * the block comes back as an alternative, so a denial for the whole block is a denial for every address atom of it.
 * When this says "denied", step 3 of the evaluator (routing) lets nothing through, whatever the other layers say.
 */
final class RouteBarrier {
    /** The destination's VPC is known and none of the source tables' VPCs. */
    private static final Object OTHER_VPC = new Object();

    private record Key(long sourceSubnet, Object destinationVpc, IpRange v4, IpRange v6) {
    }

    private final Map<Key, Boolean> memo = new HashMap<>();

    private record ForeignKey(int view, boolean vpcUnknown, IpRange v4, IpRange v6) {
    }

    private final Map<ForeignKey, Boolean> foreign = new HashMap<>();

    /** True when routing certainly lets no traffic from {@code src} reach {@code dst} (the internet: never proven). */
    boolean denies(Interface src, Interface dst) {
        if (src == null || dst == null) return false;
        SubnetInfo s = src.subnet;
        SubnetInfo d = dst.subnet;
        if (s.tables.isEmpty()) return false;
        Object vpc = d.vpc == null ? null : OTHER_VPC;
        if (d.vpc != null) {
            for (RouteTableInfo t : s.tables) if (t.vpc == d.vpc) vpc = d.vpc;
        }
        return memo.computeIfAbsent(new Key(s.id, vpc, d.cidr, d.ipv6), k -> compute(s, d));
    }

    /**
     * {@link #denies} for every source subnet whose {@link ForeignRoutes} view has number {@code view} and none of
     * whose tables belongs to {@code dst}'s VPC: {@code representative} is one of them. Memoised on the view and
     * the destination's blocks, so that the copies of a stack share one answer.
     */
    boolean deniesForeign(int view, SubnetInfo representative, SubnetInfo dst) {
        if (representative.tables.isEmpty()) return false;
        return foreign.computeIfAbsent(new ForeignKey(view, dst.vpc == null, dst.cidr, dst.ipv6),
                k -> compute(representative, dst));
    }

    private static boolean compute(SubnetInfo s, SubnetInfo d) {
        for (int f : new int[] {IpRange.V4, IpRange.V6}) {
            for (RouteTableInfo table : s.tables) {
                for (RouteLookup.Choice c : RouteLookup.lookup(table, f, d.range(f), d.vpc, false)) {
                    if (!denies(c, table, d)) return false;
                }
            }
        }
        return true;
    }

    /** The same reading of a route choice as {@code PathEvaluator.routeToInterface}: whether it gives NONE. */
    private static boolean denies(RouteLookup.Choice c, RouteTableInfo table, SubnetInfo d) {
        if (c.unknown() != null) return false;
        if (c.noRoute()) return true;
        if (c.route() != null && c.route().blackhole != null) return true;
        if (c.local()) return table.vpc != null && d.vpc != null && table.vpc != d.vpc;
        return c.route().type == RouteTarget.INTERNET_GATEWAY || c.route().type == RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY;
    }
}
