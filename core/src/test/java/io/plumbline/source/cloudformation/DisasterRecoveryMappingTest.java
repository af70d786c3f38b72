package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Templates.get;
import static io.plumbline.source.cloudformation.Templates.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.data.DbCluster;
import io.plumbline.model.data.GlobalCluster;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupVault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS Backup vaults (key, Vault Lock), copy destinations as links, and Aurora global databases from a template. */
class DisasterRecoveryMappingTest {

    private static final String TEMPLATE = """
            Parameters:
              DrKey: {Type: String, Default: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'}
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties: {KeyPolicy: {}}
              Locked:
                Type: AWS::Backup::BackupVault
                Properties:
                  BackupVaultName: locked
                  EncryptionKeyArn: !GetAtt Key.Arn
                  LockConfiguration: {MinRetentionDays: 7, ChangeableForDays: 3}
              Governed:
                Type: AWS::Backup::BackupVault
                Properties:
                  BackupVaultName: governed
                  LockConfiguration: {MinRetentionDays: 1}
              Open:
                Type: AWS::Backup::BackupVault
                Properties: {BackupVaultName: open}
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: p
                    BackupPlanRule:
                      - RuleName: daily
                        TargetBackupVault: !Ref Locked
                        CopyActions:
                          - DestinationBackupVaultArn: !GetAtt Open.BackupVaultArn
                          - DestinationBackupVaultArn: arn:aws:backup:us-west-2:111122223333:backup-vault:dr
              Global:
                Type: AWS::RDS::GlobalCluster
                Properties: {GlobalClusterIdentifier: orders-global, SourceDBClusterIdentifier: !Ref Primary}
              Primary:
                Type: AWS::RDS::DBCluster
                Properties: {Engine: aurora-postgresql, MasterUsername: app, ManageMasterUserPassword: true}
              Secondary:
                Type: AWS::RDS::DBCluster
                Properties: {Engine: aurora-postgresql, GlobalClusterIdentifier: !Ref Global}
            """;

    @Test
    void vaultKeysAndLocksCopyDestinationsAndGlobalDatabasesAreMapped() {
        Model m = yaml(TEMPLATE);
        BackupVault locked = get(m, "Locked", BackupVault.class);
        assertEquals("Key", locked.kmsKey.get().target());
        assertTrue(locked.locked.get());
        assertEquals(7, locked.minRetentionDays.get());
        assertEquals(3, locked.changeableForDays.get());
        assertNull(locked.maxRetentionDays.get(), "not set: no maximum");

        BackupVault governed = get(m, "Governed", BackupVault.class);
        assertTrue(governed.locked.get());
        assertEquals(Certainty.EXPLICIT, governed.changeableForDays.certainty());
        assertNull(governed.changeableForDays.get(), "no grace time: governance mode");
        assertEquals(Certainty.DEFAULTED, governed.kmsKey.certainty(), "no key: AWS Backup's own, AWS managed");

        BackupVault open = get(m, "Open", BackupVault.class);
        assertEquals(Certainty.DEFAULTED, open.locked.certainty());
        assertEquals(false, open.locked.get());

        BackupPlan plan = get(m, "Plan", BackupPlan.class);
        var rule = plan.rules.get().get(0);
        assertEquals(List.of(new Ref("Open"), new Ref("arn:aws:backup:us-west-2:111122223333:backup-vault:dr")),
                rule.copyVaults().get());

        GlobalCluster g = get(m, "Global", GlobalCluster.class);
        assertEquals(List.of(new Ref("Primary")), g.members.get());
        DbCluster secondary = get(m, "Secondary", DbCluster.class);
        assertEquals(new Ref("Global"), secondary.globalClusterLink.get());
        DbCluster primary = get(m, "Primary", DbCluster.class);
        assertEquals(Certainty.EXPLICIT, primary.globalClusterLink.certainty());
        assertNull(primary.globalClusterLink.get(), "joins through the global cluster's source");
    }
}
