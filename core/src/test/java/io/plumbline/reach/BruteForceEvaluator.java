package io.plumbline.reach;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Instance;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A deliberately simple, independent evaluator of ONE packet over the model, following rule catalog §11.3 literally:
 * a concrete source ENI (subnet, private IP, security groups, public IP or not) or the internet (the concrete public
 * address {@value #INTERNET_IP}, or any one of several), a concrete destination ENI or the internet, a protocol and one destination port.
 * No intervals, no equivalence classes, no code shared with the engine: each layer is a loop over the model's rules.
 *
 * <p>Order of evaluation (first failing layer is reported):
 * <ol>
 *   <li>source ENI security groups, egress — any rule of any group matches protocol, port and the destination;</li>
 *   <li>source subnet NACL outbound (skipped within one subnet);</li>
 *   <li>routing: the subnet's explicitly associated table, else the VPC's main table, else the AWS main table (local
 *       route only); longest prefix among the table's routes plus the implicit {@code local} route for the VPC CIDR,
 *       which delivers only to ENIs of the source's own VPC (another VPC may use the same block);
 *       a chosen {@code blackhole} route drops. Internet-bound: to an IGW (the source ENI needs a public IPv4 to be
 *       translated — see {@link #egressViaIgwNeedsPublicIp}), or to a NAT gateway: then from the NAT's subnet (its NACL
 *       inbound from the source when it is another subnet, its route table — which needs the IGW — and its NACL
 *       outbound);</li>
 *   <li>from the internet: the destination ENI has a public IPv4 (instance {@code associatePublicIp}, or not set and
 *       the subnet's {@code mapPublicIpOnLaunch}; an internet-facing load balancer's own ENIs) and the destination
 *       subnet's table routes the reply (to the internet address) to the IGW;</li>
 *   <li>destination subnet NACL inbound (skipped within one subnet);</li>
 *   <li>destination ENI security groups, ingress — any rule of any group matches protocol, port and the source (SG
 *       references and {@code self} match private ENIs only, never the internet);</li>
 *   <li>a load balancer ends at a listener: tcp to a listener port only;</li>
 *   <li>NACLs are stateless: the reply, from port D to the source's ephemeral port, must pass the destination subnet's
 *       NACL outbound and the source subnet's NACL inbound (and the NAT subnet's both ways). The client picks its port
 *       in the conservative ephemeral range {@value #EPHEMERAL_FROM}–{@value #EPHEMERAL_TO}, which no input gives:
 *       the packet is ALLOWED when the reply passes for <b>every</b> port of the range, EPHEMERAL_DEPENDENT when it
 *       passes for some only, DENIED when for none. A NACL decides the same for all ports between two consecutive
 *       entry boundaries, so checking each boundary inside the range (and the range's ends) is checking every
 *       port.</li>
 * </ol>
 * Over several ENIs (and internet addresses): ALLOWED if some pair is ALLOWED, else EPHEMERAL_DEPENDENT if some pair
 * is, else DENIED.
 * NACL: entries of the direction sorted by rule number, the first whose protocol ({@code -1} = all), port range (tcp,
 * udp) and IPv4 CIDR (source for inbound, destination for outbound) match decides; none ⇒ deny. A subnet without an
 * explicit association uses the declared default NACL ({@code isDefault}), else AWS's default NACL (allow all).
 * Security-group rule protocol: {@code -1} all; tcp/udp need the port in [from, to]; icmp with from = -1 all types;
 * another protocol number matches only itself.
 */
final class BruteForceEvaluator {

    static final String INTERNET_IP = "203.0.113.7";
    /**
     * One public address per region of the internet that the generated networks' routes tell apart (their rule and
     * entry CIDRs are 0.0.0.0/0 or private): "some internet address" is "one of these".
     */
    static final List<String> INTERNET_REPRESENTATIVES = List.of(INTERNET_IP, "203.0.1.1", "198.51.100.7", "8.8.8.8");
    static final int EPHEMERAL_FROM = 1024;
    static final int EPHEMERAL_TO = 65535;

    /** One network interface: owner null for the internet. */
    record Eni(Resource owner, Subnet subnet, long ip, List<SecurityGroup> groups, boolean publicIp) {
        String name() {
            return owner == null ? "internet " + ipString(ip)
                    : owner.address() + "@" + subnet.address() + "/" + ipString(ip) + (publicIp ? "+public" : "");
        }
    }

    /**
     * ALLOWED: the packet and its reply pass whatever ephemeral port the client picks; EPHEMERAL_DEPENDENT: the packet
     * passes and its reply passes for some ephemeral ports only (the client's choice, which no input gives); DENIED.
     */
    enum Outcome { ALLOWED, EPHEMERAL_DEPENDENT, DENIED }

    /** The decision for one packet between two endpoints, with the reason per ENI pair when not allowed. */
    record Verdict(Outcome outcome, String why) {
        boolean allowed() {
            return outcome == Outcome.ALLOWED;
        }
    }

    /** The outcome of one packet between two ENIs: {@code why} null when allowed. */
    record PacketResult(Outcome outcome, String why) {
        static PacketResult denied(String why) {
            return new PacketResult(Outcome.DENIED, why);
        }
    }

    private final Model model;
    // Look-ups cached per subnet / resource (the answers do not change; the caches only save time).
    private final Map<Subnet, Optional<NetworkAcl>> naclCache = new IdentityHashMap<>();
    private final Map<Subnet, Optional<RouteTable>> tableCache = new IdentityHashMap<>();
    private final Map<Resource, List<Eni>> eniCache = new IdentityHashMap<>();
    /** AWS: an IGW translates only ENIs that have a public IPv4; without one, internet-bound traffic goes nowhere. */
    final boolean egressViaIgwNeedsPublicIp;

    BruteForceEvaluator(Model model) {
        this(model, true);
    }

    BruteForceEvaluator(Model model, boolean egressViaIgwNeedsPublicIp) {
        this.model = model;
        this.egressViaIgwNeedsPublicIp = egressViaIgwNeedsPublicIp;
    }

    // ================================================================== endpoints

    /**
     * Whether one packet of {@code protocol} ("tcp", "udp", "icmp") to {@code port} (ignored for icmp) gets from some
     * ENI of {@code src} to some ENI of {@code dst}; null = the internet.
     */
    Verdict evaluate(Resource src, Resource dst, String protocol, int port) {
        return evaluate(src, dst, protocol, port, List.of(INTERNET_IP));
    }

    /** The same, the internet being any one of {@code internetIps} (some internet host gets through). */
    Verdict evaluate(Resource src, Resource dst, String protocol, int port, List<String> internetIps) {
        List<Eni> inet = new ArrayList<>();
        for (String ip : internetIps) inet.add(internet(ip));
        List<Eni> from = src == null ? inet : enis(src);
        List<Eni> to = dst == null ? inet : enis(dst);
        StringBuilder why = new StringBuilder();
        Outcome best = Outcome.DENIED;
        for (Eni a : from) {
            for (Eni b : to) {
                PacketResult r = packet(a, b, protocol, port);
                if (r.outcome() == Outcome.ALLOWED) return new Verdict(Outcome.ALLOWED, a.name() + " -> " + b.name() + ": allowed");
                if (r.outcome() == Outcome.EPHEMERAL_DEPENDENT) best = Outcome.EPHEMERAL_DEPENDENT;
                why.append(a.name()).append(" -> ").append(b.name()).append(": ").append(r.why()).append('\n');
            }
        }
        return new Verdict(best, why.toString());
    }

    Eni internet(String ip) {
        return new Eni(null, null, parseIp(ip), List.of(), true);
    }

    /** The ENIs of an instance (one), a load balancer (one per subnet) or a NAT gateway (one, no security groups). */
    List<Eni> enis(Resource r) {
        return eniCache.computeIfAbsent(r, this::enisOf);
    }

    private List<Eni> enisOf(Resource r) {
        List<Eni> out = new ArrayList<>();
        if (r instanceof Instance i) {
            Subnet s = model.resolve(i, i.subnet.get(), Subnet.class).orElseThrow();
            boolean publicIp = i.associatePublicIp.is(true)
                    || (i.associatePublicIp.isKnown() && i.associatePublicIp.get() == null && s.mapPublicIpOnLaunch.is(true));
            out.add(new Eni(i, s, hostIp(s, r), groups(i, i.securityGroups.get()), publicIp));
        } else if (r instanceof LoadBalancer lb) {
            boolean internetFacing = lb.internal.is(false);
            for (Ref ref : lb.subnets.get()) {
                Subnet s = model.resolve(lb, ref, Subnet.class).orElseThrow();
                out.add(new Eni(lb, s, hostIp(s, r), groups(lb, lb.securityGroups.get()), internetFacing));
            }
        } else if (r instanceof NatGateway n) {
            Subnet s = model.resolve(n, n.subnet.get(), Subnet.class).orElseThrow();
            out.add(new Eni(n, s, hostIp(s, r), List.of(), true));
        } else {
            throw new IllegalArgumentException("no ENIs modelled for " + r);
        }
        return out;
    }

    private List<SecurityGroup> groups(Resource from, List<Ref> refs) {
        List<SecurityGroup> out = new ArrayList<>();
        for (Ref ref : refs) out.add(model.resolve(from, ref, SecurityGroup.class).orElseThrow());
        return out;
    }

    /** A concrete private IP in the subnet: past AWS's 4 reserved addresses, distinct per resource. */
    private long hostIp(Subnet s, Resource r) {
        long[] c = parseCidr(s.cidrBlock.get());
        long size = 1L << (32 - c[1]);
        int ordinal = model.resources().indexOf(r);
        return c[0] + 4 + (ordinal % (size - 5));
    }

    // ================================================================== one packet, hop by hop

    /** Whether the packet and its reply get through; else the first layer that stops it and why. */
    PacketResult packet(Eni src, Eni dst, String protocol, int port) {
        String blocked = forward(src, dst, protocol, port);
        if (blocked != null) return PacketResult.denied(blocked);
        return reply(src, dst, protocol);
    }

    /** Null when the packet gets to the destination (steps 1-7); else the first layer that stops it and why. */
    private String forward(Eni src, Eni dst, String protocol, int port) {
        String proto = Protocols.normalise(protocol);
        boolean fromInternet = src.owner() == null;
        boolean toInternet = dst.owner() == null;
        if (fromInternet && toInternet) return "internet to internet is not a path";
        boolean sameSubnet = !fromInternet && !toInternet && src.subnet() == dst.subnet();

        // 1. source security groups, egress
        if (!fromInternet && !sgAllows(src.groups(), Direction.EGRESS, proto, port, dst)) {
            return "SOURCE_SECURITY_GROUP_EGRESS: no egress rule of " + names(src.groups()) + " allows " + proto + " "
                    + port + " to " + ipString(dst.ip());
        }
        // 2. source subnet NACL, outbound
        if (!fromInternet && !sameSubnet) {
            String d = naclDecision(src.subnet(), true, proto, port, dst.ip());
            if (d != null) return "SOURCE_SUBNET_ACL_OUTBOUND: " + d;
        }
        // 3. routing (and 4. internet ingress prerequisites)
        Subnet natSubnet = null;
        if (fromInternet) {
            if (!dst.publicIp()) return "INTERNET_GATEWAY: destination ENI has no public IPv4 (IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS)";
            RouteChoice back = lookup(dst.subnet(), src.ip());
            if (back == null || !back.active() || back.type() != RouteTarget.INTERNET_GATEWAY) {
                return "ROUTE: the destination subnet's table does not route the reply to " + ipString(src.ip())
                        + " to the internet gateway (" + back + ")";
            }
        } else {
            RouteChoice r = lookup(src.subnet(), dst.ip());
            if (r == null) return "ROUTE: no route to " + ipString(dst.ip()) + " (NO_ROUTE_TO_DESTINATION)";
            if (!r.active()) return "ROUTE: chosen route " + r + " is not active (BAD_STATE_ROUTE)";
            if (!toInternet) {
                if (r.type() != RouteTarget.LOCAL) return "ROUTE: VPC destination routed to " + r + ", not local";
                Vpc from = model.resolve(src.subnet(), src.subnet().vpc.get(), Vpc.class).orElse(null);
                Vpc to = model.resolve(dst.subnet(), dst.subnet().vpc.get(), Vpc.class).orElse(null);
                if (from != to) {
                    return "ROUTE: the local route keeps the packet in " + (from == null ? "?" : from.address())
                            + ", and the destination is in " + (to == null ? "?" : to.address());
                }
            } else if (r.type() == RouteTarget.INTERNET_GATEWAY) {
                if (egressViaIgwNeedsPublicIp && !src.publicIp()) {
                    return "ROUTE: internet-bound via the IGW but the source ENI has no public IPv4";
                }
            } else if (r.type() == RouteTarget.NAT_GATEWAY) {
                NatGateway nat = model.resolve(r.table(), r.target(), NatGateway.class).orElse(null);
                if (nat == null) return "ROUTE: NAT target " + r.target() + " not in the model";
                if (!"public".equals(nat.connectivityType.orElse("public"))) return "ROUTE: private NAT gateway";
                natSubnet = model.resolve(nat, nat.subnet.get(), Subnet.class).orElseThrow();
                if (natSubnet != src.subnet()) {
                    String d = naclDecision(natSubnet, false, proto, port, src.ip());
                    if (d != null) return "NAT subnet " + natSubnet.address() + " ACL inbound: " + d;
                }
                RouteChoice r2 = lookup(natSubnet, dst.ip());
                if (r2 == null || !r2.active() || r2.type() != RouteTarget.INTERNET_GATEWAY) {
                    return "ROUTE: the NAT's subnet " + natSubnet.address() + " does not route to the IGW (" + r2 + ")";
                }
                if (natSubnet != src.subnet()) {
                    String d = naclDecision(natSubnet, true, proto, port, dst.ip());
                    if (d != null) return "NAT subnet " + natSubnet.address() + " ACL outbound: " + d;
                }
            } else {
                return "ROUTE: internet-bound traffic routed to " + r;
            }
        }
        // 5. destination subnet NACL, inbound
        if (!toInternet && !sameSubnet) {
            String d = naclDecision(dst.subnet(), false, proto, port, src.ip());
            if (d != null) return "DESTINATION_SUBNET_ACL_INBOUND: " + d;
        }
        // 6. destination security groups, ingress
        if (!toInternet && !sgAllows(dst.groups(), Direction.INGRESS, proto, port, src)) {
            return "DESTINATION_SECURITY_GROUP_INGRESS: no ingress rule of " + names(dst.groups()) + " allows " + proto
                    + " " + port + " from " + ipString(src.ip());
        }
        // 7. load balancer listener
        if (dst.owner() instanceof LoadBalancer lb) {
            boolean listener = false;
            for (Listener l : lb.listeners) {
                String lp = l.protocol().orElse("").toUpperCase(Locale.ROOT);
                boolean tcpListener = lp.equals("HTTP") || lp.equals("HTTPS") || lp.equals("TCP") || lp.equals("TLS");
                if (tcpListener && "tcp".equals(proto) && l.port().is(port)) listener = true;
            }
            if (!listener) return "LOAD_BALANCER_LISTENER: no listener for " + proto + " " + port + " (ELBV2_LISTENERS_MISMATCH)";
        }
        return null;
    }

    /**
     * 8. The reply (from port D to the client's ephemeral port) through every NACL it crosses: the destination subnet's
     * outbound, the NAT subnet's inbound and outbound, the source subnet's inbound. Evaluated port by port over the
     * conservative ephemeral range; a NACL decides the same for all ports between two consecutive entry boundaries, so
     * the range's ends and every boundary inside it stand for all ports.
     */
    private PacketResult reply(Eni src, Eni dst, String protocol) {
        String proto = Protocols.normalise(protocol);
        boolean fromInternet = src.owner() == null;
        boolean toInternet = dst.owner() == null;
        if (!fromInternet && !toInternet && src.subnet() == dst.subnet()) return new PacketResult(Outcome.ALLOWED, null);
        record Check(String what, Subnet subnet, boolean egress, long peerIp) {
        }
        List<Check> checks = new ArrayList<>();
        if (!toInternet) checks.add(new Check("destination subnet outbound", dst.subnet(), true, src.ip()));
        Subnet natSubnet = toInternet ? natSubnetOnTheWay(src, dst) : null;
        if (natSubnet != null) {
            checks.add(new Check("NAT subnet inbound", natSubnet, false, dst.ip()));
            if (natSubnet != src.subnet()) checks.add(new Check("NAT subnet outbound", natSubnet, true, src.ip()));
        }
        if (!fromInternet) checks.add(new Check("source subnet inbound", src.subnet(), false, dst.ip()));
        if (!"tcp".equals(proto) && !"udp".equals(proto)) {
            for (Check c : checks) {
                String d = naclDecision(c.subnet(), c.egress(), proto, -1, c.peerIp());
                if (d != null) return PacketResult.denied("RETURN_SUBNET_ACL (" + c.what() + "): " + d);
            }
            return new PacketResult(Outcome.ALLOWED, null);
        }
        TreeSet<Integer> ports = new TreeSet<>(List.of(EPHEMERAL_FROM, EPHEMERAL_TO));
        for (Check c : checks) {
            NetworkAcl acl = naclOf(c.subnet());
            if (acl == null) continue;
            for (NaclEntry e : acl.entries) {
                if (!e.fromPort().isPresent() || !e.toPort().isPresent()) continue;
                for (int p : new int[] {e.fromPort().get() - 1, e.fromPort().get(), e.toPort().get(), e.toPort().get() + 1}) {
                    if (p >= EPHEMERAL_FROM && p <= EPHEMERAL_TO) ports.add(p);
                }
            }
        }
        Integer passing = null;
        String firstBlocked = null;
        for (int p : ports) {
            String blocked = null;
            for (Check c : checks) {
                String d = naclDecision(c.subnet(), c.egress(), proto, p, c.peerIp());
                if (d != null) {
                    blocked = "RETURN_SUBNET_ACL (" + c.what() + "): reply to ephemeral port " + p + ": " + d;
                    break;
                }
            }
            if (blocked == null && passing == null) passing = p;
            if (blocked != null && firstBlocked == null) firstBlocked = blocked;
        }
        if (firstBlocked == null) return new PacketResult(Outcome.ALLOWED, null);
        if (passing == null) return PacketResult.denied(firstBlocked + " (and every other ephemeral port)");
        return new PacketResult(Outcome.EPHEMERAL_DEPENDENT, firstBlocked + " (but ephemeral port " + passing
                + " passes: depends on the client's port)");
    }

    /** The NAT gateway's subnet when internet-bound traffic from {@code src} leaves through a NAT gateway. */
    private Subnet natSubnetOnTheWay(Eni src, Eni dst) {
        RouteChoice r = lookup(src.subnet(), dst.ip());
        if (r == null || r.type() != RouteTarget.NAT_GATEWAY) return null;
        NatGateway nat = model.resolve(r.table(), r.target(), NatGateway.class).orElse(null);
        return nat == null ? null : model.resolve(nat, nat.subnet.get(), Subnet.class).orElse(null);
    }

    // ================================================================== security groups

    private boolean sgAllows(List<SecurityGroup> groups, Direction dir, String proto, int port, Eni peer) {
        for (SecurityGroup g : groups) {
            for (SgRule r : g.rules) {
                if (r.direction() != dir) continue;
                if (sgProtocolMatches(r, proto, port) && sgPeerMatches(g, r, peer)) return true;
            }
        }
        return false;
    }

    private static boolean sgProtocolMatches(SgRule r, String proto, int port) {
        String rp = r.protocol().get();
        if ("-1".equals(rp)) return true;
        if (!rp.equals(proto)) return false;
        if ("tcp".equals(rp) || "udp".equals(rp)) return r.fromPort().get() <= port && port <= r.toPort().get();
        if ("icmp".equals(rp)) return r.fromPort().get() == -1; // -1 = all types; the test sends "any icmp"
        return true; // another protocol number: all ports
    }

    private boolean sgPeerMatches(SecurityGroup owner, SgRule r, Eni peer) {
        PeerKind k = r.peerKind();
        if (k == PeerKind.CIDR_IPV4) return contains(r.peerCidr().get(), peer.ip());
        if (k == PeerKind.SECURITY_GROUP) {
            if (peer.owner() == null) return false; // the internet carries no group
            SecurityGroup ref = model.resolve(owner, r.peerGroup().get(), SecurityGroup.class).orElse(null);
            return ref != null && peer.groups().contains(ref);
        }
        if (k == PeerKind.SELF) return peer.owner() != null && peer.groups().contains(owner);
        return false; // IPv6 CIDRs never match an IPv4 packet; prefix lists are not generated
    }

    // ================================================================== network ACLs

    /** Null when the NACL of {@code subnet} allows the packet, else which entry (or the implicit deny) stops it. */
    private String naclDecision(Subnet subnet, boolean egress, String proto, int port, long peerIp) {
        NetworkAcl acl = naclOf(subnet);
        if (acl == null) return null; // AWS's default NACL: allow all both ways
        List<NaclEntry> entries = new ArrayList<>();
        for (NaclEntry e : acl.entries) if (e.egress() == egress) entries.add(e);
        entries.sort((a, b) -> Integer.compare(a.ruleNumber().get(), b.ruleNumber().get()));
        for (NaclEntry e : entries) {
            if (!e.cidr().isPresent()) continue; // an IPv6 entry
            if (!contains(e.cidr().get(), peerIp)) continue;
            String ep = e.protocol().get();
            if (!"-1".equals(ep)) {
                if (!ep.equals(proto)) continue;
                if (("tcp".equals(ep) || "udp".equals(ep)) && (port < e.fromPort().get() || port > e.toPort().get())) continue;
            }
            if ("allow".equals(e.action().get())) return null;
            return acl.address() + " " + (egress ? "outbound" : "inbound") + " rule " + e.ruleNumber().get() + " denies "
                    + proto + " " + port + (egress ? " to " : " from ") + ipString(peerIp) + " (SUBNET_ACL_RESTRICTION)";
        }
        return acl.address() + " " + (egress ? "outbound" : "inbound") + " has no entry for " + proto + " " + port
                + (egress ? " to " : " from ") + ipString(peerIp) + ": implicit deny (SUBNET_ACL_RESTRICTION)";
    }

    private NetworkAcl naclOf(Subnet subnet) {
        return naclCache.computeIfAbsent(subnet, x -> Optional.ofNullable(findNacl(x))).orElse(null);
    }

    private NetworkAcl findNacl(Subnet subnet) {
        for (NetworkAcl acl : model.all(NetworkAcl.class)) {
            for (Value<Ref> ref : acl.subnets) {
                if (model.resolve(acl, ref.get(), Subnet.class).orElse(null) == subnet) return acl;
            }
        }
        Vpc vpc = model.resolve(subnet, subnet.vpc.get(), Vpc.class).orElse(null);
        for (NetworkAcl acl : model.all(NetworkAcl.class)) {
            if (acl.isDefault.is(true) && model.resolve(acl, acl.vpc.get(), Vpc.class).orElse(null) == vpc) return acl;
        }
        return null;
    }

    // ================================================================== routes

    record RouteChoice(RouteTable table, String cidr, RouteTarget type, Ref target, boolean active) {
        @Override
        public String toString() {
            return cidr + " -> " + type + (target == null ? "" : " " + target.target()) + (active ? "" : " [blackhole]")
                    + " in " + (table == null ? "(AWS main table)" : table.address());
        }
    }

    /** Longest-prefix match in the subnet's effective table, with the implicit local route for the VPC CIDR. */
    private RouteChoice lookup(Subnet subnet, long ip) {
        RouteTable table = tableOf(subnet);
        Vpc vpc = model.resolve(subnet, subnet.vpc.get(), Vpc.class).orElseThrow();
        RouteChoice best = null;
        int bestLen = -1;
        if (contains(vpc.cidrBlock.get(), ip)) {
            best = new RouteChoice(table, vpc.cidrBlock.get(), RouteTarget.LOCAL, new Ref("local"), true);
            bestLen = (int) parseCidr(vpc.cidrBlock.get())[1];
        }
        if (table != null) {
            for (Route r : table.routes) {
                if (!r.destinationCidr().isPresent()) continue;
                String cidr = r.destinationCidr().get();
                if (!contains(cidr, ip)) continue;
                int len = (int) parseCidr(cidr)[1];
                if (len > bestLen) {
                    bestLen = len;
                    boolean active = !r.state().isPresent() || "active".equals(r.state().get());
                    best = new RouteChoice(table, cidr, r.targetType(), r.target().orElse(null), active);
                }
            }
        }
        return best;
    }

    private RouteTable tableOf(Subnet subnet) {
        return tableCache.computeIfAbsent(subnet, x -> Optional.ofNullable(findTable(x))).orElse(null);
    }

    private RouteTable findTable(Subnet subnet) {
        for (RouteTable t : model.all(RouteTable.class)) {
            for (Value<Ref> ref : t.subnets) {
                if (model.resolve(t, ref.get(), Subnet.class).orElse(null) == subnet) return t;
            }
        }
        Vpc vpc = model.resolve(subnet, subnet.vpc.get(), Vpc.class).orElse(null);
        for (RouteTable t : model.all(RouteTable.class)) {
            if (t.main.is(true) && model.resolve(t, t.vpc.get(), Vpc.class).orElse(null) == vpc) return t;
        }
        return null; // the AWS-created main table: local route only
    }

    // ================================================================== IPv4

    static long parseIp(String s) {
        String[] parts = s.split("\\.");
        long ip = 0;
        for (String p : parts) ip = (ip << 8) | Integer.parseInt(p);
        return ip;
    }

    /** {network address, prefix length}. */
    static long[] parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        long len = Long.parseLong(cidr.substring(slash + 1));
        long mask = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        return new long[] {parseIp(cidr.substring(0, slash)) & mask, len};
    }

    static boolean contains(String cidr, long ip) {
        if (cidr.indexOf(':') >= 0) return false;
        long[] c = parseCidr(cidr);
        long mask = c[1] == 0 ? 0 : (0xFFFFFFFFL << (32 - c[1])) & 0xFFFFFFFFL;
        return (ip & mask) == c[0];
    }

    static String ipString(long ip) {
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
    }

    private static String names(List<SecurityGroup> groups) {
        List<String> out = new ArrayList<>();
        for (SecurityGroup g : groups) out.add(g.address());
        return out.toString();
    }
}
