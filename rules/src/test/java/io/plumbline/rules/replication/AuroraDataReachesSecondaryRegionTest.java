package io.plumbline.rules.replication;

import static io.plumbline.rules.Fixtures.*;

import io.plumbline.engine.Result;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.GlobalCluster;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.rule.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuroraDataReachesSecondaryRegionTest {

    private static DbCluster cluster(String name, String region) {
        DbCluster c = new DbCluster("aws_rds_cluster." + name, "aws_rds_cluster", at());
        c.region = region == null ? unknown("the region is chosen at deploy time") : explicit(region);
        c.globalClusterLink = explicit(null);
        return c;
    }

    private static BackupVault vault(String name, String region) {
        BackupVault v = new BackupVault("aws_backup_vault." + name, "aws_backup_vault", at());
        v.region = explicit(region);
        return v;
    }

    private static BackupPlan plan(String name, String selected, Value<List<Ref>> copies) {
        BackupPlan p = new BackupPlan("aws_backup_plan." + name, "aws_backup_plan", at());
        p.region = explicit("eu-west-1");
        p.rules = explicit(List.of(new BackupRule(explicit("daily"), explicit("main"), explicit("cron(0 3 * * ? *)"),
                explicit(35), explicit(List.of()), Value.notInInput(), copies)));
        p.selectedResources = refs("aws_rds_cluster." + selected);
        return p;
    }

    @Test
    void aBackupCopyToTheSecondaryRegionPassesTheOwnRegionOrAnotherRegionFails() {
        Result r = run(new AuroraDataReachesSecondaryRegion(),
                vault("dr", "us-west-2"), vault("local", "eu-west-1"), vault("frankfurt", "eu-central-1"),
                cluster("copied", "eu-west-1"), plan("copied", "copied", refs("aws_backup_vault.dr")),
                cluster("local", "eu-west-1"), plan("local", "local", refs("aws_backup_vault.local")),
                cluster("wrong", "eu-west-1"), plan("wrong", "wrong", refs("aws_backup_vault.frankfurt")),
                cluster("nothing", "eu-west-1"),
                cluster("secondary", "us-west-2"));
        expect(r, "aws_rds_cluster.copied", Status.PASS, "aws_backup_vault.dr", "us-west-2");
        expect(r, "aws_rds_cluster.local", Status.FAIL, "the cluster's own region");
        expect(r, "aws_rds_cluster.wrong", Status.FAIL, "not the secondary region us-west-2");
        expect(r, "aws_rds_cluster.nothing", Status.UNKNOWN, "visible only live");
        expect(r, "aws_rds_cluster.secondary", Status.NOT_APPLICABLE, "secondary region itself");
    }

    @Test
    void aGlobalDatabaseMemberInTheSecondaryRegionPasses() {
        GlobalCluster g = new GlobalCluster("aws_rds_global_cluster.orders", "aws_rds_global_cluster", at());
        g.members = explicit(List.of());
        DbCluster primary = cluster("primary", "eu-west-1");
        primary.globalClusterLink = ref("aws_rds_global_cluster.orders");
        DbCluster secondary = cluster("dr", "us-west-2");
        secondary.globalClusterLink = ref("aws_rds_global_cluster.orders");
        DbCluster lonely = cluster("lonely", "eu-west-1");
        lonely.globalClusterLink = ref("aws_rds_global_cluster.solo");
        GlobalCluster solo = new GlobalCluster("aws_rds_global_cluster.solo", "aws_rds_global_cluster", at());
        DbCluster unknownLink = cluster("unknown", "eu-west-1");
        unknownLink.globalClusterLink = unknown();
        Result r = run(new AuroraDataReachesSecondaryRegion(), g, solo, primary, secondary, lonely, unknownLink);
        expect(r, "aws_rds_cluster.primary", Status.PASS, "global database aws_rds_global_cluster.orders",
                "aws_rds_cluster.dr");
        expect(r, "aws_rds_cluster.dr", Status.NOT_APPLICABLE);
        expect(r, "aws_rds_cluster.lonely", Status.UNKNOWN, "no Aurora global database member");
        expect(r, "aws_rds_cluster.unknown", Status.UNKNOWN, "global database is unknown");
    }

    @Test
    void aTemplateClusterTakesTheProfilesPrimaryRegionAndAVaultOfTheSameStackIsTheSameRegion() {
        Provenance template = Provenance.inFile("stack.cfn.yaml", 1, 1, "/Resources/X");
        DbCluster c = new DbCluster("aws_rds_cluster.tpl", "AWS::RDS::DBCluster", template);
        c.region = unknown("the region is chosen at deploy time");
        c.globalClusterLink = explicit(null);
        BackupVault sameStack = new BackupVault("aws_backup_vault.same", "AWS::Backup::BackupVault", template);
        sameStack.region = unknown("the region is chosen at deploy time");
        Result r = run(new AuroraDataReachesSecondaryRegion(), c, sameStack,
                plan("tpl", "tpl", refs("aws_backup_vault.same")));
        expect(r, "aws_rds_cluster.tpl", Status.FAIL, "the cluster's own region", "profile's primaryRegion");
    }

    @Test
    void unknownCopyActionsAndVaultsOutsideTheInputStayUnknown() {
        Result r = run(new AuroraDataReachesSecondaryRegion(),
                cluster("later", "eu-west-1"), plan("later", "later", unknown("copy actions are known after apply")),
                cluster("outside", "eu-west-1"), plan("outside", "outside", refs("some-vault-elsewhere")));
        expect(r, "aws_rds_cluster.later", Status.UNKNOWN, "known after apply");
        expect(r, "aws_rds_cluster.outside", Status.UNKNOWN, "not in this input");
    }
}
