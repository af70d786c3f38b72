package io.plumbline.rules.backups;

import static io.plumbline.rules.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.model.Defaults;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.rules.support.Fields;
import org.junit.jupiter.api.Test;

class AuroraDeletionProtectionTest {
    private final AuroraDeletionProtection rule = new AuroraDeletionProtection();

    /** A Terraform cluster: skip_final_snapshot and final_snapshot_identifier, no CloudFormation policies. */
    private static DbCluster tf(String name, Value<Boolean> protection, Value<Boolean> skip, Value<String> id) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.deletionProtection = protection;
        c.skipFinalSnapshot = skip;
        c.finalSnapshotIdentifier = id;
        return c;
    }

    /** A CloudFormation cluster: DeletionPolicy and UpdateReplacePolicy, no skip_final_snapshot. */
    private static DbCluster cfn(String name, Value<Boolean> protection, Value<String> deletion, Value<String> replace) {
        DbCluster c = new DbCluster(name, "AWS::RDS::DBCluster", at());
        c.deletionProtection = protection;
        c.deletionPolicy = deletion;
        c.updateReplacePolicy = replace;
        return c;
    }

    @Test
    void terraformNeedsProtectionAndAFinalSnapshot() {
        Result r = run(rule,
                tf("ok", explicit(true), explicit(false), explicit("db-final")),
                tf("ok_default_skip", explicit(true), defaulted(Defaults.TF_RDS_SKIP_FINAL_SNAPSHOT),
                        unknown("final_snapshot_identifier = \"${var.name}-${timestamp()}\"")),
                tf("unprotected", defaulted(Defaults.RDS_DELETION_PROTECTION), explicit(false), explicit("f")),
                tf("skips", explicit(true), explicit(true), explicit(null)),
                tf("no_identifier", explicit(true), explicit(false), explicit(null)),
                tf("protection_unknown", unknown(), explicit(false), explicit("f")));
        expect(r, "aws_rds_cluster.ok", Status.PASS);
        expect(r, "aws_rds_cluster.ok_default_skip", Status.PASS);
        expect(r, "aws_rds_cluster.unprotected", Status.FAIL, "deletion protection is off",
                "default: RDS API CreateDBCluster DeletionProtection default false");
        expect(r, "aws_rds_cluster.skips", Status.FAIL, "no final snapshot");
        expect(r, "aws_rds_cluster.no_identifier", Status.FAIL, "finalSnapshotIdentifier is not set");
        expect(r, "aws_rds_cluster.protection_unknown", Status.UNKNOWN, "known only after apply");
    }

    @Test
    void cloudFormationNeedsSnapshotOrRetainPoliciesEvenWithProtection() {
        Result r = run(rule,
                cfn("Ok", explicit(true), defaulted(Defaults.CFN_RDS_CLUSTER_DELETION_POLICY), explicit("Snapshot")),
                cfn("Retain", explicit(true), explicit("Retain"), explicit("Retain")),
                cfn("NoReplacePolicy", explicit(true), explicit("Snapshot"), defaulted(Defaults.CFN_UPDATE_REPLACE_POLICY)),
                cfn("DeletePolicy", explicit(true), explicit("Delete"), explicit("Snapshot")),
                cfn("Unprotected", defaulted(Defaults.RDS_DELETION_PROTECTION), explicit("Snapshot"), explicit("Snapshot")),
                cfn("PolicyUnknown", explicit(true), explicit("Snapshot"), unknown("Fn::If on an unknown condition")));
        expect(r, "Ok", Status.PASS);
        expect(r, "Retain", Status.PASS);
        expect(r, "NoReplacePolicy", Status.FAIL, "UpdateReplacePolicy Delete (default: CloudFormation",
                "mitigated while deletion protection stays on");
        expect(r, "DeletePolicy", Status.FAIL, "DeletionPolicy Delete");
        Finding f = expect(r, "Unprotected", Status.FAIL, "deletion protection is off");
        assertFalse(f.message().contains("mitigated"), f.message());
        expect(r, "PolicyUnknown", Status.UNKNOWN, "Fn::If");
    }

    @Test
    void attributesTheInputKindLacksAreNotPartOfTheCheck() {
        DbCluster tfCluster = tf("tf", explicit(true), explicit(false), explicit("f"));
        assertTrue(Fields.absentFromInput(tfCluster.deletionPolicy), "Terraform has no DeletionPolicy");
        DbCluster unknownLookalike = tf("lookalike", explicit(true), explicit(false), explicit("f"));
        unknownLookalike.updateReplacePolicy = Value.unknown("not present in this input", Provenance.NONE);
        DbCluster nothing = tf("nothing", explicit(true), Value.notInInput(), Value.notInInput());
        DbCluster live = new DbCluster("arn:aws:rds:eu-west-1:1:cluster:db", "rds:DBCluster",
                Provenance.live("1", "eu-west-1", "arn:aws:rds:eu-west-1:1:cluster:db", "DescribeDBClusters"));
        live.deletionProtection = Value.explicit(true, live.location());
        Result r = run(rule, tfCluster, unknownLookalike, nothing, live);
        expect(r, "aws_rds_cluster.tf", Status.PASS);
        expect(r, "aws_rds_cluster.lookalike", Status.PASS);
        expect(r, "aws_rds_cluster.nothing", Status.UNKNOWN, "no final-snapshot setting");
        expect(r, "arn:aws:rds:eu-west-1:1:cluster:db", Status.PASS);
    }
}
