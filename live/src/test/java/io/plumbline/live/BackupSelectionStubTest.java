package io.plumbline.live;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.collect.BackupCollector;
import io.plumbline.live.collect.KmsCollector;
import io.plumbline.live.collect.RdsCollector;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * BAK-003 on a live account, end to end. moto 5.2.5 serves the vaults (ListBackupVaults with Locked, MinRetentionDays,
 * LockDate), the plans, the keys and the clusters, but not backup:ListBackupSelections or GetBackupSelection (no URL
 * for them: HTTP 500, NotImplementedError). Those two are answered by a loopback stub in the REST-JSON shape of the
 * AWS Backup API reference ({@code GET /backup/plans/{id}/selections/} → {@code BackupSelectionsList[]};
 * {@code GET /backup/plans/{id}/selections/{selectionId}} → {@code BackupSelection} with {@code Resources}), holding
 * the selections the test writes by hand; every other request goes to moto.
 */
@ExtendWith(MotoServer.class)
class BackupSelectionStubTest {
    private static final Pattern LIST = Pattern.compile("^/backup/plans/([^/]+)/selections/?$");
    private static final Pattern GET = Pattern.compile("^/backup/plans/([^/]+)/selections/([^/?]+)$");

    MotoServer moto;
    /** Plan id → the cluster ARN its one selection lists. */
    final Map<String, String> selections = new ConcurrentHashMap<>();

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
        selections.clear();
    }

    private DenyingProxy.Reply answer(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Matcher list = LIST.matcher(p);
        Matcher get = GET.matcher(p);
        String json;
        if ("GET".equals(method) && list.matches()) {
            String plan = list.group(1);
            json = selections.containsKey(plan)
                    ? "{\"BackupSelectionsList\":[{\"SelectionId\":\"sel-" + plan + "\",\"SelectionName\":\"aurora\","
                            + "\"BackupPlanId\":\"" + plan + "\",\"CreationDate\":1.7E9,\"IamRoleArn\":\"arn:aws:iam::"
                            + SeedData.ACCOUNT + ":role/backup\"}]}"
                    : "{\"BackupSelectionsList\":[]}";
        } else if ("GET".equals(method) && get.matches()) {
            String plan = get.group(1);
            json = "{\"BackupPlanId\":\"" + plan + "\",\"SelectionId\":\"" + get.group(2) + "\",\"CreationDate\":1.7E9,"
                    + "\"BackupSelection\":{\"SelectionName\":\"aurora\",\"IamRoleArn\":\"arn:aws:iam::" + SeedData.ACCOUNT
                    + ":role/backup\",\"Resources\":[\"" + selections.get(plan) + "\"],\"ListOfTags\":[],"
                    + "\"NotResources\":[]}}";
        } else {
            return null;
        }
        return new DenyingProxy.Reply(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A vault named {@code vault} under {@code key} (null: none), locked as asked, and a plan into it; the plan id. */
    private String planInto(String vault, String key, Long graceDays, boolean lock) {
        try (BackupClient backup = SeedEdge.client(moto, BackupClient.builder(), MotoServer.REGION)) {
            backup.createBackupVault(b -> b.backupVaultName(vault).encryptionKeyArn(key));
            if (lock) {
                backup.putBackupVaultLockConfiguration(b -> b.backupVaultName(vault).minRetentionDays(7L)
                        .changeableForDays(graceDays));
            }
            return backup.createBackupPlan(b -> b.backupPlan(p -> p.backupPlanName(vault + "-plan")
                    .rules(BackupRuleInput.builder().ruleName("daily").targetBackupVaultName(vault)
                            .scheduleExpression("cron(0 3 * * ? *)").lifecycle(l -> l.deleteAfterDays(35L))
                            .build()))).backupPlanId();
        }
    }

    private String cluster(String id) {
        try (var rds = SeedData.rds(moto)) {
            return rds.createDBCluster(b -> b.dbClusterIdentifier(id).engine("aurora-postgresql").engineVersion("15.4")
                    .masterUsername("app").masterUserPassword("not-a-secret-123").storageEncrypted(true))
                    .dbCluster().dbClusterArn();
        }
    }

    @Test
    void aClusterSelectedIntoALockedCmkVaultPassesGovernanceLocksAndUnselectedClustersFail() throws Exception {
        String key;
        try (KmsClient kms = SeedData.kms(moto)) {
            key = kms.createKey(b -> b.description("backup vault key")).keyMetadata().arn();
        }
        selections.put(planInto("locked", key, 3L, true), cluster("orders"));
        selections.put(planInto("governed", key, null, true), cluster("ledger"));
        cluster("scratch");
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), this::answer)) {
            var run = ConfigAcceleratorTest.run(ConfigAcceleratorTest.through(proxy, false), new KmsCollector(),
                    new RdsCollector(), new BackupCollector());
            assertFalse(run.ctx().failed(BackupCollector.LIST_BACKUP_SELECTIONS));
            List<Finding> findings = SeedData.evaluate(run.model(), "BAK-003");
            Map<String, Finding> byCluster = new java.util.HashMap<>();
            for (Finding f : findings) byCluster.put(f.resource().substring(f.resource().lastIndexOf(':') + 1), f);
            assertEquals(Status.PASS, byCluster.get("orders").status(), () -> byCluster.get("orders").message());
            assertTrue(byCluster.get("orders").message().contains("compliance mode"));
            assertEquals(Status.FAIL, byCluster.get("ledger").status(), () -> byCluster.get("ledger").message());
            assertTrue(byCluster.get("ledger").message().contains("governance mode"));
            assertEquals(Status.FAIL, byCluster.get("scratch").status(), () -> byCluster.get("scratch").message());
        }
    }
}
