package io.plumbline.rules.network;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Traffic;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.RuleContext;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Paths;
import io.plumbline.rules.support.Paths.Outcome;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shared judgement of NET-007 (Aurora) and NET-008 (Redis): a data service is reachable only on its port and only
 * from the app tier (intent rows 8, 9, 11, 12, 15), and the app tier does reach it there.
 *
 * <p>A service is one finding: a DB cluster with the endpoints of its instances, or a replication group. Its port is
 * the one it declares (a template's or plan's {@code port}, the API's), else the engine's default port, and the intent
 * is that port intersected with
 * the profile's flows {@code app -> <the service's tier>}; when the intersection is empty (or the engine is unknown)
 * the rule cannot tell which flow is the service's: UNKNOWN, and only check 3 is made. Then, for every endpoint of
 * the service:
 * <ol>
 *   <li>some endpoint of tier {@code app} certainly reaches it with the whole intent (else FAIL, the intent is
 *   broken, with the blocking hops; UNKNOWN if only undecided; UNKNOWN if the input has no app endpoint);</li>
 *   <li>no app endpoint reaches it with anything else (another port, udp, icmp...);</li>
 *   <li>no endpoint outside the app tier reaches it with anything: the internet, the public tier (ALB), other data
 *   services, any other tier (NAT gateways excepted: they start no flows, {@link Paths#originates}). CIDR sources
 *   are judged by the engine through the subnets that fall in them, so a rule admitting the VPC CIDR lets the
 *   public subnets in and fails here.</li>
 * </ol>
 */
final class DataTierAccess {
    static final String APP = "app";

    /** The service's own port, or why it cannot be known. */
    record Port(Integer port, String how, Evidence evidence) {
    }

    private DataTierAccess() {
    }

    /**
     * Runs the judgement for every service: {@code serviceOf} maps an endpoint's resource to its service (null when
     * the endpoint is not one of these services), {@code portOf} gives the service's port.
     */
    static void check(RuleContext ctx, String label, Function<Resource, Resource> serviceOf,
                      Function<Resource, Port> portOf) {
        Paths paths = Paths.of(ctx);
        Profile profile = ctx.profile();
        List<Endpoint> all = paths.endpoints();
        Map<Resource, List<Endpoint>> services = new LinkedHashMap<>();
        Map<Resource, Resource> seen = new IdentityHashMap<>();
        for (Endpoint e : all) {
            if (e.isInternet() || e.resource() == null || Fields.deleted(e.resource())) continue;
            Resource s = serviceOf.apply(e.resource());
            if (s == null || Fields.deleted(s)) continue;
            if (seen.put(s, s) == null) services.put(s, new ArrayList<>());
            services.get(s).add(e);
        }
        Paths.Sources apps = new Paths.Sources(all.stream().filter(e -> !e.isInternet() && Paths.isTier(e, APP)
                && !(e.resource() != null && Fields.deleted(e.resource()))).toList());
        Paths.Sources outsiders = new Paths.Sources(all.stream().filter(s -> !Paths.isTier(s, APP)
                && Paths.originates(s) && (s.isInternet() || s.resource() == null || !Fields.deleted(s.resource())))
                .toList());
        services.forEach((service, endpoints) -> {
            Port port = portOf.apply(service);
            String tier = endpoints.get(0).tier();
            Traffic flows = Paths.intent(profile, APP, tier);
            Traffic intent = port.port() == null ? Traffic.NONE : flows.intersect(Traffic.tcp(port.port()));
            Paths.Outcomes v = new Paths.Outcomes(label + " " + service.address() + " is reached only on "
                    + Paths.show(intent) + " and only from the app tier, which does reach it");
            v.note(Paths.tierEvidence(endpoints.get(0)));
            v.note(port.evidence());
            if (port.port() == null) {
                v.add(Outcome.Kind.UNKNOWN, port.how(), port.evidence());
            } else if (intent.isEmpty()) {
                v.add(Outcome.Kind.UNKNOWN, "the profile's allowedFlows app -> " + tier + " (" + Paths.show(flows)
                        + ") do not include tcp " + port.port() + " (" + port.how() + "), so which flow is this "
                        + "service's is unknown",
                        Evidence.of("allowedFlows app -> " + tier, Paths.show(flows), "tcp " + port.port(),
                                service.location()));
            }
            // Without the service's own flow, what the app tier may send it is unknown: only the other tiers are judged.
            boolean intentKnown = !intent.isEmpty();
            // a service's own endpoints are not its clients
            java.util.Set<Resource> own = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Endpoint e : endpoints) own.add(e.resource());
            Traffic beyond = Traffic.ALL.minus(intent);
            String beyondExpected = "nothing from the app tier beyond " + Paths.show(intent);
            for (Endpoint e : endpoints) {
                if (intentKnown) intentOpen(paths, apps, e, intent, label, v);
                if (intentKnown) paths.requireDeniedFromEach(apps, own, e, beyond, beyondExpected, v);
                paths.requireDeniedFromEach(outsiders, own, e, Traffic.ALL, "nothing from outside the app tier", v);
            }
            ctx.report(service, v.verdict());
        });
    }

    private static void intentOpen(Paths paths, Paths.Sources apps, Endpoint e, Traffic intent, String label,
                                   Paths.Outcomes v) {
        if (intent.isEmpty()) return;
        String what = Paths.show(intent) + " from the app tier to " + label;
        if (apps.isEmpty()) {
            v.add(Outcome.Kind.UNKNOWN, "no endpoint of tier app in the input, so " + what + " cannot be shown open",
                    Evidence.of("app -> " + e.id(), "no app endpoint", "an open path on " + Paths.show(intent),
                            e.resource().location()));
            return;
        }
        List<Outcome> tries = new ArrayList<>();
        Paths.Ranked ranked = paths.rank(apps, e, intent);
        for (Endpoint a : ranked.notClosed()) {
            Outcome o = paths.mustBeAllowed(a, e, intent, what, "open from the app tier");
            if (o.kind() == Outcome.Kind.PASS) {
                v.add(o);
                return;
            }
            tries.add(o);
        }
        // A closed source can only add a FAIL, and FAILs are dropped once a source is undecided: with many stacks
        // whose links are unknown, skipping them saves a witness per app endpoint.
        if (tries.stream().noneMatch(o -> o.kind() == Outcome.Kind.UNKNOWN)) {
            for (Endpoint a : ranked.closed()) tries.add(paths.mustBeAllowed(a, e, intent, what, "open from the app tier"));
        }
        if (tries.stream().anyMatch(o -> o.kind() == Outcome.Kind.UNKNOWN)) {
            tries.stream().filter(o -> o.kind() == Outcome.Kind.UNKNOWN).forEach(v::add);
        } else {
            for (Outcome o : tries) {
                v.add(new Outcome(Outcome.Kind.FAIL, "the intent is broken: " + o.message(), o.evidence(),
                        o.result()));
            }
        }
    }

    /** The port as evidence: the engine and the default port it implies. */
    /** The port the service declares; without one, {@link #port(Resource, Value, Map, Integer, String)}. */
    static Port port(Resource service, Value<Integer> declared, Value<String> engine, Map<String, Integer> byEngine,
                     Integer fallback, String fallbackWhy) {
        if (declared.isPresent()) {
            return new Port(declared.get(), "its port " + Fields.shown(declared), Evidence.of("port", declared,
                    "the service's port"));
        }
        if (declared.isUnknown() && !Value.notInInput().equals(declared)) {
            return new Port(null, "its port is unknown: " + declared.note(), Evidence.of("port", declared,
                    "a known port"));
        }
        return port(service, engine, byEngine, fallback, fallbackWhy);
    }

    static Port port(Resource service, Value<String> engine, Map<String, Integer> byEngine, Integer fallback,
                     String fallbackWhy) {
        String attribute = "engine (port: the engine's default)";
        if (engine.isPresent() && !engine.get().isBlank()) {
            String name = engine.get().trim().toLowerCase(java.util.Locale.ROOT);
            for (Map.Entry<String, Integer> m : byEngine.entrySet()) {
                if (name.contains(m.getKey())) {
                    return new Port(m.getValue(), "engine " + Fields.shown(engine) + "'s port " + m.getValue(),
                            Evidence.of(attribute, engine.display() + " -> tcp " + m.getValue(), "a known engine",
                                    engine.provenance()));
                }
            }
            return new Port(null, "the port of engine " + Fields.shown(engine) + " is not known to this rule",
                    Evidence.of(attribute, engine, "an engine with a known default port"));
        }
        if (fallback != null) {
            return new Port(fallback, fallbackWhy + " port " + fallback, new Evidence(attribute, engine.display()
                    + " -> tcp " + fallback + " (" + fallbackWhy + ")", "a known engine", engine.certainty(),
                    engine.provenance() == null || engine.provenance() == io.plumbline.model.Provenance.NONE
                            ? service.location() : engine.provenance()));
        }
        return new Port(null, "the engine of " + service.address() + " is " + engine.display()
                + ", so its port is unknown", Evidence.of(attribute, engine, "a known engine"));
    }
}
