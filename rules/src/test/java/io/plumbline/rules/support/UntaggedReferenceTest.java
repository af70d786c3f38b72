package io.plumbline.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.engine.Engine;
import io.plumbline.model.Model;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rules.backups.ProtectedBucketsVersioned;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The reference example and its BAK-005 variants keep their bucket verdicts when every {@code plumbline:role} tag is
 * removed: the roles inferred from what uses each bucket (the ALB's access logs, replication) and the baseline
 * decide the same.
 */
class UntaggedReferenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> bucketVerdictsDoNotDependOnRoleTags() {
        List<String> files = new ArrayList<>(List.of(ReferenceArchitecture.TERRAFORM_PLAN,
                ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            String f = v.file().contains("/") ? v.file() : "variants/" + v.file();
            if (v.rule().equals("BAK-005") && !files.contains(f)) files.add(f);
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f, () -> {
            byte[] tagged = ReferenceArchitecture.read(f);
            byte[] untagged = f.endsWith(".json") ? untagPlan(tagged) : untagTemplate(tagged);
            assertFalse(new String(untagged, StandardCharsets.UTF_8).contains("plumbline:role"), f);
            assertTrue(new String(tagged, StandardCharsets.UTF_8).contains("plumbline:role"), f);
            Map<String, String> before = verdicts(f, tagged);
            Map<String, String> after = verdicts(f, untagged);
            assertEquals(before, after, f);
            assertTrue(before.size() >= 3, () -> f + ": the reference has buckets: " + before);
            List<String> messages = Engine.evaluate(Inputs.load(f, untagged, SourceOptions.DEFAULT),
                    ReferenceArchitecture.profile(), List.of(new ProtectedBucketsVersioned())).findings().stream()
                    .map(Finding::message).toList();
            assertTrue(messages.stream().anyMatch(msg -> msg.contains("logs bucket (logs: target of the access logs "
                    + "of ALB")), () -> f + ": " + messages);
            if (f.endsWith(".json")) {
                assertTrue(messages.stream().anyMatch(msg -> msg.contains("backups bucket (backups: replication "
                        + "destination of bucket")), () -> f + ": " + messages);
            } else {
                // The template replicates to buckets of the secondary region's stack, named literally: no link is
                // open, and a bucket no use names is general.
                assertTrue(messages.stream().anyMatch(msg -> msg.contains("general bucket (general: no use found")),
                        () -> f + ": " + messages);
            }
        }));
    }

    private static Map<String, String> verdicts(String name, byte[] bytes) {
        Model m = Inputs.load(name, bytes, SourceOptions.DEFAULT);
        Map<String, String> out = new TreeMap<>();
        for (Finding f : Engine.evaluate(m, ReferenceArchitecture.profile(), List.of(new ProtectedBucketsVersioned()))
                .findings()) {
            out.put(f.resource(), f.status().name());
        }
        return out;
    }

    private static byte[] untagPlan(byte[] plan) throws Exception {
        JsonNode root = JSON.readTree(plan);
        strip(root);
        return JSON.writeValueAsBytes(root);
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove("plumbline:role");
            o.elements().forEachRemaining(UntaggedReferenceTest::strip);
        } else if (n.isArray()) {
            n.elements().forEachRemaining(UntaggedReferenceTest::strip);
        }
    }

    /** Drops each {@code - Key: plumbline:role} item (and its {@code Value:} line) from the YAML template. */
    private static byte[] untagTemplate(byte[] template) {
        String[] lines = new String(template, StandardCharsets.UTF_8).split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().equals("- Key: plumbline:role") && i + 1 < lines.length
                    && lines[i + 1].trim().startsWith("Value:")) {
                i++;
                continue;
            }
            out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
