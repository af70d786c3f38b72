package io.plumbline.reach;

import java.util.ArrayList;
import java.util.List;

/**
 * Route selection in one route table: the longest prefix among the routes whose destination holds the address,
 * the implicit local route included (it covers every block of the table's VPC). Routes that may or may not match
 * (unknown destination, prefix list without entries, an address only partly known) and that could be more specific
 * than the chosen one are returned as further alternatives, as is an unknown route when the table is incomplete.
 */
final class RouteLookup {
    private RouteLookup() {
    }

    /**
     * One possible outcome of the lookup: a route ({@code route}, or {@code local} for the implicit local route), no
     * route at all, or an unknown ({@code unknown} says why). {@code certain} is false for the alternatives.
     */
    record Choice(RouteTableInfo table, RouteTableInfo.RouteEntry route, boolean local, String unknown, boolean certain) {
        boolean noRoute() {
            return route == null && !local && unknown == null;
        }

        String text(IpRange address) {
            if (unknown != null) return "unknown route: " + unknown;
            if (local) {
                IpRange c = table.vpc == null ? null : table.vpc.cidr;
                return (route != null ? route.text : (c == null ? "VPC blocks" : c.toString()) + " -> local");
            }
            if (route == null) return "no route for " + (address == null ? "the destination" : address.toString());
            return route.text;
        }
    }

    /**
     * The routes {@code table} may use for {@code address} of {@code family} (null: an address of a subnet in
     * {@code dstVpc}, not known exactly). {@code internet}: the address is an internet atom, which has addresses
     * outside any prefix list or block the input does not give.
     */
    static List<Choice> lookup(RouteTableInfo table, int family, IpRange address, VpcInfo dstVpc, boolean internet) {
        List<Choice> out = new ArrayList<>();
        if (table.unknown != null) {
            out.add(new Choice(table, null, false, table.unknown, true));
            return out;
        }
        VpcInfo vpc = table.vpc;
        Choice best = null;
        int bestPrefix = -1;
        List<Choice> maybe = new ArrayList<>();
        List<Integer> maybePrefix = new ArrayList<>();
        // the implicit local route
        Match lm;
        int lp;
        if (vpc == null) {
            lm = internet ? Match.NO : Match.MAYBE;
            lp = family == IpRange.V4 ? 16 : 56;
        } else if (address == null) {
            lm = dstVpc == vpc ? Match.YES : dstVpc == null ? Match.MAYBE : Match.NO;
            lp = vpc.cidr != null && family == IpRange.V4 ? vpc.cidr.prefix : family == IpRange.V4 ? 16 : 56;
        } else {
            lm = vpc.local(address, internet);
            lp = vpc.localPrefix(address);
        }
        if (lm == Match.YES) {
            best = new Choice(table, null, true, null, true);
            bestPrefix = lp;
        } else if (lm == Match.MAYBE) {
            maybe.add(new Choice(table, null, true, null, false));
            maybePrefix.add(lp);
        }
        for (RouteTableInfo.RouteEntry r : table.routes) {
            if (r.family != 0 && r.family != family) continue;
            if (r.local && vpc != null && r.destination != null && r.destination.equals(vpc.cidr)) continue;
            Match m;
            int prefix = r.destination != null ? r.destination.prefix : 129;
            if (r.prefixList) {
                m = internet ? Match.NO : Match.MAYBE;
            } else if (r.destination == null) {
                m = Match.MAYBE;
            } else if (address == null) {
                if (r.destination.isAll()) m = Match.YES;
                else if (dstVpc != null && dstVpc == vpc && vpc.cidr != null && family == IpRange.V4
                        && r.destination.prefix <= vpc.cidr.prefix) m = Match.NO; // the local route wins anyway
                else m = Match.MAYBE;
            } else {
                m = r.destination.covers(address);
            }
            if (m == Match.YES) {
                if (prefix > bestPrefix) {
                    best = new Choice(table, r, r.local, null, true);
                    bestPrefix = prefix;
                }
            } else if (m == Match.MAYBE) {
                maybe.add(new Choice(table, r, r.local, null, false));
                maybePrefix.add(prefix);
            }
        }
        out.add(best != null ? best : new Choice(table, null, false, null, true));
        for (int i = 0; i < maybe.size(); i++) if (maybePrefix.get(i) > bestPrefix) out.add(maybe.get(i));
        if (table.incomplete != null) out.add(new Choice(table, null, false, table.incomplete, false));
        return out;
    }
}
