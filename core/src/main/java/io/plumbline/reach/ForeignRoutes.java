package io.plumbline.reach;

import io.plumbline.model.network.Route.RouteTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subnet's route tables say about a destination in a VPC that none of those tables belongs to (or whose VPC
 * is unknown), reduced to the values {@link RouteBarrier} reads: whether each table is known and complete, its VPC's
 * blocks, and its routes in order (family, block, local, prefix list, blackhole, whether the target is an internet
 * gateway). Two subnets with equal views get the same routing proof for every such destination, so the copies of a
 * stack (each in its own VPC, with the same blocks and routes) share one proof per destination block instead of one
 * per pair of subnets.
 */
final class ForeignRoutes {
    private ForeignRoutes() {
    }

    private record Vpc(IpRange cidr, List<IpRange> ipv6, List<IpRange> blocks, boolean v4Known, boolean v6Known) {
    }

    private record Route(int family, IpRange destination, boolean local, boolean prefixList, boolean blackhole,
                         boolean internetGateway) {
    }

    private record Table(boolean unknown, boolean incomplete, Vpc vpc, List<Route> routes) {
    }

    /** The view of {@code s}; equal views give equal answers (see {@link RouteBarrier#deniesForeign}). */
    static Object of(SubnetInfo s) {
        List<Table> tables = new ArrayList<>();
        for (RouteTableInfo t : s.tables) {
            VpcInfo v = t.vpc;
            Vpc vpc = v == null ? null : new Vpc(v.cidr, List.copyOf(v.ipv6), List.copyOf(v.localBlocks),
                    v.blocksKnown(IpRange.V4), v.blocksKnown(IpRange.V6));
            List<Route> routes = new ArrayList<>();
            for (RouteTableInfo.RouteEntry r : t.routes) {
                routes.add(new Route(r.family, r.destination, r.local, r.prefixList, r.blackhole != null,
                        r.type == RouteTarget.INTERNET_GATEWAY || r.type == RouteTarget.EGRESS_ONLY_INTERNET_GATEWAY));
            }
            tables.add(new Table(t.unknown != null, t.incomplete != null, vpc, routes));
        }
        return tables;
    }
}
