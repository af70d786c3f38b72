package io.plumbline.rules.support;

import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.network.Protocols;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Hop;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.Reachability;
import io.plumbline.reach.Traffic;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.Verdict;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;

/**
 * What the path rules (NET-004, NET-006, NET-007, NET-008) share: the reachability engine of a model (built once per
 * model, profile and thread, shared by the rules that run on that thread), the profile's intents
 * ({@code allowedFlows}) as {@link Traffic}, the three ways a path can be judged against an intent, and witness hops turned into
 * {@link Evidence}.
 *
 * <p>Judging a path, always over exactly the traffic in question:
 * <ul>
 *   <li>{@link #mustBeDenied}: a denied intent (§11.2 "denied intents pass iff no path exists for any port in the
 *   set"). Traffic that certainly passes fails the check, traffic whose fate is undecided makes it unknown, and only
 *   a path that blocks everything passes.</li>
 *   <li>{@link #mustBeAllowed}: an allowed intent with a fixed port set ("a path exists for the whole port set"):
 *   any part certainly blocked fails, any part undecided is unknown.</li>
 *   <li>{@link #mustAllowSome}: an allowed intent without ports (the profile's {@code ports: []}, "any target port"):
 *   it passes when some of the traffic certainly gets through.</li>
 * </ul>
 * Undecided traffic never passes. Each judgement re-asks the engine for the offending part alone, so the witness shown
 * is the path of exactly that traffic: the hops that let it through, or the hop that blocks it or cannot decide.
 */
public final class Paths {
    /**
     * The engines of a model, by profile and thread. The value refers to its model, so it is held softly: a weak key
     * alone would never be cleared (the classic WeakHashMap leak), a soft value lets a long-lived process drop it.
     */
    private static final Map<Model, SoftReference<Map<EngineKey, Paths>>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private record EngineKey(Profile profile, Thread thread) {
    }

    private final Reachability reach;

    private Paths(Reachability reach) {
        this.reach = reach;
    }

    /** The engine for the rule's model and profile, built once per thread and shared by the rules run there. */
    public static Paths of(RuleContext ctx) {
        return of(ctx.model(), ctx.profile());
    }

    public static Paths of(Model model, Profile profile) {
        Map<EngineKey, Paths> engines;
        synchronized (CACHE) {
            SoftReference<Map<EngineKey, Paths>> ref = CACHE.get(model);
            engines = ref == null ? null : ref.get();
            if (engines == null) {
                engines = new HashMap<>();
                CACHE.put(model, new SoftReference<>(engines));
            }
        }
        // One engine per thread: the engine's queries are serialised (it memoises as it goes), so path rules sharing
        // one wait on each other; with one each, the rules on the two cores run side by side. A second engine costs
        // a small part of one rule (its build is the model's indexing, not the queries).
        EngineKey key = new EngineKey(profile, Thread.currentThread());
        Paths p;
        synchronized (engines) {
            p = engines.get(key);
        }
        if (p != null) return p;
        p = new Paths(Reachability.of(model, profile));
        synchronized (engines) {
            Paths first = engines.putIfAbsent(key, p);
            return first != null ? first : p;
        }
    }

    public Reachability reach() {
        return reach;
    }

    public synchronized List<Endpoint> endpoints() {
        return reach.endpoints();
    }

    public synchronized Endpoint internet() {
        return reach.internet();
    }

    public synchronized List<Endpoint> inTier(String tier) {
        return reach.inTier(tier);
    }

    /** The engine's verdict without a witness (see {@link Reachability#verdict}). */
    public synchronized PathResult verdict(Endpoint from, Endpoint to, Traffic requested) {
        return reach.verdict(from, to, requested);
    }

    /**
     * {@code sources} with those whose traffic to {@code to} certainly gets through first, then those where it may:
     * a rule that needs one open path finds it at once, and builds witnesses for the closed ones only when none is
     * open (a platform of many stacks has one open source per destination among hundreds).
     */
    public List<Endpoint> mostOpenFirst(List<Endpoint> sources, Endpoint to, Traffic traffic) {
        Ranked r = rank(new Sources(sources), to, traffic);
        List<Endpoint> out = new ArrayList<>(r.open());
        out.addAll(r.maybe());
        out.addAll(r.closed());
        return out;
    }

    /**
     * {@code sources} split by their verdict to {@code to}, each part in the order given: those whose traffic
     * certainly gets through, those where it may, those where nothing does. Only the sources the engine cannot rule
     * out ({@link Reachability#mayReach}) are asked; the others are closed.
     */
    public Ranked rank(Sources sources, Endpoint to, Traffic traffic) {
        List<Endpoint> open = new ArrayList<>();
        List<Endpoint> maybe = new ArrayList<>();
        for (Endpoint s : candidates(sources, Set.of(), to, traffic)) {
            PathResult q = verdict(s, to, traffic);
            if (!q.allowed().isEmpty()) open.add(s);
            else if (!q.undecided().isEmpty()) maybe.add(s);
        }
        return new Ranked(open, maybe, sources);
    }

    /**
     * Sources ranked by {@link #rank}: certainly open, maybe open, closed (nothing gets through). The closed ones are
     * listed only when asked: most of a large plan's sources are closed to any one destination.
     */
    public static final class Ranked {
        private final List<Endpoint> open;
        private final List<Endpoint> maybe;
        private final Sources sources;

        Ranked(List<Endpoint> open, List<Endpoint> maybe, Sources sources) {
            this.open = open;
            this.maybe = maybe;
            this.sources = sources;
        }

        public List<Endpoint> open() {
            return open;
        }

        public List<Endpoint> maybe() {
            return maybe;
        }

        /** The sources neither open nor maybe open, in the order given. */
        public List<Endpoint> closed() {
            Set<Endpoint> notClosed = Collections.newSetFromMap(new IdentityHashMap<>());
            notClosed.addAll(open);
            notClosed.addAll(maybe);
            List<Endpoint> out = new ArrayList<>();
            for (Endpoint e : sources.list()) if (!notClosed.contains(e)) out.add(e);
            return out;
        }

        /** The open then the maybe-open sources. */
        public List<Endpoint> notClosed() {
            List<Endpoint> out = new ArrayList<>(open);
            out.addAll(maybe);
            return out;
        }
    }

    /**
     * A rule's list of sources (each endpoint once), fixed while it judges many destinations, indexed so that a
     * judgement costs what the sources that may reach the destination cost, not the whole list (issue #11).
     */
    public static final class Sources {
        private final List<Endpoint> list;
        private final Map<Endpoint, Integer> index = new IdentityHashMap<>();
        private final Map<Resource, Integer> perResource = new IdentityHashMap<>();

        public Sources(List<Endpoint> list) {
            this.list = List.copyOf(list);
            for (int i = 0; i < this.list.size(); i++) {
                Endpoint e = this.list.get(i);
                if (index.putIfAbsent(e, i) != null) throw new IllegalArgumentException("listed twice: " + e);
                if (e.resource() != null) perResource.merge(e.resource(), 1, Integer::sum);
            }
        }

        public List<Endpoint> list() {
            return list;
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        /** How many sources belong to none of {@code resources} (a set by identity). */
        int countOutside(Set<Resource> resources) {
            int n = list.size();
            for (Resource r : resources) n -= perResource.getOrDefault(r, 0);
            return n;
        }
    }

    /** The sources of {@code from} outside {@code except} that the engine cannot rule out, in {@code from}'s order. */
    private List<Endpoint> candidates(Sources from, Set<Resource> except, Endpoint to, Traffic traffic) {
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint e : mayReach(to, traffic)) {
            if (from.index.containsKey(e) && (e.resource() == null || !except.contains(e.resource()))) out.add(e);
        }
        out.sort(java.util.Comparator.comparingInt(from.index::get));
        return out;
    }

    /** See {@link Reachability#mayReach}. */
    public synchronized List<Endpoint> mayReach(Endpoint to, Traffic traffic) {
        return reach.mayReach(to, traffic);
    }

    /** One question to the engine; calls are serialised, since rules share one engine across threads. */
    public synchronized PathResult path(Endpoint from, Endpoint to, Traffic requested) {
        return reach.path(from, to, requested);
    }

    // ----------------------------------------------------------------------------------------------------- intents

    /**
     * Whether an endpoint opens new connections to others: every endpoint does but a NAT gateway, which only carries
     * flows that private subnets start (and their replies); it is never a source for Reachability Analyzer either.
     * Rules that ask "who can reach X" leave NAT gateways out as sources; they still are destinations.
     */
    public static boolean originates(Endpoint e) {
        return e.isInternet() || !(e.resource() instanceof io.plumbline.model.network.NatGateway);
    }

    /** Tier names compare without case: "Data" in a tag is the profile's "data". */
    public static boolean isTier(Endpoint e, String tier) {
        return e.tier() != null && e.tier().trim().equalsIgnoreCase(tier);
    }

    /** The profile's flows from {@code fromTier} to {@code toTier}, in profile order. */
    public static List<Profile.Flow> flows(Profile profile, String fromTier, String toTier) {
        List<Profile.Flow> out = new ArrayList<>();
        if (profile.allowedFlows() == null) return out;
        for (Profile.Flow f : profile.allowedFlows()) {
            if (f.from() != null && f.to() != null && f.from().trim().equalsIgnoreCase(fromTier)
                    && f.to().trim().equalsIgnoreCase(toTier)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Everything the profile allows from one tier to another (the union of its flows), or none. */
    public static Traffic intent(Profile profile, String fromTier, String toTier) {
        Traffic t = Traffic.NONE;
        for (Profile.Flow f : flows(profile, fromTier, toTier)) t = t.union(traffic(f));
        return t;
    }

    /**
     * A flow as traffic: protocol {@code tcp}/{@code udp} with its ports ({@code []} = every port), {@code icmp},
     * {@code icmpv6}, or {@code -1}/{@code all} = all traffic. Another protocol number means the OTHER protocols.
     */
    public static Traffic traffic(Profile.Flow flow) {
        String p = Protocols.normalise(flow.protocol() == null ? "-1" : flow.protocol());
        PortSet ports = flow.ports() == null || flow.ports().isEmpty() ? PortSet.ALL
                : PortSet.of(flow.ports().stream().mapToInt(Integer::intValue).toArray());
        return switch (p) {
            case "-1" -> Traffic.ALL;
            case "tcp" -> Traffic.of(Traffic.Protocol.TCP, ports);
            case "udp" -> Traffic.of(Traffic.Protocol.UDP, ports);
            case "icmp" -> Traffic.of(Traffic.Protocol.ICMP, PortSet.ALL);
            case "icmpv6" -> Traffic.of(Traffic.Protocol.ICMPV6, PortSet.ALL);
            default -> Traffic.of(Traffic.Protocol.OTHER, PortSet.ALL);
        };
    }

    /** True when the flow names no port: any port of its protocol is the intent ("any target port"). */
    public static boolean anyPort(Profile.Flow flow) {
        return flow.ports() == null || flow.ports().isEmpty();
    }

    /** "tcp 443 (HTTPS to the ALB)", "tcp, any port (ALB to the EKS target ports)". */
    public static String describe(Profile.Flow flow) {
        Traffic tr = traffic(flow);
        String t = anyPort(flow) && (tr.equals(Traffic.tcp(PortSet.ALL))
                || tr.equals(Traffic.of(Traffic.Protocol.UDP, PortSet.ALL)))
                ? Protocols.normalise(flow.protocol()) + ", any port" : show(tr);
        return flow.note() == null || flow.note().isBlank() ? t : t + " (" + flow.note() + ")";
    }

    /** Traffic as a reader says it: "tcp 80, 443", "all traffic", "no traffic". */
    public static String show(Traffic t) {
        if (t.isEmpty()) return "no traffic";
        if (t.equals(Traffic.ALL)) return "all traffic";
        return t.toString();
    }

    /**
     * Endpoints grouped by their resource (the internet left out), in engine order: a rule reports one finding per
     * resource even if the engine models a resource as several endpoints.
     */
    public static Map<Resource, List<Endpoint>> byResource(List<Endpoint> endpoints) {
        Map<Resource, List<Endpoint>> out = new LinkedHashMap<>();
        Map<Resource, List<Endpoint>> seen = new IdentityHashMap<>();
        for (Endpoint e : endpoints) {
            if (e.isInternet() || e.resource() == null) continue;
            List<Endpoint> list = seen.computeIfAbsent(e.resource(), r -> new ArrayList<>());
            if (list.isEmpty()) out.put(e.resource(), list);
            list.add(e);
        }
        return out;
    }

    /**
     * How an endpoint's tier was decided, as evidence: "data: tag plumbline:tier = data on it", "app: the tier of an
     * EKS node group (no plumbline:tier tag ...)", with any conflicting network evidence ({@link
     * io.plumbline.reach.Tiers}).
     */
    public static Evidence tierEvidence(Endpoint e) {
        String how = e.how() == null ? e.tier() : e.how();
        return new Evidence("tier of " + e.id(), how, "a tier", Certainty.EXPLICIT,
                e.resource() == null ? Provenance.NONE : e.resource().location());
    }

    /** An endpoint as findings name it: "the internet", or its address and tier. */
    public static String name(Endpoint e) {
        return e.isInternet() ? "the internet" : e.id() + " (" + e.tier() + ")";
    }

    // -------------------------------------------------------------------------------------------------- judgements

    /** The outcome of one check on one path, with its message and evidence (summary first, then the witness). */
    public record Outcome(Kind kind, String message, List<Evidence> evidence, PathResult result) {
        public enum Kind { PASS, FAIL, UNKNOWN }
    }

    /**
     * {@code forbidden} must not get from {@code from} to {@code to}. FAIL names the traffic that certainly passes,
     * UNKNOWN the traffic that may, with the engine's reason; the witness is that traffic's own path.
     */
    public Outcome mustBeDenied(Endpoint from, Endpoint to, Traffic forbidden, String expected) {
        // Most pairs of a large platform are denied: prove that without a witness, and build one only when some
        // traffic gets through or cannot be decided.
        PathResult quick = verdict(from, to, forbidden);
        if (quick.allowed().isEmpty() && quick.undecided().isEmpty()) {
            return new Outcome(Outcome.Kind.PASS, name(from) + " cannot reach " + name(to) + " on " + show(forbidden),
                    List.of(), quick);
        }
        PathResult r = path(from, to, forbidden);
        if (!r.allowed().isEmpty()) {
            PathResult w = focus(r, r.allowed());
            return new Outcome(Outcome.Kind.FAIL, name(from) + " reaches " + name(to) + " on " + show(r.allowed()),
                    evidence(w, "allowed " + show(w.allowed()), expected), r);
        }
        if (!r.undecided().isEmpty()) {
            PathResult w = focus(r, r.undecided());
            return new Outcome(Outcome.Kind.UNKNOWN, "whether " + name(from) + " reaches " + name(to) + " on "
                    + show(r.undecided()) + " is unknown: " + reason(w), evidence(w, "undecided "
                    + show(w.undecided()), expected), r);
        }
        return new Outcome(Outcome.Kind.PASS, name(from) + " cannot reach " + name(to) + " on " + show(forbidden),
                evidence(r, "denied", expected), r);
    }

    /**
     * {@link #mustBeDenied} into {@code into}, without building an outcome when the engine proves the pair denied:
     * such a pair only counts in the verdict's "other sources ... each denied" line, and on a plan of many stacks
     * there are as many of them as pairs of endpoints.
     */
    public void requireDenied(Endpoint from, Endpoint to, Traffic forbidden, String expected, Outcomes into) {
        PathResult quick = verdict(from, to, forbidden);
        if (quick.allowed().isEmpty() && quick.undecided().isEmpty()) {
            into.deniedWithoutWitness();
            return;
        }
        // Undecided only because an end's unknown subnets may be the other end's: the first such pair gets its
        // witness, the others are named in one line (one per pair of stacks on a plan of many, each the same story).
        if (quick.allowed().isEmpty() && into.sharedSubnetWitnessed() && onlyIfSharingSubnet(from, to, forbidden)) {
            into.undecidedBySharedSubnet(name(from));
            return;
        }
        Outcome o = mustBeDenied(from, to, forbidden, expected);
        if (o.kind() == Outcome.Kind.UNKNOWN && !into.sharedSubnetWitnessed() && onlyIfSharingSubnet(from, to, forbidden)) {
            into.sharedSubnetWitness(o);
            return;
        }
        into.add(o);
    }

    private synchronized boolean onlyIfSharingSubnet(Endpoint from, Endpoint to, Traffic t) {
        return reach.onlyIfSharingSubnet(from, to, t);
    }

    /**
     * {@link #requireDenied} from every source of {@code from} whose resource is not in {@code except} (a set by
     * identity: a service's own endpoints are not its clients), in {@code from}'s order, for {@code forbidden} of that
     * source: the same outcomes and count as asking each, but only the sources the engine cannot rule out for
     * {@code atMost} (which holds every source's {@code forbidden}) are asked; the others are counted denied.
     */
    public void requireDeniedFromEach(Sources from, Set<Resource> except, Endpoint to, Traffic atMost,
                                      Function<Endpoint, Traffic> forbidden, Function<Endpoint, String> expected,
                                      Outcomes into) {
        int asked = 0;
        for (Endpoint s : candidates(from, except, to, atMost)) {
            asked++;
            requireDenied(s, to, forbidden.apply(s), expected.apply(s), into);
        }
        into.deniedWithoutWitness(from.countOutside(except) - asked);
    }

    /** {@link #requireDeniedFromEach} with one forbidden traffic and one expectation for every source. */
    public void requireDeniedFromEach(Sources from, Set<Resource> except, Endpoint to, Traffic forbidden,
                                      String expected, Outcomes into) {
        requireDeniedFromEach(from, except, to, forbidden, s -> forbidden, s -> expected, into);
    }

    /** All of {@code required} must get from {@code from} to {@code to}: an allowed intent with a fixed port set. */
    public Outcome mustBeAllowed(Endpoint from, Endpoint to, Traffic required, String what, String expected) {
        PathResult r = path(from, to, required);
        Traffic denied = required.minus(r.allowed()).minus(r.undecided());
        if (!denied.isEmpty()) {
            PathResult w = focus(r, denied);
            return new Outcome(Outcome.Kind.FAIL, what + " is blocked from " + name(from) + " to " + name(to) + " ("
                    + show(denied) + ") at " + blockedAt(w), evidence(w, "denied " + show(denied), expected), r);
        }
        if (!r.undecided().isEmpty()) {
            PathResult w = focus(r, r.undecided());
            return new Outcome(Outcome.Kind.UNKNOWN, "whether " + what + " gets from " + name(from) + " to "
                    + name(to) + " is unknown (" + show(r.undecided()) + "): " + reason(w),
                    evidence(w, "undecided " + show(r.undecided()), expected), r);
        }
        return new Outcome(Outcome.Kind.PASS, what + " gets from " + name(from) + " to " + name(to),
                evidence(r, "allowed " + show(r.allowed()), expected), r);
    }

    /** Some of {@code wanted} must get through: an allowed intent without ports ("any target port"). */
    public Outcome mustAllowSome(Endpoint from, Endpoint to, Traffic wanted, String what, String expected) {
        PathResult r = path(from, to, wanted);
        if (!r.allowed().isEmpty()) {
            PathResult w = focus(r, r.allowed());
            return new Outcome(Outcome.Kind.PASS, what + " gets from " + name(from) + " to " + name(to) + " on "
                    + show(r.allowed()), evidence(w, "allowed " + show(r.allowed()), expected), r);
        }
        if (!r.undecided().isEmpty()) {
            PathResult w = focus(r, r.undecided());
            return new Outcome(Outcome.Kind.UNKNOWN, "whether " + what + " gets from " + name(from) + " to "
                    + name(to) + " is unknown (" + show(r.undecided()) + "): " + reason(w),
                    evidence(w, "undecided " + show(r.undecided()), expected), r);
        }
        return new Outcome(Outcome.Kind.FAIL, what + " is blocked from " + name(from) + " to " + name(to) + " at "
                + blockedAt(r), evidence(r, "denied", expected), r);
    }

    /** The path of just {@code part}, so that the witness explains that part; the original when it already is. */
    private PathResult focus(PathResult r, Traffic part) {
        if (part.equals(r.requested())) return r;
        PathResult again = path(r.from(), r.to(), part);
        return again == null ? r : again;
    }

    /** The blocking hop in words, else the engine's reason. */
    private static String blockedAt(PathResult r) {
        Hop key = keyHop(r);
        if (key != null && key.decision() == Hop.Decision.DENY) return describe(key);
        return reason(r);
    }

    private static String reason(PathResult r) {
        if (r.reason() != null && !r.reason().isBlank()) return r.reason();
        Hop key = keyHop(r);
        return key == null ? "no reason given" : describe(key);
    }

    // ---------------------------------------------------------------------------------------------------- evidence

    /**
     * The hop that decided: the last that blocks (where the traffic that got farthest stopped: with "any port"
     * requests an early hop may block some ports and a later one the rest), else the first that cannot decide, else
     * (traffic passes) the destination security-group rule that let it in, else the last hop.
     */
    public static Hop keyHop(PathResult r) {
        List<Hop> hops = r.witness() == null ? List.of() : r.witness();
        Hop deny = null;
        for (Hop h : hops) if (h.decision() == Hop.Decision.DENY) deny = h;
        if (deny != null) return deny;
        for (Hop h : hops) if (h.decision() == Hop.Decision.UNKNOWN) return h;
        Hop last = null;
        for (Hop h : hops) {
            if (h.layer() == Hop.Layer.DESTINATION_SECURITY_GROUP_INGRESS) return h;
            if (h.layer() == Hop.Layer.LOAD_BALANCER_LISTENER) last = h;
        }
        if (last != null) return last;
        return hops.isEmpty() ? null : hops.get(hops.size() - 1);
    }

    /**
     * The evidence of one path: a summary line ("path A -> B", what was found, what was expected, placed at the
     * deciding hop so that a finding points there), then every witness hop in path order — attribute = layer and
     * component, actual = element and decision (with the explanation code), location = where the element is declared.
     */
    public static List<Evidence> evidence(PathResult r, String actual, String expected) {
        List<Evidence> out = new ArrayList<>();
        Hop key = keyHop(r);
        Provenance where = key == null || key.location() == null ? Provenance.NONE : key.location();
        Certainty c = r.reach() == PathResult.Reach.UNKNOWN ? Certainty.UNKNOWN : Certainty.EXPLICIT;
        String summary = "path " + label(r.from()) + " -> " + label(r.to()) + " " + show(r.requested());
        String at = key == null ? "" : (r.allowed().isEmpty() ? " at " : " via ") + describe(key);
        out.add(new Evidence(summary, actual + at, expected, c, where));
        int i = 1;
        for (Hop h : r.witness() == null ? List.<Hop>of() : r.witness()) out.add(hop(i++, h));
        return out;
    }

    /** One witness hop as evidence: {@code hop N LAYER component} = {@code element -> DECISION (CODE)}. */
    public static Evidence hop(int n, Hop h) {
        String attribute = HOP_PREFIX + n + " " + layer(h.layer()) + " " + (h.component() == null ? "" : h.component());
        String actual = (h.element() == null ? "" : h.element()) + " -> " + h.decision()
                + (h.code() == null || h.code().isBlank() ? "" : " (" + h.code() + ")");
        Certainty c = h.decision() == Hop.Decision.UNKNOWN ? Certainty.UNKNOWN : Certainty.EXPLICIT;
        return new Evidence(attribute.strip(), actual, switch (h.decision()) {
            case ALLOW -> "passes";
            case DENY -> "blocks";
            case UNKNOWN -> "cannot decide";
        }, c, h.location() == null ? Provenance.NONE : h.location());
    }

    /** Evidence attributes of witness hops start with this (reports indent them under their path). */
    public static final String HOP_PREFIX = "hop ";

    private static String layer(Hop.Layer l) {
        return l == null ? "?" : l.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String label(Endpoint e) {
        return e == null ? "?" : e.isInternet() ? Endpoint.INTERNET : e.id();
    }

    private static String describe(Hop h) {
        return layer(h.layer()) + " " + h.component() + ": " + h.element() + " -> " + h.decision()
                + (h.code() == null ? "" : " (" + h.code() + ")");
    }

    // ----------------------------------------------------------------------------------------------- accumulating

    /**
     * The outcomes of one rule on one resource, turned into a {@link Verdict}: failures first, then open questions,
     * then passes, each with all of its evidence, so the finding points at the hop that decided it.
     */
    public static final class Outcomes {
        private final String passMessage;
        private final List<Outcome> all = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Evidence> noteEvidence = new ArrayList<>();
        private final List<String> infos = new ArrayList<>();
        private int deniedCount;
        /** The first source undecided only by a shared-subnet placement (with its witness), and the others' names. */
        private Outcome sharedSubnet;
        private final List<String> sharedSubnetOthers = new ArrayList<>();

        public Outcomes(String passMessage) {
            this.passMessage = passMessage;
        }

        public Outcomes add(Outcome o) {
            all.add(o);
            return this;
        }

        /** A failure or open question found without asking the engine (e.g. the profile has no such flow). */
        public Outcomes add(Outcome.Kind kind, String message, Evidence e) {
            all.add(new Outcome(kind, message, e == null ? List.of() : List.of(e), null));
            return this;
        }

        public Outcomes note(Evidence e) {
            noteEvidence.add(e);
            return this;
        }

        /** Information added to the pass message (e.g. a permitted flow that is closed): it never decides. */
        public Outcomes info(String message) {
            infos.add(message);
            return this;
        }

        boolean sharedSubnetWitnessed() {
            return sharedSubnet != null;
        }

        void sharedSubnetWitness(Outcome o) {
            sharedSubnet = o;
        }

        void undecidedBySharedSubnet(String source) {
            sharedSubnetOthers.add(source);
        }

        /** A path proven denied without a witness: counted, as a witness-less PASS outcome would be. */
        public Outcomes deniedWithoutWitness() {
            return deniedWithoutWitness(1);
        }

        /** {@code n} paths proven denied without a witness. */
        public Outcomes deniedWithoutWitness(int n) {
            if (n < 0) throw new IllegalArgumentException("a negative count of paths: " + n);
            deniedCount += n;
            return this;
        }

        public boolean has(Outcome.Kind kind) {
            return kind == Outcome.Kind.PASS && deniedCount > 0 || all.stream().anyMatch(o -> o.kind() == kind)
                    || kind == Outcome.Kind.UNKNOWN && sharedSubnet != null;
        }

        public Verdict verdict() {
            Verdict v = new Verdict(infos.isEmpty() ? passMessage : passMessage + "; " + String.join("; ", infos));
            int denied = deniedCount;
            List<Outcome> all = this.all;
            if (sharedSubnet != null) {
                // after the other open questions: they say more about the resource than a placement the input leaves open
                all = new ArrayList<>(this.all);
                all.add(sharedSubnet);
            }
            for (Outcome.Kind k : List.of(Outcome.Kind.FAIL, Outcome.Kind.UNKNOWN, Outcome.Kind.PASS)) {
                for (Outcome o : all) {
                    if (o.kind() != k) continue;
                    List<Evidence> ev = o.evidence();
                    switch (k) {
                        case FAIL -> {
                            v.fail(o.message(), ev.isEmpty() ? null : ev.get(0));
                            for (int i = 1; i < ev.size(); i++) v.note(ev.get(i));
                        }
                        case UNKNOWN -> {
                            v.unknown(o.message(), ev.isEmpty() ? null : ev.get(0));
                            for (int i = 1; i < ev.size(); i++) v.note(ev.get(i));
                        }
                        case PASS -> {
                            // A passing path shows its summary only (placed at the hop that blocks, or lets
                            // through, what was asked): full witnesses are for the verdict-deciding paths. Paths
                            // proven denied without a witness are counted in one line: on a platform of many
                            // stacks they are thousands.
                            if (ev.isEmpty()) denied++;
                            else v.pass(ev.get(0));
                        }
                    }
                }
            }
            if (!sharedSubnetOthers.isEmpty()) {
                int n = sharedSubnetOthers.size();
                List<String> shown = sharedSubnetOthers.subList(0, Math.min(5, n));
                v.note(new Evidence("other sources in unknown subnets", n + (n == 1 ? " more source" : " more sources")
                        + " may pass the same way, each only if its unknown subnet is the other end's (no network ACL "
                        + "between them): " + String.join(", ", shown) + (n > shown.size() ? " and " + (n - shown.size())
                        + " more" : ""), "no path", Certainty.UNKNOWN, Provenance.NONE));
            }
            if (denied > 0) {
                v.pass(Evidence.of("other sources", denied + (denied == 1 ? " path" : " paths")
                        + " checked, each denied: no layer lets the traffic through", "no path", Provenance.NONE));
            }
            for (Evidence e : noteEvidence) v.note(e);
            return v;
        }
    }
}
