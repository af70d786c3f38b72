package io.plumbline.rules.multiaz;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.DbInstance;
import io.plumbline.profile.Profile;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuroraReadersInDistinctAzsTest {
    private final AuroraReadersInDistinctAzs rule = new AuroraReadersInDistinctAzs();

    private static DbCluster cluster(String name) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.engine = explicit("aurora-postgresql");
        return c;
    }

    private static DbInstance instance(DbCluster c, int i, Value<String> az) {
        DbInstance d = new DbInstance(c.address().replace("aws_rds_cluster.", "aws_rds_cluster_instance.") + "[" + i + "]",
                "aws_rds_cluster_instance", at());
        d.cluster = ref(c.address());
        d.availabilityZone = az;
        return d;
    }

    /** The cluster and one instance per AZ given ("?" = unknown AZ). */
    private static List<Resource> clusterIn(String name, String... azs) {
        DbCluster c = cluster(name);
        List<Resource> out = new ArrayList<>(List.of(c));
        for (int i = 0; i < azs.length; i++) {
            out.add(instance(c, i, azs[i].equals("?") ? unknown() : explicit(azs[i])));
        }
        return out;
    }

    private static Result runAll(Profile p, List<List<Resource>> groups) {
        List<Resource> all = new ArrayList<>();
        groups.forEach(all::addAll);
        return run(new AuroraReadersInDistinctAzs(), p, all.toArray(Resource[]::new));
    }

    @Test
    void writerAndReadersInDistinctAzsPassOthersFailOrAreUnknown() {
        Result r = runAll(profile(), List.of(
                clusterIn("two", "eu-west-1a", "eu-west-1b"),
                clusterIn("three", "eu-west-1a", "eu-west-1b", "eu-west-1c"),
                clusterIn("four", "eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1a"),
                clusterIn("one", "eu-west-1a"),
                clusterIn("none"),
                clusterIn("same_az", "eu-west-1a", "eu-west-1a"),
                clusterIn("three_in_two", "eu-west-1a", "eu-west-1a", "eu-west-1b"),
                clusterIn("one_unknown", "eu-west-1a", "?"),
                clusterIn("both_unknown", "?", "?"),
                clusterIn("third_unknown", "eu-west-1a", "eu-west-1b", "?"),
                clusterIn("one_unknown_az", "?")));
        expect(r, "aws_rds_cluster.two", Status.PASS);
        expect(r, "aws_rds_cluster.three", Status.PASS);
        expect(r, "aws_rds_cluster.four", Status.PASS);
        expect(r, "aws_rds_cluster.one", Status.FAIL, "1 instance", "0 readers", "at least 1 reader");
        expect(r, "aws_rds_cluster.none", Status.FAIL, "no instances");
        expect(r, "aws_rds_cluster.same_az", Status.FAIL, "one AZ (eu-west-1a)");
        expect(r, "aws_rds_cluster.three_in_two", Status.FAIL, "only 2 AZs", "3 distinct AZs");
        expect(r, "aws_rds_cluster.one_unknown", Status.UNKNOWN, "known only after apply", "RDS chooses");
        expect(r, "aws_rds_cluster.both_unknown", Status.UNKNOWN);
        expect(r, "aws_rds_cluster.third_unknown", Status.UNKNOWN, "3 distinct AZs");
        expect(r, "aws_rds_cluster.one_unknown_az", Status.FAIL, "at least 1 reader");
    }

    @Test
    void storageAvailabilityZonesNeverCountButAreShown() {
        List<Resource> rs = clusterIn("trap", "eu-west-1a", "eu-west-1a");
        ((DbCluster) rs.get(0)).storageAvailabilityZones = explicit(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"));
        Finding f = expect(runAll(profile(), List.of(rs)), "aws_rds_cluster.trap", Status.FAIL, "one AZ");
        assertTrue(evidenceShows(f, "storageAvailabilityZones", "eu-west-1c"), describe(f));
    }

    @Test
    void deletedInstancesDoNotCountAndUnlinkedOnesMakeAShortCountUnknown() {
        List<Resource> rs = clusterIn("shrinking", "eu-west-1a", "eu-west-1b");
        rs.get(2).change = ChangeAction.DELETE;
        expect(runAll(profile(), List.of(rs)), "aws_rds_cluster.shrinking", Status.FAIL, "1 instance");

        List<Resource> rs2 = clusterIn("maybe", "eu-west-1a");
        DbInstance loose = new DbInstance("aws_rds_cluster_instance.loose", "aws_rds_cluster_instance", at());
        loose.cluster = unknown("reference to module output cannot be followed");
        loose.availabilityZone = explicit("eu-west-1b");
        rs2.add(loose);
        expect(runAll(profile(), List.of(rs2)), "aws_rds_cluster.maybe", Status.UNKNOWN, "aws_rds_cluster_instance.loose");
    }

    @Test
    void engineDecidesApplicability() {
        List<Resource> multiAz = clusterIn("multi_az");
        ((DbCluster) multiAz.get(0)).engine = explicit("postgres");
        List<Resource> noEngine = clusterIn("no_engine", "eu-west-1a", "eu-west-1b");
        ((DbCluster) noEngine.get(0)).engine = Value.notInInput();
        Result r = runAll(profile(), List.of(multiAz, noEngine));
        expect(r, "aws_rds_cluster.multi_az", Status.NOT_APPLICABLE, "postgres");
        expect(r, "aws_rds_cluster.no_engine", Status.PASS);
    }

    @Test
    void profileDecidesHowManyReaders() {
        Profile p = profile();
        Profile two = new Profile(p.name(), p.minimumAvailabilityZones(), p.primaryRegion(), p.secondaryRegion(),
                new Profile.Aurora(2, p.aurora().backupRetentionDays()), p.cache(), p.network(), p.roles(),
                p.allowedFlows());
        expect(runAll(two, List.of(clusterIn("two", "eu-west-1a", "eu-west-1b"))), "aws_rds_cluster.two",
                Status.FAIL, "at least 2 readers");
    }
}
