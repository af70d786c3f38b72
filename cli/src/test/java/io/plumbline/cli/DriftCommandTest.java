package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.reference.ReferenceArchitecture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumbline drift} as a user runs it: a real process, its exit code, stdout and stderr.
 */
class DriftCommandTest {
    @TempDir
    Path tmp;

    /** The same real process as {@link CommandLineTest}'s. */
    static CommandLineTest.Run plumbline(String... args) throws IOException, InterruptedException {
        return CommandLineTest.plumbline(args);
    }

    private Path bundled(String rel) throws IOException {
        Path f = tmp.resolve(Path.of(rel).getFileName());
        Files.write(f, ReferenceArchitecture.read(rel));
        return f;
    }

    /** A no-op plan of one bucket, every value known; {@code owner} is a sensitive tag. */
    private Path bucketPlan(String name, int days, String owner) throws IOException {
        String plan = """
                {"format_version": "1.2", "terraform_version": "1.9.8",
                 "resource_changes": [{"address": "aws_cloudwatch_log_group.app", "mode": "managed",
                   "type": "aws_cloudwatch_log_group", "name": "app",
                   "provider_name": "registry.terraform.io/hashicorp/aws",
                   "change": {"actions": ["no-op"],
                     "before": null,
                     "after": {"id": "/app/logs", "arn": "arn:aws:logs:eu-west-1:123456789012:log-group:/app/logs",
                               "name": "/app/logs", "retention_in_days": %d, "kms_key_id": "",
                               "tags": {"Owner": "%s"}, "tags_all": {"Owner": "%s"}},
                     "after_unknown": {},
                     "before_sensitive": false,
                     "after_sensitive": {"tags": {"Owner": true}, "tags_all": {"Owner": true}}}}],
                 "configuration": {"provider_config": {"aws": {"name": "aws",
                   "expressions": {"region": {"constant_value": "eu-west-1"}}}},
                   "root_module": {"resources": [{"address": "aws_cloudwatch_log_group.app", "mode": "managed",
                     "type": "aws_cloudwatch_log_group", "name": "app", "provider_config_key": "aws",
                     "expressions": {"name": {"constant_value": "/app/logs"}}}]}}}
                """.formatted(days, owner, owner);
        Path f = tmp.resolve(name);
        Files.writeString(f, plan);
        return f;
    }

    @Test
    void inSyncExitsZero() throws Exception {
        Path a = bucketPlan("a.json", 30, "team-secret-a");
        CommandLineTest.Run run = plumbline("drift", a.toString(), a.toString());
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("Drift: in sync"), run.out());
        assertFalse(run.out().contains("team-secret-a"), "sensitive values never print");
    }

    @Test
    void driftExitsOneWithBothLocationsAndNoSensitiveValue() throws Exception {
        Path a = bucketPlan("planned.json", 30, "team-secret-a");
        Path b = bucketPlan("actual.json", 7, "team-secret-b");
        CommandLineTest.Run run = plumbline("drift", a.toString(), b.toString());
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("CHANGED retentionDays"), run.out());
        assertTrue(run.out().contains("planned: 30  @ " + a + ":"), run.out());
        assertTrue(run.out().contains("/change/after/retention_in_days"), run.out());
        assertTrue(run.out().contains("actual:  7  @ " + b + ":"), run.out());
        assertTrue(run.out().contains("CHANGED tags"), "the sensitive tags differ: " + run.out());
        assertFalse(run.out().contains("team-secret"), "sensitive values never print: " + run.out());

        CommandLineTest.Run json = plumbline("drift", "--format", "json", a.toString(), b.toString());
        assertEquals(1, json.exit());
        assertFalse(json.out().contains("team-secret"), json.out());
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("DRIFT", doc.path("status").asText());
        JsonNode diffs = doc.path("resources").get(0).path("differences");
        JsonNode retention = null;
        for (JsonNode d : diffs) if (d.path("path").asText().equals("retentionDays")) retention = d;
        assertNotNull(retention, diffs::toString);
        assertEquals("30", retention.path("planned").path("display").asText());
        assertEquals(a.toString(), retention.path("planned").path("location").path("file").asText());
        assertEquals("7", retention.path("actual").path("display").asText());
        for (JsonNode d : diffs) {
            if (d.path("path").asText().startsWith("tags")) {
                assertTrue(d.path("planned").path("sensitive").asBoolean(), d::toString);
            }
        }
    }

    @Test
    void referencePlanAgainstItsVariantReportsTheRetention() throws Exception {
        Path plan = bundled(ReferenceArchitecture.TERRAFORM_PLAN);
        Path variant = bundled("variants/terraform/BAK-001-short-retention.tfplan.json");
        Path out = tmp.resolve("out");
        CommandLineTest.Run run = plumbline("drift", plan.toString(), variant.toString(),
                "--format", "text,json", "--out", out.toString());
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        String text = Files.readString(out.resolve("plumbline-drift.txt"));
        assertTrue(text.contains("DRIFT DB_CLUSTER module.aurora.aws_rds_cluster.this"), text);
        assertTrue(text.contains("CHANGED backupRetentionPeriod"), text);
        JsonNode doc = new ObjectMapper().readTree(out.resolve("plumbline-drift.json").toFile());
        assertEquals(2, doc.path("summary").path("differences").asInt());
        // deterministic: the same run writes the same bytes
        Path out2 = tmp.resolve("out2");
        plumbline("drift", plan.toString(), variant.toString(), "--format", "text,json", "--out", out2.toString());
        assertEquals(Files.readString(out.resolve("plumbline-drift.json")),
                Files.readString(out2.resolve("plumbline-drift.json")));
        assertEquals(text, Files.readString(out2.resolve("plumbline-drift.txt")));
    }

    @Test
    void planAgainstItselfIsInSyncExitZero() throws Exception {
        Path plan = bundled(ReferenceArchitecture.TERRAFORM_PLAN);
        CommandLineTest.Run run = plumbline("drift", plan.toString(), plan.toString());
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("Drift: in sync"), run.out());
        assertTrue(run.out().contains(" 0 not comparable"), run.out());
    }

    @Test
    void aValueOnlyOneSideLeavesOpenIsIncompleteExitThree() throws Exception {
        // The variant leaves the Aurora instances' zones to RDS: known in the plan, unknown in the variant.
        Path plan = bundled(ReferenceArchitecture.TERRAFORM_PLAN);
        Path variant = bundled("variants/terraform/MAZ-006-az-unset.tfplan.json");
        CommandLineTest.Run run = plumbline("drift", plan.toString(), variant.toString());
        assertEquals(3, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("no drift found, but incomplete"), run.out());
        assertTrue(run.out().contains("could not be compared"), run.out());
    }

    @Test
    void badInputExitsTwo() throws Exception {
        Path a = bucketPlan("a.json", 30, "x");
        Path missing = tmp.resolve("nope.json");
        CommandLineTest.Run run = plumbline("drift", a.toString(), missing.toString());
        assertEquals(2, run.exit(), run::err);
        assertTrue(run.err().contains(missing.toString()) && run.err().contains("no such file"), run.err());
        assertEquals(2, plumbline("drift", a.toString()).exit(), "ACTUAL is required");
        assertEquals(2, plumbline("drift", "--format", "text,json", a.toString(), a.toString()).exit(),
                "several formats need --out");
    }
}
