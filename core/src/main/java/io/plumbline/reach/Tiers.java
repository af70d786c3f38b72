package io.plumbline.reach;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.compute.AutoScalingGroup;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.model.data.CacheSubnetGroup;
import io.plumbline.model.data.DbSubnetGroup;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Subnet;
import io.plumbline.profile.Profile;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides tiers (rule catalog §0.7 and §14, "roles and tiers without tags"): of subnets, security
 * groups and path endpoints, each with how it was decided. Tags ({@code profile.network().tierTag()}) override but are
 * never required; without one the network itself tells:
 *
 * <ul>
 *   <li><b>public</b>: the subnet's effective route table (its explicit association, else its VPC's main table, as
 *   the reachability engine resolves them) sends {@code 0.0.0.0/0} or {@code ::/0} to an internet gateway;</li>
 *   <li><b>data</b>: a member of a DB or cache subnet group, and not public;</li>
 *   <li><b>app</b>: where EKS node groups, Auto Scaling groups, EC2 instances or the EKS control plane are placed, and
 *   neither public nor data;</li>
 *   <li>the EKS subnet tags {@code kubernetes.io/role/elb} (public) and {@code kubernetes.io/role/internal-elb}
 *   (private) only support or contradict that reading; they never decide.</li>
 * </ul>
 * Evidence that disagrees is kept ({@link Decision#conflicts()}), never dropped. Evidence that cannot be read (an
 * unknown route table or association, a subnet group or a workload whose subnets are unknown) makes the tier unknown,
 * with the reason, whenever it could change the answer. A subnet with no evidence at all has no tier.
 *
 * <p>Security groups take the tag, else the tiers of the endpoints that carry them. Endpoints (load balancers,
 * workloads, databases, caches, NAT gateways) are placed by {@link Placement}: their own tag, the tag of their
 * security groups, subnet group or subnets, else the tier of their kind; an app or data endpoint in a public subnet,
 * or an internet-facing load balancer in none, is a conflict shown in {@link Endpoint#how()}.
 */
public final class Tiers {
    public static final String PUBLIC = Placement.PUBLIC;
    public static final String APP = Placement.APP;
    public static final String DATA = Placement.DATA;
    public static final String EGRESS = Placement.EGRESS;
    static final String ELB_TAG = "kubernetes.io/role/elb";
    static final String INTERNAL_ELB_TAG = "kubernetes.io/role/internal-elb";

    /**
     * How one resource's tier was decided.
     *
     * @param tiers the tiers: one, several (a security group carried by endpoints of different tiers), or none (no
     *              evidence, or unknown)
     * @param how the deciding evidence in words, e.g. {@code public: route table rt-1 sends 0.0.0.0/0 to igw-1}
     * @param conflicts evidence that disagrees with the decision, in words
     * @param unknown why the tier cannot be told, else null
     * @param tagged whether a tier tag decided
     */
    public record Decision(Set<String> tiers, String how, List<String> conflicts, String unknown, boolean tagged) {
        public Decision {
            tiers = Set.copyOf(new LinkedHashSet<>(tiers));
            conflicts = List.copyOf(conflicts);
        }

        static Decision unknown(String why) {
            return new Decision(Set.of(), "unknown: " + why, List.of(), why, false);
        }

        /** The tier when there is exactly one, else null. */
        public String tier() {
            return tiers.size() == 1 ? tiers.iterator().next() : null;
        }

        public boolean known() {
            return unknown == null;
        }

        /** Whether {@code tier} (compared without case) is one of the tiers. */
        public boolean is(String tier) {
            return tier != null && tiers.contains(tier.trim().toLowerCase(Locale.ROOT));
        }

        /** {@link #how} followed by the conflicting evidence, for findings and reports. */
        public String explain() {
            return conflicts.isEmpty() ? how : how + "; conflicting evidence: " + String.join("; ", conflicts);
        }
    }

    private final Topology topo;
    private final String tierTag;
    private final Map<SubnetInfo, Publicness> publicness = new IdentityHashMap<>();
    private final Map<SubnetInfo, List<String>> groupMembers = new IdentityHashMap<>();
    private final List<String> unknownGroups = new ArrayList<>();
    private final Map<SubnetInfo, List<String>> hosts = new IdentityHashMap<>();
    private final List<String> unknownHosts = new ArrayList<>();
    private final Map<SubnetInfo, Decision> subnets = new IdentityHashMap<>();
    private final Map<SecurityGroup, Map<String, List<String>>> carriers = new IdentityHashMap<>();
    private final Map<Resource, Endpoint> endpoints = new IdentityHashMap<>();

    Tiers(Topology topo, Profile profile) {
        this.topo = topo;
        String tag = profile == null || profile.network() == null ? null : profile.network().tierTag();
        this.tierTag = tag == null || tag.isBlank() ? "plumbline:tier" : tag;
    }

    /** The tiers of a model, with the reachability engine's reading of its network. */
    public static Tiers of(Model model, Profile profile) {
        return Reachability.of(model, profile).tiers();
    }

    String tierTag() {
        return tierTag;
    }

    // ------------------------------------------------------------------------------------------------- queries

    /** The tier of any resource: a subnet, security group, subnet group or endpoint; else by its tag alone. */
    public Decision of(Resource r) {
        if (r instanceof Subnet s) return subnet(s);
        if (r instanceof SecurityGroup g) return group(g);
        Endpoint e = endpoints.get(r);
        if (e != null) return endpoint(e);
        if (r instanceof DbSubnetGroup || r instanceof CacheSubnetGroup) {
            Decision t = tag(r);
            return t != null ? t : new Decision(Set.of(DATA), DATA + ": a " + (r instanceof DbSubnetGroup ? "DB" : "cache")
                    + " subnet group holds the data tier", List.of(), null, false);
        }
        Decision t = tag(r);
        return t != null ? t : new Decision(Set.of(), "no tier: " + r.address() + " has no " + tierTag
                + " tag and is neither a subnet, a security group nor a path endpoint", List.of(), null, false);
    }

    /** The tier of a subnet of the model. */
    public Decision subnet(Subnet s) {
        SubnetInfo info = topo.indexed(s);
        return info == null ? Decision.unknown(s.address() + " is not indexed") : subnet(info);
    }

    /** The tier of an endpoint, as {@link Placement} decided it. */
    public Decision endpoint(Endpoint e) {
        if (e.isInternet()) return new Decision(Set.of(Endpoint.INTERNET), "the internet", List.of(), null, false);
        String how = e.how() == null ? e.tier() : e.how();
        int cut = how.indexOf("; conflicting evidence: ");
        List<String> conflicts = cut < 0 ? List.of()
                : List.of(how.substring(cut + "; conflicting evidence: ".length()).split("; "));
        return new Decision(Set.of(e.tier()), cut < 0 ? how : how.substring(0, cut), conflicts, null,
                how.contains("tag " + tierTag));
    }

    /** The tier of a security group: its tag, else the tiers of the endpoints that carry it. */
    public Decision group(SecurityGroup g) {
        Decision tagged = tag(g);
        Map<String, List<String>> by = carriers.getOrDefault(g, Map.of());
        if (tagged != null) {
            List<String> conflicts = new ArrayList<>();
            by.forEach((tier, who) -> {
                if (!tagged.is(tier)) conflicts.add("carried by " + String.join(", ", who) + " (" + tier + ")");
            });
            return new Decision(tagged.tiers(), tagged.how(), conflicts, null, true);
        }
        if (by.isEmpty()) {
            return new Decision(Set.of(), "no tier: no endpoint of the input carries " + g.address(), List.of(), null,
                    false);
        }
        List<String> parts = new ArrayList<>();
        by.forEach((tier, who) -> parts.add(tier + ": carried by " + String.join(", ", who)));
        List<String> conflicts = by.size() > 1 ? List.of("carried by endpoints of " + by.size() + " tiers ("
                + String.join(", ", by.keySet()) + ")") : List.of();
        return new Decision(by.keySet(), String.join("; ", parts), conflicts, null, false);
    }

    /** The subnets of the model (those a plan deletes left out), each with its decision, in input order. */
    public Map<Subnet, Decision> subnets() {
        Map<Subnet, Decision> out = new LinkedHashMap<>();
        for (SubnetInfo s : topo.allSubnets) {
            if (s.subnet != null && !Topology.deleted(s.subnet)) out.put(s.subnet, subnet(s));
        }
        return out;
    }

    /**
     * The IPv4 default route ({@code 0.0.0.0/0}) of one route table that may be a subnet's effective one.
     *
     * @param table the table's name
     * @param location where the route (else the table) is declared
     * @param type the route's target kind; null when the table has no default route (or cannot be read)
     * @param target the target resource when the model has it
     * @param targetName the target as the input names it
     * @param blackhole why the route does not work (blackhole), else null
     * @param unknown why the table's default route cannot be told, else null
     */
    public record DefaultRoute(String table, Provenance location, RouteTarget type, Resource target, String targetName,
                               String blackhole, String unknown) {
    }

    /**
     * The default IPv4 route of each route table that may be the subnet's effective one (its explicit association,
     * else its VPC's main table; several when an association or the main table is unknown), as the reachability
     * engine resolves them. Empty when the subnet is not part of the model's network.
     */
    public List<DefaultRoute> defaultRoutes(Subnet s) {
        SubnetInfo info = topo.indexed(s);
        if (info == null) return List.of();
        if (info.unknownReason != null) {
            return List.of(new DefaultRoute(info.name, info.location(), null, null, null, null, info.unknownReason));
        }
        if (info.tables.isEmpty()) {
            return List.of(new DefaultRoute(info.name, info.location(), null, null, null, null,
                    "no route table is known for " + info.name));
        }
        List<DefaultRoute> out = new ArrayList<>();
        for (RouteTableInfo t : info.tables) out.add(defaultRoute(t));
        return out;
    }

    private static DefaultRoute defaultRoute(RouteTableInfo t) {
        if (t.unknown != null) return new DefaultRoute(t.name, t.location, null, null, null, null, t.unknown);
        String maybe = null;
        for (RouteTableInfo.RouteEntry r : t.routes) {
            if (r.local) continue;
            if (r.family == IpRange.V4 && r.destination != null && r.destination.isAll()) {
                return new DefaultRoute(t.name, r.location(t), r.type, r.target, r.targetName, r.blackhole, null);
            }
            if (maybe == null && r.destination == null && !r.prefixList) {
                maybe = "route table " + t.name + " has a route " + r.text + " whose destination is unknown";
            }
        }
        String unknown = maybe != null ? maybe : t.incomplete;
        return new DefaultRoute(t.name, t.location, null, null, null, null, unknown);
    }

    /**
     * Why the network makes a subnet public ("route table rt-1 sends 0.0.0.0/0 to igw-1"), whatever a tier tag says,
     * or null when its effective route table has no default route to an internet gateway or that cannot be told: a
     * rule that requires a private subnet must not take a tag for a route.
     */
    public String publicByRoute(Subnet s) {
        SubnetInfo info = topo.indexed(s);
        if (info == null) return null;
        Publicness p = publicness(info);
        return p.match == Match.YES ? p.why : null;
    }

    /**
     * The data-tier evidence of a subnet whatever its final tier ("member of DB subnet group aurora"), empty when it
     * has none: a rule about the data tier still judges a data subnet that is also public.
     */
    public List<String> dataEvidence(Subnet s) {
        SubnetInfo info = topo.indexed(s);
        return info == null ? List.of() : List.copyOf(groupMembers.getOrDefault(info, List.of()));
    }

    // ------------------------------------------------------------------------------------------------ building

    /** Called once {@link Placement} is done: where workloads sit, and who carries which security group. */
    void place(Placement p) {
        for (Endpoint e : p.endpoints) endpoints.putIfAbsent(e.resource(), e);
        for (Resource g : topo.model.ofTypes(List.of(DbSubnetGroup.class, CacheSubnetGroup.class))) {
            if (Topology.deleted(g)) continue;
            Value<List<Ref>> refs = g instanceof DbSubnetGroup d ? d.subnets : ((CacheSubnetGroup) g).subnets;
            String what = (g instanceof DbSubnetGroup ? "DB" : "cache") + " subnet group " + g.address();
            if (!refs.isPresent()) {
                unknownGroups.add("the subnets of " + what + " are " + refs.display());
                continue;
            }
            for (Ref ref : refs.get()) {
                SubnetInfo s = topo.subnet(g, Value.explicit(ref, refs.provenance()));
                List<String> l = groupMembers.computeIfAbsent(s, k -> new ArrayList<>());
                String line = "member of " + what;
                if (!l.contains(line)) l.add(line);
            }
        }
        for (Endpoint e : p.endpoints) {
            Resource r = e.resource();
            String kind = r instanceof NodeGroup ? "EKS node group" : r instanceof AutoScalingGroup ? "Auto Scaling group"
                    : r instanceof Instance ? "EC2 instance" : r instanceof EksCluster ? "EKS control plane" : null;
            for (Interface i : p.interfaces.get(e)) {
                for (SecurityGroupInfo g : i.groups.groups) {
                    if (g.group == null) continue;
                    List<String> who = carriers.computeIfAbsent(g.group, k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.tier(), k -> new ArrayList<>());
                    if (!who.contains(e.id())) who.add(e.id());
                }
                if (kind == null) continue;
                if (i.subnet.unknownReason != null) {
                    unknownHosts.add("the subnets of " + kind + " " + e.id() + " are unknown (" + i.subnet.unknownReason + ")");
                    continue;
                }
                List<String> l = hosts.computeIfAbsent(i.subnet, k -> new ArrayList<>());
                String line = "hosts " + kind + " " + e.id();
                if (!l.contains(line)) l.add(line);
            }
        }
    }

    private Decision subnet(SubnetInfo s) {
        Decision d = subnets.get(s);
        if (d == null) {
            d = decide(s);
            subnets.put(s, d);
        }
        return d;
    }

    private Decision decide(SubnetInfo s) {
        Publicness pub = publicness(s);
        List<String> data = groupMembers.getOrDefault(s, List.of());
        List<String> app = hosts.getOrDefault(s, List.of());
        List<String> conflicts = new ArrayList<>();
        // the network's reading
        String tier = null;
        String how = null;
        String unknown = null;
        if (pub.match == Match.YES) {
            tier = PUBLIC;
            how = PUBLIC + ": " + pub.why;
            for (String x : data) conflicts.add(x + " (data)");
            for (String x : app) conflicts.add(x + " (app)");
        } else if (pub.match == Match.MAYBE) {
            unknown = "whether " + s.name + " is public is unknown: " + pub.why;
        } else if (!data.isEmpty()) {
            tier = DATA;
            how = DATA + ": " + String.join(", ", data);
            for (String x : app) conflicts.add(x + " (app)");
        } else if (!unknownGroups.isEmpty()) {
            unknown = "whether " + s.name + " is in the data tier is unknown: " + String.join("; ", unknownGroups);
        } else if (!app.isEmpty()) {
            tier = APP;
            how = APP + ": " + String.join(", ", app);
        } else if (!unknownHosts.isEmpty()) {
            unknown = "whether " + s.name + " hosts the app tier is unknown: " + String.join("; ", unknownHosts);
        } else {
            how = "no tier: " + s.name + " is not public (" + pub.why + "), in no DB or cache subnet group and hosts no "
                    + "workload";
        }
        // the EKS subnet tags: supporting or conflicting, never deciding
        if (s.subnet != null) {
            String elb = s.subnet.tag(ELB_TAG);
            String internal = s.subnet.tag(INTERNAL_ELB_TAG);
            if (flag(elb) && unknown == null) {
                if (PUBLIC.equals(tier)) how += " (tag " + ELB_TAG + " agrees)";
                else conflicts.add("tag " + ELB_TAG + " = " + elb + " marks it public, but " + pub.why);
            }
            if (flag(internal) && unknown == null) {
                if (PUBLIC.equals(tier)) conflicts.add("tag " + INTERNAL_ELB_TAG + " = " + internal + " marks it private");
                else if (tier != null) how += " (tag " + INTERNAL_ELB_TAG + " agrees: private)";
            }
        }
        Decision tagged = s.subnet == null ? null : tag(s.subnet);
        if (tagged != null) {
            List<String> c = new ArrayList<>(conflicts);
            if (tier != null && !tagged.is(tier)) c.add(0, "the network says " + how);
            else if (tier == null && pub.match == Match.YES) c.add(0, "the network says public: " + pub.why);
            return new Decision(tagged.tiers(), tagged.how(), c, null, true);
        }
        if (s.subnet != null && s.subnet.tags.isUnknown() && unknown == null) {
            how += " (its tags are unknown: a " + tierTag + " tag would override)";
        }
        if (unknown != null) return new Decision(Set.of(), "unknown: " + unknown, conflicts, unknown, false);
        return new Decision(tier == null ? Set.of() : Set.of(tier), how, conflicts, null, false);
    }

    private static boolean flag(String v) {
        return v != null && !v.trim().equals("0") && !v.trim().equalsIgnoreCase("false");
    }

    private Decision tag(Resource r) {
        String t = r.tag(tierTag);
        if (t == null || t.isBlank()) return null;
        String tier = t.trim().toLowerCase(Locale.ROOT);
        return new Decision(Set.of(tier), tier + ": tag " + tierTag + " = " + t + " on " + r.address(), List.of(), null,
                true);
    }

    // ------------------------------------------------------------------------------------------------ publicness

    /** Whether a subnet is public by its route tables, and why. */
    record Publicness(Match match, String why) {
    }

    /** Whether the subnet's effective route table sends a default route to an internet gateway. */
    Publicness publicness(SubnetInfo s) {
        Publicness p = publicness.get(s);
        if (p == null) {
            p = computePublicness(s);
            publicness.put(s, p);
        }
        return p;
    }

    private static Publicness computePublicness(SubnetInfo s) {
        if (s.unknownReason != null) return new Publicness(Match.MAYBE, s.unknownReason);
        List<Publicness> each = new ArrayList<>();
        for (RouteTableInfo t : s.tables) each.add(table(t));
        if (each.isEmpty()) return new Publicness(Match.MAYBE, "no route table is known for " + s.name);
        boolean allYes = each.stream().allMatch(x -> x.match == Match.YES);
        boolean allNo = each.stream().allMatch(x -> x.match == Match.NO);
        if (each.size() == 1 || allYes || allNo) {
            Publicness first = each.get(0);
            if (each.size() == 1) return first;
            List<String> whys = each.stream().map(Publicness::why).toList();
            return new Publicness(first.match, String.join("; ", whys));
        }
        List<String> names = s.tables.stream().map(t -> t.name).toList();
        return new Publicness(Match.MAYBE, "its route table may be any of " + String.join(", ", names)
                + " (an association or the main table is unknown), and they disagree: " + String.join("; ",
                each.stream().map(Publicness::why).toList()));
    }

    /** One table: YES with the route, NO, or MAYBE with what cannot be read. */
    private static Publicness table(RouteTableInfo t) {
        if (t.unknown != null) return new Publicness(Match.MAYBE, t.unknown);
        String maybe = null;
        for (RouteTableInfo.RouteEntry r : t.routes) {
            if (r.blackhole != null || r.local) continue;
            boolean defaultDest = r.destination != null && r.destination.isAll();
            boolean destUnknown = r.destination == null && !r.prefixList;
            if (r.type == RouteTarget.INTERNET_GATEWAY && defaultDest) {
                return new Publicness(Match.YES, "route table " + t.name + " sends " + r.destination + " to "
                        + r.targetName);
            }
            if (maybe == null && r.type == RouteTarget.INTERNET_GATEWAY && destUnknown) {
                maybe = "route table " + t.name + " sends an unknown destination to internet gateway " + r.targetName;
            } else if (maybe == null && r.type == RouteTarget.UNKNOWN && (defaultDest || destUnknown)) {
                maybe = "route table " + t.name + " has a route " + r.text + " whose target kind is unknown";
            }
        }
        if (maybe != null) return new Publicness(Match.MAYBE, maybe);
        if (t.incomplete != null) return new Publicness(Match.MAYBE, t.incomplete);
        return new Publicness(Match.NO, (t.table == null ? t.name : "route table " + t.name)
                + " has no default route to an internet gateway");
    }
}
