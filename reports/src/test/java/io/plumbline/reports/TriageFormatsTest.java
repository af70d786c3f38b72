package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.Review;
import io.plumbline.rule.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every format shows waived findings with their justification, and baseline states where the format has a place. */
class TriageFormatsTest {
    private static Review review;

    @BeforeAll
    static void run() {
        review = ResultSchemaTest.withBaselineAndWaivers();
    }

    private static String text(java.util.function.Consumer<ByteArrayOutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sarifSuppressesWaivedResultsAndStaysValid() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(text(out -> SarifReport.write(review, "test", out)));
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
        int suppressed = 0;
        for (JsonNode r : doc.path("runs").get(0).path("results")) {
            JsonNode s = r.path("suppressions");
            assertTrue(s.isArray(), "with waivers, every result says whether it is suppressed: " + r);
            if (s.isEmpty()) {
                assertTrue(r.path("baselineState").asText().matches("new|unchanged"), r::toString);
                continue;
            }
            suppressed++;
            assertEquals("NET-009", r.path("ruleId").asText());
            assertEquals("external", s.get(0).path("kind").asText());
            assertEquals("accepted", s.get(0).path("status").asText());
            assertEquals("SSH is closed by the bastion change OPS-1234", s.get(0).path("justification").asText());
            assertEquals("fail", r.path("kind").asText());
            assertEquals("error", r.path("level").asText(), "the underlying verdict keeps its level");
        }
        assertEquals(1, suppressed);
    }

    @Test
    void junitSkipsWaivedWithTheJustification() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                text(out -> JUnitReport.write(review.result(), out)).getBytes(StandardCharsets.UTF_8)));
        NodeList skipped = doc.getElementsByTagName("skipped");
        int waived = 0;
        for (int i = 0; i < skipped.getLength(); i++) {
            String m = ((Element) skipped.item(i)).getAttribute("message");
            if (!m.startsWith("waived: ")) continue;
            waived++;
            assertEquals("waived: SSH is closed by the bastion change OPS-1234 (approved by jane.doe@example.com, "
                    + "expires 2026-06-30)", m);
        }
        assertEquals(1, waived);
        boolean bak002 = false;
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("BAK-002")) {
                bak002 |= c.getElementsByTagName("failure").getLength() == 1;
            }
        }
        assertTrue(bak002, "BAK-002 fails: its waiver expired");
    }

    @Test
    void textMarksNewFindingsAndShowsWaiversAndTheBaseline() {
        String out = text(o -> TextReport.write(review, false, new PrintWriter(o, true, StandardCharsets.UTF_8)));
        assertTrue(out.contains("FAIL [new] BAK-002 [high] "), out);
        assertTrue(out.contains("\n  module.aurora.aws_rds_cluster.this  "), out);
        assertTrue(out.contains("waiver expired on 2026-01-31 (approved by bob@example.com; waiver 2 at line 6)"), out);
        assertTrue(out.contains("\n  EksNodesSecurityGroup  "), out);
        assertTrue(out.contains("\n  waived (was FAIL): SSH is closed by the bastion change OPS-1234 (approved by "
                + "jane.doe@example.com, expires 2026-06-30)"), out);
        assertTrue(out.contains("warning: waivers.yaml: waiver 3 (line 11: ENC-001 module.legacy.*) matches no failing "
                + "or unknown finding"), out);
        assertTrue(out.contains("Baseline baseline.json: 1 new, "), out);
        assertTrue(out.contains("  fixed: BAK-001 module.aurora.aws_rds_cluster.this (was FAIL)"), out);
    }

    @Test
    void markdownWithABaselinePutsNewFailuresFirstThenFixedStillFailingUndecidedWaived() {
        Result before = Plumbline.check().inputs(List.of(
                ResultSchemaTest.variant("terraform/BAK-001-short-retention.tfplan.json"),
                ResultSchemaTest.variant("cloudformation/NET-009-ssh-open.cfn.yaml"),
                ResultSchemaTest.variant("terraform/MAZ-006-az-unset.tfplan.json"))).run();
        Baseline baseline = Baseline.parse("base.json", ResultSchemaTest.json(Review.of(before)));
        Result now = Plumbline.check().inputs(List.of(
                ResultSchemaTest.variant("terraform/BAK-002-no-deletion-protection.tfplan.json"),
                ResultSchemaTest.variant("cloudformation/NET-009-ssh-open.cfn.yaml"),
                ResultSchemaTest.variant("terraform/MAZ-006-az-unset.tfplan.json"))).run();
        Review r = Review.of(now, io.plumbline.reports.triage.WaiverSet.parse("w.yaml",
                "- {rule: MAZ-006, resource: module.aurora.*, justification: RDS places them, approver: ops, "
                        + "expires: 2026-12-31}\n", null), baseline, ResultSchemaTest.TODAY);
        assertTrue(r.result().findings().stream().anyMatch(f -> f.status() == Status.WAIVED));
        String md = text(o -> MarkdownReport.write(r, new PrintWriter(o, true, StandardCharsets.UTF_8)));
        assertTrue(md.startsWith("## Plumbline: ") && md.lines().findFirst().orElse("").contains(" new failing "
                + "finding"), md);
        int newFailures = md.indexOf("### New failures (");
        int fixed = md.indexOf("### Fixed (");
        int still = md.indexOf("### Still failing (");
        int undecided = md.indexOf("### Undecided (UNKNOWN)");
        int waived = md.indexOf("### Waived (1)");
        assertTrue(newFailures > 0 && newFailures < fixed && fixed < still && still < waived, md);
        assertTrue(undecided < 0 || (still < undecided && undecided < waived), md);
        assertTrue(md.substring(newFailures, fixed).contains("| BAK-002 |"), md);
        assertTrue(md.substring(fixed, still).contains("| BAK-001 |"), md);
        assertTrue(md.substring(still, waived).contains("| NET-009 |"), md);
        assertTrue(md.substring(waived).contains("| MAZ-006 | critical | `module.aurora.aws_rds_cluster.this` | RDS "
                + "places them | ops | 2026-12-31 |"), md);
        assertTrue(md.contains("Compared with the baseline `base.json`: 1 new, "), md);
    }
}
