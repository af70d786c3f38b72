package io.plumbline.reports;

import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.Reachability;
import io.plumbline.reach.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code plumbline paths} asks the reachability engine, from the user's words: the traffic
 * ({@code --protocol tcp|udp|icmp|icmpv6|all}, {@code --ports 443,80,1024-65535}) and the endpoints
 * ({@code --from}/{@code --to}: a tier name or an endpoint's address). Bad words throw
 * {@link IllegalArgumentException} with a message that names them.
 */
public final class PathQuery {
    /** The tiers of rule catalog §11, always accepted as names even when the input has no endpoint in them. */
    public static final List<String> STANDARD_TIERS = List.of("internet", "public", "app", "data", "egress");

    private PathQuery() {
    }

    /**
     * The traffic asked about. No protocol and no ports: all traffic. Ports without a protocol: tcp. Ports with
     * icmp, icmpv6 or all: an error (those have no ports).
     */
    public static Traffic traffic(String protocol, String ports) {
        String p = protocol == null || protocol.isBlank() ? (ports == null || ports.isBlank() ? "all" : "tcp")
                : protocol.trim().toLowerCase(Locale.ROOT);
        PortSet set = ports == null || ports.isBlank() ? PortSet.ALL : ports(ports);
        boolean hasPorts = ports != null && !ports.isBlank();
        return switch (p) {
            case "tcp", "6" -> Traffic.of(Traffic.Protocol.TCP, set);
            case "udp", "17" -> Traffic.of(Traffic.Protocol.UDP, set);
            case "icmp", "1", "icmpv6", "58", "all", "-1", "any" -> {
                if (hasPorts) {
                    throw new IllegalArgumentException("--ports applies to tcp and udp only, not to protocol '"
                            + protocol + "'");
                }
                yield switch (p) {
                    case "icmp", "1" -> Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL);
                    case "icmpv6", "58" -> Traffic.of(Traffic.Protocol.ICMPV6, PortSet.ALL);
                    default -> Traffic.ALL;
                };
            }
            default -> throw new IllegalArgumentException("unknown protocol '" + protocol
                    + "' (expected tcp, udp, icmp, icmpv6 or all)");
        };
    }

    /** "443,80,1024-65535" as a port set; each port 0–65535, ranges from-to with from ≤ to. */
    public static PortSet ports(String spec) {
        PortSet set = PortSet.EMPTY;
        for (String part : spec.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) continue;
            int dash = s.indexOf('-', 1);
            int from;
            int to;
            try {
                if (dash < 0) {
                    from = Integer.parseInt(s);
                    to = from;
                } else {
                    from = Integer.parseInt(s.substring(0, dash).trim());
                    to = Integer.parseInt(s.substring(dash + 1).trim());
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port '" + s + "' in --ports " + spec
                        + " (expected ports and ranges such as 443,80,1024-65535)");
            }
            if (from < 0 || to > PortSet.MAX || from > to) {
                throw new IllegalArgumentException("bad port range '" + s + "' in --ports " + spec + " (ports are "
                        + "0-65535, from <= to)");
            }
            set = set.union(PortSet.range(from, to));
        }
        if (set.isEmpty()) throw new IllegalArgumentException("--ports " + spec + " names no port");
        return set;
    }

    /** Every tier name the query accepts: the standard ones, the profile's flows' and the endpoints'. */
    public static Set<String> tiers(List<Endpoint> endpoints, Profile profile) {
        Set<String> out = new LinkedHashSet<>(STANDARD_TIERS);
        if (profile != null && profile.allowedFlows() != null) {
            for (Profile.Flow f : profile.allowedFlows()) {
                if (f.from() != null) out.add(f.from().trim().toLowerCase(Locale.ROOT));
                if (f.to() != null) out.add(f.to().trim().toLowerCase(Locale.ROOT));
            }
        }
        for (Endpoint e : endpoints) if (e.tier() != null) out.add(e.tier().trim().toLowerCase(Locale.ROOT));
        return out;
    }

    /**
     * The endpoints {@code spec} names: every endpoint of a tier (case-insensitive), or the endpoint whose address is
     * {@code spec} (every one, when several inputs declare that address); all endpoints when {@code spec} is null. {@code option} names the option in error messages.
     */
    public static List<Endpoint> select(List<Endpoint> endpoints, Set<String> tiers, String spec, String option) {
        if (spec == null) return endpoints;
        String s = spec.trim();
        if (tiers.contains(s.toLowerCase(Locale.ROOT))) {
            List<Endpoint> out = new ArrayList<>();
            for (Endpoint e : endpoints) if (e.tier() != null && e.tier().trim().equalsIgnoreCase(s)) out.add(e);
            return out;
        }
        // Several inputs may declare the same address (two plans of one module): all of them.
        List<Endpoint> byId = new ArrayList<>();
        for (Endpoint e : endpoints) if (e.id().equals(s)) byId.add(e);
        if (!byId.isEmpty()) return byId;
        throw new IllegalArgumentException(option + " '" + spec + "' is neither a tier (" + String.join(", ", tiers)
                + ") nor the address of an endpoint (plumbline paths --format json lists them)");
    }

    /** Every ordered pair of distinct endpoints, one path each. */
    public static List<PathResult> pairs(Reachability reach, List<Endpoint> from, List<Endpoint> to, Traffic traffic) {
        List<PathResult> out = new ArrayList<>();
        for (Endpoint f : from) {
            for (Endpoint t : to) {
                if (f == t || (f.id().equals(t.id()) && f.tier().equals(t.tier()))) continue;
                out.add(reach.path(f, t, traffic));
            }
        }
        return out;
    }
}
