package io.plumbline.live.collect;

import static org.junit.jupiter.api.Assertions.*;

import io.plumbline.live.MotoServer;
import io.plumbline.live.SeedData;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.security.KmsKey;
import io.plumbline.model.security.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class SecretsManagerCollectorTest {

    static final String VALUE = "super-secret-value-42";

    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    private static Secret secret(Model m, String name) {
        return m.all(Secret.class).stream().filter(s -> s.name.is(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + m.all(Secret.class)));
    }

    @Test
    void secretsAreCollectedWithKeyRotationAndReplicasButNeverTheirValue() {
        String key = SeedData.key(moto, "secrets", true);
        try (var sm = SeedData.secrets(moto)) {
            sm.createSecret(b -> b.name("db/master").secretString(VALUE).kmsKeyId(key)
                    .tags(t -> t.key("plumbline:role").value("db"))
                    .addReplicaRegions(r -> r.region("eu-central-1")));
            // moto ignores schedule-only rotation; with a Lambda ARN it records the rotation configuration and then
            // answers ResourceNotFound because the function does not exist in the emulator. The recorded
            // configuration is what ListSecrets returns, which is all this test needs.
            try {
                sm.rotateSecret(b -> b.secretId("db/master").rotateImmediately(false)
                        .rotationLambdaARN("arn:aws:lambda:eu-west-1:" + SeedData.ACCOUNT + ":function:rotate")
                        .rotationRules(r -> r.automaticallyAfterDays(30L)));
            } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException expected) {
                // the missing Lambda function, see above
            }
            sm.createSecret(b -> b.name("plain").secretString(VALUE));
        }
        List<String> seen = new ArrayList<>();
        var run = SeedData.collect(SeedData.observed(moto, Set.of(), seen), new KmsCollector(),
                new SecretsManagerCollector());
        Model m = run.model();
        assertTrue(m.diagnostics().isEmpty(), () -> "" + m.diagnostics());

        Secret s = secret(m, "db/master");
        assertTrue(s.address().startsWith("arn:aws:secretsmanager:eu-west-1:" + SeedData.ACCOUNT + ":secret:db/master-"),
                s.address());
        assertEquals(SecretsManagerCollector.LIST_SECRETS, s.kmsKey.provenance().operation());
        assertSame(m.all(KmsKey.class).stream().filter(k -> k.address().equals(key)).findFirst().orElseThrow(),
                m.resolve(s, s.kmsKey.get(), KmsKey.class).orElseThrow());
        assertEquals(true, s.rotationEnabled.get());
        assertEquals(30, s.rotationDays.get());
        assertEquals(List.of("eu-central-1"), s.replicaRegions.get());
        assertEquals(SecretsManagerCollector.DESCRIBE_SECRET, s.replicaRegions.provenance().operation());
        assertEquals(Map.of("plumbline:role", "db"), s.tags.get());
        assertSame(s, m.resolve(s, new Ref("db/master")).orElseThrow(), "referenced by name");

        Secret plain = secret(m, "plain");
        assertEquals(Certainty.EXPLICIT, plain.kmsKey.certainty());
        assertNull(plain.kmsKey.get(), "absent KmsKeyId: the AWS-managed aws/secretsmanager key");
        assertEquals(false, plain.rotationEnabled.get());
        assertNull(plain.rotationDays.get());
        assertEquals(List.of(), plain.replicaRegions.get());

        assertFalse(seen.stream().anyMatch(op -> op.contains("SecretValue")), () -> "" + seen);
        assertFalse(m.toString().contains(VALUE));
        assertFalse(m.all(Secret.class).toString().contains(VALUE));
    }

    @Test
    void rotationDaysFromRulesAndSchedules() {
        var p = io.plumbline.model.Provenance.NONE;
        var rules = software.amazon.awssdk.services.secretsmanager.model.RotationRulesType.builder();
        assertEquals(30, SecretsManagerCollector.rotationDays(rules.automaticallyAfterDays(30L).build(), p).get());
        assertEquals(7, SecretsManagerCollector.rotationDays(
                rules.automaticallyAfterDays(null).scheduleExpression("rate(7 days)").build(), p).get());
        assertTrue(SecretsManagerCollector.rotationDays(
                rules.scheduleExpression("cron(0 16 1,15 * ? *)").build(), p).isUnknown());
    }

    @Test
    void deniedListSecretsIsAGap() {
        try (var sm = SeedData.secrets(moto)) {
            sm.createSecret(b -> b.name("db/master").secretString(VALUE));
        }
        var run = SeedData.collect(SeedData.observed(moto, Set.of("ListSecrets"), new ArrayList<>()),
                new SecretsManagerCollector());
        assertTrue(run.model().all(Secret.class).isEmpty());
        assertEquals(SecretsManagerCollector.LIST_SECRETS, run.model().gaps().get(0).operation());
    }
}
