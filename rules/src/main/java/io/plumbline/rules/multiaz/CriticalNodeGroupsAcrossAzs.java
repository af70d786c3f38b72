package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Value;
import io.plumbline.model.compute.EksCluster;
import io.plumbline.model.compute.NodeGroup;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Criticality;
import io.plumbline.rules.support.Fields;
import io.plumbline.rules.support.Zones;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MAZ-004. The critical managed node groups of each EKS cluster together cover at least
 * {@code profile.minimumAvailabilityZones} AZs, and each critical group's {@code min_size} is at least the number of
 * AZs its subnets span (one node per zone survives scale-in: a group per AZ with {@code min_size ≥ 1}, or one
 * multi-AZ group with {@code min_size ≥ 3}, as the catalog puts it). One finding per cluster.
 *
 * <p>Critical is decided by {@link Criticality} (the profile's criticality label, else spot capacity or a spot or
 * non-critical taint/label makes a group non-critical; otherwise critical); a group whose criticality cannot be told
 * is counted as unknown, never as covering. The node groups of a cluster are those whose {@code cluster_name}
 * ({@code ClusterName}; live: the cluster they were listed under) points at it; a node group whose cluster link is
 * unknown may be one of them. A cluster with no critical node group fails when it has node groups (all of them
 * non-critical) and is UNKNOWN when the input has none (capacity from Fargate, Karpenter or node groups declared
 * elsewhere is not visible). Self-managed Auto Scaling groups are not matched to clusters (limit: the input links
 * them to a cluster only through tags or user data). Live, the configured subnets are judged; where the group's
 * instances run now is the ASG's business, not the configuration's.
 */
@RuleInfo(
        id = "MAZ-004",
        title = "Critical EKS node groups together cover 3 AZs, with min_size ≥ number of AZs",
        severity = Severity.CRITICAL,
        group = "multi-az",
        rationale = "Workload capacity must survive an AZ loss without waiting for scale-out.",
        remediation = "Give the critical node groups (aws_eks_node_group, AWS::EKS::Nodegroup) subnets in all three "
                + "AZs and scaling_config.min_size (ScalingConfig.MinSize) at least the number of AZs each group "
                + "spans.",
        controls = {"SH AutoScaling.2", "NIST CP-10", "NIST CP-2(2)", "NIST CP-6(2)", "NIST SC-36", "NIST SC-5(2)",
                "NIST SI-13(5)"},
        reads = {Kind.EKS_CLUSTER, Kind.NODE_GROUP, Kind.SUBNET, Kind.LAUNCH_TEMPLATE})
public final class CriticalNodeGroupsAcrossAzs implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int required = ctx.profile().minimumAvailabilityZones();
        List<NodeGroup> unlinked = ctx.model().all(NodeGroup.class).stream()
                .filter(g -> !Fields.deleted(g) && g.cluster.isUnknown() && !Fields.absentFromInput(g.cluster))
                .toList();
        // resolved as clusters: a cluster's name is often shared by other resources (its load balancer, its role)
        Map<EksCluster, List<NodeGroup>> byCluster = new IdentityHashMap<>();
        for (NodeGroup g : ctx.model().all(NodeGroup.class)) {
            if (Fields.deleted(g) || !g.cluster.isPresent()) continue;
            ctx.model().resolve(g, g.cluster.get(), EksCluster.class)
                    .ifPresent(c -> byCluster.computeIfAbsent(c, k -> new ArrayList<>()).add(g));
        }
        for (EksCluster c : ctx.model().all(EksCluster.class)) {
            if (Fields.deleted(c)) continue;
            judge(ctx, c, byCluster.getOrDefault(c, List.of()), unlinked, required);
        }
    }

    private static void judge(RuleContext ctx, EksCluster c, List<NodeGroup> groups, List<NodeGroup> unlinked,
                              int required) {
        Checks v = new Checks("critical node groups cover " + required + " or more AZs with a node in each");
        Set<String> zones = new LinkedHashSet<>();
        List<String> openZones = new ArrayList<>();
        List<NodeGroup> critical = new ArrayList<>();
        int undecided = 0;
        for (NodeGroup g : groups) {
            Criticality.Verdict crit = Criticality.of(ctx.model(), g, ctx.profile().roles());
            v.note(new Evidence(g.address() + " criticality", crit.describe(), "critical groups judged",
                    crit.evidence().certainty(), crit.evidence().location()));
            if (!crit.known()) {
                undecided++;
                v.unknown("whether node group " + g.address() + " is critical is unknown: " + crit.how(),
                        crit.evidence());
                continue;
            }
            if (!crit.critical()) continue;
            critical.add(g);
            Zones.Spread spread = Zones.ofSubnets(ctx.model(), g, g.address() + " subnets", g.subnets);
            zones.addAll(spread.zones());
            openZones.addAll(spread.unknowns());
            spread.evidence().forEach(v::note);
            minSize(g, spread, v);
        }
        if (critical.isEmpty() && undecided == 0) {
            if (groups.isEmpty()) {
                String maybe = unlinked.isEmpty() ? "" : " (node groups whose cluster is unknown may be its own: "
                        + String.join(", ", unlinked.stream().map(NodeGroup::address).toList()) + ")";
                ctx.unknown(c, "the input has no managed node group of this cluster" + maybe + ": its capacity (other "
                        + "stacks, Fargate, Karpenter, self-managed nodes) is not visible", Evidence.of("node groups",
                        "none", "critical node groups across " + required + " AZs", c.location()));
            } else {
                ctx.fail(c, "none of the cluster's " + Fields.count(groups.size(), "node group is", "node groups are")
                        + " critical: no capacity that is meant to survive an AZ loss", Evidence.of("critical node "
                        + "groups", "none of " + groups.size(), "critical node groups across " + required + " AZs",
                        groups.get(0).location()));
            }
            return;
        }
        Evidence span = Evidence.of("critical node group AZs", zones.size() + " " + zones, "at least " + required
                + " AZs", critical.isEmpty() ? c.location() : critical.get(0).subnets.isPresent()
                ? critical.get(0).subnets.provenance() : critical.get(0).location());
        if (zones.size() >= required) {
            v.pass(span);
        } else if (!openZones.isEmpty() || undecided > 0 || !unlinked.isEmpty()) {
            List<String> why = new ArrayList<>(openZones);
            if (undecided > 0) why.add("the criticality of " + Fields.count(undecided, "node group", "node groups")
                    + " is unknown");
            if (!unlinked.isEmpty()) why.add("node groups whose cluster is unknown may be this cluster's ("
                    + String.join(", ", unlinked.stream().map(NodeGroup::address).toList()) + ")");
            v.unknown("the critical node groups cover " + Fields.count(zones.size(), "known AZ", "known AZs") + " "
                    + zones + " and " + String.join("; ", why) + "; they need " + required, span);
        } else {
            v.fail("the critical node groups cover only " + Fields.count(zones.size(), "AZ", "AZs") + " " + zones
                    + "; the profile requires " + required + " so that the loss of one AZ leaves capacity in the "
                    + "others", span);
        }
        ctx.report(c, v.verdict());
    }

    /** The group keeps a node in each of its AZs when it has at least as many nodes as AZs at its minimum size. */
    private static void minSize(NodeGroup g, Zones.Spread spread, Checks v) {
        Value<Integer> min = g.minSize;
        int own = Math.max(1, spread.distinct());
        Evidence e = Evidence.of(g.address() + " minSize", min, "at least " + own + " (the AZs it spans"
                + (spread.incomplete() ? ", at least" : "") + ")");
        if (min.isUnknown()) {
            v.unknown("the minimum size of " + g.address() + " is unknown: " + min.note(), e);
        } else if (min.get() == null) {
            v.unknown("the minimum size of " + g.address() + " is not given", e);
        } else if (min.get() < own) {
            v.fail(g.address() + " may scale in to " + Fields.count(min, "node", "nodes") + " (minSize " + min.display()
                    + ") across " + Fields.count(own, "AZ", "AZs") + ": some AZ can be left without a node", e);
        } else if (spread.incomplete() && min.get() < own + spread.unknowns().size()) {
            v.unknown(g.address() + " has minSize " + min.display() + " and some of its AZs are unknown ("
                    + String.join("; ", spread.unknowns()) + "), so whether it keeps a node in each is unknown", e);
        } else {
            v.pass(e);
        }
    }
}
