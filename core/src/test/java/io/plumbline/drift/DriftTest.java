package io.plumbline.drift;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.model.Default;
import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.Vpc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mechanics on small hand-built models: matching, references, unknowns, defaults, scope, sensitivity. */
class DriftTest {
    static final Provenance PLAN = Provenance.inFile("plan.json", 1, 1, "/resource_changes/0");
    static final String ACCOUNT = "123456789012";

    static Provenance live(String arn, String op) {
        return Provenance.live(ACCOUNT, "eu-west-1", arn, op);
    }

    static Model model(Resource... rs) {
        return new Model(List.of(rs), List.of(), List.of());
    }

    static Vpc plannedVpc() {
        Vpc v = new Vpc("aws_vpc.main", "aws_vpc", PLAN);
        v.awsId = Value.explicit("vpc-1", PLAN);
        v.region = Value.explicit("eu-west-1", PLAN);
        v.cidrBlock = Value.explicit("10.0.0.0/16", PLAN);
        return v;
    }

    static Vpc liveVpc(String id, boolean isDefault) {
        String arn = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":vpc/" + id;
        Provenance p = live(arn, "ec2:DescribeVpcs");
        Vpc v = new Vpc(arn, "ec2:Vpc", p);
        v.awsId = Value.explicit(id, p);
        v.addAlias(id);
        v.region = Value.explicit("eu-west-1", p);
        v.cidrBlock = Value.explicit("10.0.0.0/16", p);
        v.isDefault = Value.explicit(isDefault, p);
        return v;
    }

    @Test
    void refsCompareByWhatTheyResolveTo() {
        Vpc pv = plannedVpc();
        SecurityGroup pg = new SecurityGroup("aws_security_group.db", "aws_security_group", PLAN);
        pg.groupName = Value.explicit("db", PLAN);
        pg.vpc = Value.explicit(new Ref("aws_vpc.main"), PLAN); // no id known: matched by name within the VPC
        pg.region = Value.explicit("eu-west-1", PLAN);
        Vpc av = liveVpc("vpc-1", false);
        String arn = "arn:aws:ec2:eu-west-1:" + ACCOUNT + ":security-group/sg-9";
        SecurityGroup ag = new SecurityGroup(arn, "ec2:SecurityGroup", live(arn, "ec2:DescribeSecurityGroups"));
        ag.groupName = Value.explicit("db", ag.location());
        ag.vpc = Value.explicit(new Ref("vpc-1"), ag.location());
        ag.region = Value.explicit("eu-west-1", ag.location());
        ag.addAlias("sg-9");
        SecurityGroup other = new SecurityGroup("arn:other", "ec2:SecurityGroup", live("arn:other", "x"));
        other.groupName = Value.explicit("db", other.location()); // same name, another VPC
        other.vpc = Value.explicit(new Ref("vpc-2"), other.location());
        DriftReport r = Drift.compare(model(pv, pg), model(av, ag, other, liveVpc("vpc-2", false)));
        assertEquals(2, r.matched().size());
        DriftReport.Match g = r.matched().stream().filter(m -> m.planned().kind() == Kind.SECURITY_GROUP)
                .findFirst().orElseThrow();
        assertEquals(arn, g.actual().address());
        assertEquals("name db", g.matchedBy());
        assertTrue(g.differences().isEmpty(), () -> "" + g.differences());
        // vpc-2 and its group are outside the plan's VPC scope... but vpc-2 itself is an unmanaged VPC in the region
        assertEquals(List.of("arn:aws:ec2:eu-west-1:" + ACCOUNT + ":vpc/vpc-2"),
                r.unmanaged().stream().map(u -> u.actual().address()).toList());
        assertEquals(1, r.scope().actualOutOfScope());
    }

    @Test
    void unknownOnTheLiveSideIsNotComparableNeverInSync() {
        DbCluster p = new DbCluster("aws_rds_cluster.db", "aws_rds_cluster", PLAN);
        p.awsId = Value.explicit("db", PLAN);
        p.backupRetentionPeriod = Value.defaulted(Default.of(1, "the RDS API default"), PLAN);
        p.storageEncrypted = Value.explicit(true, PLAN);
        p.skipFinalSnapshot = Value.explicit(true, PLAN);
        String arn = "arn:aws:rds:eu-west-1:" + ACCOUNT + ":cluster:db";
        DbCluster a = new DbCluster(arn, "rds:DBCluster", live(arn, "rds:DescribeDBClusters"));
        a.awsId = Value.explicit(arn, a.location());
        a.addAlias("db");
        a.backupRetentionPeriod = Value.explicit(1, a.location());
        a.storageEncrypted = Value.unknown("rds:DescribeDBClusters failed: AccessDenied", a.location());
        DriftReport r = Drift.compare(model(p), model(a));
        DriftReport.Match m = r.matched().get(0);
        assertEquals("aws id db", m.matchedBy());
        assertTrue(m.differences().isEmpty(), "a defaulted 1 equals an explicit 1: " + m.differences());
        assertEquals(1, m.notComparable().size());
        assertEquals("storageEncrypted", m.notComparable().get(0).path());
        assertTrue(m.notComparable().get(0).reason().contains("AccessDenied"));
        assertEquals(1, m.skippedActualLacks(), "skipFinalSnapshot: the live side never has it");
        assertEquals(DriftReport.Status.INCOMPLETE, r.status());
    }

    @Test
    void gapMakesAMissingResourceNotCompared() {
        DbCluster p = new DbCluster("aws_rds_cluster.db", "aws_rds_cluster", PLAN);
        p.region = Value.explicit("eu-west-1", PLAN);
        Model actual = new Model(List.of(), List.of(), List.of(),
                List.of(new Gap(ACCOUNT, "eu-west-1", Kind.DB_CLUSTER, "rds:DescribeDBClusters", "AccessDenied")));
        DriftReport r = Drift.compare(model(p), actual);
        assertTrue(r.missing().isEmpty());
        assertEquals(1, r.uncompared().size());
        assertEquals(DriftReport.Status.INCOMPLETE, r.status());
        DriftReport notCollected = Drift.compare(model(p), model(), new DriftOptions(java.util.Set.of(Kind.VPC)));
        assertEquals(1, notCollected.uncompared().size());
        DriftReport gone = Drift.compare(model(p), model());
        assertEquals(1, gone.missing().size());
        assertEquals(DriftReport.Status.DRIFT, gone.status());
    }

    @Test
    void defaultVpcIsNeverUnmanagedAndSensitiveTagsNeverDisplay() {
        Vpc pv = plannedVpc();
        pv.tags = Value.<Map<String, String>>explicit(Map.of("Owner", "alice"), PLAN).asSensitive();
        Vpc av = liveVpc("vpc-1", false);
        av.tags = Value.explicit(Map.of("Owner", "bob"), av.location());
        DriftReport r = Drift.compare(model(pv), model(av, liveVpc("vpc-default", true)));
        assertTrue(r.unmanaged().isEmpty());
        assertEquals(1, r.scope().actualOutOfScope());
        DriftReport.Difference d = r.matched().get(0).differences().get(0);
        assertEquals("tags", d.path(), "not even the keys of a sensitive map");
        assertEquals("(sensitive)", d.planned().display());
        assertFalse(r.toString().contains("alice"));
    }

    static io.plumbline.model.security.KmsKey key(String address, Provenance at) {
        io.plumbline.model.security.KmsKey k = new io.plumbline.model.security.KmsKey(address, "t", at);
        k.region = Value.explicit("eu-west-1", at);
        k.rotationEnabled = Value.explicit(true, at);
        return k;
    }

    @Test
    void aValueUnknownOnBothSidesIsNeitherDriftNorIncomplete() {
        Provenance other = Provenance.inFile("other.json", 1, 1, "/resource_changes/0");
        var p = key("aws_kms_key.a", PLAN);
        var a = key("aws_kms_key.a", other);
        int absentOnBoth = Drift.compare(model(p), model(a)).matched().get(0).skippedNeither();
        p.rotationPeriodDays = Value.unknown("known only after apply", PLAN);
        a.rotationPeriodDays = Value.unknown("known only after apply", other);
        DriftReport both = Drift.compare(model(p), model(a));
        assertEquals(DriftReport.Status.IN_SYNC, both.status());
        assertEquals(absentOnBoth, both.matched().get(0).skippedNeither(), "skipped as if neither carried it");
        assertEquals(0, both.summary().notComparable());

        a.rotationPeriodDays = Value.explicit(90, other);
        DriftReport one = Drift.compare(model(p), model(a));
        assertEquals(DriftReport.Status.INCOMPLETE, one.status(), "unknown on one side only: never in sync");
        assertEquals("rotationPeriodDays", one.matched().get(0).notComparable().get(0).path());
    }

    @Test
    void referencesPairWhatTheyPointAtAndCompareByThatPair() {
        Provenance tpl = Provenance.inFile("stack.yaml", 1, 1, "/Resources");
        var pRepo = new io.plumbline.model.ops.EcrRepository("aws_ecr_repository.app", "aws_ecr_repository", PLAN);
        pRepo.name = Value.explicit("app", PLAN);
        pRepo.kmsKey = Value.explicit(new Ref("aws_kms_key.ecr"), PLAN);
        var pKey = key("aws_kms_key.ecr", PLAN);
        var pOther = key("aws_kms_key.logs", PLAN);
        var aRepo = new io.plumbline.model.ops.EcrRepository("AppRepository", "AWS::ECR::Repository", tpl);
        aRepo.name = Value.explicit("app", tpl);
        aRepo.kmsKey = Value.explicit(new Ref("EcrKmsKey"), tpl);
        var aKey = key("EcrKmsKey", tpl);
        aKey.rotationEnabled = Value.explicit(false, tpl);
        var aOther = key("LogsKmsKey", tpl);
        DriftReport r = Drift.compare(model(pRepo, pKey, pOther), model(aRepo, aKey, aOther));
        DriftReport.Match repo = r.matched().stream().filter(m -> m.planned().address().equals(pRepo.address()))
                .findFirst().orElseThrow();
        assertTrue(repo.differences().isEmpty(), () -> "the reference is the same key: " + repo.differences());
        DriftReport.Match key = r.matched().stream().filter(m -> m.planned().address().equals("aws_kms_key.ecr"))
                .findFirst().orElseThrow();
        assertEquals("EcrKmsKey", key.actual().address());
        assertEquals("reference kmsKey of aws_ecr_repository.app", key.matchedBy());
        assertEquals(List.of("rotationEnabled"), key.differences().stream().map(DriftReport.Difference::path).toList(),
                "the key's own difference is reported on the key");
        // Nothing points at the logs keys: nothing pairs them, names are not guessed.
        assertEquals(List.of("aws_kms_key.logs"), r.missing().stream().map(m -> m.planned().address()).toList());
    }

    @Test
    void jsonDocumentsCompareByContentAndDeployTimePartsStayOpen() {
        String plan = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"}}]}";
        String reordered = "{\"Statement\":[{\"Principal\":{\"AWS\":\"arn:aws:iam::1:root\"},\"Effect\":\"Allow\"}]}";
        String template = "{\"Statement\":[{\"Principal\":{\"AWS\":\"arn:${AWS::Partition}:iam::${AWS::AccountId}:root\"},"
                + "\"Effect\":\"Allow\"}]}";
        String denies = template.replace("Allow", "Deny");
        assertEquals(JsonText.canonical(plan), JsonText.canonical(reordered));
        String open = JsonText.agreesBut(JsonText.canonical(plan), JsonText.canonical(template));
        assertNotNull(open);
        assertTrue(open.contains("AWS::AccountId") && open.contains("AWS::Partition"), open);
        assertNull(JsonText.agreesBut(JsonText.canonical(plan), JsonText.canonical(denies)), "a real difference");
        assertNull(JsonText.canonical("not json {"));
        assertNull(JsonText.canonical("{\"unterminated\": "));
    }
}
