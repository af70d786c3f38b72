package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.reach.Tiers;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Paths;
import io.plumbline.rules.support.SubnetTiers;
import io.plumbline.rules.support.Zones;

/**
 * MAZ-003. Each EKS cluster places its control-plane network interfaces in private subnets of at least
 * {@code profile.minimumAvailabilityZones} AZs (never fewer than 2). The subnets are the cluster's
 * {@code vpc_config[0].subnet_ids} ({@code ResourcesVpcConfig.SubnetIds}; live {@code resourcesVpcConfig.subnetIds}).
 *
 * <p>Decisions against the catalog row ("≥ 2 AZs (target 3)"): EKS rejects a cluster whose subnets are not in at
 * least two AZs, so "≥ 2" never fails on a cluster that exists; as the catalog's trap says, the useful checks are the
 * profile's zone count (3 in the reference, a profile may lower it) and "all private". Private means not public as
 * {@link Tiers} reads the network (no default route to an internet gateway, unless a tier tag says otherwise); the
 * subnets are normally the app tier, since the control plane's placement is app-tier evidence. A tier tag never makes a
 * subnet routed to an internet gateway private ({@link Tiers#publicByRoute}). A subnet whose tier
 * or AZ cannot be told makes the verdict UNKNOWN with the reason, unless the rest already fails.
 */
@RuleInfo(
        id = "MAZ-003",
        title = "EKS cluster (control-plane ENIs) uses private subnets in ≥ 2 AZs (target 3)",
        severity = Severity.HIGH,
        group = "multi-az",
        rationale = "EKS places control-plane ENIs in the given subnets; a single-AZ subnet set breaks API access on AZ "
                + "loss.",
        remediation = "List one private app subnet in each of the three AZs in the cluster's vpc_config.subnet_ids "
                + "(ResourcesVpcConfig.SubnetIds).",
        controls = {},
        // the private (not public) reading comes from the reachability engine's view of the network
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class EksControlPlaneAcrossAzs implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = Math.max(2, ctx.profile().minimumAvailabilityZones());
        Tiers tiers = null;
        for (EksCluster c : ctx.model().all(EksCluster.class)) {
            if (Fields.deleted(c)) continue;
            if (tiers == null) tiers = Paths.of(ctx).reach().tiers();
            Checks v = new Checks("control plane in private subnets of " + required + " or more AZs");
            Zones.Spread spread = Zones.ofSubnets(ctx.model(), c, "subnets", c.subnets);
            Evidence span = Evidence.of("control-plane AZs", spread.distinct() + " " + spread.zones(), "at least "
                    + required + " AZs", c.subnets.isPresent() ? c.subnets.provenance() : c.location());
            if (spread.distinct() >= required) {
                v.pass(span);
            } else if (spread.incomplete()) {
                v.unknown("the cluster's subnets span " + Fields.count(spread.distinct(), "known AZ", "known AZs")
                        + " and " + String.join("; ", spread.unknowns()) + "; the control plane needs " + required,
                        span);
            } else {
                v.fail("the cluster's subnets span only " + Fields.count(spread.distinct(), "AZ", "AZs") + " "
                        + spread.zones() + "; the profile requires " + required + " so that the API stays reachable "
                        + "when an AZ is lost", span);
            }
            SubnetTiers.check(ctx.model(), tiers, c, c.subnets, "private (not public)",
                    d -> !d.is(Tiers.PUBLIC), true, v);
            spread.evidence().forEach(v::note);
            ctx.report(c, v.verdict());
        }
    }
}
