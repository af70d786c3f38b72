package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.network.LoadBalancer;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Traffic;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Paths;
import io.plumbline.rules.support.Paths.Outcome;
import io.plumbline.model.Provenance;
import io.plumbline.model.network.Listener;
import java.util.ArrayList;
import java.util.List;

/**
 * NET-004, a path rule (rule catalog §11, intent rows 1, 2, 4, 5). From the internet, every endpoint of the model is
 * reachable with at most the traffic the profile allows from {@code internet} to the endpoint's tier
 * ({@code allowedFlows}; the reference allows tcp 443 and tcp 80 to {@code public}, nothing to any other tier). One
 * finding per endpoint (load balancer, node group, instance, database, cache, NAT gateway...), decided by the
 * reachability engine over every layer: internet gateway, routes, network ACLs both ways, security groups, listeners.
 *
 * <ul>
 *   <li>Exposure: the engine is asked about everything the profile does not allow ("all traffic" minus the intent).
 *   Traffic that certainly gets through FAILs, naming the protocol and ports and showing the witness path; traffic
 *   whose fate depends on an unknown value (an unresolved CIDR, a prefix list without entries...) makes the finding
 *   UNKNOWN with the engine's reason; only a path that blocks all of it PASSes. For an app, data or egress endpoint
 *   the intent is empty, so it passes only when the internet reaches it with nothing at all.</li>
 *   <li>Plain HTTP: tcp 80 is allowed to a load balancer only when every port-80 listener redirects to HTTPS
 *   (intent row 2, catalog §14). A listener that forwards or answers makes tcp 80 forbidden traffic: reachable FAILs,
 *   undecided is UNKNOWN; a listener whose action cannot be read makes reachable tcp 80 UNKNOWN.</li>
 *   <li>Front door: the allowed flows are permissions, not obligations (catalog §14). Whether they get to an
 *   internet-facing load balancer is shown as information in the message and the evidence (with the hop that
 *   blocks them); a closed or undecided front door exposes nothing and never FAILs nor makes the finding UNKNOWN.</li>
 * </ul>
 *
 * <p>Mappings: Security Hub EC2.18/EC2.19 and CIS 5.2/5.3 are single-security-group approximations of this path
 * question. Trivy AVD-AWS-0053 fires on every internet-facing load balancer, the front door itself, so it is not
 * mapped.
 */
@RuleInfo(
        id = "NET-004",
        title = "From the internet only the ALB listener ports are reachable (tcp/443, tcp/80); nothing else in the VPC",
        severity = Severity.CRITICAL,
        group = "network-paths",
        rationale = "The reference architecture's single front door.",
        remediation = "Close whatever layer lets the named traffic in (the witness names it: security-group rule, "
                + "NACL entry, route, listener): only the ALB's 443 (and redirecting 80) listeners take internet "
                + "traffic; nodes, databases and caches sit in private subnets without public IPs and admit only "
                + "their own tier's security groups. A port-80 listener redirects to HTTPS, or tcp 80 stays closed. (A "
                + "front door shown as not reachable is information: open tcp 443 on the ALB security group, the "
                + "public NACL with the ephemeral return ports and the IGW route if it is meant to serve.)",
        controls = {"SH EC2.18", "SH EC2.19", "CIS 5.2", "CIS 5.3", "NIST AC-4", "NIST SC-7", "NIST SC-7(4)",
                "NIST SC-7(5)"},
        // the reachability engine: the network layers and every kind that can be a path's endpoint
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class InternetReachesOnlyTheFrontDoor implements Rule {

    @Override
    public void check(RuleContext ctx) {
        Paths paths = Paths.of(ctx);
        Endpoint internet = paths.internet();
        Paths.byResource(paths.endpoints()).forEach((resource, endpoints) -> {
            if (Fields.deleted(resource)) return;
            Endpoint first = endpoints.get(0);
            Traffic intent = Paths.intent(ctx.profile(), Endpoint.INTERNET, first.tier());
            Paths.Outcomes v = new Paths.Outcomes("the internet reaches " + first.id() + " with "
                    + (intent.isEmpty() ? "nothing" : "only " + Paths.show(intent)) + " (the profile's flows internet "
                    + "-> " + first.tier() + ")");
            v.note(Paths.tierEvidence(first));
            for (Endpoint e : endpoints) judge(paths, ctx.profile(), internet, e, v);
            ctx.report(resource, v.verdict());
        });
    }

    private static void judge(Paths paths, Profile profile, Endpoint internet, Endpoint e, Paths.Outcomes v) {
        List<Profile.Flow> flows = Paths.flows(profile, Endpoint.INTERNET, e.tier());
        Traffic intent = Paths.intent(profile, Endpoint.INTERNET, e.tier());
        Traffic beyond = Traffic.ALL.minus(intent);
        Outcome exposure = paths.mustBeDenied(internet, e, beyond, intent.isEmpty()
                ? "no traffic from the internet (tier " + e.tier() + ")"
                : "no traffic from the internet beyond " + Paths.show(intent));
        if (exposure.kind() == Outcome.Kind.FAIL) {
            v.add(new Outcome(Outcome.Kind.FAIL, "the internet reaches " + e.id() + " on "
                    + Paths.show(exposure.result().allowed()) + (intent.isEmpty() ? ", but tier " + e.tier()
                    + " must not be reachable from the internet at all" : ", beyond the allowed " + Paths.show(intent)),
                    exposure.evidence(), exposure.result()));
        } else {
            v.add(exposure);
        }
        if (frontDoor(e.resource())) {
            LoadBalancer lb = (LoadBalancer) e.resource();
            for (Profile.Flow f : flows) {
                Traffic t = Paths.traffic(f);
                Traffic http = t.intersect(HTTP);
                if (!http.isEmpty()) v.add(plainHttp(paths, internet, e, lb, http));
                reachability(paths, internet, e, f, t, v);
            }
        }
        if (frontDoor(e.resource()) && flows.isEmpty()) {
            v.note(Evidence.of("allowedFlows internet -> " + e.tier(), "(none)", "an allowed flow if this load "
                    + "balancer is a front door", e.resource().location()));
        }
    }

    private static final Traffic HTTP = Traffic.tcp(80);

    /**
     * Whether an allowed flow gets to the front door: information, never a failure (catalog §14: intent rows are
     * permissions, not obligations). A closed port exposes nothing; the finding says so in its message and evidence.
     */
    private static void reachability(Paths paths, Endpoint internet, Endpoint e, Profile.Flow f, Traffic t,
                                     Paths.Outcomes v) {
        String what = "the front door's " + Paths.describe(f);
        Outcome open = Paths.anyPort(f)
                ? paths.mustAllowSome(internet, e, t, what, "open from the internet")
                : paths.mustBeAllowed(internet, e, t, what, "open from the internet");
        if (open.kind() == Outcome.Kind.PASS) {
            v.add(open);
            return;
        }
        Evidence summary = open.evidence().isEmpty() ? null : open.evidence().get(0);
        String state = open.kind() == Outcome.Kind.FAIL ? "is not reachable" : "may not be reachable";
        String info = open.message() + " (information: nothing is exposed there; whether the front door works is "
                + "an availability matter, not a failure of this rule)";
        v.info(info);
        v.add(new Outcome(Outcome.Kind.PASS, info, List.of(new Evidence(
                "front door " + Paths.show(t) + " (information)",
                summary == null ? state : summary.actual(), "may be open: the profile permits it, it does not require it",
                summary == null ? io.plumbline.model.Certainty.EXPLICIT : summary.certainty(),
                summary == null ? e.resource().location() : summary.location())), open.result()));
        for (int i = 1; i < open.evidence().size(); i++) v.note(open.evidence().get(i));
    }

    /**
     * tcp/80 from the internet is allowed only when every port-80 listener redirects to HTTPS (catalog §14; EDG-006
     * judges the redirect itself): with a listener that forwards, answers or cannot be read, tcp/80 must not get in.
     */
    private static Outcome plainHttp(Paths paths, Endpoint internet, Endpoint e, LoadBalancer lb, Traffic http) {
        List<String> plain = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Provenance where = lb.location();
        for (Listener l : lb.listeners) {
            if (l.port().isPresent() && l.port().get() != 80) continue;
            String name = l.address() + (l.port().isPresent() ? "" : " (port " + Fields.why(l.port()) + ")");
            if (!l.port().isPresent() && !l.port().isUnknown()) continue;
            if (where == lb.location()) where = l.location(); // the first port-80 listener, unless another decides
            if (l.defaultActionType().isUnknown() || l.redirectProtocol().isUnknown() || l.port().isUnknown()) {
                unknown.add(name + (l.defaultActionType().isUnknown() ? ": default action "
                        + Fields.why(l.defaultActionType()) : l.redirectProtocol().isUnknown() ? ": redirect protocol "
                        + Fields.why(l.redirectProtocol()) : ""));
                where = l.location();
            } else if (!redirectsToHttps(l)) {
                plain.add(name + " (" + (l.defaultActionType().isPresent() ? l.defaultActionType().get() : "no action")
                        + (l.redirectProtocol().isPresent() ? " to " + l.redirectProtocol().get() : "") + ")");
                where = l.location();
            }
        }
        String expected = "tcp 80 only when every port-80 listener redirects to HTTPS";
        if (plain.isEmpty() && unknown.isEmpty()) {
            return new Outcome(Outcome.Kind.PASS, "every port-80 listener of " + e.id() + " redirects to HTTPS",
                    List.of(Evidence.of("port-80 listeners of " + e.id(), lb.listeners.stream().anyMatch(l ->
                            l.port().is(80)) ? "redirect to HTTPS" : "none", expected, where)), null);
        }
        String listeners = String.join(", ", plain.isEmpty() ? unknown : plain);
        Outcome o = paths.mustBeDenied(internet, e, http, expected);
        return switch (o.kind()) {
            case PASS -> o;
            case FAIL -> plain.isEmpty()
                    ? new Outcome(Outcome.Kind.UNKNOWN, "the internet reaches " + e.id() + " on tcp 80, and whether "
                            + "its port-80 listener redirects to HTTPS is unknown: " + listeners, o.evidence(), o.result())
                    : new Outcome(Outcome.Kind.FAIL, "the internet reaches " + e.id() + " on tcp 80, served in plain "
                            + "HTTP: listener " + listeners + " does not redirect to HTTPS", o.evidence(), o.result());
            case UNKNOWN -> new Outcome(Outcome.Kind.UNKNOWN, o.message() + "; listener " + listeners
                    + (plain.isEmpty() ? " may not redirect to HTTPS" : " does not redirect to HTTPS"),
                    o.evidence(), o.result());
        };
    }

    private static boolean redirectsToHttps(Listener l) {
        return l.defaultActionType().isPresent() && "redirect".equalsIgnoreCase(l.defaultActionType().get())
                && l.redirectProtocol().isPresent() && "HTTPS".equalsIgnoreCase(l.redirectProtocol().get());
    }

    /** An internet-facing load balancer: its allowed flows must be open. Unknown scheme counts as internet-facing. */
    private static boolean frontDoor(Resource r) {
        return r instanceof LoadBalancer lb && !lb.internal.is(true);
    }
}
