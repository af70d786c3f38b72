package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.security.KmsKey;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

@ExtendWith(MotoServer.class)
class KmsCollectorTest {

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static KmsKey key(Model m, String arn) {
        return m.all(KmsKey.class).stream().filter(k -> k.address().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError(arn + " not in " + m.all(KmsKey.class)));
    }

    @Test
    void customerKeysAreCollectedWithAliasesRotationPolicyAndTags() {
        String rotating = SeedData.key(moto, "orders", true);
        Model m = SeedData.collect(moto, new KmsCollector()).model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());
        KmsKey k = key(m, rotating);
        assertTrue(rotating.startsWith("arn:aws:kms:eu-west-1:" + SeedData.ACCOUNT + ":key/"), rotating);
        assertEquals(true, k.enabled.get());
        assertEquals(KmsCollector.DESCRIBE_KEY, k.enabled.provenance().operation());
        assertEquals(rotating, k.enabled.provenance().arn());
        assertEquals("Enabled", k.keyState.get());
        assertEquals("CUSTOMER", k.keyManager.get());
        assertEquals("SYMMETRIC_DEFAULT", k.keySpec.get());
        assertEquals("ENCRYPT_DECRYPT", k.keyUsage.get());
        assertEquals("AWS_KMS", k.origin.get());
        assertEquals(false, k.multiRegion.get());
        assertEquals(true, k.rotationEnabled.get());
        assertEquals(KmsCollector.GET_KEY_ROTATION_STATUS, k.rotationEnabled.provenance().operation());
        assertTrue(k.policy.get().contains("kms:*"), k.policy.get());
        assertEquals(Map.of("team", "data"), k.tags.get());
        assertEquals(KmsCollector.LIST_RESOURCE_TAGS, k.tags.provenance().operation());
        assertEquals("alias/orders", k.name.get());
        assertEquals(Certainty.UNKNOWN, k.deletionWindowDays.certainty(), "a setting of a future delete call");
        // references by alias name, alias ARN and key id resolve to the key
        String keyId = rotating.substring(rotating.indexOf("key/") + 4);
        for (String ref : List.of("alias/orders", "arn:aws:kms:eu-west-1:" + SeedData.ACCOUNT + ":alias/orders",
                keyId, rotating)) {
            assertSame(k, m.resolve(k, new Ref(ref), KmsKey.class).orElseThrow(), ref);
        }
    }

    @Test
    void enc011PassesForARotatingKeyAndFailsForOneThatDoesNotRotateOrIsDeleted() {
        String rotating = SeedData.key(moto, "good", true);
        String still = SeedData.key(moto, "stale", false);
        String doomed = SeedData.key(moto, "doomed", true);
        try (var kms = SeedData.kms(moto)) {
            // moto's ScheduleKeyDeletion accepts the key id only (a key ARN gives HTTP 500)
            kms.scheduleKeyDeletion(b -> b.keyId(doomed.substring(doomed.indexOf("key/") + 4)).pendingWindowInDays(7));
        }
        Model m = SeedData.collect(moto, new KmsCollector()).model();
        assertEquals(Status.PASS, SeedData.finding(m, "ENC-011", rotating).status());
        Finding stale = SeedData.finding(m, "ENC-011", still);
        assertEquals(Status.FAIL, stale.status(), stale.toString());
        assertTrue(stale.message().contains("rotation"), stale.message());
        KmsKey d = key(m, doomed);
        assertEquals("PendingDeletion", d.keyState.get());
        // moto omits PendingDeletionWindowInDays from DescribeKey, so deletionWindowDays is not checked here
        assertEquals(Status.FAIL, SeedData.finding(m, "ENC-011", doomed).status());
    }

    @Test
    void asymmetricKeysAreNotAskedForRotation() {
        String arn;
        try (var kms = SeedData.kms(moto)) {
            arn = kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata()
                    .arn();
        }
        List<String> seen = new ArrayList<>();
        Model m = SeedData.collect(SeedData.observed(moto, Set.of(), seen), new KmsCollector()).model();
        KmsKey k = key(m, arn);
        assertEquals("RSA_2048", k.keySpec.get());
        assertEquals(Certainty.DEFAULTED, k.rotationEnabled.certainty());
        assertEquals(false, k.rotationEnabled.get());
        assertFalse(seen.contains("GetKeyRotationStatus"), () -> "" + seen);
        assertEquals(Status.PASS, SeedData.finding(m, "ENC-011", arn).status(), "enabled; rotation not applicable");
    }

    @Test
    void deniedRotationStatusIsUnknownNotAFailure() {
        String arn = SeedData.key(moto, "orders", true);
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("GetKeyRotationStatus"), seen), new KmsCollector());
        KmsKey k = key(run.model(), arn);
        assertEquals(Certainty.UNKNOWN, k.rotationEnabled.certainty());
        assertTrue(k.rotationEnabled.note().contains(KmsCollector.GET_KEY_ROTATION_STATUS), k.rotationEnabled.note());
        assertEquals(true, k.enabled.get());
        assertTrue(run.model().gaps().isEmpty());
        assertEquals(Status.UNKNOWN, SeedData.finding(run.model(), "ENC-011", arn).status());
    }

    @Test
    void deniedListKeysIsAGapAndAddsNoKey() {
        SeedData.key(moto, "orders", true);
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of("ListKeys"), seen), new KmsCollector());
        assertTrue(run.model().all(KmsKey.class).isEmpty());
        assertEquals(KmsCollector.LIST_KEYS, run.model().gaps().get(0).operation());
    }
}
