package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.Review;
import io.plumbline.reports.triage.WaiverSet;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published schema of the JSON result ({@code result.schema.json}) against real outputs: the reference example, a
 * run over failing variants, and one with a baseline and waivers; and two runs on one input give the same bytes.
 */
class ResultSchemaTest {
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String WAIVERS = """
            - rule: NET-009
              resource: EksNodes*
              justification: SSH is closed by the bastion change OPS-1234
              approver: jane.doe@example.com
              expires: 2026-06-30
            - rule: BAK-002
              resource: module.aurora.*
              justification: deletion protection comes with the Q1 migration
              approver: bob@example.com
              expires: 2026-01-31
            - rule: ENC-001
              resource: module.legacy.*
              justification: the legacy stack is being removed
              approver: jane.doe@example.com
              expires: 2026-12-31
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    static Path variant(String relative) {
        return Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference", "variants").resolve(relative);
    }

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static byte[] json(Review review) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(review, "test", out);
        return out.toByteArray();
    }

    static Result failingVariants() {
        return Plumbline.check().inputs(List.of(variant("terraform/BAK-002-no-deletion-protection.tfplan.json"),
                variant("cloudformation/NET-009-ssh-open.cfn.yaml"))).run();
    }

    /** Baseline: BAK-001 and NET-009 fail; now BAK-002 and NET-009 fail; with waivers: live, expired, unmatched. */
    static Review withBaselineAndWaivers() {
        Result before = Plumbline.check().inputs(List.of(variant("terraform/BAK-001-short-retention.tfplan.json"),
                variant("cloudformation/NET-009-ssh-open.cfn.yaml"))).run();
        Baseline baseline = Baseline.parse("baseline.json", json(Review.of(before)));
        WaiverSet waivers = WaiverSet.parse("waivers.yaml", WAIVERS, null);
        return Review.of(failingVariants(), waivers, baseline, TODAY);
    }

    static void assertValid(byte[] json) throws Exception {
        JsonNode doc = JSON.readTree(json);
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "schema errors: " + errors);
    }

    @Test
    void theReferenceExampleIsValid() throws Exception {
        byte[] out = json(Review.of(Plumbline.check().run()));
        assertValid(out);
        JsonNode doc = JSON.readTree(out);
        assertFalse(doc.has("baseline") || doc.has("waivers") || doc.has("unmatchedWaivers"));
        for (JsonNode f : doc.path("findings")) {
            assertTrue(f.path("fingerprint").asText().matches("[0-9a-f]{32}"), f::toString);
        }
    }

    @Test
    void failingVariantsAreValid() throws Exception {
        byte[] out = json(Review.of(failingVariants()));
        assertValid(out);
        assertTrue(JSON.readTree(out).path("summary").path("FAIL").asInt() >= 2, "BAK-002 and NET-009 at least");
    }

    @Test
    void aResultWithBaselineAndWaiversIsValidAndSaysWhatHappened() throws Exception {
        byte[] out = json(withBaselineAndWaivers());
        assertValid(out);
        JsonNode doc = JSON.readTree(out);
        List<String> failing = new ArrayList<>();
        for (JsonNode f : doc.path("findings")) {
            String status = f.path("status").asText();
            if (status.equals("FAIL") || status.equals("UNKNOWN")) {
                assertTrue(f.has("comparison"), f::toString);
                if (status.equals("FAIL")) failing.add(f.path("rule").asText() + " " + f.path("comparison").asText());
            }
            if (status.equals("WAIVED")) {
                assertEquals("NET-009", f.path("rule").asText());
                assertEquals("SSH is closed by the bastion change OPS-1234", f.path("waiver").path("justification")
                        .asText());
                assertEquals("2026-06-30", f.path("waiver").path("expires").asText());
                assertEquals("FAIL", f.path("waiver").path("waivedStatus").asText());
            }
        }
        assertTrue(failing.contains("BAK-002 new"), () -> "BAK-002's waiver expired on 2026-01-31: " + failing);
        assertTrue(failing.stream().noneMatch(f -> f.startsWith("NET-009")), () -> "NET-009 is waived: " + failing);
        JsonNode base = doc.path("baseline");
        assertEquals("baseline.json", base.path("file").asText());
        List<String> fixed = new ArrayList<>();
        base.path("fixedFindings").forEach(f -> fixed.add(f.path("rule").asText()));
        assertTrue(fixed.contains("BAK-001"), fixed::toString);
        assertEquals(fixed.size(), base.path("fixed").asInt());
        assertEquals(doc.path("findings").findValuesAsText("comparison").stream().filter("new"::equals).count(),
                base.path("new").asLong(), "the count is the findings marked new");
        assertEquals(1, doc.path("summary").path("WAIVED").asInt());
        assertEquals(1, doc.path("waivers").path("waivedFindings").asInt());
        assertEquals(1, doc.path("waivers").path("expiredFindings").asInt());
        assertEquals(1, doc.path("unmatchedWaivers").size());
        assertEquals(3, doc.path("unmatchedWaivers").get(0).path("entry").asInt());
        assertEquals(11, doc.path("unmatchedWaivers").get(0).path("line").asInt());
    }

    @Test
    void theSchemaIsNotVacuous() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(json(withBaselineAndWaivers()));
        ObjectNode first = (ObjectNode) doc.path("findings").get(0);
        first.remove("fingerprint");
        assertFalse(schema.validate(doc).isEmpty(), "a finding without fingerprint");
        first.put("fingerprint", "0123456789abcdef0123456789abcdef").put("colour", "red");
        assertFalse(schema.validate(doc).isEmpty(), "an undocumented field");
        first.remove("colour");
        assertTrue(schema.validate(doc).isEmpty());
        first.put("status", "WAIVED");
        assertFalse(schema.validate(doc).isEmpty(), "WAIVED without its waiver");
        first.put("status", "PASS");
        doc.remove("unmatchedWaivers");
        assertFalse(schema.validate(doc).isEmpty(), "waivers without unmatchedWaivers");
    }

    @Test
    void twoRunsOnOneInputGiveTheSameBytes() {
        assertArrayEquals(json(Review.of(failingVariants())), json(Review.of(failingVariants())));
        assertArrayEquals(json(withBaselineAndWaivers()), json(withBaselineAndWaivers()));
        assertArrayEquals(json(Review.of(Plumbline.check().run())), json(Review.of(Plumbline.check().run())));
    }

    /** A live audit's result: resources with live provenance, a gap, and the rules made UNKNOWN by it. */
    static Result incompleteLiveAudit() {
        String arn = "arn:aws:rds:eu-west-1:111111111111:cluster:orders";
        io.plumbline.model.Provenance p = io.plumbline.model.Provenance.live("111111111111", "eu-west-1", arn,
                "rds:DescribeDBClusters");
        io.plumbline.model.data.DbCluster c = new io.plumbline.model.data.DbCluster(arn, "rds:DBCluster", p);
        c.backupRetentionPeriod = io.plumbline.model.Value.explicit(1, p);
        io.plumbline.model.Model m = new io.plumbline.model.Model(List.of(c), List.of(), List.of(), List.of(
                new io.plumbline.model.Gap("111111111111", "eu-west-1", io.plumbline.model.Kind.DB_INSTANCE,
                        "rds:DescribeDBInstances", "AccessDenied: <not authorized>"),
                new io.plumbline.model.Gap("111111111111", "eu-west-1", null, "s3:GetBucketVersioning",
                        "AccessDenied")));
        return Plumbline.check().model(m).rules(List.of("BAK-001", "MAZ-006")).run();
    }

    @Test
    void anIncompleteLiveAuditIsValidAndListsWhatWasNotCollected() throws Exception {
        byte[] out = json(Review.of(incompleteLiveAudit(), null, null, TODAY));
        assertValid(out);
        JsonNode doc = JSON.readTree(out);
        JsonNode missing = doc.path("notCollected");
        assertEquals(2, missing.size(), doc::toString);
        assertEquals("DB_INSTANCE", missing.get(0).path("kind").asText());
        assertEquals("rds:DescribeDBInstances", missing.get(0).path("operation").asText());
        assertTrue(missing.get(1).path("kind").isNull(), "attribute-only gap has no kind");
        for (JsonNode f : doc.path("findings")) {
            if (f.path("rule").asText().equals("MAZ-006")) assertEquals("UNKNOWN", f.path("status").asText());
        }
        assertFalse(JSON.readTree(json(Review.of(Plumbline.check().run(), null, null, TODAY))).has("notCollected"),
                "a plan check has no such section");
    }
}
