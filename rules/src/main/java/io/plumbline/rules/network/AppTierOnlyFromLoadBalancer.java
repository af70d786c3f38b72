package io.plumbline.rules.network;

import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.compute.EksCluster;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NET-006, a path rule (rule catalog §11, intent rows 5, 6 and 11's public-subnet clause). The app tier's workloads —
 * every endpoint of tier {@code app} except EKS control planes (node groups, instances...) — take application traffic
 * from the public tier (the ALB) and from nowhere outside the app tier; and that path is open. One finding per
 * workload:
 *
 * <ol>
 *   <li><b>Intent open.</b> For each profile flow {@code public -> app}: some endpoint of tier {@code public}
 *   certainly reaches the workload with it. A flow with {@code ports: []} ("any target port": the target ports live
 *   in target groups and Kubernetes Services, not in the profile) is met when <em>some</em> port of its protocol is
 *   certainly allowed; a flow with ports is met only when all of them are. No public endpoint can reach it: FAIL
 *   (the intent is broken, e.g. the node security group lost its rule from the ALB), with each blocking hop; only
 *   undecided: UNKNOWN. No public endpoint in the input at all: UNKNOWN (the path cannot be shown).</li>
 *   <li><b>Nothing beyond the intent from the public tier.</b> Public endpoints reach the workload with nothing
 *   outside the flows (with the reference's {@code tcp, ports: []}: no udp, icmp or other protocol).</li>
 *   <li><b>Nothing from the internet</b>: internet -> workload is DENIED for all traffic.</li>
 *   <li><b>Nothing from other tiers</b>: every endpoint of a tier that is neither {@code app}, {@code public} nor
 *   the internet ({@code data}, {@code egress} interface endpoints...) reaches the workload with nothing, unless
 *   the profile has a flow from that tier to {@code app} (then only with that flow). NAT gateways are not sources:
 *   they only carry flows the private subnets start ({@link Paths#originates}).</li>
 * </ol>
 * FAIL on any certain violation, else UNKNOWN on any undecided traffic (with the engine's reason), else PASS. Traffic
 * inside the app tier (control plane to nodes, node to node: intent row 7) is not this rule's business.
 */
@RuleInfo(
        id = "NET-006",
        title = "App tier (EKS nodes/pods) accepts application traffic only from the ALB on target ports, plus the EKS "
                + "control plane",
        severity = Severity.HIGH,
        group = "network-paths",
        rationale = "Nodes must not be reachable from public subnets or the internet directly.",
        remediation = "Let the node security group admit the ALB security group on the target ports (NodePort range "
                + "for instance targets, pod ports for ip targets) and the EKS control plane, and nothing from public "
                + "subnets, the NAT gateways or the internet; give the ALB security group egress to the node group "
                + "on those ports.",
        controls = {"NIST AC-4?", "NIST SC-7?"},
        // the reachability engine: the network layers and every kind that can be a path's endpoint
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class AppTierOnlyFromLoadBalancer implements Rule {
    static final String APP = "app";
    static final String PUBLIC = "public";

    @Override
    public void check(RuleContext ctx) {
        Paths paths = Paths.of(ctx);
        Profile profile = ctx.profile();
        List<Endpoint> all = paths.endpoints();
        Endpoint internet = paths.internet();
        List<Endpoint> publicList = new ArrayList<>();
        for (Endpoint e : all) {
            if (!e.isInternet() && Paths.isTier(e, PUBLIC) && !deleted(e) && Paths.originates(e)) publicList.add(e);
        }
        Paths.Sources publics = new Paths.Sources(publicList);
        // the endpoints of the other tiers, each with what it must not send the app tier (check 4; NAT gateways
        // start no flows)
        Map<String, Traffic> forbiddenByTier = new HashMap<>();
        List<Endpoint> otherList = new ArrayList<>();
        for (Endpoint s : all) {
            if (s.isInternet() || deleted(s) || Paths.isTier(s, APP) || Paths.isTier(s, PUBLIC)
                    || !Paths.originates(s)) {
                continue;
            }
            Traffic forbidden = forbiddenByTier.computeIfAbsent(s.tier(),
                    t -> Traffic.ALL.minus(Paths.intent(profile, t, APP)));
            if (!forbidden.isEmpty()) otherList.add(s);
        }
        Paths.Sources others = new Paths.Sources(otherList);
        Paths.byResource(all).forEach((resource, endpoints) -> {
            if (Fields.deleted(resource) || resource instanceof EksCluster) return;
            if (!Paths.isTier(endpoints.get(0), APP)) return;
            Paths.Outcomes v = new Paths.Outcomes("only the public tier reaches " + resource.address() + " (with "
                    + Paths.show(Paths.intent(profile, PUBLIC, APP)) + ", and it does), nothing from the internet or "
                    + "other tiers");
            v.note(Paths.tierEvidence(endpoints.get(0)));
            for (Endpoint e : endpoints) judge(paths, profile, internet, publics, others, forbiddenByTier, e, v);
            ctx.report(resource, v.verdict());
        });
    }

    private static void judge(Paths paths, Profile profile, Endpoint internet, Paths.Sources publics,
                              Paths.Sources others, Map<String, Traffic> forbiddenByTier, Endpoint app,
                              Paths.Outcomes v) {
        // 1. The intent is open: each public -> app flow gets through from some public endpoint.
        for (Profile.Flow f : Paths.flows(profile, PUBLIC, APP)) {
            String what = "the flow " + Paths.describe(f);
            if (publics.isEmpty()) {
                v.add(Outcome.Kind.UNKNOWN, "no endpoint of tier public in the input, so " + what + " to " + app.id()
                        + " cannot be shown open", Evidence.of("public -> " + app.id(), "no public endpoint",
                        "an open path from the ALB", app.resource().location()));
                continue;
            }
            List<Outcome> tries = new ArrayList<>();
            Outcome met = null;
            Paths.Ranked ranked = paths.rank(publics, app, Paths.traffic(f));
            for (Endpoint p : ranked.notClosed()) {
                Outcome o = tryFlow(paths, f, p, app, what);
                if (o.kind() == Outcome.Kind.PASS) {
                    met = o;
                    break;
                }
                tries.add(o);
            }
            // a closed source only adds a FAIL, which is dropped once some source is undecided
            if (met == null && tries.stream().noneMatch(o -> o.kind() == Outcome.Kind.UNKNOWN)) {
                for (Endpoint p : ranked.closed()) tries.add(tryFlow(paths, f, p, app, what));
            }
            if (met != null) {
                v.add(met);
            } else if (tries.stream().anyMatch(o -> o.kind() == Outcome.Kind.UNKNOWN)) {
                tries.stream().filter(o -> o.kind() == Outcome.Kind.UNKNOWN).forEach(v::add);
            } else {
                for (Outcome o : tries) {
                    v.add(new Outcome(Outcome.Kind.FAIL, "the intent is broken: " + o.message(), o.evidence(),
                            o.result()));
                }
            }
        }
        // 2. Nothing beyond the intent from the public tier.
        Traffic intent = Paths.intent(profile, PUBLIC, APP);
        Traffic beyond = Traffic.ALL.minus(intent);
        if (!beyond.isEmpty()) {
            String expected = intent.isEmpty() ? "nothing from the public tier"
                    : "nothing from the public tier beyond " + Paths.show(intent);
            paths.requireDeniedFromEach(publics, Set.of(), app, beyond, expected, v);
        }
        // 3. Nothing from the internet.
        v.add(paths.mustBeDenied(internet, app, Traffic.ALL, "nothing from the internet"));
        // 4. Nothing from the other tiers (NAT gateways in the public subnets, the data tier...).
        paths.requireDeniedFromEach(others, Set.of(), app, Traffic.ALL, s -> forbiddenByTier.get(s.tier()), s -> {
            Traffic allowed = Paths.intent(profile, s.tier(), APP);
            return allowed.isEmpty() ? "nothing from tier " + s.tier()
                    : "nothing from tier " + s.tier() + " beyond " + Paths.show(allowed);
        }, v);
    }

    private static Outcome tryFlow(Paths paths, Profile.Flow f, Endpoint p, Endpoint app, String what) {
        return Paths.anyPort(f)
                ? paths.mustAllowSome(p, app, Paths.traffic(f), what, "open from the public tier")
                : paths.mustBeAllowed(p, app, Paths.traffic(f), what, "open from the public tier");
    }

    private static boolean deleted(Endpoint e) {
        Resource r = e.resource();
        return r != null && Fields.deleted(r);
    }
}
