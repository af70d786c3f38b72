package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MAZ-001. In each VPC, each tier (public, app, data) that has subnets has them in at least
 * {@code profile.minimumAvailabilityZones} distinct AZs. One finding per VPC, on the VPC (or, when the VPC is not in
 * the input, on its first subnet).
 *
 * <p>Tiers come from {@link Tiers}: the tier tag when present, else the network (public = default route to an
 * internet gateway, data = member of a DB or cache subnet group, app = where EKS, Auto Scaling groups or instances
 * run), and the evidence says how. A tier with no subnet in the VPC is shown, not judged (a VPC without a data tier
 * has no data tier to lose). A subnet whose tier cannot be told may belong to a tier that is short of zones: the
 * verdict is then UNKNOWN, never PASS; a tier that already spans enough zones passes whatever the undecided subnets
 * are. A subnet whose AZ is left to AWS is unknown; {@code !Select [i, !GetAZs '']} counts as a distinct AZ per index
 * only when the run declares the region ({@link Zones}). A subnet without any tier (private, holding nothing the input
 * shows) belongs to no tier and is not counted.
 */
@RuleInfo(
        id = "MAZ-001",
        title = "Each tier (public, app, data) has subnets in ≥ 3 distinct AZs",
        severity = Severity.HIGH,
        group = "multi-az",
        rationale = "Losing one AZ must not remove a whole tier.",
        remediation = "Add a subnet of the short tier in each missing AZ (aws_subnet.availability_zone, "
                + "AWS::EC2::Subnet AvailabilityZone), and place the tier's resources in all of them.",
        // the catalog maps it to NIST CP-10 and SC-36 only by analogy (unconfirmed): no control is claimed
        // the tiers come from the reachability engine's reading of the network and of what sits where
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class TierSubnetsAcrossAzs implements Rule {
    private static final List<String> TIERS = List.of(Tiers.PUBLIC, Tiers.APP, Tiers.DATA);

    /** The subnets of one VPC, by tier, and those whose tier is unknown. */
    private static final class Vpc {
        final Resource resource;
        final Map<String, List<Subnet>> byTier = new LinkedHashMap<>();
        final List<Subnet> undecided = new ArrayList<>();
        final Map<Subnet, Tiers.Decision> decisions = new LinkedHashMap<>();

        Vpc(Resource resource) {
            this.resource = resource;
            for (String t : TIERS) byTier.put(t, new ArrayList<>());
        }
    }

    @Override
    public void check(RuleContext ctx) {
        List<Subnet> subnets = ctx.model().all(Subnet.class).stream().filter(s -> !Fields.deleted(s)).toList();
        if (subnets.isEmpty()) return;
        Tiers tiers = Paths.of(ctx).reach().tiers();
        Map<String, Vpc> vpcs = new LinkedHashMap<>();
        for (Subnet s : subnets) {
            Resource vpc = s.vpc.isPresent() ? ctx.model().resolve(s, s.vpc.get()).orElse(null) : null;
            String key = vpc != null ? "resource:" + vpc.address()
                    : s.vpc.isPresent() ? "ref:" + s.vpc.get().target() : "unknown VPC";
            Vpc group = vpcs.computeIfAbsent(key, k -> new Vpc(vpc != null ? vpc : s));
            Tiers.Decision d = tiers.subnet(s);
            group.decisions.put(s, d);
            if (!d.known()) {
                group.undecided.add(s);
                continue;
            }
            for (String t : TIERS) if (d.is(t)) group.byTier.get(t).add(s);
        }
        int required = ctx.profile().minimumAvailabilityZones();
        for (Vpc vpc : vpcs.values()) judge(ctx, vpc, required);
    }

    private static void judge(RuleContext ctx, Vpc vpc, int required) {
        boolean anyTier = vpc.byTier.values().stream().anyMatch(l -> !l.isEmpty());
        if (!anyTier && vpc.undecided.isEmpty()) {
            ctx.notApplicable(vpc.resource, "no subnet of the VPC is public, app or data: it holds no tier",
                    Evidence.of("subnet tiers", vpc.decisions.size() + " subnets, none in a tier", "public, app or "
                            + "data subnets", vpc.resource.location()));
            return;
        }
        Checks v = new Checks("every tier of the VPC spans at least " + required + " AZs");
        for (String tier : TIERS) {
            List<Subnet> members = vpc.byTier.get(tier);
            if (members.isEmpty() && vpc.undecided.isEmpty()) {
                v.note(Evidence.of(tier + " tier", "no subnets", "none, or subnets in at least " + required + " AZs",
                        vpc.resource.location()));
                continue;
            }
            Zones.Spread spread = Zones.of(members);
            Provenance where = members.isEmpty() ? vpc.resource.location() : members.get(0).location();
            Evidence e = Evidence.of(tier + " tier AZs", spread.distinct() + " " + spread.zones() + " ("
                    + Fields.count(members.size(), "subnet", "subnets") + ")", "at least " + required + " AZs", where);
            if (spread.distinct() >= required) {
                v.pass(e);
            } else if (spread.incomplete() || !vpc.undecided.isEmpty()) {
                List<String> why = new ArrayList<>(spread.unknowns());
                for (Subnet s : vpc.undecided) {
                    why.add("the tier of subnet " + s.address() + " is unknown (" + vpc.decisions.get(s).unknown()
                            + ") and it may be in the " + tier + " tier");
                }
                if (members.isEmpty()) {
                    v.unknown("no subnet is known to be in the " + tier + " tier, and " + String.join("; ", why), e);
                } else {
                    v.unknown("the " + tier + " tier spans " + Fields.count(spread.distinct(), "known AZ",
                            "known AZs") + " " + spread.zones() + " and " + String.join("; ", why) + "; it needs "
                            + required, e);
                }
            } else {
                v.fail("the " + tier + " tier spans only " + Fields.count(spread.distinct(), "AZ", "AZs") + " "
                        + spread.zones() + " (" + names(members) + ")" + (spread.distinct() == 1 ? ": losing that AZ "
                        + "removes the whole tier" : "") + "; the profile requires " + required, e);
            }
            for (Subnet s : members) {
                v.note(Evidence.of("subnet " + s.address() + " tier", vpc.decisions.get(s).explain(), tier,
                        s.location()));
            }
            spread.evidence().forEach(v::note);
        }
        ctx.report(vpc.resource, v.verdict());
    }

    private static String names(List<Subnet> subnets) {
        List<String> out = new ArrayList<>();
        for (Subnet s : subnets) out.add(s.address());
        return String.join(", ", out);
    }
}
