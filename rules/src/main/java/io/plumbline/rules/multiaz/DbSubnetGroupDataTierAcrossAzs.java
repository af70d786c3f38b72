package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbSubnetGroup;
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
 * MAZ-007. The DB subnet group of each Aurora cluster holds only private data-tier subnets, in at least
 * {@code profile.minimumAvailabilityZones} AZs. The group is the cluster's {@code db_subnet_group_name}
 * ({@code DBSubnetGroupName}; live {@code DBSubnetGroup}), resolved to the {@code aws_db_subnet_group}
 * ({@code AWS::RDS::DBSubnetGroup}; live {@code DescribeDBSubnetGroups}) of the input.
 *
 * <p>No subnet group means RDS's {@code default} group of the default VPC (catalog; RDS {@code CreateDBCluster}),
 * whose default subnets are public: FAIL. A group named elsewhere and not in the input: UNKNOWN. Data tier means the
 * subnet's {@link Tiers} decision is data and not public: membership in a DB subnet group is itself data-tier
 * evidence, so without tags this reduces to "no public subnet" (a subnet whose effective route table sends the
 * default route to an internet gateway), while a tier tag naming another tier fails. A subnet whose effective route
 * table sends the default route to an internet gateway fails even when a tier tag says {@code data}: the tag decides
 * the tier, never whether the subnet is reachable from the internet ({@link Tiers#publicByRoute}). Non-Aurora Multi-AZ DB clusters
 * are judged the same way: RDS places their three instances in the group's AZs too.
 */
@RuleInfo(
        id = "MAZ-007",
        title = "Aurora DB subnet group = private data-tier subnets only, in ≥ 3 AZs",
        severity = Severity.HIGH,
        group = "multi-az",
        rationale = "Readers and failover targets can only be placed in the subnet group's AZs.",
        remediation = "Give the cluster a db_subnet_group_name (DBSubnetGroupName) whose aws_db_subnet_group "
                + "(AWS::RDS::DBSubnetGroup) lists one private data subnet in each of the three AZs and no other "
                + "subnet.",
        controls = {},
        // the data tier comes from the reachability engine's reading of the network and of what sits where
        reads = {Kind.VPC, Kind.SUBNET, Kind.ROUTE_TABLE, Kind.INTERNET_GATEWAY, Kind.NAT_GATEWAY, Kind.NETWORK_ACL,
                Kind.SECURITY_GROUP, Kind.INSTANCE, Kind.LOAD_BALANCER, Kind.EKS_CLUSTER, Kind.NODE_GROUP,
                Kind.AUTO_SCALING_GROUP, Kind.LAUNCH_TEMPLATE, Kind.DB_CLUSTER, Kind.DB_INSTANCE,
                Kind.DB_SUBNET_GROUP, Kind.CACHE_REPLICATION_GROUP, Kind.CACHE_SUBNET_GROUP})
public final class DbSubnetGroupDataTierAcrossAzs implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = ctx.profile().minimumAvailabilityZones();
        Tiers tiers = null;
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            Value<Ref> link = c.subnetGroup;
            Evidence e = Evidence.of("subnetGroup", link, "a DB subnet group of private data subnets in at least "
                    + required + " AZs");
            if (link.isUnknown() && !Fields.absentFromInput(link)) {
                ctx.unknown(c, "the cluster's DB subnet group is unknown: " + link.note(), e);
                continue;
            }
            if (Fields.notSet(link) || link.get().target() == null || link.get().target().isBlank()) {
                ctx.fail(c, "no DB subnet group is given, so RDS uses the default VPC's default subnet group, whose "
                        + "default subnets are public", e);
                continue;
            }
            Resource resolved = ctx.model().resolve(c, link.get(), DbSubnetGroup.class).map(Resource.class::cast)
                    .orElse(null);
            if (!(resolved instanceof DbSubnetGroup group)) {
                if (link.get().target().trim().equalsIgnoreCase("default")) {
                    ctx.fail(c, "the cluster uses the default VPC's default DB subnet group, whose default subnets "
                            + "are public", e);
                } else {
                    ctx.unknown(c, "DB subnet group " + Fields.shown(link) + " is not in the input, so its subnets "
                            + "and AZs are unknown", e);
                }
                continue;
            }
            if (tiers == null) tiers = Paths.of(ctx).reach().tiers();
            Checks v = new Checks("DB subnet group " + group.address() + ": private data subnets in " + required
                    + " or more AZs");
            Zones.Spread spread = Zones.ofSubnets(ctx.model(), group, "subnet group " + group.address()
                    + " subnets", group.subnets);
            Evidence span = Evidence.of("subnet group AZs", spread.distinct() + " " + spread.zones(), "at least "
                    + required + " AZs", group.subnets.isPresent() ? group.subnets.provenance() : group.location());
            if (spread.distinct() >= required) {
                v.pass(span);
            } else if (spread.incomplete()) {
                v.unknown("DB subnet group " + group.address() + " spans " + Fields.count(spread.distinct(),
                        "known AZ", "known AZs") + " and " + String.join("; ", spread.unknowns()) + "; it needs "
                        + required, span);
            } else {
                v.fail("DB subnet group " + group.address() + " spans only " + Fields.count(spread.distinct(), "AZ",
                        "AZs") + " " + spread.zones() + ": readers and failover targets can only go there; the "
                        + "profile requires " + required, span);
            }
            SubnetTiers.check(ctx.model(), tiers, group, group.subnets, "a private data subnet",
                    d -> d.is(Tiers.DATA) && !d.is(Tiers.PUBLIC), true, v);
            v.note(e);
            spread.evidence().forEach(v::note);
            ctx.report(c, v.verdict());
        }
    }
}
