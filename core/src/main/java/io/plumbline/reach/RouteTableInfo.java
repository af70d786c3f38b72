package io.plumbline.reach;

import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A route table with its routes compiled (the implicit local route is not among them: every table has it, and
 * {@link RouteLookup} adds it). Also stands for the implicit main table of a VPC that declares none (local route
 * only), and for a table that cannot be known ({@link #unknown}).
 */
final class RouteTableInfo {
    final String name;
    final RouteTable table;
    final Provenance location;
    VpcInfo vpc;
    /** Why nothing is known of the table, else null. */
    final String unknown;
    /** Why the route list may be incomplete, else null. */
    String incomplete;
    final List<RouteEntry> routes = new ArrayList<>();

    RouteTableInfo(String name, RouteTable table, Provenance location, String unknown) {
        this.name = name;
        this.table = table;
        this.location = location == null ? Provenance.NONE : location;
        this.unknown = unknown;
    }

    @Override
    public String toString() {
        return name;
    }

    /** One route, compiled. */
    static final class RouteEntry {
        final Route route;
        /** 4 or 6 for CIDR destinations, 0 for a prefix list or an unknown destination. */
        final int family;
        final IpRange destination;
        final boolean prefixList;
        final String destinationUnknown;
        final boolean local;
        final RouteTarget type;
        /** The target resource, when the model has it. */
        final Resource target;
        final String targetName;
        /** Why the route does not work (blackhole, target being deleted), else null. */
        final String blackhole;
        final String text;

        RouteEntry(Route route, int family, IpRange destination, boolean prefixList, String destinationUnknown,
                   boolean local, RouteTarget type, Resource target, String targetName, String blackhole, String text) {
            this.route = route;
            this.family = family;
            this.destination = destination;
            this.prefixList = prefixList;
            this.destinationUnknown = destinationUnknown;
            this.local = local;
            this.type = type;
            this.target = target;
            this.targetName = targetName;
            this.blackhole = blackhole;
            this.text = text;
        }

        Provenance location(RouteTableInfo t) {
            return route == null || route.location() == null || route.location() == Provenance.NONE ? t.location
                    : route.location();
        }
    }
}
