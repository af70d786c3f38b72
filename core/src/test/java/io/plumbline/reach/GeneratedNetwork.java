package io.plumbline.reach;

import io.plumbline.model.ChangeAction;
import io.plumbline.model.Defaults;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.Listener;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NaclEntry;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.Route;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.SgRule.PeerKind;
import io.plumbline.model.network.Subnet;
import io.plumbline.model.network.Vpc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Small random but valid networks, built directly as {@link Model}s with a fixed seed, for the reachability property
 * test; plus the large network of the benchmark. Everything is known (no unknown values), references are by Terraform
 * address, one {@link SgRule} per peer, protocols spelled as {@link Protocols#normalise} spells them.
 *
 * <p>Plans carry no concrete IPs, so every CIDR used in a rule or entry either contains a whole subnet or misses it
 * (subnets are /24 — /27 in the large network — and every CIDR is aligned with a prefix at most that long), and either
 * contains every public address (0.0.0.0/0) or none (RFC 1918 blocks, IPv6): "any IP of the subnet" and "this IP", and
 * "the internet" and "203.0.113.7", then always agree.
 */
final class GeneratedNetwork {

    static final String TIER_TAG = "plumbline:tier";
    static final String VPC_CIDR = "10.0.0.0/16";
    static final String[] AZS = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};
    static final String[] AZ_IDS = {"euw1-az1", "euw1-az2", "euw1-az3"};

    final long seed;
    final Model model;
    final Builder b;

    private GeneratedNetwork(long seed, Builder b) {
        this.seed = seed;
        this.b = b;
        this.model = b.build();
    }

    /** The instances and load balancers (the resources that carry ENIs the property test compares). */
    List<Resource> endpoints() {
        List<Resource> out = new ArrayList<>(b.instances);
        out.addAll(b.loadBalancers);
        return out;
    }

    /** Ports worth probing: every rule and entry boundary (from-1, from, to, to+1) and the usual suspects. */
    TreeSet<Integer> interestingPorts() {
        TreeSet<Integer> ports = new TreeSet<>(List.of(0, 22, 80, 443, 1023, 1024, 3389, 5432, 6379, 65535));
        for (SecurityGroup g : b.groups) {
            for (SgRule r : g.rules) {
                if (r.allPorts() || "icmp".equals(r.protocol().get())) continue;
                addBoundary(ports, r.fromPort().get(), r.toPort().get());
            }
        }
        for (NetworkAcl n : b.nacls) {
            for (NaclEntry e : n.entries) {
                if ("-1".equals(e.protocol().get())) continue;
                addBoundary(ports, e.fromPort().get(), e.toPort().get());
            }
        }
        for (LoadBalancer lb : b.loadBalancers) for (Listener l : lb.listeners) addBoundary(ports, l.port().get(), l.port().get());
        return ports;
    }

    private static void addBoundary(Set<Integer> ports, int from, int to) {
        for (int p : new int[] {from - 1, from, to, to + 1}) if (p >= 0 && p <= 65535) ports.add(p);
    }

    // ================================================================== the random small network

    /** A network of 2–6 subnets, 2–6 security groups, 2–6 instances and one load balancer, decided by {@code seed}. */
    static GeneratedNetwork generate(long seed) {
        Builder b = new Builder("seed-" + seed);
        generateInto(b, new Random(seed));
        return new GeneratedNetwork(seed, b);
    }

    /**
     * {@code copies} networks of {@link #generate} (from seeds {@code seed}, {@code seed + 1000}, ...) in one model,
     * each in its own VPC with the same block, 10.0.0.0/16, as the copies of a stack in one plan (their addresses
     * prefixed {@code module.cK.}). With {@code unknownLinks}, the copies but the first get links unknown until
     * apply, drawn by the seed as the issue #11 benchmark does: every security group's VPC, and at random the load
     * balancer's subnets, an instance's security groups and the peer of rules naming a group. The same seed and
     * count give the same network with and without unknown links, resource by resource.
     */
    static GeneratedNetwork copies(long seed, int copies, boolean unknownLinks) {
        Builder b = new Builder("copies-" + seed);
        Random unknowns = new Random(seed * 31 + 7);
        for (int c = 0; c < copies; c++) {
            b.prefix = "module.c" + c + ".";
            int groups = b.groups.size();
            int instances = b.instances.size();
            int lbs = b.loadBalancers.size();
            generateInto(b, new Random(seed + 1000L * c));
            if (!unknownLinks || c == 0) continue;
            for (SecurityGroup g : b.groups.subList(groups, b.groups.size())) {
                g.vpc = Builder.unknown();
                for (int i = 0; i < g.rules.size(); i++) {
                    SgRule r = g.rules.get(i);
                    if (r.peerKind() == PeerKind.SECURITY_GROUP && unknowns.nextBoolean()) {
                        g.rules.set(i, new SgRule(r.direction(), r.protocol(), r.fromPort(), r.toPort(), r.peerKind(),
                                r.peerCidr(), Builder.unknown(), r.description(), r.origin(), r.location()));
                    }
                }
            }
            for (LoadBalancer lb : b.loadBalancers.subList(lbs, b.loadBalancers.size())) {
                if (unknowns.nextBoolean()) lb.subnets = Builder.unknown();
            }
            for (Instance i : b.instances.subList(instances, b.instances.size())) {
                if (unknowns.nextInt(3) == 0) i.securityGroups = Builder.unknown();
            }
        }
        return new GeneratedNetwork(seed, b);
    }

    private static void generateInto(Builder b, Random rnd) {
        Vpc vpc = b.vpc(VPC_CIDR);
        InternetGateway igw = b.igw("main");

        // Subnets: distinct /24s in 10.0.0.0–10.0.15.0, so that /20–/23 peers sometimes hold several of them.
        int nSubnets = 2 + rnd.nextInt(5);
        List<Integer> octets = new ArrayList<>();
        for (int i = 0; i < 16; i++) octets.add(i);
        Collections.shuffle(octets, rnd);
        List<Subnet> subnets = new ArrayList<>();
        for (int i = 0; i < nSubnets; i++) {
            int az = rnd.nextInt(AZS.length);
            subnets.add(b.subnet("s" + i, "10.0." + octets.get(i) + ".0/24", az, rnd.nextInt(3) == 0, "app"));
        }

        // Route tables: kinds first, associations, then NATs (in subnets that reach the IGW, mostly), then routes.
        int nTables = 1 + rnd.nextInt(3);
        List<RouteTable> tables = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < nTables; i++) {
            tables.add(b.routeTable("rt" + i));
            int k = rnd.nextInt(20);
            kinds.add(k < 9 ? "public" : k < 16 ? "private" : "isolated");
        }
        RouteTable main = rnd.nextInt(10) < 6 ? tables.get(rnd.nextInt(nTables)) : null;
        if (main != null) b.makeMain(main);
        Map<Subnet, RouteTable> effective = new LinkedHashMap<>();
        for (Subnet s : subnets) {
            if (main == null || rnd.nextInt(10) < 7) {
                RouteTable t = tables.get(rnd.nextInt(nTables));
                b.associate(t, s);
                effective.put(s, t);
            } else {
                effective.put(s, main);
            }
        }
        List<NatGateway> nats = new ArrayList<>();
        int nNats = rnd.nextInt(3);
        for (int i = 0; i < nNats; i++) {
            List<Subnet> publicOnes = new ArrayList<>();
            for (Subnet s : subnets) {
                RouteTable t = effective.get(s);
                if (t != null && "public".equals(kinds.get(tables.indexOf(t)))) publicOnes.add(s);
            }
            Subnet where = !publicOnes.isEmpty() && rnd.nextInt(5) > 0 ? publicOnes.get(rnd.nextInt(publicOnes.size()))
                    : subnets.get(rnd.nextInt(nSubnets));
            nats.add(b.nat("nat" + i, where));
        }
        for (int i = 0; i < nTables; i++) {
            RouteTable t = tables.get(i);
            if (rnd.nextInt(4) == 0) b.route(t, VPC_CIDR, RouteTarget.LOCAL, null, "active");
            switch (kinds.get(i)) {
                case "public" -> b.route(t, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, "active");
                case "private" -> {
                    if (!nats.isEmpty()) {
                        b.route(t, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nats.get(rnd.nextInt(nats.size())),
                                rnd.nextInt(8) == 0 ? "blackhole" : "active");
                    }
                }
                default -> {
                }
            }
            // A more specific route for the internet test address's block: longest prefix and blackholes.
            int extra = rnd.nextInt(8);
            if (extra == 0) {
                b.route(t, "203.0.113.0/24", RouteTarget.INTERNET_GATEWAY, igw, "active");
            } else if (extra == 1 && !nats.isEmpty()) {
                b.route(t, "203.0.113.0/24", RouteTarget.NAT_GATEWAY, nats.get(rnd.nextInt(nats.size())), "blackhole");
            } else if (extra == 2 && !nats.isEmpty()) {
                b.route(t, "203.0.0.0/8", RouteTarget.NAT_GATEWAY, nats.get(rnd.nextInt(nats.size())), "active");
            } else if (extra == 3) {
                b.route(t, "198.51.100.0/24", RouteTarget.INTERNET_GATEWAY, igw, "active");
            }
        }
        for (Subnet s : subnets) {
            RouteTable t = effective.get(s);
            String kind = t == null ? "isolated" : kinds.get(tables.indexOf(t));
            b.tag(s, "public".equals(kind) ? "public" : rnd.nextBoolean() ? "app" : "data");
        }

        // CIDR pool: whole-subnet-or-nothing, whole-internet-or-nothing.
        List<String> cidrs = new ArrayList<>(List.of("0.0.0.0/0", "0.0.0.0/0", VPC_CIDR, "10.0.0.0/8", "172.16.0.0/12",
                "10.0.200.0/24", "10.0.0.0/20", "10.0.16.0/20"));
        for (Subnet s : subnets) {
            String c = s.cidrBlock.get();
            int third = Integer.parseInt(c.split("\\.")[2]);
            cidrs.add(c);
            cidrs.add(c);
            cidrs.add("10.0." + (third & ~1) + ".0/23");
            cidrs.add("10.0." + (third & ~3) + ".0/22");
        }

        // Network ACLs: 0–2 custom ones on disjoint subnet sets; sometimes a declared default NACL.
        List<Subnet> unassociated = new ArrayList<>(subnets);
        Collections.shuffle(unassociated, rnd);
        int nNacls = rnd.nextInt(3);
        for (int i = 0; i < nNacls && !unassociated.isEmpty(); i++) {
            NetworkAcl n = b.nacl("acl" + i, false);
            int take = 1 + rnd.nextInt(unassociated.size());
            for (int k = 0; k < take && !unassociated.isEmpty(); k++) b.associate(n, unassociated.remove(0));
            randomEntries(b, n, rnd, cidrs);
        }
        if (rnd.nextInt(3) == 0) {
            NetworkAcl d = b.nacl("default", true);
            if (rnd.nextBoolean()) {
                b.naclEntry(d, 100, false, "-1", "allow", "0.0.0.0/0", 0, 0);
                b.naclEntry(d, 100, true, "-1", "allow", "0.0.0.0/0", 0, 0);
            } else {
                randomEntries(b, d, rnd, cidrs);
            }
        }

        // Security groups and their rules.
        int nGroups = 2 + rnd.nextInt(5);
        List<SecurityGroup> groups = new ArrayList<>();
        for (int i = 0; i < nGroups; i++) groups.add(b.sg("sg" + i, i % 3 == 0 ? "public" : i % 3 == 1 ? "app" : "data"));
        for (SecurityGroup g : groups) {
            if (rnd.nextInt(10) < 4) {
                int[] range = rnd.nextBoolean() ? new int[] {443, 443} : randomRange(rnd);
                b.cidrRule(g, Direction.INGRESS, "tcp", range[0], range[1], "0.0.0.0/0");
            }
            int ingress = rnd.nextInt(6);
            for (int k = 0; k < ingress; k++) randomRule(b, g, Direction.INGRESS, rnd, cidrs, groups);
            if (rnd.nextInt(10) < 6) b.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            int egress = rnd.nextInt(4);
            for (int k = 0; k < egress; k++) randomRule(b, g, Direction.EGRESS, rnd, cidrs, groups);
        }

        // Instances.
        int nInstances = 2 + rnd.nextInt(5);
        for (int i = 0; i < nInstances; i++) {
            Subnet s = subnets.get(rnd.nextInt(nSubnets));
            List<SecurityGroup> sgs = pick(groups, 1 + rnd.nextInt(Math.min(3, nGroups)), rnd);
            int p = rnd.nextInt(10);
            if ("public".equals(s.tag(TIER_TAG))) p = p < 5 ? 0 : p - 5; // public subnets: mostly public IPs
            Boolean publicIp = p < 3 ? Boolean.TRUE : p < 6 ? Boolean.FALSE : null;
            b.instance("i" + i, s, publicIp, s.tag(TIER_TAG), sgs);
        }

        // One load balancer, enabled in every AZ that holds a subnet (no AZ restriction to argue about).
        Map<String, List<Subnet>> byAz = new LinkedHashMap<>();
        for (Subnet s : subnets) byAz.computeIfAbsent(s.availabilityZone.get(), k -> new ArrayList<>()).add(s);
        Set<Subnet> lbSubnets = new LinkedHashSet<>();
        for (List<Subnet> inAz : byAz.values()) lbSubnets.add(inAz.get(rnd.nextInt(inAz.size())));
        for (Subnet s : subnets) if (rnd.nextInt(4) == 0) lbSubnets.add(s);
        List<Integer> listenerPorts = switch (rnd.nextInt(3)) {
            case 0 -> List.of(443);
            case 1 -> List.of(80);
            default -> List.of(80, 443);
        };
        // Its security groups: mostly a group of its own open on the listener ports, plus maybe a shared one.
        List<SecurityGroup> lbGroups = new ArrayList<>();
        if (rnd.nextInt(10) < 7) {
            SecurityGroup own = b.sg("lb", "public");
            for (int port : listenerPorts) {
                b.cidrRule(own, Direction.INGRESS, "tcp", port, port, rnd.nextInt(5) == 0 ? VPC_CIDR : "0.0.0.0/0");
            }
            if (rnd.nextInt(10) < 8) b.cidrRule(own, Direction.EGRESS, "tcp", 0, 65535, rnd.nextBoolean() ? VPC_CIDR : "0.0.0.0/0");
            lbGroups.add(own);
            groups.add(own);
        }
        if (lbGroups.isEmpty() || rnd.nextBoolean()) lbGroups.add(groups.get(rnd.nextInt(nGroups)));
        b.loadBalancer("lb", rnd.nextInt(3) == 0, new ArrayList<>(lbSubnets), lbGroups, listenerPorts);
    }

    private static void randomEntries(Builder b, NetworkAcl n, Random rnd, List<String> cidrs) {
        for (boolean egress : new boolean[] {false, true}) {
            int count = 1 + rnd.nextInt(6);
            Set<Integer> numbers = new TreeSet<>();
            while (numbers.size() < count) numbers.add(1 + rnd.nextInt(400));
            List<Integer> order = new ArrayList<>(numbers);
            Collections.shuffle(order, rnd); // entries come in any order; the evaluators must sort them
            for (int no : order) {
                String action = rnd.nextInt(10) < 6 ? "allow" : "deny";
                String cidr = cidrs.get(rnd.nextInt(cidrs.size()));
                switch (rnd.nextInt(5)) {
                    case 0 -> b.naclEntry(n, no, egress, "-1", action, cidr, 0, 0);
                    case 1 -> b.naclEntry(n, no, egress, "tcp", action, cidr, 1024, 65535);
                    default -> {
                        int[] range = randomRange(rnd);
                        b.naclEntry(n, no, egress, rnd.nextInt(4) == 0 ? "udp" : "tcp", action, cidr, range[0], range[1]);
                    }
                }
            }
            if (rnd.nextInt(10) < 6) b.naclEntry(n, 500 + rnd.nextInt(32000), egress, "-1", "allow", "0.0.0.0/0", 0, 0);
        }
    }

    private static void randomRule(Builder b, SecurityGroup g, Direction dir, Random rnd, List<String> cidrs,
                                   List<SecurityGroup> groups) {
        String proto;
        int from;
        int to;
        int p = rnd.nextInt(12);
        if (p < 2) {
            proto = "-1";
            from = 0;
            to = 0;
        } else if (p < 3) {
            proto = "icmp";
            from = -1;
            to = -1;
        } else if (p < 4) {
            proto = "50"; // ESP: a protocol number, all ports, never tcp/udp/icmp
            from = 0;
            to = 0;
        } else {
            proto = p < 6 ? "udp" : "tcp";
            int[] range = randomRange(rnd);
            from = range[0];
            to = range[1];
        }
        int peer = rnd.nextInt(10);
        if (peer < 5) {
            b.cidrRule(g, dir, proto, from, to, cidrs.get(rnd.nextInt(cidrs.size())));
        } else if (peer < 6) {
            b.ipv6Rule(g, dir, proto, from, to, "::/0");
        } else if (peer < 8) {
            b.groupRule(g, dir, proto, from, to, groups.get(rnd.nextInt(groups.size())));
        } else {
            b.selfRule(g, dir, proto, from, to);
        }
    }

    private static final int[] WELL_KNOWN = {22, 53, 80, 443, 3389, 5432, 6379, 8080, 8443, 10250};

    private static int[] randomRange(Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0, 1 -> {
                int port = WELL_KNOWN[rnd.nextInt(WELL_KNOWN.length)];
                return new int[] {port, port};
            }
            case 2 -> {
                return new int[] {0, 65535};
            }
            case 3 -> {
                return new int[] {1024, 65535};
            }
            case 4 -> {
                int from = rnd.nextInt(2000);
                return new int[] {from, from + rnd.nextInt(2000)};
            }
            default -> {
                int from = rnd.nextInt(65536);
                return new int[] {from, from + rnd.nextInt(65536 - from)};
            }
        }
    }

    private static <T> List<T> pick(List<T> from, int n, Random rnd) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, rnd);
        return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    }

    // ================================================================== the large network of the benchmark

    /**
     * A large network: {@code subnets} /27 subnets of 10.0.0.0/16 (at most 2048), {@code groups} security groups with
     * {@code rules} rules in all (CIDR and SG-reference peers, port ranges), NACLs, route tables with NATs, and
     * {@code endpoints} instances plus a few load balancers, tagged {@code plumbline:tier} public/app/data.
     */
    static GeneratedNetwork large(long seed, int subnets, int groups, int rules, int endpoints) {
        if (subnets > 2048) throw new IllegalArgumentException("10.0.0.0/16 holds 2048 /27 subnets");
        Random rnd = new Random(seed);
        Builder b = new Builder("large-" + seed);
        b.vpc(VPC_CIDR);
        InternetGateway igw = b.igw("main");
        String[] tiers = {"public", "app", "data"};
        Map<String, List<Subnet>> subnetsByTier = new LinkedHashMap<>();
        List<Subnet> all = new ArrayList<>();
        for (int i = 0; i < subnets; i++) {
            String tier = i % 10 == 0 ? "public" : i % 10 < 7 ? "app" : "data";
            int az = i % AZS.length;
            String cidr = "10.0." + (i / 8) + "." + (i % 8) * 32 + "/27";
            Subnet s = b.subnet("s" + i, cidr, az, "public".equals(tier), tier);
            subnetsByTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(s);
            all.add(s);
        }
        // Route tables: one public table, one private table per AZ (to its own NAT), a main isolated table; a few
        // dozen extra private tables so that the route layer is not trivially shared.
        RouteTable pub = b.routeTable("public");
        b.route(pub, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, "active");
        RouteTable mainTable = b.routeTable("main");
        b.makeMain(mainTable);
        List<Subnet> publicSubnets = subnetsByTier.get("public");
        List<NatGateway> nats = new ArrayList<>();
        for (int az = 0; az < AZS.length; az++) {
            for (Subnet s : publicSubnets) {
                if (s.availabilityZone.get().equals(AZS[az])) {
                    nats.add(b.nat("nat" + az, s));
                    break;
                }
            }
        }
        List<RouteTable> privateTables = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            RouteTable t = b.routeTable("private" + k);
            if (!nats.isEmpty()) b.route(t, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nats.get(k % nats.size()), "active");
            privateTables.add(t);
        }
        for (Subnet s : all) {
            String tier = s.tag(TIER_TAG);
            if ("public".equals(tier)) b.associate(pub, s);
            else if ("app".equals(tier) || rnd.nextInt(4) > 0) b.associate(privateTables.get(rnd.nextInt(privateTables.size())), s);
            // else: data subnet on the main (isolated) table
        }
        List<String> cidrs = new ArrayList<>(List.of("0.0.0.0/0", VPC_CIDR, "10.0.0.0/8"));
        // NACLs: about one per 50 subnets, each serving subnets of one tier, 20 numbered entries each way plus the
        // usual ephemeral-return, intra-VPC and (public tier) HTTPS entries.
        int naclsPerTier = Math.max(1, subnets / 150);
        for (String tier : tiers) {
            List<NetworkAcl> tierAcls = new ArrayList<>();
            for (int k = 0; k < naclsPerTier; k++) {
                NetworkAcl n = b.nacl("acl_" + tier + k, false);
                tierAcls.add(n);
                int no = 100;
                for (int e = 0; e < 20; e++) {
                    Subnet peer = all.get(rnd.nextInt(all.size()));
                    String cidr = rnd.nextBoolean() ? peer.cidrBlock.get() : "10.0." + (rnd.nextInt(256) & ~3) + ".0/22";
                    int[] range = randomRange(rnd);
                    b.naclEntry(n, no, false, "tcp", rnd.nextInt(5) == 0 ? "deny" : "allow", cidr, range[0], range[1]);
                    b.naclEntry(n, no, true, "tcp", rnd.nextInt(5) == 0 ? "deny" : "allow", cidr, range[0], range[1]);
                    no += 10;
                }
                b.naclEntry(n, 1000, false, "tcp", "allow", "0.0.0.0/0", 1024, 65535);
                b.naclEntry(n, 1000, true, "tcp", "allow", "0.0.0.0/0", 1024, 65535);
                b.naclEntry(n, 1010, false, "-1", "allow", VPC_CIDR, 0, 0);
                b.naclEntry(n, 1010, true, "-1", "allow", VPC_CIDR, 0, 0);
                if ("public".equals(tier)) {
                    b.naclEntry(n, 1020, false, "tcp", "allow", "0.0.0.0/0", 443, 443);
                    b.naclEntry(n, 1020, true, "-1", "allow", "0.0.0.0/0", 0, 0);
                }
            }
            List<Subnet> tierSubnets = subnetsByTier.get(tier);
            for (int k = 0; k < tierSubnets.size(); k++) b.associate(tierAcls.get(k % tierAcls.size()), tierSubnets.get(k));
        }
        // Security groups: a tier each, rules with CIDR peers (subnets, VPC, internet) and SG references.
        Map<String, List<SecurityGroup>> groupsByTier = new LinkedHashMap<>();
        List<SecurityGroup> allGroups = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            String tier = tiers[i % 3];
            SecurityGroup g = b.sg("sg" + i, tier);
            groupsByTier.computeIfAbsent(tier, k -> new ArrayList<>()).add(g);
            allGroups.add(g);
        }
        for (int i = 0; i < rules; i++) {
            SecurityGroup g = allGroups.get(i < groups ? i : rnd.nextInt(groups));
            if (i < groups) {
                // every group gets an egress rule first
                if (rnd.nextInt(3) > 0) b.cidrRule(g, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
                else b.cidrRule(g, Direction.EGRESS, "tcp", 0, 65535, VPC_CIDR);
                continue;
            }
            Direction dir = rnd.nextInt(5) == 0 ? Direction.EGRESS : Direction.INGRESS;
            String proto = rnd.nextInt(10) == 0 ? "-1" : rnd.nextInt(8) == 0 ? "udp" : "tcp";
            int[] range = "-1".equals(proto) ? new int[] {0, 0} : randomRange(rnd);
            int peer = rnd.nextInt(10);
            if (peer < 4) {
                String tier = tiers[rnd.nextInt(3)];
                List<SecurityGroup> pool = groupsByTier.get(tier);
                b.groupRule(g, dir, proto, range[0], range[1], pool.get(rnd.nextInt(pool.size())));
            } else if (peer < 5) {
                b.selfRule(g, dir, proto, range[0], range[1]);
            } else if (peer < 9) {
                b.cidrRule(g, dir, proto, range[0], range[1], all.get(rnd.nextInt(all.size())).cidrBlock.get());
            } else {
                b.cidrRule(g, dir, proto, range[0], range[1], cidrs.get(rnd.nextInt(cidrs.size())));
            }
        }
        // Endpoints: instances in the app and data tiers (and a few public ones), load balancers in public subnets.
        int lbs = Math.max(1, endpoints / 200);
        for (int i = 0; i < endpoints - lbs; i++) {
            String tier = i % 20 == 0 ? "public" : i % 3 == 0 ? "data" : "app";
            List<Subnet> pool = subnetsByTier.get(tier);
            Subnet s = pool.get(rnd.nextInt(pool.size()));
            List<SecurityGroup> sgPool = groupsByTier.get(tier);
            List<SecurityGroup> sgs = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int k = 0; k < n; k++) {
                SecurityGroup g = sgPool.get(rnd.nextInt(sgPool.size()));
                if (!sgs.contains(g)) sgs.add(g);
            }
            b.instance("i" + i, s, "public".equals(tier) ? Boolean.TRUE : Boolean.FALSE, tier, sgs);
        }
        for (int i = 0; i < lbs; i++) {
            List<Subnet> lbSubnets = new ArrayList<>();
            for (int az = 0; az < AZS.length; az++) {
                for (int tries = 0; tries < 50; tries++) {
                    Subnet s = publicSubnets.get(rnd.nextInt(publicSubnets.size()));
                    if (s.availabilityZone.get().equals(AZS[az])) {
                        lbSubnets.add(s);
                        break;
                    }
                }
            }
            List<SecurityGroup> pool = groupsByTier.get("public");
            b.loadBalancer("lb" + i, i % 4 == 3, lbSubnets, List.of(pool.get(rnd.nextInt(pool.size()))), List.of(80, 443));
        }
        return new GeneratedNetwork(seed, b);
    }

    // ================================================================== dump

    /** A readable description of the whole network, enough to rebuild it by hand. */
    String dump() {
        StringBuilder sb = new StringBuilder();
        sb.append("network seed ").append(seed).append(" (GeneratedNetwork.generate(").append(seed).append("L))\n");
        for (Resource r : b.resources) {
            if (r instanceof Vpc v) sb.append("  vpc ").append(v.address()).append(' ').append(v.cidrBlock.get()).append('\n');
        }
        for (InternetGateway g : b.igws) sb.append("  igw ").append(g.address()).append('\n');
        for (Subnet s : b.subnets) {
            sb.append("  subnet ").append(s.address()).append(' ').append(s.cidrBlock.get()).append(' ')
                    .append(s.availabilityZone.get()).append(" tier=").append(s.tag(TIER_TAG))
                    .append(" mapPublicIpOnLaunch=").append(s.mapPublicIpOnLaunch.get()).append('\n');
        }
        for (RouteTable t : b.tables) {
            sb.append("  route table ").append(t.address()).append(t.main.is(true) ? " MAIN" : "").append(" subnets=");
            List<String> names = new ArrayList<>();
            for (Value<Ref> r : t.subnets) names.add(r.get().target());
            sb.append(names).append('\n');
            for (Route r : t.routes) {
                sb.append("    ").append(r.destinationCidr().get()).append(" -> ").append(r.targetType())
                        .append(r.target().isPresent() ? " " + r.target().get().target() : "")
                        .append(" [").append(r.state().get()).append("]\n");
            }
        }
        if (b.tables.stream().noneMatch(t -> t.main.is(true))) sb.append("  (no main table declared: AWS main table, local route only)\n");
        for (NatGateway n : b.nats) sb.append("  nat ").append(n.address()).append(" in ").append(n.subnet.get().target()).append('\n');
        for (NetworkAcl n : b.nacls) {
            List<String> names = new ArrayList<>();
            for (Value<Ref> r : n.subnets) names.add(r.get().target());
            sb.append("  nacl ").append(n.address()).append(n.isDefault.is(true) ? " DEFAULT" : "").append(" subnets=")
                    .append(names).append('\n');
            List<NaclEntry> sorted = new ArrayList<>(n.entries);
            sorted.sort((x, y) -> x.egress() != y.egress() ? Boolean.compare(x.egress(), y.egress())
                    : Integer.compare(x.ruleNumber().get(), y.ruleNumber().get()));
            for (NaclEntry e : sorted) {
                sb.append("    ").append(e.egress() ? "out " : "in  ").append(e.ruleNumber().get()).append(' ')
                        .append(e.action().get()).append(' ').append(e.protocol().get()).append(' ')
                        .append(e.fromPort().get()).append('-').append(e.toPort().get()).append(' ')
                        .append(e.cidr().get()).append('\n');
            }
        }
        if (b.nacls.stream().noneMatch(n -> n.isDefault.is(true))) sb.append("  (no default NACL declared: AWS default, allow all)\n");
        for (SecurityGroup g : b.groups) {
            sb.append("  sg ").append(g.address()).append('\n');
            for (SgRule r : g.rules) {
                sb.append("    ").append(r.direction() == Direction.INGRESS ? "in  " : "out ").append(r.protocol().get())
                        .append(' ').append(r.fromPort().get()).append('-').append(r.toPort().get()).append(' ')
                        .append(r.peerKind()).append(' ')
                        .append(r.peerCidr().isPresent() ? r.peerCidr().get() : r.peerGroup().isPresent()
                                ? r.peerGroup().get().target() : "(unknown)").append('\n');
            }
        }
        for (Instance i : b.instances) {
            List<String> sgs = names(i.securityGroups);
            sb.append("  instance ").append(i.address()).append(" subnet=").append(i.subnet.get().target())
                    .append(" sgs=").append(sgs).append(" associatePublicIp=").append(i.associatePublicIp.get()).append('\n');
        }
        for (LoadBalancer lb : b.loadBalancers) {
            List<String> subs = names(lb.subnets);
            List<String> sgs = names(lb.securityGroups);
            List<String> ls = new ArrayList<>();
            for (Listener l : lb.listeners) ls.add(l.protocol().get() + ":" + l.port().get());
            sb.append("  load balancer ").append(lb.address()).append(lb.internal.get() ? " internal" : " internet-facing")
                    .append(" subnets=").append(subs).append(" sgs=").append(sgs).append(" listeners=").append(ls).append('\n');
        }
        return sb.toString();
    }

    private static List<String> names(Value<List<Ref>> refs) {
        List<String> out = new ArrayList<>();
        if (!refs.isPresent()) {
            out.add("(unknown)");
            return out;
        }
        for (Ref r : refs.get()) out.add(r.target());
        return out;
    }

    // ================================================================== builder

    /** Builds model resources the way the Terraform source would (addresses, refs, normalised values). */
    static final class Builder {
        private static final Provenance P = Provenance.NONE;
        private final String name;
        /** Put before every address (a module path: several copies of a network in one model). */
        String prefix = "";
        final List<Resource> resources = new ArrayList<>();
        Vpc vpc;
        final List<InternetGateway> igws = new ArrayList<>();
        final List<Subnet> subnets = new ArrayList<>();
        final List<RouteTable> tables = new ArrayList<>();
        final List<NatGateway> nats = new ArrayList<>();
        final List<NetworkAcl> nacls = new ArrayList<>();
        final List<SecurityGroup> groups = new ArrayList<>();
        final List<Instance> instances = new ArrayList<>();
        final List<LoadBalancer> loadBalancers = new ArrayList<>();
        private int ruleSeq;

        Builder(String name) {
            this.name = name;
        }

        private <T extends Resource> T common(T r, String tier) {
            r.change = ChangeAction.CREATE;
            r.region = Value.explicit("eu-west-1", P);
            r.tags = Value.explicit(tier == null ? Map.of() : Map.of(TIER_TAG, tier), P);
            resources.add(r);
            return r;
        }

        /** A value known only after apply, which no configuration reference resolves. */
        static <T> Value<T> unknown() {
            return Value.unknown("known only after apply (generated)", P);
        }

        private static <T> Value<T> v(T value) {
            return Value.explicit(value, P);
        }

        private static Value<Ref> ref(Resource r) {
            return v(new Ref(r.address()));
        }

        Vpc vpc(String cidr) {
            vpc = common(new Vpc(prefix + "aws_vpc.main", "aws_vpc", P), null);
            vpc.cidrBlock = v(cidr);
            vpc.ipv6CidrBlocks = v(List.of());
            vpc.isDefault = v(false);
            return vpc;
        }

        InternetGateway igw(String n) {
            InternetGateway g = common(new InternetGateway(prefix + "aws_internet_gateway." + n, "aws_internet_gateway", P), null);
            g.vpc = ref(vpc);
            igws.add(g);
            return g;
        }

        Subnet subnet(String n, String cidr, int az, boolean mapPublicIp, String tier) {
            Subnet s = common(new Subnet(prefix + "aws_subnet." + n, "aws_subnet", P), tier);
            s.vpc = ref(vpc);
            s.availabilityZone = v(AZS[az]);
            s.availabilityZoneId = v(AZ_IDS[az]);
            s.cidrBlock = v(cidr);
            s.ipv6CidrBlock = v(null);
            s.mapPublicIpOnLaunch = v(mapPublicIp);
            subnets.add(s);
            return s;
        }

        void tag(Resource r, String tier) {
            r.tags = v(Map.of(TIER_TAG, tier));
        }

        RouteTable routeTable(String n) {
            RouteTable t = common(new RouteTable(prefix + "aws_route_table." + n, "aws_route_table", P), null);
            t.vpc = ref(vpc);
            t.main = Value.defaulted(Defaults.TF_ROUTE_TABLE_NOT_MAIN, P);
            tables.add(t);
            return t;
        }

        void makeMain(RouteTable t) {
            t.main = v(true); // aws_main_route_table_association folded in
            t.addFolded("aws_main_route_table_association." + t.address().substring(t.address().indexOf('.') + 1));
        }

        void associate(RouteTable t, Subnet s) {
            t.subnets.add(ref(s));
        }

        /** {@code target} null for the local route. */
        void route(RouteTable t, String cidr, RouteTarget type, Resource target, String state) {
            Value<Ref> to = target == null ? v(new Ref("local")) : ref(target);
            t.routes.add(new Route(v(cidr), v(null), v(null), type, to, v(state), P));
        }

        NatGateway nat(String n, Subnet s) {
            NatGateway g = common(new NatGateway(prefix + "aws_nat_gateway." + n, "aws_nat_gateway", P), "egress");
            g.subnet = ref(s);
            g.connectivityType = v("public");
            nats.add(g);
            return g;
        }

        NetworkAcl nacl(String n, boolean isDefault) {
            String type = isDefault ? "aws_default_network_acl" : "aws_network_acl";
            NetworkAcl a = common(new NetworkAcl(prefix + type + "." + n, type, P), null);
            a.vpc = ref(vpc);
            a.isDefault = v(isDefault);
            nacls.add(a);
            return a;
        }

        void associate(NetworkAcl n, Subnet s) {
            n.subnets.add(ref(s));
        }

        void naclEntry(NetworkAcl n, int number, boolean egress, String protocol, String action, String cidr, int from,
                       int to) {
            n.entries.add(new NaclEntry(v(number), egress, v(Protocols.normalise(protocol)), v(action), v(cidr), v(null),
                    v(from), v(to), P));
        }

        SecurityGroup sg(String n, String tier) {
            SecurityGroup g = common(new SecurityGroup(prefix + "aws_security_group." + n, "aws_security_group", P), tier);
            g.vpc = ref(vpc);
            g.groupName = v(name + "-" + prefix + n);
            g.description = v("generated");
            groups.add(g);
            return g;
        }

        private String origin(SecurityGroup g) {
            // alternate inline rules and standalone aws_vpc_security_group_*_rule resources
            return ruleSeq++ % 2 == 0 ? g.address() : prefix + "aws_vpc_security_group_rule.r" + ruleSeq;
        }

        void cidrRule(SecurityGroup g, Direction dir, String proto, int from, int to, String cidr) {
            g.rules.add(new SgRule(dir, v(Protocols.normalise(proto)), v(from), v(to), PeerKind.CIDR_IPV4, v(cidr),
                    Value.notInInput(), null, origin(g), P));
        }

        void ipv6Rule(SecurityGroup g, Direction dir, String proto, int from, int to, String cidr) {
            g.rules.add(new SgRule(dir, v(Protocols.normalise(proto)), v(from), v(to), PeerKind.CIDR_IPV6, v(cidr),
                    Value.notInInput(), null, origin(g), P));
        }

        void groupRule(SecurityGroup g, Direction dir, String proto, int from, int to, SecurityGroup peer) {
            g.rules.add(new SgRule(dir, v(Protocols.normalise(proto)), v(from), v(to), PeerKind.SECURITY_GROUP,
                    Value.notInInput(), ref(peer), null, origin(g), P));
        }

        void selfRule(SecurityGroup g, Direction dir, String proto, int from, int to) {
            g.rules.add(new SgRule(dir, v(Protocols.normalise(proto)), v(from), v(to), PeerKind.SELF, Value.notInInput(),
                    ref(g), null, origin(g), P));
        }

        /** {@code publicIp} null: not set, the subnet's {@code map_public_ip_on_launch} decides. */
        Instance instance(String n, Subnet s, Boolean publicIp, String tier, List<SecurityGroup> sgs) {
            Instance i = common(new Instance(prefix + "aws_instance." + n, "aws_instance", P), tier);
            i.subnet = ref(s);
            List<Ref> refs = new ArrayList<>();
            for (SecurityGroup g : sgs) refs.add(new Ref(g.address()));
            i.securityGroups = v(refs);
            i.associatePublicIp = v(publicIp);
            i.availabilityZone = s.availabilityZone;
            instances.add(i);
            return i;
        }

        LoadBalancer loadBalancer(String n, boolean internal, List<Subnet> subs, List<SecurityGroup> sgs,
                                  List<Integer> listenerPorts) {
            LoadBalancer lb = common(new LoadBalancer(prefix + "aws_lb." + n, "aws_lb", P), "public");
            lb.type = v("application");
            lb.internal = v(internal);
            List<Ref> s = new ArrayList<>();
            for (Subnet x : subs) s.add(new Ref(x.address()));
            lb.subnets = v(s);
            List<Ref> g = new ArrayList<>();
            for (SecurityGroup x : sgs) g.add(new Ref(x.address()));
            lb.securityGroups = v(g);
            lb.deletionProtection = v(false);
            lb.accessLogsEnabled = v(false);
            lb.dropInvalidHeaderFields = v(true);
            for (int port : listenerPorts) {
                String address = prefix + "aws_lb_listener." + n + "_" + port;
                boolean https = port == 443;
                lb.listeners.add(new Listener(address, v(port), v(https ? "HTTPS" : "HTTP"),
                        v(https ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null),
                        v(https ? "arn:aws:acm:eu-west-1:123456789012:certificate/generated" : null),
                        v(https ? "forward" : "redirect"), v(https ? null : "HTTPS"),
                        v(https ? new Ref(prefix + "aws_lb_target_group." + n) : null), P));
                lb.addFolded(address);
            }
            loadBalancers.add(lb);
            return lb;
        }

        Model build() {
            return new Model(resources, List.of(), List.of());
        }
    }
}
