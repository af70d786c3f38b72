package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.rule.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SARIF, JUnit XML and Markdown of a real run over bundled variants that fail and that cannot be decided. */
class CiFormatsTest {
    private static Result result;

    private static Path variant(String relative) {
        return Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference", "variants").resolve(relative);
    }

    @BeforeAll
    static void run() {
        result = Plumbline.check().inputs(List.of(variant("terraform/BAK-001-short-retention.tfplan.json"),
                variant("terraform/MAZ-006-az-unset.tfplan.json"),
                variant("cloudformation/NET-009-ssh-open.cfn.yaml"))).run();
        assertFalse(result.withStatus(Status.FAIL).isEmpty());
        assertFalse(result.withStatus(Status.UNKNOWN).isEmpty());
    }

    private static String render(java.util.function.Consumer<ByteArrayOutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sarifIsValidAgainstTheOfficialSchema() throws Exception {
        String sarif = render(out -> SarifReport.write(result, "test", out));
        JsonNode doc = new ObjectMapper().readTree(sarif);
        JsonSchema schema;
        try (InputStream in = CiFormatsTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);

        JsonNode results = doc.path("runs").get(0).path("results");
        long fails = result.withStatus(Status.FAIL).size();
        long unknowns = result.withStatus(Status.UNKNOWN).size();
        assertEquals(fails + unknowns, results.size(), "every FAIL and UNKNOWN is a result, nothing else");
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : results) {
            boolean fail = r.path("kind").asText().equals("fail");
            assertEquals(fail ? "error" : "none", r.path("level").asText(), r::toString);
            JsonNode phys = r.path("locations").get(0).path("physicalLocation");
            assertTrue(phys.path("artifactLocation").path("uri").asText().contains("variants/"), r::toString);
            assertTrue(phys.path("region").path("startLine").asInt() > 0, r::toString);
            assertTrue(fingerprints.add(r.path("partialFingerprints").path("plumbline/v1").asText()),
                    "fingerprints are distinct");
        }
    }

    @Test
    void sarifFingerprintsSurviveRenamesAndReordering() {
        Result moved = Plumbline.check().inputs(List.of(variant("cloudformation/NET-009-ssh-open.cfn.yaml"),
                variant("terraform/MAZ-006-az-unset.tfplan.json"),
                variant("terraform/BAK-001-short-retention.tfplan.json"))).run();
        Set<String> a = new HashSet<>();
        Set<String> b = new HashSet<>();
        result.withStatus(Status.FAIL).forEach(f -> a.add(Fingerprints.of(f)));
        moved.withStatus(Status.FAIL).forEach(f -> b.add(Fingerprints.of(f)));
        assertEquals(a, b);
    }

    @Test
    void junitCountsFailuresAndSkipsUnknownsWithTheirReason() throws Exception {
        String xml = render(out -> JUnitReport.write(result, out));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals(result.findings().size(), Integer.parseInt(root.getAttribute("tests")));
        assertEquals(result.withStatus(Status.FAIL).size(), doc.getElementsByTagName("failure").getLength());
        NodeList skipped = doc.getElementsByTagName("skipped");
        boolean unknownWithReason = false;
        for (int i = 0; i < skipped.getLength(); i++) {
            String m = ((Element) skipped.item(i)).getAttribute("message");
            if (m.startsWith("UNKNOWN: ") && m.length() > "UNKNOWN: ".length() + 10) unknownWithReason = true;
        }
        assertTrue(unknownWithReason, "UNKNOWN is skipped with its reason");
    }

    @Test
    void junitEscapesHostileText() throws Exception {
        assertEquals("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;",
                JUnitReport.xml("<img src=x onerror=alert(1)> & \"q\""));
    }

    @Test
    void markdownPutsFailuresFirstAndFitsACell() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarkdownReport.write(result, new PrintWriter(out, true, StandardCharsets.UTF_8));
        String md = out.toString(StandardCharsets.UTF_8);
        assertTrue(md.indexOf("### Failures") < md.indexOf("### Undecided"), md);
        assertTrue(md.contains("BAK-001") && md.contains("NET-009") && md.contains("MAZ-006"), md);
        assertEquals("a\\|b c &lt;x&gt;", MarkdownReport.cell("a|b\nc <x>"));
    }

    @Test
    void aLiveAuditsSarifIsValidAndLocatesResultsByArn() throws Exception {
        Result live = ResultSchemaTest.incompleteLiveAudit();
        String sarif = render(out -> SarifReport.write(live, "test", out));
        JsonNode doc = new ObjectMapper().readTree(sarif);
        JsonSchema schema;
        try (InputStream in = CiFormatsTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
        JsonNode results = doc.path("runs").get(0).path("results");
        assertTrue(results.size() > 0, sarif);
        boolean byArn = false;
        for (JsonNode r : results) {
            JsonNode loc = r.path("locations").get(0);
            assertTrue(loc.path("physicalLocation").isMissingNode(), "a live resource has no file: " + r);
            byArn |= loc.path("logicalLocations").get(0).path("fullyQualifiedName").asText()
                    .equals("arn:aws:rds:eu-west-1:111111111111:cluster:orders");
        }
        assertTrue(byArn, () -> "a result names the cluster's ARN: " + sarif);
    }
}
