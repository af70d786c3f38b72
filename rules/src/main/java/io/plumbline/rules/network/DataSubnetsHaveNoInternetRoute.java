package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Paths;
import io.plumbline.reach.Tiers;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NET-013. Data subnets have no route to the internet. A data subnet is one whose tier ({@link Tiers}: the profile's
 * tier tag {@code network.tierTag}, else the network's reading) is {@code data}, or any subnet of a DB or cache subnet
 * group whatever its tier (a public subnet holding a database is exactly what this rule is for). The evidence says how
 * the tier was decided. One
 * finding per data subnet, on its <b>effective</b> route table: the tables explicitly associated with it, else its
 * VPC's main table (declared through {@code aws_default_route_table} / {@code aws_main_route_table_association}), else
 * the VPC's implicit main table, which holds only the local route when the VPC is created by the input.
 *
 * <ul>
 *   <li>FAIL: a route to an internet gateway, an egress-only internet gateway or a NAT gateway, whatever its
 *   destination ({@code 0.0.0.0/0}, {@code ::/0}, or a narrower public range: still the internet). Blackhole routes
 *   are ignored.</li>
 *   <li>UNKNOWN: a route whose target kind is unknown; a default (or unknown) destination sent out of the modelled VPC
 *   (transit gateway, peering, instance, network interface, virtual private gateway...: it may reach the internet
 *   elsewhere); a table whose route list is incomplete; an association whose subnet is unknown (the subnet might be
 *   associated with a table other than the one found); a subnet whose VPC, or whose VPC's main table, is not in the
 *   input; a subnet group whose subnets are unknown or not in the input (that finding is on the subnet group).</li>
 *   <li>PASS: local routes, gateway VPC endpoint routes, and routes to private networks only.</li>
 * </ul>
 */
@RuleInfo(
        id = "NET-013",
        title = "Data subnets have no route to the internet (no IGW, no NAT default route)",
        severity = Severity.MEDIUM,
        group = "network-paths",
        rationale = "Aurora and Redis never initiate internet traffic; an egress route only serves exfiltration.",
        remediation = "Give the data subnets their own route tables with only the local route (and gateway VPC "
                + "endpoint routes); remove routes to internet gateways and NAT gateways; associate every data subnet "
                + "explicitly, so the VPC's main table never applies.",
        controls = {"NIST AC-4(21)", "NIST CM-7(b)", "NAG NAG-R5 VPCNoUnrestrictedRouteToIGW"},
        // the tiers come from the reachability engine's reading of the network and of what sits where
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class DataSubnetsHaveNoInternetRoute implements Rule {
    private static final String DATA = "data";

    @Override
    public void check(RuleContext ctx) {
        Model model = ctx.model();
        Tiers tiers = Paths.of(ctx).reach().tiers();
        Map<Subnet, String> data = new LinkedHashMap<>();
        Set<Subnet> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Subnet s : model.all(Subnet.class)) {
            Tiers.Decision tier = tiers.subnet(s);
            if (!Fields.deleted(s) && tier.is(DATA) && seen.add(s)) data.put(s, tier.explain());
        }
        List<Resource> groups = new ArrayList<>();
        groups.addAll(model.all(DbSubnetGroup.class));
        groups.addAll(model.all(CacheSubnetGroup.class));
        for (Resource g : groups) {
            if (Fields.deleted(g)) continue;
            Value<List<Ref>> subnets = g instanceof DbSubnetGroup d ? d.subnets : ((CacheSubnetGroup) g).subnets;
            Checks unresolved = new Checks("");
            if (!subnets.isPresent()) {
                unresolved.unknown("the subnets of " + g.address() + " are " + subnets.display() + ", so their "
                        + "route tables cannot be checked", Evidence.of("subnets", subnets, "data subnets"));
            } else {
                for (Ref ref : subnets.get()) {
                    Subnet s = model.resolve(g, ref, Subnet.class).orElse(null);
                    if (s == null) {
                        unresolved.unknown("subnet " + ref + " of " + g.address() + " is not in the input, so its "
                                + "route table cannot be checked", Evidence.of("subnets", ref + " (not in the input)",
                                "a subnet of the input", subnets.provenance()));
                    } else if (!Fields.deleted(s) && seen.add(s)) {
                        // a member of a subnet group is judged whatever else its tier is (public, unknown, a tag)
                        data.put(s, "a subnet of " + g.address() + " (its own tier: " + tiers.subnet(s).explain() + ")");
                    }
                }
            }
            var verdict = unresolved.verdict();
            if (!verdict.evidence().isEmpty()) ctx.report(g, verdict);
        }
        if (data.isEmpty()) return;
        Tables tables = new Tables(model);
        data.forEach((s, why) -> ctx.report(s, subnet(model, tables, s, why).verdict()));
    }

    /**
     * The route tables of the model indexed once by the subnets they name and the VPCs they are main for, so that
     * judging each data subnet does not scan every table (a plan of many stacks has as many tables as subnets).
     */
    private static final class Tables {
        /** Explicit associations, each subnet's tables in model order. */
        final Map<Subnet, List<RouteTable>> explicit = new IdentityHashMap<>();
        /** Tables associated with a subnet that is unknown, in model order. */
        final List<RouteTable> maybe = new ArrayList<>();
        /** Main tables with a VPC, by the VPC they resolve to and by the reference's target, with their model order. */
        final Map<Resource, List<RouteTable>> mainByVpc = new IdentityHashMap<>();
        final Map<String, List<RouteTable>> mainByTarget = new java.util.HashMap<>();
        final Map<RouteTable, Integer> order = new IdentityHashMap<>();

        Tables(Model model) {
            for (RouteTable t : model.all(RouteTable.class)) {
                if (Fields.deleted(t)) continue;
                order.put(t, order.size());
                for (Value<Ref> a : t.subnets) {
                    if (a.isPresent()) {
                        Subnet s = model.resolve(t, a.get(), Subnet.class).orElse(null);
                        if (s == null) continue;
                        List<RouteTable> l = explicit.computeIfAbsent(s, k -> new ArrayList<>());
                        if (!l.contains(t)) l.add(t);
                    } else if (a.isUnknown() && !maybe.contains(t)) {
                        maybe.add(t);
                    }
                }
                if (!t.main.is(true) || !t.vpc.isPresent()) continue;
                Resource tv = model.resolve(t, t.vpc.get()).orElse(null);
                if (tv != null) mainByVpc.computeIfAbsent(tv, k -> new ArrayList<>()).add(t);
                mainByTarget.computeIfAbsent(t.vpc.get().target(), k -> new ArrayList<>()).add(t);
            }
        }

        /** The main tables of a VPC (resolved, or named by {@code target}), in model order. */
        List<RouteTable> mains(Resource vpc, String target) {
            List<RouteTable> out = new ArrayList<>(vpc == null ? List.of() : mainByVpc.getOrDefault(vpc, List.of()));
            for (RouteTable t : mainByTarget.getOrDefault(target, List.of())) if (!out.contains(t)) out.add(t);
            out.sort(java.util.Comparator.comparingInt(order::get));
            return out;
        }
    }

    private static Checks subnet(Model model, Tables tables, Subnet s, String why) {
        Checks v = new Checks("the data subnet's effective route table has no route to the internet");
        v.note(Evidence.of("data tier", why, "a data subnet", s.location()));
        List<RouteTable> explicit = tables.explicit.getOrDefault(s, List.of());
        List<RouteTable> maybe = tables.maybe;
        if (!explicit.isEmpty()) {
            for (RouteTable t : explicit) table(t, "explicitly associated route table " + t.address(), v);
            return v;
        }
        // No explicit association: the VPC's main table, unless an association with an unknown subnet is this one's.
        for (RouteTable t : maybe) {
            Checks alt = new Checks("");
            table(t, "route table " + t.address(), alt);
            if (alt.verdict().status() != io.plumbline.rule.Status.PASS) {
                v.unknown(t.address() + " is associated with a subnet that is unknown (" + t.subnets.stream()
                        .filter(Value::isUnknown).map(Value::note).findFirst().orElse("unknown") + "), which may be "
                        + s.address() + ", and " + alt.verdict().message(), Evidence.of("route table association",
                        "(unknown subnet)", "known associations", t.location()));
            }
        }
        mainTable(model, tables, s, v);
        return v;
    }

    private static void mainTable(Model model, Tables tables, Subnet s, Checks v) {
        if (!s.vpc.isPresent()) {
            v.unknown("the subnet has no explicit route table association and its VPC is " + s.vpc.display()
                    + ", so its main route table is unknown", Evidence.of("vpc", s.vpc, "a VPC of the input"));
            return;
        }
        Resource vpc = model.resolve(s, s.vpc.get()).orElse(null);
        List<RouteTable> mains = tables.mains(vpc, s.vpc.get().target());
        if (!mains.isEmpty()) {
            for (RouteTable t : mains) table(t, "main route table " + t.address() + " (no explicit association)", v);
            return;
        }
        if (vpc instanceof Vpc) {
            v.pass(Evidence.of("effective route table", "the implicit main route table of " + vpc.address()
                    + " (no explicit association, no main table declared): local route only", "no route to the "
                    + "internet", s.location()));
            return;
        }
        v.unknown("the subnet has no explicit route table association and the main route table of its VPC "
                + Fields.shown(s.vpc) + " is not in the input", Evidence.of("vpc", s.vpc, "a VPC of the input"));
    }

    /** Judges one table's routes into {@code v}. */
    private static void table(RouteTable t, String which, Checks v) {
        int internet = 0;
        for (Route r : t.routes) {
            if (Fields.is(r.state(), "blackhole")) continue;
            String route = "route " + destination(r) + " -> " + target(r);
            Evidence e = new Evidence(which + " " + route, target(r) + " (" + r.targetType().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")", "local, VPC endpoint or private "
                    + "networks only", r.target().certainty(), r.location());
            switch (r.targetType()) {
                case INTERNET_GATEWAY, EGRESS_ONLY_INTERNET_GATEWAY, NAT_GATEWAY -> {
                    internet++;
                    v.fail(which + " has " + route + ": the data subnet can reach the internet", e);
                }
                case UNKNOWN -> v.unknown(which + " has a route " + destination(r) + " whose target is unknown ("
                        + Fields.why(r.target()) + "): it may lead to the internet", e);
                case LOCAL, VPC_ENDPOINT -> v.note(e);
                default -> {
                    if (mayBeDefault(r)) {
                        v.unknown(which + " sends " + destination(r) + " to " + target(r) + ", out of the modelled "
                                + "VPC: whether that reaches the internet is unknown", e);
                    } else {
                        v.note(e);
                    }
                }
            }
        }
        if (t.routesComplete.isUnknown()) {
            v.unknown("the route list of " + t.address() + " is incomplete: " + t.routesComplete.note(),
                    Evidence.of("routes of " + t.address(), t.routesComplete, "a known route list"));
        }
        if (internet == 0) {
            v.pass(Evidence.of(which, t.routes.isEmpty() ? "local route only" : t.routes.size() + " route(s), none to "
                    + "an internet or NAT gateway", "no route to the internet", t.location()));
        }
    }

    /** A default route, or a destination not known: it may cover the internet. */
    private static boolean mayBeDefault(Route r) {
        for (Value<String> d : List.of(r.destinationCidr(), r.destinationIpv6Cidr())) {
            if (d.isPresent() && d.get().trim().endsWith("/0")) return true;
        }
        if (r.destinationCidr().isPresent() || r.destinationIpv6Cidr().isPresent()
                || r.destinationPrefixList().isPresent()) {
            return false;
        }
        return true;
    }

    private static String destination(Route r) {
        if (r.destinationCidr().isPresent()) return r.destinationCidr().get();
        if (r.destinationIpv6Cidr().isPresent()) return r.destinationIpv6Cidr().get();
        if (r.destinationPrefixList().isPresent()) return "prefix list " + r.destinationPrefixList().get();
        return "(destination " + Fields.why(r.destinationCidr()) + ")";
    }

    private static String target(Route r) {
        if (r.targetType() == RouteTarget.LOCAL) return "local";
        return r.target().isPresent() ? r.target().get().target() : r.targetType().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', ' ');
    }
}
