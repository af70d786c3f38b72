package io.plumbline.reports.triage;

import static io.plumbline.reports.triage.Findings.fail;
import static io.plumbline.reports.triage.Findings.finding;
import static io.plumbline.reports.triage.Findings.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.reports.Fingerprints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The findings part of a JSON result, as JsonReport writes it (the round trip itself: ResultSchemaTest). */
    private static Baseline baselineOf(Result r) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode findings = doc.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode n = findings.addObject().put("fingerprint", Fingerprints.of(f)).put("rule", f.ruleId())
                    .put("resource", f.resource()).put("status", f.status().name())
                    .put("severity", f.severity().lower()).put("message", f.message());
            ArrayNode ev = n.putArray("evidence");
            f.evidence().forEach(e -> ev.addObject().put("attribute", e.attribute()));
        }
        return Baseline.parse("base.json", doc.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static InputException refused(String json) {
        return assertThrows(InputException.class,
                () -> Baseline.parse("base.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsWhatJsonReportWrites() {
        Finding f = fail("BAK-001", "module.aurora.aws_rds_cluster.this");
        Baseline b = baselineOf(result(f, finding("ENC-001", "k", Status.PASS, "a", "x", 1)));
        assertEquals(List.of(new Baseline.Entry(Fingerprints.of(f), "BAK-001", "module.aurora.aws_rds_cluster.this",
                Status.FAIL, "high", f.message()), new Baseline.Entry(Fingerprints.of("ENC-001", "k", "a"), "ENC-001",
                "k", Status.PASS, "high", "message of ENC-001 k")), b.findings());
    }

    @Test
    void anOlderResultWithoutFingerprintsGetsThemComputed() {
        Baseline b = Baseline.parse("old.json", ("{\"findings\": [{\"rule\": \"BAK-001\", \"resource\": \"r\", "
                + "\"status\": \"FAIL\", \"evidence\": [{\"attribute\": \"attr\"}]}, {\"rule\": \"NET-004\", "
                + "\"resource\": \"(rule NET-004)\", \"status\": \"UNKNOWN\", \"evidence\": []}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Fingerprints.of(fail("BAK-001", "r")), b.findings().get(0).fingerprint());
        assertEquals(Fingerprints.of("NET-004", "(rule NET-004)", ""), b.findings().get(1).fingerprint());
        assertNull(b.findings().get(0).severity());
    }

    @Test
    void wrongShapesNameThePlace() {
        assertEquals("base.json:1:1: not a Plumbline JSON result (no 'findings' list): a baseline is the output of "
                + "plumbline check --format json", refused("{\"version\": \"2.1.0\", \"runs\": []}").getMessage());
        assertTrue(refused("[1, 2]").getMessage().contains("no 'findings' list"));
        assertEquals("base.json:2:3: not a Plumbline JSON result: findings[1]: missing 'status'", refused(
                "{\"findings\": [{\"rule\": \"A-1\", \"resource\": \"r\", \"status\": \"PASS\"},\n"
                        + "  {\"rule\": \"A-1\", \"resource\": \"r\"}]}").getMessage());
        assertEquals("base.json:1:58: not a Plumbline JSON result: findings[0]: unknown status 'BROKEN'", refused(
                "{\"findings\": [{\"rule\": \"A-1\", \"resource\": \"r\", \"status\": \"BROKEN\"}]}").getMessage());
        assertTrue(refused("{\"findings\": [{\"rule\": 7, \"resource\": \"r\", \"status\": \"FAIL\"}]}").getMessage()
                .endsWith("findings[0]: 'rule' must be a string"));
        assertTrue(refused("{\"findings\": [42]}").getMessage().endsWith("findings[0] is not an object"));
        InputException syntax = refused("{\"findings\": [\n");
        assertTrue(syntax.getMessage().startsWith("base.json:2:"), syntax.getMessage());
        assertTrue(syntax.getMessage().contains("baseline: malformed JSON"), syntax.getMessage());
        assertTrue(refused(" \n").getMessage().contains("empty baseline"));
    }

    @Test
    void classifiesNewUnchangedAndFixedByFingerprintNotByPlace() {
        Finding kept = finding("BAK-001", "cluster", Status.FAIL, "retention", "old/name.json", 10);
        Finding gone = fail("BAK-002", "cluster");
        Baseline b = baselineOf(result(kept, gone));
        Finding keptMoved = finding("BAK-001", "cluster", Status.FAIL, "retention", "new/renamed.json", 99);
        Finding added = fail("ENC-001", "cluster");
        BaselineComparison c = b.compare(result(Set.of("BAK-001", "BAK-002", "ENC-001"), added, keptMoved));
        assertEquals(BaselineComparison.State.UNCHANGED, c.state(keptMoved));
        assertEquals(BaselineComparison.State.NEW, c.state(added));
        assertEquals(List.of("BAK-002"), c.fixed().stream().map(Baseline.Entry::rule).toList());
        assertEquals(1, c.count(BaselineComparison.State.NEW));
        assertEquals(1, c.count(BaselineComparison.State.UNCHANGED));
    }

    @Test
    void theDecidingAttributeIsPartOfTheIdentity() {
        Baseline b = baselineOf(result(finding("BAK-002", "c", Status.FAIL, "deletionProtection", "f", 1)));
        Finding other = finding("BAK-002", "c", Status.FAIL, "skipFinalSnapshot", "f", 1);
        BaselineComparison c = b.compare(result(other));
        assertTrue(c.isNew(other));
        assertEquals(1, c.fixed().size());
    }

    @Test
    void statusIsPartOfTheMatchAndPassesAreNeverClassified() {
        Finding wasUnknown = finding("MAZ-006", "c", Status.UNKNOWN, "az", "f", 1);
        Baseline b = baselineOf(result(wasUnknown, finding("MAZ-008", "r", Status.PASS, "a", "f", 1)));
        Finding nowFails = finding("MAZ-006", "c", Status.FAIL, "az", "f", 1);
        Finding nowFailsToo = finding("MAZ-008", "r", Status.FAIL, "a", "f", 1);
        Finding pass = finding("MAZ-007", "p", Status.PASS, "a", "f", 1);
        BaselineComparison c = b.compare(result(nowFails, nowFailsToo, pass));
        assertTrue(c.isNew(nowFails), "undecided before, failing now: a new failure");
        assertTrue(c.isNew(nowFailsToo), "passing before, failing now: a new failure");
        assertNull(c.state(pass));
        assertEquals(List.of(Status.UNKNOWN), c.fixed().stream().map(Baseline.Entry::status).toList());
    }

    @Test
    void repeatedFingerprintsAreMatchedAsManyTimesAsTheyOccur() {
        // Two plans that share their addresses give two findings with one fingerprint.
        Finding a = finding("BAK-001", "c", Status.FAIL, "r", "one.json", 1);
        Finding b = finding("BAK-001", "c", Status.FAIL, "r", "two.json", 1);
        BaselineComparison once = baselineOf(result(a)).compare(result(a, b));
        assertEquals(1, once.count(BaselineComparison.State.NEW));
        assertEquals(1, once.count(BaselineComparison.State.UNCHANGED));
        BaselineComparison twice = baselineOf(result(a, b)).compare(result(b));
        assertEquals(1, twice.fixed().size());
    }

    @Test
    void aRuleThatDidNotRunFixesNothingAndAWaivedFindingIsNotFixed() {
        Finding enc = fail("ENC-001", "k");
        Finding bak = fail("BAK-001", "c");
        Baseline b = baselineOf(result(enc, bak));
        assertTrue(b.compare(result(Set.of("BAK-001"), bak)).fixed().isEmpty(), "ENC-001 did not run this time");
        WaiverSet w = WaiverSet.parse("w.yaml", "- {rule: ENC-001, resource: k, justification: j, approver: a, "
                + "expires: 2999-01-01}\n", null);
        Review r = Review.of(result(enc, bak), w, b, Clock.systemUTC());
        assertEquals(Status.WAIVED, r.result().findings().get(0).status());
        assertTrue(r.baseline().fixed().isEmpty(), "accepted is not fixed");
        assertEquals(1, r.baseline().count(BaselineComparison.State.UNCHANGED));
    }

    @Test
    void theGateOnNewFindingsOnly() {
        Finding old = fail("BAK-001", "c");
        Finding added = finding("ENC-001", "k", Status.UNKNOWN, "a", "f", 1);
        Baseline b = baselineOf(result(old));
        Review r = Review.of(result(old, added), null, b, Clock.systemUTC());
        assertTrue(new Gate(Severity.LOW, false, false).fails(r));
        assertFalse(new Gate(Severity.LOW, false, true).fails(r), "the failure is not new; the new one is UNKNOWN");
        assertTrue(new Gate(Severity.LOW, true, true).fails(r), "a new UNKNOWN counts with --fail-on-unknown");
        assertFalse(new Gate(Severity.CRITICAL, true, true).fails(r), "below the threshold");
        assertThrows(IllegalArgumentException.class, () -> new Gate(Severity.LOW, false, true).fails(Review.of(
                result(old))));
        assertEquals(String.format("Gate: passed (fail on high, unknown fails, new findings only)%n"),
                new Gate(Severity.HIGH, true, true).describe(false));
    }
}
