package io.plumbline.source.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Instance;
import io.plumbline.model.ops.BackupPlan;
import io.plumbline.model.ops.BackupRule;
import io.plumbline.model.security.KmsKey;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Sensitive values never reach a snapshot: each is stored as unknown, with its place and the sensitive flag. */
class SensitiveValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SensitiveValuesTest.class.getResourceAsStream("/terraform/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMasterPasswordInAPlanIsNotInTheSnapshot() throws IOException {
        byte[] plan = fixture("aurora_module.json");
        String secret = "s3cr3t-Passw0rd!";
        assertTrue(new String(plan, StandardCharsets.UTF_8).contains(secret), "the plan holds the password");
        byte[] snapshot = SnapshotWriter.write(Inputs.load("aurora_module.json", plan, SourceOptions.DEFAULT));
        assertFalse(new String(snapshot, StandardCharsets.UTF_8).contains(secret));
    }

    @Test
    void aSensitiveValueTheModelHoldsIsStoredAsUnknown() throws IOException {
        Model m = Inputs.load("network_rules.json", fixture("network_rules.json"), SourceOptions.DEFAULT);
        Instance bastion = (Instance) m.byAddress("aws_instance.bastion").orElseThrow();
        assertTrue(bastion.tags.isSensitive());
        assertEquals("alice@example.com", bastion.tags.get().get("Owner"), "the model holds the secret for rules");

        byte[] snapshot = SnapshotWriter.write(m);
        assertFalse(new String(snapshot, StandardCharsets.UTF_8).contains("alice@example.com"));

        Instance back = (Instance) SnapshotReader.read(snapshot, "s.json").byAddress("aws_instance.bastion").orElseThrow();
        assertEquals(Certainty.UNKNOWN, back.tags.certainty());
        assertNull(back.tags.get());
        assertEquals(SnapshotFormat.SENSITIVE_NOTE, back.tags.note());
        assertTrue(back.tags.isSensitive());
        assertEquals(bastion.tags.provenance(), back.tags.provenance(), "its place is kept");
        assertEquals("(sensitive)", back.tags.display());
    }

    @Test
    void sensitiveValuesInsideRecordsAndOfEveryCertainty() {
        Provenance at = Provenance.inFile("plan.json", 1, 10, "/x");
        BackupPlan plan = new BackupPlan("aws_backup_plan.p", "aws_backup_plan", at);
        plan.rules = Value.explicit(List.of(new BackupRule(Value.explicit("rule-name-SECRET-1", at).asSensitive(),
                Value.explicit("vault", at), Value.defaulted(io.plumbline.model.Default.of("cron-SECRET-2", "doc"), at)
                        .asSensitive(), Value.<Integer>unknown("known only after apply", at).asSensitive(),
                Value.explicit(List.of("arn:SECRET-3"), at).asSensitive())), at);
        KmsKey key = new KmsKey("aws_kms_key.k", "aws_kms_key", at);
        key.policy = Value.explicit("{\"Statement\":\"SECRET-4\"}", at).asSensitive();
        Model m = new Model(List.of(plan, key), List.of(), List.of());
        String json = new String(SnapshotWriter.write(m), StandardCharsets.UTF_8);
        assertFalse(json.contains("SECRET"), json);
        Model back = SnapshotReader.read(json.getBytes(StandardCharsets.UTF_8), "s.json");
        assertTrue(Deep.diff(m, back).isEmpty(), () -> String.join("\n", Deep.diff(m, back)));
        BackupRule rule = ((BackupPlan) back.resources().get(0)).rules.get().get(0);
        assertTrue(rule.name().isSensitive() && rule.name().isUnknown());
        assertEquals("vault", rule.targetVault().get());
        assertTrue(rule.schedule().isSensitive() && rule.schedule().isUnknown(), "a sensitive default is not stored either");
    }

    private static List<Path> corpusPlans() throws IOException {
        try (Stream<Path> s = Files.list(Shared.corpus("terraform"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Over the whole Terraform corpus: no password, token or value marked sensitive in a plan is in its snapshot. */
    @TestFactory
    Stream<DynamicTest> noCorpusSecretReachesASnapshot() throws IOException {
        return corpusPlans().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> checkSecrets(p)));
    }

    @Test
    void theCorpusHasSecretsToLookFor() throws IOException {
        int checked = 0;
        for (Path p : corpusPlans()) checked += checkSecrets(p);
        assertTrue(checked >= 5, "sensitive strings (5 in the corpus as it is) looked for in the corpus snapshots: " + checked);
    }

    /** How many sensitive strings of the plan were looked for (and not found) in its snapshot. */
    private static int checkSecrets(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        JsonNode root = JSON.readTree(bytes);
        List<String> secrets = new ArrayList<>();
        for (JsonNode rc : root.path("resource_changes")) {
            JsonNode change = rc.path("change");
            sensitive(change.path("after"), change.path("after_sensitive"), secrets);
            sensitive(change.path("before"), change.path("before_sensitive"), secrets);
            secretKeys(change.path("after"), secrets);
            secretKeys(change.path("before"), secrets);
        }
        Model model = Inputs.load(p, SourceOptions.DEFAULT);
        String snapshot = new String(SnapshotWriter.write(model), StandardCharsets.UTF_8);
        String plainModel = plainValues(model);
        int checked = 0;
        for (String s : secrets) {
            // A string also held as a plain value (a name repeated in a sensitive tags_all) is not a secret here.
            if (plainModel.contains(s)) continue;
            assertFalse(snapshot.contains(s), () -> p.getFileName() + ": the snapshot holds a sensitive string");
            checked++;
        }
        return checked;
    }

    /** The displays of every non-sensitive value, and every address and alias. */
    private static String plainValues(Model model) {
        StringBuilder sb = new StringBuilder();
        for (Resource r : model.resources()) {
            sb.append(r.address()).append('\n').append(String.join("\n", r.aliases())).append('\n');
            for (java.lang.reflect.Field f : r.getClass().getFields()) {
                try {
                    if (f.get(r) instanceof Value<?> v && !v.isSensitive() && v.isKnown()) sb.append(v.get()).append('\n');
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return sb.toString();
    }

    private static void sensitive(JsonNode value, JsonNode marks, List<String> out) {
        if (marks.isBoolean() && marks.booleanValue()) {
            all(value, out);
        } else if (marks.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = marks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sensitive(value.path(e.getKey()), e.getValue(), out);
            }
        } else if (marks.isArray()) {
            for (int i = 0; i < marks.size(); i++) sensitive(value.path(i), marks.get(i), out);
        }
    }

    private static void secretKeys(JsonNode value, List<String> out) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.contains("password") || k.equals("auth_token") || k.contains("secret_string")) all(e.getValue(), out);
                else secretKeys(e.getValue(), out);
            }
        } else if (value.isArray()) {
            for (JsonNode c : value) secretKeys(c, out);
        }
    }

    private static void all(JsonNode value, List<String> out) {
        if (value.isTextual() && value.asText().length() >= 6) out.add(value.asText());
        else if (value.isContainerNode()) for (JsonNode c : value) all(c, out);
    }
}
