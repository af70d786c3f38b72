package io.plumbline.rules.multiaz;

import io.plumbline.model.Kind;
import io.plumbline.model.Resource;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import io.plumbline.rules.support.Checks;
import io.plumbline.rules.support.Engines;
import io.plumbline.rules.support.Fields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MAZ-006. Each Aurora cluster (or cluster of unknown engine) has a writer and at least
 * {@code profile.aurora.minimumReaders} readers, i.e. {@code 1 + minimumReaders} instances, and its instances sit in
 * distinct AZs: at least {@code min(instances, profile.minimumAvailabilityZones)} distinct AZs (so two instances need
 * two AZs, three need three, a fourth may share). The instances are the {@link DbInstance}s whose {@code cluster}
 * points at the cluster; the cluster's {@code storageAvailabilityZones} are storage AZs and never count (shown as a
 * note). An instance AZ left to RDS is unknown: the distinct-AZ part is then UNKNOWN unless the known AZs already
 * prove it; the count can still fail. Instances whose cluster link is unknown may belong to the cluster, so a short
 * count is then UNKNOWN rather than FAIL. Non-Aurora Multi-AZ DB clusters are not applicable: RDS creates and places
 * their writer and two readers itself.
 */
@RuleInfo(
        id = "MAZ-006",
        title = "Aurora cluster has a writer and ≥ 1 reader (target 2) whose instances sit in distinct AZs",
        severity = Severity.CRITICAL,
        group = "multi-az",
        rationale = "Aurora fails over by promoting a reader (with none it must create a new primary, which is slower); "
                + "readers in the writer's AZ do not survive an AZ loss.",
        remediation = "Declare at least one more aws_rds_cluster_instance (AWS::RDS::DBInstance with "
                + "DBClusterIdentifier) per required reader and give each instance its own availability_zone "
                + "(AvailabilityZone) in a different AZ.",
        controls = {"SH RDS.15", "NIST CP-10", "NIST CP-6(2)", "NIST SC-36", "NIST SC-5(2)", "NIST SI-13(5)"},
        reads = {Kind.DB_CLUSTER, Kind.DB_INSTANCE})
public final class AuroraReadersInDistinctAzs implements Rule {

    @Override
    public void check(RuleContext ctx) {
        int requiredInstances = 1 + ctx.profile().aurora().minimumReaders();
        for (DbCluster c : ctx.model().all(DbCluster.class)) {
            if (Fields.deleted(c)) continue;
            if (!Engines.mayBeAurora(c.engine)) {
                ctx.notApplicable(c, "not an Aurora cluster (engine " + Fields.shown(c.engine) + "): RDS places the "
                        + "instances of a Multi-AZ DB cluster itself", Evidence.of("engine", c.engine, "aurora*"));
                continue;
            }
            List<DbInstance> instances = new ArrayList<>();
            for (DbInstance i : ctx.model().referrers(c, DbInstance.class, i -> i.cluster)) {
                if (!Fields.deleted(i)) instances.add(i);
            }
            List<DbInstance> unlinked = ctx.model().all(DbInstance.class).stream()
                    .filter(i -> !Fields.deleted(i) && i.cluster.isUnknown() && !Fields.absentFromInput(i.cluster))
                    .toList();
            int n = instances.size();
            Checks v = new Checks("a writer and " + Fields.count(n - 1, "reader", "readers") + " in "
                    + Fields.count(distinctKnown(instances).size(), "distinct AZ", "distinct AZs"));
            Evidence count = Evidence.of("instances", n + (n == 0 ? "" : " (" + addresses(instances) + ")"),
                    "at least " + requiredInstances + " (a writer and " + Fields.count(requiredInstances - 1,
                    "reader", "readers") + ")", c.location());
            if (n >= requiredInstances) {
                v.pass(count);
            } else if (!unlinked.isEmpty()) {
                v.unknown("the cluster has " + Fields.count(n, "instance", "instances") + " and the profile requires "
                        + requiredInstances + ", but " + addresses(unlinked) + " point at a cluster that is unknown ("
                        + unlinked.get(0).cluster.note() + ") and may belong to it", count);
            } else {
                v.fail(n == 0 ? "the cluster has no instances: the profile requires a writer and "
                        + Fields.count(requiredInstances - 1, "reader", "readers")
                        : "the cluster has " + Fields.count(n, "instance", "instances") + " (a writer and "
                        + Fields.count(n - 1, "reader", "readers") + "); the profile requires a writer and at least "
                        + Fields.count(requiredInstances - 1, "reader", "readers"), count);
            }

            if (n >= 2) {
                checkZones(ctx, instances, v);
            } else {
                for (DbInstance i : instances) v.note(Evidence.of(i.address() + " availabilityZone", i.availabilityZone,
                        "an AZ of its own"));
            }
            if (c.storageAvailabilityZones.isPresent()) {
                v.note(Evidence.of("storageAvailabilityZones", c.storageAvailabilityZones,
                        "not used: these are the cluster's storage AZs, not where its instances run"));
            }
            ctx.report(c, v.verdict());
        }
    }

    private static void checkZones(RuleContext ctx, List<DbInstance> instances, Checks v) {
        int n = instances.size();
        int required = Math.max(2, Math.min(n, ctx.profile().minimumAvailabilityZones()));
        Set<String> known = distinctKnown(instances);
        List<DbInstance> unknown = new ArrayList<>();
        List<Evidence> azEvidence = new ArrayList<>();
        for (DbInstance i : instances) {
            azEvidence.add(Evidence.of(i.address() + " availabilityZone", i.availabilityZone, "distinct AZs"));
            if (!i.availabilityZone.isPresent()) unknown.add(i);
        }
        String expected = "at least " + required + " distinct AZs for " + n + " instances";
        if (known.size() >= required) {
            v.pass(Evidence.of("distinct instance AZs", known.size() + " " + known, expected, instances.get(0)
                    .location()));
        } else if (known.size() + unknown.size() >= required) {
            v.unknown((unknown.size() == 1 ? "the AZ of " + addresses(unknown) + " is" : "the AZs of "
                    + addresses(unknown) + " are") + " unknown (" + Fields.why(unknown.get(0).availabilityZone)
                    + "; RDS chooses one when none is given), so whether the instances sit in " + required
                    + " distinct AZs is unknown",
                    Evidence.of("distinct instance AZs", known.size() + " known " + known + ", "
                            + unknown.size() + " unknown", expected, instances.get(0).location()));
        } else {
            v.fail(known.size() == 1 && unknown.isEmpty()
                    ? "all " + n + " instances sit in one AZ (" + known.iterator().next() + "): an outage of that AZ "
                    + "takes the whole cluster down"
                    : "the " + n + " instances span only " + Fields.count(known.size(), "AZ", "AZs") + " " + known
                    + "; they need " + required + " distinct AZs", Evidence.of("distinct instance AZs",
                    known.size() + " " + known, expected, instances.get(0).location()));
        }
        azEvidence.forEach(v::note);
    }

    private static Set<String> distinctKnown(List<DbInstance> instances) {
        Set<String> zones = new LinkedHashSet<>();
        for (DbInstance i : instances) if (i.availabilityZone.isPresent()) zones.add(i.availabilityZone.get());
        return zones;
    }

    private static String addresses(List<? extends Resource> rs) {
        return rs.stream().map(Resource::address).collect(Collectors.joining(", "));
    }
}
