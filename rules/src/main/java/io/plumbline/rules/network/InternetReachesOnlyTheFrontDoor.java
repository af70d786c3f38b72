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
 *   <li>Front door: on an internet-facing load balancer (not {@code internal}) each allowed flow of its tier must also
 *   be open, in full: a blocked tcp 443 is a broken front door and FAILs with the hop that blocks it (a listener
 *   missing, the ALB security group, the public NACL, the route to the IGW...); undecided is UNKNOWN.</li>
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
                + "their own tier's security groups. If the front door itself is blocked, open tcp 443 (and 80) on the "
                + "ALB security group, the public NACL (with the ephemeral return ports) and the IGW route.",
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
            for (Profile.Flow f : flows) {
                Traffic t = Paths.traffic(f);
                String what = "the front door's " + Paths.describe(f);
                Outcome open = Paths.anyPort(f)
                        ? paths.mustAllowSome(internet, e, t, what, "open from the internet")
                        : paths.mustBeAllowed(internet, e, t, what, "open from the internet");
                if (open.kind() == Outcome.Kind.FAIL && ((LoadBalancer) e.resource()).internal.isUnknown()) {
                    LoadBalancer lb = (LoadBalancer) e.resource();
                    v.add(new Outcome(Outcome.Kind.UNKNOWN, open.message() + "; whether " + e.id() + " is meant to "
                            + "face the internet is unknown (internal: " + Fields.why(lb.internal) + ")",
                            open.evidence(), open.result()));
                } else if (open.kind() == Outcome.Kind.FAIL) {
                    v.add(new Outcome(Outcome.Kind.FAIL, "broken front door: " + open.message(), open.evidence(),
                            open.result()));
                } else {
                    v.add(open);
                }
            }
        }
        if (frontDoor(e.resource()) && flows.isEmpty()) {
            v.note(Evidence.of("allowedFlows internet -> " + e.tier(), "(none)", "an allowed flow if this load "
                    + "balancer is a front door", e.resource().location()));
        }
    }

    /** An internet-facing load balancer: its allowed flows must be open. Unknown scheme counts as internet-facing. */
    private static boolean frontDoor(Resource r) {
        return r instanceof LoadBalancer lb && !lb.internal.is(true);
    }
}
