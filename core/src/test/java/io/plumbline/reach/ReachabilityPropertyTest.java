package io.plumbline.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.network.Instance;
import io.plumbline.model.network.InternetGateway;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.NetworkAcl;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.RouteTable;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule.Direction;
import io.plumbline.model.network.Subnet;
import io.plumbline.profile.Profile;
import io.plumbline.profile.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The reachability engine against an independent brute-force evaluator ({@link BruteForceEvaluator}) on 300 random
 * networks ({@link GeneratedNetwork}, seeds 1..300): for every ordered pair of endpoints (the internet included, both
 * ways: the engine's whole internet against "some of a few public addresses", and the engine's internet restricted
 * to 203.0.113.7/32 against that one address), tcp and udp on sampled ports (rule boundaries from-1/from/to/to+1, 0, 22, 80, 443, 1023, 1024, 65535) and
 * icmp, {@code path(src, dst, one port)} must be ALLOWED exactly when the brute force lets the packet and its reply
 * through from some ENI of src to some ENI of dst; UNKNOWN exactly when the only thing that decides is the client's
 * ephemeral port (the reply passes the NACLs for some ports of 1024–65535 only: no input gives that port); DENIED
 * otherwise (the networks have no unknown values, so any other UNKNOWN is wrong).
 * A failure prints the seed, the pair, the port, both answers with their reasons, and a dump of the network;
 * {@code GeneratedNetwork.generate(seed)} rebuilds it.
 */
class ReachabilityPropertyTest {

    static final int FIRST_SEED = 1;
    static final int LAST_SEED = 300;
    /** Sampled ports per pair and protocol, beyond the fixed ones. */
    static final int SAMPLED_PORTS = 6;
    static final int[] FIXED_PORTS = {0, 22, 80, 443, 1023, 1024, 65535};
    /** Reported in full: at most this many mismatches of each kind, and this many in all. */
    static final int REPORTED_PER_KIND = 3;
    static final int MAX_REPORTED = 25;

    static Profile profile;

    @BeforeAll
    static void loadProfile() throws IOException {
        profile = referenceProfile();
    }

    static Profile referenceProfile() throws IOException {
        Path root = root();
        try (InputStream in = Files.newInputStream(
                root.resolve("infra-reference/src/main/resources/io/plumbline/reference/profile.yaml"))) {
            return ProfileLoader.load(in, "reference profile", null);
        }
    }

    static Path root() {
        String prop = System.getProperty("plumbline.root");
        if (prop != null) return Path.of(prop);
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("infra-reference"))) return d;
        }
        throw new IllegalStateException("plumbline.root not set and no infra-reference/ above " + Path.of("").toAbsolutePath());
    }

    // ================================================================== the property

    @Test
    void engineAgreesWithBruteForceOnGeneratedNetworks() {
        Stats stats = new Stats();
        Reports reports = new Reports();
        Set<Long> dumped = new LinkedHashSet<>();
        Path failures = Path.of("target", "reachability-property-failures.txt");
        try {
            Files.deleteIfExists(failures); // never leave the last run's failures beside a passing run
        } catch (IOException ignored) {
            // not fatal
        }
        long t0 = System.nanoTime();
        for (long seed = FIRST_SEED; seed <= LAST_SEED; seed++) {
            GeneratedNetwork net = GeneratedNetwork.generate(seed);
            checkNetwork(net, stats, reports, dumped);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String summary = String.format("reachability property: %d networks, %d cases (brute force: %d allowed, %d "
                        + "depending on the client's ephemeral port, %d denied), %d mismatches (%d of them on ALLOWED or "
                        + "not), %d pairs skipped (endpoints other than instances and load balancers), %d ms",
                LAST_SEED - FIRST_SEED + 1, stats.cases, stats.allowed, stats.ephemeral,
                stats.cases - stats.allowed - stats.ephemeral, stats.mismatches, stats.allowedMismatches,
                stats.skippedPairs, ms);
        if (reports.all.isEmpty()) System.out.println(summary);
        if (!reports.all.isEmpty()) {
            StringBuilder kinds = new StringBuilder("mismatches by kind:\n");
            reports.counts.forEach((k, n) -> kinds.append(String.format("  %7d  %s%n", n, k)));
            summary = summary + "\n" + kinds;
            String all = summary + "\n" + String.join("\n", reports.all);
            System.out.println(all);
            try {
                Files.createDirectories(failures.getParent());
                Files.writeString(failures, all);
            } catch (IOException | RuntimeException ignored) {
                // printing is enough
            }
            fail(summary + "first mismatch:\n" + reports.all.get(0));
        }
        assertTrue(stats.allowed > 0 && stats.allowed < stats.cases, "the generator must produce both verdicts: " + summary);
    }

    static final class Stats {
        long cases;
        long allowed;
        long ephemeral;
        long mismatches;
        long allowedMismatches;
        long skippedPairs;
    }

    /** Mismatches counted by kind (expected, got, the engine's deciding layer), a few of each kind in full. */
    static final class Reports {
        final Map<String, Long> counts = new java.util.TreeMap<>();
        final Map<String, Integer> shown = new java.util.HashMap<>();
        final List<String> all = new ArrayList<>();

        void add(String kind, java.util.function.Supplier<String> text) {
            counts.merge(kind, 1L, Long::sum);
            int n = shown.merge(kind, 1, Integer::sum);
            if (n <= REPORTED_PER_KIND && all.size() < MAX_REPORTED) all.add(text.get());
        }
    }

    private static String kind(BruteForceEvaluator.Verdict expected, PathResult got, RuntimeException error) {
        String head = "brute force " + expected.outcome() + ", engine ";
        if (error != null) return head + "threw " + error.getClass().getSimpleName();
        Hop deciding = null;
        Hop.Decision look = got.reach() == PathResult.Reach.UNKNOWN ? Hop.Decision.UNKNOWN : Hop.Decision.DENY;
        if (got.reach() != PathResult.Reach.ALLOWED && got.witness() != null) {
            for (Hop h : got.witness()) {
                if (h.decision() == look) {
                    deciding = h;
                    break;
                }
            }
        }
        String at;
        if (deciding == null) {
            at = got.reach() == PathResult.Reach.ALLOWED ? "" : " (no hop of the witness says " + look + ")";
        } else {
            String e = deciding.element();
            at = " at " + deciding.layer() + (deciding.code() != null ? " " + deciding.code()
                    : ": " + e.substring(e.lastIndexOf(": ") + 1).trim());
        }
        return head + got.reach() + at;
    }

    private static void checkNetwork(GeneratedNetwork net, Stats stats, Reports reports, Set<Long> dumped) {
        Reachability reach;
        List<Endpoint> endpoints;
        try {
            reach = Reachability.of(net.model, profile);
            endpoints = reach.endpoints();
        } catch (UnsupportedOperationException e) {
            throw e; // the engine has not landed yet
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + net.seed + ": Reachability.of failed: " + e + "\n" + net.dump(), e);
        }
        BruteForceEvaluator bf = new BruteForceEvaluator(net.model);

        // Every instance and load balancer of the network must be an endpoint.
        Map<Resource, Endpoint> byResource = new IdentityHashMap<>();
        for (Endpoint e : endpoints) if (!e.isInternet()) byResource.put(e.resource(), e);
        for (Resource r : net.endpoints()) {
            if (!byResource.containsKey(r)) {
                throw new AssertionError("seed " + net.seed + ": " + r.address() + " is not among the engine's endpoints "
                        + endpoints + "\n" + net.dump());
            }
        }
        Set<Resource> mine = Collections.newSetFromMap(new IdentityHashMap<>());
        mine.addAll(net.endpoints());
        Random rnd = new Random(net.seed * 7919L);
        List<Integer> interesting = new ArrayList<>(net.interestingPorts());

        // The engine's internet is every public address (allowed when some gets through): the brute force tries one
        // address per region the routes tell apart. The engine's internet restricted to 203.0.113.7/32 is compared
        // with the brute force's single address.
        Endpoint single = reach.internet(BruteForceEvaluator.INTERNET_IP + "/32");
        List<Endpoint> all = new ArrayList<>(endpoints);
        all.add(single);
        for (Endpoint src : all) {
            for (Endpoint dst : all) {
                if (src == dst || (src.isInternet() && dst.isInternet())) continue;
                List<String> internetIps = src == single || dst == single ? List.of(BruteForceEvaluator.INTERNET_IP)
                        : BruteForceEvaluator.INTERNET_REPRESENTATIVES;
                if ((!src.isInternet() && !mine.contains(src.resource()))
                        || (!dst.isInternet() && !mine.contains(dst.resource()))) {
                    stats.skippedPairs++;
                    continue;
                }
                if (!src.isInternet() && !dst.isInternet() && src.resource() == dst.resource()) continue;
                for (Traffic.Protocol proto : new Traffic.Protocol[] {Traffic.Protocol.TCP, Traffic.Protocol.UDP,
                    Traffic.Protocol.ICMP}) {
                    TreeSet<Integer> ports = ReachabilityPropertyTest.ports(proto, FIXED_PORTS, SAMPLED_PORTS,
                            interesting, rnd);
                    for (int port : ports) {
                        stats.cases++;
                        BruteForceEvaluator.Verdict expected = bf.evaluate(src.resource(), dst.resource(),
                                proto.name().toLowerCase(java.util.Locale.ROOT), port, internetIps);
                        if (expected.allowed()) stats.allowed++;
                        if (expected.outcome() == BruteForceEvaluator.Outcome.EPHEMERAL_DEPENDENT) stats.ephemeral++;
                        Traffic traffic = Traffic.of(proto, PortSet.of(port));
                        PathResult got;
                        try {
                            got = reach.path(src, dst, traffic);
                        } catch (RuntimeException e) {
                            stats.mismatches++;
                            final int p = port;
                            reports.add(kind(expected, null, e), () -> report(net, src, dst, proto, p, expected, null, e, dumped));
                            continue;
                        }
                        PathResult.Reach r = got.reach();
                        PathResult.Reach want = switch (expected.outcome()) {
                            case ALLOWED -> PathResult.Reach.ALLOWED;
                            case EPHEMERAL_DEPENDENT -> PathResult.Reach.UNKNOWN;
                            case DENIED -> PathResult.Reach.DENIED;
                        };
                        if (r != want) {
                            stats.mismatches++;
                            if ((r == PathResult.Reach.ALLOWED) != expected.allowed()) stats.allowedMismatches++;
                            final int p = port;
                            reports.add(kind(expected, got, null), () -> report(net, src, dst, proto, p, expected, got, null, dumped));
                        }
                    }
                }
            }
        }
    }

    private static String report(GeneratedNetwork net, Endpoint src, Endpoint dst, Traffic.Protocol proto, int port,
                                 BruteForceEvaluator.Verdict expected, PathResult got, RuntimeException error,
                                 Set<Long> dumped) {
        StringBuilder sb = new StringBuilder();
        sb.append("=== MISMATCH seed ").append(net.seed).append(": ").append(src).append(" -> ").append(dst).append(", ")
                .append(proto.name().toLowerCase(java.util.Locale.ROOT))
                .append(proto == Traffic.Protocol.ICMP ? "" : " " + port).append('\n');
        sb.append("  brute force: ").append(expected.outcome()).append(" (engine should say ")
                .append(expected.outcome() == BruteForceEvaluator.Outcome.EPHEMERAL_DEPENDENT ? "UNKNOWN"
                        : expected.outcome()).append(")\n");
        for (String line : expected.why().split("\n")) sb.append("    ").append(line).append('\n');
        if (error != null) {
            sb.append("  engine threw: ").append(error).append('\n');
        } else {
            sb.append("  engine: ").append(got.reach()).append(" allowed=").append(got.allowed()).append(" undecided=")
                    .append(got.undecided()).append(" reason=").append(got.reason()).append('\n');
            if (got.witness() != null) for (Hop h : got.witness()) sb.append("    ").append(h).append('\n');
        }
        if (dumped.add(net.seed)) sb.append(net.dump());
        else sb.append("  (network of seed ").append(net.seed).append(" dumped above)\n");
        return sb.toString();
    }

    // ================================================================== the brute force itself, on hand-made networks

    /** Hand-made networks whose answers are worked out by hand from catalog §11.3: these pass without the engine. */
    @Nested
    class BruteForceOnHandMadeNetworks {

        @Test
        void securityGroupReferencesAndEgress() {
            GeneratedNetwork.Builder b = new GeneratedNetwork.Builder("sg");
            b.vpc("10.0.0.0/16");
            Subnet a = b.subnet("a", "10.0.1.0/24", 0, false, "app");
            Subnet d = b.subnet("d", "10.0.2.0/24", 1, false, "data");
            SecurityGroup app = b.sg("app", "app");
            b.cidrRule(app, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            SecurityGroup db = b.sg("db", "data"); // no egress rule at all (Terraform)
            b.groupRule(db, Direction.INGRESS, "tcp", 5432, 5432, app);
            SecurityGroup other = b.sg("other", "app");
            b.cidrRule(other, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            Instance appI = b.instance("app", a, false, "app", List.of(app));
            Instance dbI = b.instance("db", d, false, "data", List.of(db));
            Instance otherI = b.instance("other", a, false, "app", List.of(other));
            BruteForceEvaluator bf = new BruteForceEvaluator(b.build());

            assertTrue(bf.evaluate(appI, dbI, "tcp", 5432).allowed());
            assertDenied(bf.evaluate(appI, dbI, "tcp", 5433), "DESTINATION_SECURITY_GROUP_INGRESS");
            assertDenied(bf.evaluate(appI, dbI, "tcp", 5431), "DESTINATION_SECURITY_GROUP_INGRESS");
            assertDenied(bf.evaluate(appI, dbI, "udp", 5432), "DESTINATION_SECURITY_GROUP_INGRESS");
            assertDenied(bf.evaluate(dbI, appI, "tcp", 5432), "SOURCE_SECURITY_GROUP_EGRESS");
            assertDenied(bf.evaluate(otherI, dbI, "tcp", 5432), "DESTINATION_SECURITY_GROUP_INGRESS");
            // self: members of the group reach each other on everything the self rule allows
            b.selfRule(other, Direction.INGRESS, "-1", 0, 0);
            Instance other2 = b.instance("other2", d, false, "app", List.of(other));
            bf = new BruteForceEvaluator(b.build());
            assertTrue(bf.evaluate(otherI, other2, "udp", 53).allowed());
            assertTrue(bf.evaluate(otherI, other2, "icmp", 0).allowed());
            assertDenied(bf.evaluate(appI, other2, "tcp", 80), "DESTINATION_SECURITY_GROUP_INGRESS");
        }

        @Test
        void networkAclOrderSameSubnetAndTheStatelessReply() {
            GeneratedNetwork.Builder b = new GeneratedNetwork.Builder("nacl");
            b.vpc("10.0.0.0/16");
            Subnet a = b.subnet("a", "10.0.1.0/24", 0, false, "app");
            Subnet s = b.subnet("b", "10.0.2.0/24", 1, false, "app");
            SecurityGroup open = b.sg("open", "app");
            b.cidrRule(open, Direction.INGRESS, "-1", 0, 0, "0.0.0.0/0");
            b.cidrRule(open, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            NetworkAcl acl = b.nacl("b", false);
            b.associate(acl, s);
            b.naclEntry(acl, 200, false, "-1", "allow", "0.0.0.0/0", 0, 0);
            b.naclEntry(acl, 100, false, "tcp", "deny", "10.0.1.0/24", 22, 22); // listed after 200: order by number
            b.naclEntry(acl, 100, true, "tcp", "allow", "0.0.0.0/0", 0, 1023);
            Instance x = b.instance("x", a, false, "app", List.of(open));
            Instance y = b.instance("y", s, false, "app", List.of(open));
            Instance z = b.instance("z", s, false, "app", List.of(open));
            BruteForceEvaluator bf = new BruteForceEvaluator(b.build());

            // inbound passes (rule 200), but the reply to x's ephemeral ports is denied outbound (only 0-1023 allowed)
            assertDenied(bf.evaluate(x, y, "tcp", 80), "RETURN_SUBNET_ACL (destination subnet outbound)");
            assertDenied(bf.evaluate(x, y, "tcp", 22), "DESTINATION_SUBNET_ACL_INBOUND");
            // within one subnet NACLs do not apply
            assertTrue(bf.evaluate(z, y, "tcp", 22).allowed());
            // y -> x: y's outbound to port 80 is allowed, the reply into y (inbound rule 200) too
            assertTrue(bf.evaluate(y, x, "tcp", 80).allowed());
            assertDenied(bf.evaluate(y, x, "tcp", 8080), "SOURCE_SUBNET_ACL_OUTBOUND");

            b.naclEntry(acl, 110, true, "tcp", "allow", "10.0.0.0/16", 1024, 65535);
            bf = new BruteForceEvaluator(b.build());
            assertTrue(bf.evaluate(x, y, "tcp", 80).allowed());
            assertDenied(bf.evaluate(x, y, "udp", 80), "RETURN_SUBNET_ACL"); // the reply is udp: no udp outbound
            // one ephemeral port denied before the allow: the reply is not certain any more
            b.naclEntry(acl, 105, true, "tcp", "deny", "10.0.1.0/24", 30000, 30000);
            bf = new BruteForceEvaluator(b.build());
            BruteForceEvaluator.Verdict v = bf.evaluate(x, y, "tcp", 80);
            assertDenied(v, "ephemeral port 30000");
            assertEquals(BruteForceEvaluator.Outcome.EPHEMERAL_DEPENDENT, v.outcome(), v.why());
            assertEquals(BruteForceEvaluator.Outcome.DENIED, bf.evaluate(x, y, "udp", 80).outcome());

            // The reply's ephemeral port is one port for every NACL on the way back: b lets replies out to 8443 only,
            // a lets them in on 1922-1990 only — each passes some port, no port passes both: denied, not "depends".
            GeneratedNetwork.Builder c = new GeneratedNetwork.Builder("reply");
            c.vpc("10.0.0.0/16");
            Subnet ca = c.subnet("a", "10.0.1.0/24", 0, false, "app");
            Subnet cb = c.subnet("b", "10.0.2.0/24", 1, false, "app");
            SecurityGroup copen = c.sg("open", "app");
            c.cidrRule(copen, Direction.INGRESS, "-1", 0, 0, "0.0.0.0/0");
            c.cidrRule(copen, Direction.EGRESS, "-1", 0, 0, "0.0.0.0/0");
            NetworkAcl aclA = c.nacl("a", false);
            c.associate(aclA, ca);
            c.naclEntry(aclA, 100, true, "-1", "allow", "0.0.0.0/0", 0, 0);
            c.naclEntry(aclA, 100, false, "tcp", "allow", "10.0.2.0/24", 1922, 1990);
            NetworkAcl aclB = c.nacl("b", false);
            c.associate(aclB, cb);
            c.naclEntry(aclB, 100, false, "-1", "allow", "0.0.0.0/0", 0, 0);
            c.naclEntry(aclB, 100, true, "tcp", "allow", "0.0.0.0/0", 8443, 8443);
            Instance cx = c.instance("x", ca, false, "app", List.of(copen));
            Instance cy = c.instance("y", cb, false, "app", List.of(copen));
            BruteForceEvaluator cbf = new BruteForceEvaluator(c.build());
            assertEquals(BruteForceEvaluator.Outcome.DENIED, cbf.evaluate(cx, cy, "tcp", 1024).outcome());
            c.naclEntry(aclB, 110, true, "tcp", "allow", "10.0.1.0/24", 1900, 1930);
            cbf = new BruteForceEvaluator(c.build());
            assertEquals(BruteForceEvaluator.Outcome.EPHEMERAL_DEPENDENT, cbf.evaluate(cx, cy, "tcp", 1024).outcome());
        }

        @Test
        void fromTheInternet() {
            GeneratedNetwork.Builder b = new GeneratedNetwork.Builder("ingress");
            b.vpc("10.0.0.0/16");
            InternetGateway igw = b.igw("main");
            Subnet pub = b.subnet("pub", "10.0.1.0/24", 0, true, "public");
            Subnet pub2 = b.subnet("pub2", "10.0.2.0/24", 1, false, "public");
            Subnet priv = b.subnet("priv", "10.0.3.0/24", 2, false, "app");
            RouteTable rt = b.routeTable("public");
            b.route(rt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, "active");
            b.associate(rt, pub);
            b.associate(rt, pub2);
            NatGateway nat = b.nat("nat", pub);
            RouteTable prt = b.routeTable("private");
            b.route(prt, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat, "active");
            b.associate(prt, priv);
            SecurityGroup web = b.sg("web", "public");
            b.cidrRule(web, Direction.INGRESS, "tcp", 443, 443, "0.0.0.0/0");
            SecurityGroup wide = b.sg("wide", "public");
            b.cidrRule(wide, Direction.INGRESS, "tcp", 0, 65535, "0.0.0.0/0");
            Instance w1 = b.instance("w1", pub2, true, "public", List.of(web));
            Instance w2 = b.instance("w2", pub2, false, "public", List.of(web));
            Instance w3 = b.instance("w3", pub, null, "public", List.of(web)); // subnet maps public IPs
            Instance w4 = b.instance("w4", pub2, null, "public", List.of(web)); // subnet does not
            Instance w5 = b.instance("w5", priv, true, "app", List.of(web)); // public IP, reply goes to the NAT
            LoadBalancer lb = b.loadBalancer("ext", false, List.of(pub, pub2), List.of(wide), List.of(80, 443));
            LoadBalancer ilb = b.loadBalancer("int", true, List.of(pub, pub2), List.of(wide), List.of(443));
            BruteForceEvaluator bf = new BruteForceEvaluator(b.build());

            assertTrue(bf.evaluate(null, w1, "tcp", 443).allowed());
            assertDenied(bf.evaluate(null, w1, "tcp", 22), "DESTINATION_SECURITY_GROUP_INGRESS");
            assertDenied(bf.evaluate(null, w2, "tcp", 443), "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
            assertTrue(bf.evaluate(null, w3, "tcp", 443).allowed());
            assertDenied(bf.evaluate(null, w4, "tcp", 443), "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
            assertDenied(bf.evaluate(null, w5, "tcp", 443), "does not route the reply");
            assertTrue(bf.evaluate(null, lb, "tcp", 443).allowed());
            assertTrue(bf.evaluate(null, lb, "tcp", 80).allowed());
            assertDenied(bf.evaluate(null, lb, "tcp", 8443), "LOAD_BALANCER_LISTENER");
            assertDenied(bf.evaluate(null, lb, "udp", 443), "DESTINATION_SECURITY_GROUP_INGRESS");
            assertDenied(bf.evaluate(null, ilb, "tcp", 443), "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
            // inside the VPC the internal load balancer is reachable on its listener
            SecurityGroup out = b.sg("out", "app");
            b.cidrRule(out, Direction.EGRESS, "tcp", 443, 443, "10.0.0.0/16");
            Instance client = b.instance("client", priv, false, "app", List.of(out));
            bf = new BruteForceEvaluator(b.build());
            assertTrue(bf.evaluate(client, ilb, "tcp", 443).allowed());
            assertDenied(bf.evaluate(client, ilb, "tcp", 80), "SOURCE_SECURITY_GROUP_EGRESS");
        }

        @Test
        void toTheInternetThroughNatAndBlackholes() {
            GeneratedNetwork.Builder b = new GeneratedNetwork.Builder("egress");
            b.vpc("10.0.0.0/16");
            InternetGateway igw = b.igw("main");
            Subnet pub = b.subnet("pub", "10.0.1.0/24", 0, false, "public");
            Subnet priv = b.subnet("priv", "10.0.2.0/24", 1, false, "app");
            Subnet hole = b.subnet("hole", "10.0.3.0/24", 2, false, "app");
            Subnet none = b.subnet("none", "10.0.4.0/24", 2, false, "data");
            RouteTable rt = b.routeTable("public");
            b.route(rt, "0.0.0.0/0", RouteTarget.INTERNET_GATEWAY, igw, "active");
            b.associate(rt, pub);
            NatGateway nat = b.nat("nat", pub);
            RouteTable prt = b.routeTable("private");
            b.route(prt, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat, "active");
            b.associate(prt, priv);
            RouteTable hrt = b.routeTable("hole");
            b.route(hrt, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat, "active");
            b.route(hrt, "203.0.113.0/24", RouteTarget.NAT_GATEWAY, nat, "blackhole"); // more specific, wins, drops
            b.associate(hrt, hole);
            SecurityGroup eg = b.sg("egress", "app");
            b.cidrRule(eg, Direction.EGRESS, "tcp", 443, 443, "0.0.0.0/0");
            Instance app = b.instance("app", priv, false, "app", List.of(eg));
            Instance trapped = b.instance("trapped", hole, false, "app", List.of(eg));
            Instance isolated = b.instance("isolated", none, false, "data", List.of(eg));
            Instance noPublic = b.instance("nopublic", pub, false, "public", List.of(eg));
            Instance withPublic = b.instance("withpublic", pub, true, "public", List.of(eg));
            Model m = b.build();
            BruteForceEvaluator bf = new BruteForceEvaluator(m);

            assertTrue(bf.evaluate(app, null, "tcp", 443).allowed());
            assertDenied(bf.evaluate(app, null, "tcp", 80), "SOURCE_SECURITY_GROUP_EGRESS");
            assertDenied(bf.evaluate(trapped, null, "tcp", 443), "BAD_STATE_ROUTE");
            assertDenied(bf.evaluate(isolated, null, "tcp", 443), "NO_ROUTE_TO_DESTINATION");
            assertTrue(bf.evaluate(withPublic, null, "tcp", 443).allowed());
            assertDenied(bf.evaluate(noPublic, null, "tcp", 443), "no public IPv4");
            assertTrue(new BruteForceEvaluator(m, false).evaluate(noPublic, null, "tcp", 443).allowed());

            // the NAT's subnet NACL: the flow enters it from priv, leaves it to the internet, and the reply comes back
            NetworkAcl acl = b.nacl("pub", false);
            b.associate(acl, pub);
            b.naclEntry(acl, 100, false, "tcp", "allow", "10.0.0.0/16", 443, 443);
            b.naclEntry(acl, 110, false, "tcp", "allow", "0.0.0.0/0", 1024, 65535);
            b.naclEntry(acl, 100, true, "tcp", "allow", "0.0.0.0/0", 443, 443);
            bf = new BruteForceEvaluator(b.build());
            assertDenied(bf.evaluate(app, null, "tcp", 443), "RETURN_SUBNET_ACL (NAT subnet outbound)");
            b.naclEntry(acl, 110, true, "tcp", "allow", "10.0.2.0/24", 1024, 65535);
            bf = new BruteForceEvaluator(b.build());
            assertTrue(bf.evaluate(app, null, "tcp", 443).allowed());
            b.naclEntry(acl, 90, true, "tcp", "deny", "203.0.113.0/24", 0, 65535);
            bf = new BruteForceEvaluator(b.build());
            assertDenied(bf.evaluate(app, null, "tcp", 443), "NAT subnet " + pub.address() + " ACL outbound");

            // A NAT gateway whose own subnet routes to another NAT gateway: catalog §11.3 step 3, the NAT subnet's
            // route table "needs the igw- route" — it has none, so nothing gets out.
            Subnet chained = b.subnet("chained", "10.0.5.0/24", 0, false, "app");
            NatGateway nat2 = b.nat("nat2", priv);
            RouteTable crt = b.routeTable("chained");
            b.route(crt, "0.0.0.0/0", RouteTarget.NAT_GATEWAY, nat2, "active");
            b.associate(crt, chained);
            Instance behind = b.instance("behind", chained, false, "app", List.of(eg));
            bf = new BruteForceEvaluator(b.build());
            assertDenied(bf.evaluate(behind, null, "tcp", 443), "does not route to the IGW");
        }

        private void assertDenied(BruteForceEvaluator.Verdict v, String layer) {
            assertFalse(v.allowed(), "expected denied at " + layer + ", got " + v.why());
            assertTrue(v.why().contains(layer), "expected denied at " + layer + ", got " + v.why());
        }
    }

    @Test
    void generatorIsDeterministicAndValid() {
        for (long seed = 1; seed <= 20; seed++) {
            GeneratedNetwork a = GeneratedNetwork.generate(seed);
            GeneratedNetwork b = GeneratedNetwork.generate(seed);
            assertEquals(a.dump(), b.dump(), "seed " + seed);
            BruteForceEvaluator bf = new BruteForceEvaluator(a.model);
            for (Resource r : a.endpoints()) assertFalse(bf.enis(r).isEmpty(), r.address());
        }
    }

    /** The ports to try for one protocol: ICMP has none (0), others the fixed ones and a sample of interesting ones. */
    static TreeSet<Integer> ports(Traffic.Protocol proto, int[] fixed, int sampled, List<Integer> interesting,
                                  Random rnd) {
        TreeSet<Integer> ports = new TreeSet<>();
        if (proto == Traffic.Protocol.ICMP) {
            ports.add(0);
            return ports;
        }
        for (int p : fixed) ports.add(p);
        for (int k = 0; k < sampled; k++) ports.add(interesting.get(rnd.nextInt(interesting.size())));
        return ports;
    }
}
