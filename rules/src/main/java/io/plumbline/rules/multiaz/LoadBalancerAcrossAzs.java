package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.network.LoadBalancer;
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
 * MAZ-005. Each Application Load Balancer is enabled in at least {@code profile.minimumAvailabilityZones} AZs (never
 * fewer than 2), and an internet-facing one only in public subnets.
 *
 * <p>Decisions against the catalog row ("≥ 2 AZs (target 3)"): ELBv2 itself refuses an ALB with fewer than two AZs
 * ({@code CreateLoadBalancer}: "[Application Load Balancers] You must specify subnets from at least two Availability
 * Zones"), so "≥ 2" can never fail on a load balancer that exists; the rule holds the profile's minimum (3 in the
 * reference), which a profile may lower to 2. "All public subnets" applies to internet-facing load balancers
 * ({@code internal = false}, CloudFormation {@code Scheme} default {@code internet-facing}); an internal ALB belongs in
 * private subnets and is only judged on its spread. Network and Gateway Load Balancers are not applicable (the
 * catalog names the ALB; they may legitimately run in one AZ). A load balancer of unknown type is judged as an ALB
 * would be, since application is the default. Subnets come from {@code subnets} or {@code subnet_mapping}
 * ({@code Subnets}/{@code SubnetMappings}; live {@code AvailabilityZones[].SubnetId}); a public subnet is one whose
 * effective route table sends the default route to an internet gateway, unless a tier tag says otherwise
 * ({@link Tiers}). An ALB created by the AWS Load Balancer Controller from a Kubernetes Ingress exists only live and
 * is judged there.
 */
@RuleInfo(
        id = "MAZ-005",
        title = "The ALB is enabled in ≥ 2 AZs (target 3), all public subnets",
        severity = Severity.HIGH,
        group = "multi-az",
        rationale = "An ALB only routes to targets in AZs it is enabled in.",
        remediation = "Give the aws_lb (AWS::ElasticLoadBalancingV2::LoadBalancer) one public subnet in each of the "
                + "three AZs, in subnets or subnet_mapping (Subnets or SubnetMappings).",
        controls = {"SH ELB.13", "NIST CP-10", "NIST CP-6(2)", "NIST SC-36", "NIST SC-5(2)", "NIST SI-13(5)"},
        // the public tier comes from the reachability engine's reading of the network and of what sits where
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class LoadBalancerAcrossAzs implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = Math.max(2, ctx.profile().minimumAvailabilityZones());
        Tiers tiers = null;
        for (LoadBalancer lb : ctx.model().all(LoadBalancer.class)) {
            if (Fields.deleted(lb)) continue;
            Value<String> type = lb.type;
            if (type.isPresent() && !type.get().trim().equalsIgnoreCase("application")) {
                ctx.notApplicable(lb, "a " + type.get() + " load balancer: the rule covers Application Load Balancers",
                        Evidence.of("type", type, "application"));
                continue;
            }
            if (tiers == null) tiers = Paths.of(ctx).reach().tiers();
            Checks v = new Checks("enabled in enough AZs" + (lb.internal.is(false) ? ", all of them public subnets"
                    : ""));
            if (type.isUnknown() && !Fields.absentFromInput(type)) {
                v.note(Evidence.of("type", type, "application (judged as an ALB: the default type)"));
            }
            Zones.Spread spread = Zones.ofSubnets(ctx.model(), lb, "subnets", lb.subnets);
            Evidence span = Evidence.of("enabled AZs", spread.distinct() + " " + spread.zones(), "at least "
                    + required + " AZs", lb.subnets.isPresent() ? lb.subnets.provenance() : lb.location());
            if (spread.distinct() >= required) {
                v.pass(span);
            } else if (spread.incomplete()) {
                v.unknown("the load balancer is enabled in " + Fields.count(spread.distinct(), "known AZ",
                        "known AZs") + " and " + String.join("; ", spread.unknowns()) + "; it needs " + required,
                        span);
            } else {
                v.fail("the load balancer is enabled in only " + Fields.count(spread.distinct(), "AZ", "AZs") + " "
                        + spread.zones() + "; the profile requires " + required + " (targets in any other AZ get "
                        + "no traffic)", span);
            }
            Value<Boolean> internal = lb.internal;
            if (internal.is(false)) {
                SubnetTiers.check(ctx.model(), tiers, lb, lb.subnets, "public", d -> d.is(Tiers.PUBLIC), v);
            } else if (internal.isUnknown()) {
                v.unknown("whether the load balancer is internet-facing is unknown (" + Fields.why(internal)
                        + "), so whether its subnets must be public is unknown", Evidence.of("internal", internal,
                        "false (internet-facing, public subnets)"));
            } else {
                v.note(Evidence.of("internal", internal, "internal: private subnets, only the spread is judged"));
            }
            spread.evidence().forEach(v::note);
            ctx.report(lb, v.verdict());
        }
    }
}
