package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.GlobalCluster;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupVault;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dr_services.json (generate_fixtures.py): a selection by tag resolves to the tagged cluster, a lock configuration
 * folds into its vault, a copy destination whose ARN is known only after apply is still linked to its vault (and so
 * its region), and both clusters link to their global database.
 */
class DisasterRecoveryPlanTest {

    private static <T extends Resource> T get(Model m, String address, Class<T> type) {
        return m.byAddress(address).filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new AssertionError(address + " is not a " + type.getSimpleName()));
    }

    @Test
    void selectionsByTagLocksCopyVaultsAndGlobalDatabasesAreResolved() {
        Model m = Inputs.load("dr_services.json", TerraformFixturesTest.bytes("dr_services.json"), SourceOptions.DEFAULT);
        BackupPlan plan = get(m, "aws_backup_plan.p", BackupPlan.class);
        assertEquals(List.of(new Ref("aws_rds_cluster.primary")), plan.selectedResources.get(),
                "selection_tag backup = daily picks the cluster tagged so, and only it");

        BackupVault v = get(m, "aws_backup_vault.v", BackupVault.class);
        assertTrue(v.locked.get());
        assertEquals(7, v.minRetentionDays.get());
        assertEquals(3, v.changeableForDays.get());
        assertTrue(v.folded().contains("aws_backup_vault_lock_configuration.v"));
        assertTrue(v.kmsKey.isDefaulted(), "kms_key_arn unset: AWS Backup's own key");
        BackupVault dr = get(m, "aws_backup_vault.dr", BackupVault.class);
        assertEquals(false, dr.locked.get());
        assertEquals("us-west-2", dr.region.get());

        var rule = plan.rules.get().get(0);
        assertTrue(rule.copyDestinations().isUnknown(), "the ARN is known only after apply");
        assertEquals(List.of(new Ref("aws_backup_vault.dr")), rule.copyVaults().get());

        GlobalCluster g = get(m, "aws_rds_global_cluster.orders", GlobalCluster.class);
        DbCluster primary = get(m, "aws_rds_cluster.primary", DbCluster.class);
        DbCluster secondary = get(m, "aws_rds_cluster.secondary", DbCluster.class);
        assertSame(g, m.resolve(primary, primary.globalClusterLink.get(), GlobalCluster.class).orElseThrow());
        assertSame(g, m.resolve(secondary, secondary.globalClusterLink.get(), GlobalCluster.class).orElseThrow());
        assertEquals("us-west-2", secondary.region.get());
        assertEquals(List.of(), g.members.get(), "no source_db_cluster_identifier: members join from their side");
    }
}
