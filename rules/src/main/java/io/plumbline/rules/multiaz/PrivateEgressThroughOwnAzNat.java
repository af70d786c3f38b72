package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.network.NatGateway;
import io.plumbline.model.network.Route.RouteTarget;
import io.plumbline.model.network.Subnet;
import io.plumbline.reach.Tiers;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Paths;
import io.plumbline.rules.support.Zones;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * MAZ-002. Every private subnet that egresses through a NAT gateway uses the NAT gateway of its own AZ: its effective
 * route table (explicit association, else the VPC's main table, as the reachability engine resolves them) sends
 * {@code 0.0.0.0/0} to a NAT gateway placed in a subnet of the same AZ. Together over a VPC's app subnets in three AZs
 * this is "one NAT gateway per AZ". One finding per judged subnet.
 *
 * <p>Which subnets (catalog §14): those of the app tier ({@link Tiers}), and any other subnet that is not public and
 * whose effective table has a default route to a NAT gateway; data subnets normally have no default route at all
 * (NET-013). An app subnet with no default route egresses through VPC endpoints only, a design the catalog allows
 * (intent row 10): NOT_APPLICABLE with that reason. A default route to anything other than a NAT gateway (transit
 * gateway, peering, instance...) is a central egress this rule cannot judge: NOT_APPLICABLE with the target. FAIL: the
 * NAT gateway sits in another AZ, or the default route is a blackhole (the NAT was deleted: no egress at all).
 * UNKNOWN: the route table, its route list, the route's target, the NAT gateway's subnet or either AZ is unknown, or
 * the candidate tables disagree. AZs compare as {@link Zones} compares them (names, ids, or CloudFormation indexes
 * with a declared region).
 */
@RuleInfo(
        id = "MAZ-002",
        title = "One NAT gateway per AZ, and each private route table sends 0.0.0.0/0 to the NAT of its own AZ",
        severity = Severity.HIGH,
        group = "multi-az",
        rationale = "A single shared NAT makes every private AZ depend on one AZ for egress (image pulls, AWS APIs).",
        remediation = "Create one aws_nat_gateway (AWS::EC2::NatGateway) in a public subnet of each AZ and give each "
                + "private subnet a route table of its own AZ whose 0.0.0.0/0 route (aws_route / AWS::EC2::Route "
                + "NatGatewayId) targets the NAT gateway of that AZ.",
        controls = {"CKV CKV2_AWS_35"},
        // the app tier and the effective route tables come from the reachability engine's reading of the network
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class PrivateEgressThroughOwnAzNat implements Rule {

    @Override
    public void check(RuleContext ctx) {
        List<Subnet> subnets = ctx.model().all(Subnet.class).stream().filter(s -> !Fields.deleted(s)).toList();
        if (subnets.isEmpty()) return;
        Tiers tiers = Paths.of(ctx).reach().tiers();
        for (Subnet s : subnets) {
            Tiers.Decision tier = tiers.subnet(s);
            if (tier.is(Tiers.PUBLIC) || tiers.publicByRoute(s) != null) continue;
            List<Tiers.DefaultRoute> routes = tiers.defaultRoutes(s);
            boolean app = tier.is(Tiers.APP);
            boolean toNat = routes.stream().anyMatch(r -> r.type() == RouteTarget.NAT_GATEWAY);
            if (!app && !toNat) continue;
            judge(ctx, s, tier, routes);
        }
    }

    private static void judge(RuleContext ctx, Subnet s, Tiers.Decision tier, List<Tiers.DefaultRoute> routes) {
        Evidence tierEvidence = Evidence.of("tier", tier.explain(), "a private subnet", s.location());
        String own = Zones.zoneOf(s);
        List<Tiers.DefaultRoute> none = new ArrayList<>();
        List<Tiers.DefaultRoute> other = new ArrayList<>();
        Checks v = new Checks("egress through the NAT gateway of its own AZ");
        for (Tiers.DefaultRoute r : routes) {
            Evidence e = Evidence.of("route table " + r.table() + " 0.0.0.0/0", r.type() == null ? "(no default "
                    + "route)" : r.targetName() + " (" + r.type().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + ")", "the NAT gateway of " + (own == null ? "its AZ" : own), r.location());
            if (r.unknown() != null) {
                v.unknown("the default route of route table " + r.table() + " is unknown: " + r.unknown(), e);
            } else if (r.type() == null) {
                none.add(r);
                v.note(e);
            } else if (r.blackhole() != null) {
                v.fail("route table " + r.table() + " sends 0.0.0.0/0 to " + r.targetName() + ", which does not "
                        + "work (" + r.blackhole() + "): the subnet has no egress", e);
            } else if (r.type() == RouteTarget.NAT_GATEWAY) {
                nat(ctx, s, own, r, e, v);
            } else if (r.type() == RouteTarget.UNKNOWN) {
                v.unknown("route table " + r.table() + " sends 0.0.0.0/0 to " + r.targetName() + ", whose kind is "
                        + "unknown", e);
            } else {
                other.add(r);
                v.note(e);
            }
        }
        v.note(tierEvidence);
        var verdict = v.verdict();
        boolean judged = routes.size() > none.size() + other.size();
        if (!judged && !routes.isEmpty()) {
            if (routes.size() == none.size()) {
                ctx.notApplicable(s, "no default route: the subnet egresses through VPC endpoints only (route "
                        + "table " + routes.get(0).table() + ")", verdict.evidence().toArray(Evidence[]::new));
            } else if (none.isEmpty()) {
                ctx.notApplicable(s, "the default route goes to " + other.get(0).targetName() + " ("
                        + other.get(0).type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + "), not a NAT gateway of the VPC: a central egress this rule does not judge",
                        verdict.evidence().toArray(Evidence[]::new));
            } else {
                ctx.unknown(s, "the route tables that may be the subnet's disagree: some have no default route, "
                        + "others send it to " + other.get(0).targetName(), verdict.evidence().toArray(Evidence[]::new));
            }
            return;
        }
        if (judged && (!none.isEmpty() || !other.isEmpty()) && verdict.status() == io.plumbline.rule.Status.PASS) {
            ctx.unknown(s, "the route tables that may be the subnet's disagree: not all of them send 0.0.0.0/0 to "
                    + "its own AZ's NAT gateway", verdict.evidence().toArray(Evidence[]::new));
            return;
        }
        ctx.report(s, verdict);
    }

    /** How a subnet's AZ is given: by name, by id, or by index into Fn::GetAZs. */
    private static String form(Subnet s) {
        return s.availabilityZone.isPresent() ? "name" : s.availabilityZoneId.isPresent() ? "id" : "index";
    }

    private static void nat(RuleContext ctx, Subnet s, String own, Tiers.DefaultRoute r, Evidence e, Checks v) {
        if (!(r.target() instanceof NatGateway nat)) {
            v.unknown("route table " + r.table() + " sends 0.0.0.0/0 to NAT gateway " + r.targetName() + ", which is "
                    + "not in the input, so its AZ is unknown", e);
            return;
        }
        if (!nat.subnet.isPresent()) {
            v.unknown("the subnet of NAT gateway " + nat.address() + " is " + nat.subnet.display(), e);
            return;
        }
        Subnet natSubnet = ctx.model().resolve(nat, nat.subnet.get(), Subnet.class).orElse(null);
        String natZone = natSubnet == null ? null : Zones.zoneOf(natSubnet);
        if (own == null || natZone == null) {
            v.unknown((own == null ? "the AZ of " + s.address() + " is unknown (" + Fields.why(s.availabilityZone)
                    + ")" : natSubnet == null ? "the subnet of NAT gateway " + nat.address() + " is not in the input"
                    : "the AZ of " + natSubnet.address() + " (NAT gateway " + nat.address() + ") is unknown ("
                    + Fields.why(natSubnet.availabilityZone) + ")") + ", so whether they share an AZ is unknown", e);
            return;
        }
        if (!form(s).equals(form(natSubnet))) {
            v.unknown("the AZ of " + s.address() + " (" + own + ") and of NAT gateway " + nat.address() + "'s subnet ("
                    + natZone + ") are given in different forms (AZ name, AZ id, index), which cannot be compared "
                    + "without the account's mapping", e);
            return;
        }
        Set<String> pair = new LinkedHashSet<>(List.of(own, natZone));
        Evidence az = Evidence.of("NAT gateway " + nat.address() + " AZ", natZone + " (subnet " + natSubnet.address()
                + ")", own, nat.location());
        if (pair.size() == 1) {
            v.pass(e);
            v.note(az);
        } else {
            v.fail("route table " + r.table() + " sends 0.0.0.0/0 to NAT gateway " + nat.address() + " in " + natZone
                    + ", not in the subnet's AZ " + own + ": egress of " + own + " depends on " + natZone, e);
            v.note(az);
        }
    }
}
