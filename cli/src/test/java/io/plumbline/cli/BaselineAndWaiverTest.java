package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --baseline}, {@code --fail-on-new} and {@code --waivers} as a user runs them: a real process, its exit code
 * and its output. The baseline is the JSON result of one bundled variant (BAK-001 fails) read from a renamed copy; the
 * current run is another variant (BAK-002 fails), so BAK-002 is new and BAK-001 is fixed.
 */
class BaselineAndWaiverTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path baseline;

    static String variant(String name) {
        return Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference", "variants", "terraform", name).toString();
    }

    static final String BAK001 = variant("BAK-001-short-retention.tfplan.json");
    static final String BAK002 = variant("BAK-002-no-deletion-protection.tfplan.json");

    @BeforeAll
    static void writeBaseline() throws Exception {
        // A renamed copy: matching must not depend on the file name.
        Path renamed = Files.copy(Path.of(BAK001), shared.resolve("last-nights-plan.json"));
        CommandLineTest.Run run = plumbline("check", renamed.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.err());
        baseline = Files.writeString(shared.resolve("baseline.json"), run.out());
    }

    private Path waivers(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("waivers.yaml"), yaml);
    }

    private static String waiver(String rule, String resource, String approver, String expires) {
        return "- rule: " + rule + "\n  resource: '" + resource + "'\n  justification: retention is raised with the "
                + "Q3 migration (OPS-1234)\n  approver: " + approver + "\n  expires: " + expires + "\n";
    }

    private static List<String> failing(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : doc.path("findings")) {
            if (f.path("status").asText().equals("FAIL")) {
                out.add(f.path("rule").asText() + " " + f.path("comparison").asText());
            }
        }
        return out;
    }

    @Test
    void aBaselineClassifiesOneNewAndOneFixedFailure() throws Exception {
        CommandLineTest.Run run = plumbline("check", BAK002, "--baseline", baseline.toString(), "--format", "json");
        assertEquals(1, run.exit(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(List.of("BAK-002 new"), failing(doc));
        JsonNode b = doc.path("baseline");
        assertEquals(baseline.toString(), b.path("file").asText());
        assertEquals(1, b.path("new").asInt());
        assertEquals(1, b.path("fixed").asInt());
        JsonNode fixed = b.path("fixedFindings").get(0);
        assertEquals("BAK-001", fixed.path("rule").asText());
        assertEquals("module.aurora.aws_rds_cluster.this", fixed.path("resource").asText());
        for (JsonNode f : doc.path("findings")) assertTrue(f.has("fingerprint"), f::toString);

        CommandLineTest.Run text = plumbline("check", BAK002, "--baseline", baseline.toString());
        assertTrue(text.out().contains("FAIL [new] BAK-002 [high] "), text.out());
        assertTrue(text.out().contains("\n  module.aurora.aws_rds_cluster.this  "), text.out());
        assertTrue(text.out().contains("Baseline " + baseline + ": 1 new, "), text.out());
        assertTrue(text.out().contains("  fixed: BAK-001 module.aurora.aws_rds_cluster.this (was FAIL)"), text.out());
    }

    @Test
    void matchingSurvivesARenameAndNothingIsNew() throws Exception {
        CommandLineTest.Run run = plumbline("check", BAK001, "--baseline", baseline.toString(), "--format", "json");
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(List.of("BAK-001 unchanged"), failing(doc));
        assertEquals(0, doc.path("baseline").path("new").asInt());
        assertEquals(0, doc.path("baseline").path("fixed").asInt());
    }

    @Test
    void failOnNewFailsOnlyOnNewFailuresAtOrAboveTheThreshold() throws Exception {
        String base = baseline.toString();
        assertEquals(1, plumbline("check", BAK001, "--baseline", base).exit(), "the old failure fails a plain gate");
        CommandLineTest.Run old = plumbline("check", BAK001, "--baseline", base, "--fail-on-new");
        assertEquals(0, old.exit(), old.out());
        assertTrue(old.out().contains("Gate: passed (fail on low, new findings only)"), old.out());
        CommandLineTest.Run added = plumbline("check", BAK002, "--baseline", base, "--fail-on-new");
        assertEquals(1, added.exit(), added.out());
        assertTrue(added.out().contains("Gate: FAILED (fail on low, new findings only)"), added.out());
        assertEquals(0, plumbline("check", BAK002, "--baseline", base, "--fail-on-new", "--fail-on", "critical")
                .exit(), "BAK-002 is high, below critical");
        CommandLineTest.Run usage = plumbline("check", BAK002, "--fail-on-new");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("--fail-on-new needs --baseline"), usage.err());
    }

    @Test
    void aWaiverTurnsTheFailureIntoWaivedAndTheGatePasses() throws Exception {
        Path w = waivers(waiver("BAK-001", "module.aurora.*", "jane.doe@example.com", "2099-12-31"));
        CommandLineTest.Run run = plumbline("check", BAK001, "--waivers", w.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(0, doc.path("summary").path("FAIL").asInt());
        assertEquals(1, doc.path("summary").path("WAIVED").asInt());
        JsonNode waived = null;
        for (JsonNode f : doc.path("findings")) if (f.path("status").asText().equals("WAIVED")) waived = f;
        assertEquals("BAK-001", waived.path("rule").asText());
        assertTrue(waived.path("message").asText().contains("backup retention is 1 day"), "keeps its message");
        assertEquals("backupRetentionPeriod", waived.path("evidence").get(0).path("attribute").asText());
        assertEquals("retention is raised with the Q3 migration (OPS-1234)",
                waived.path("waiver").path("justification").asText());
        assertEquals("jane.doe@example.com", waived.path("waiver").path("approver").asText());
        assertEquals("2099-12-31", waived.path("waiver").path("expires").asText());
        assertEquals(0, doc.path("unmatchedWaivers").size());

        CommandLineTest.Run text = plumbline("check", BAK001, "--waivers", w.toString());
        assertEquals(0, text.exit());
        assertTrue(text.out().contains("WAIVED BAK-001 [high] "), text.out());
        assertTrue(text.out().contains("\n  module.aurora.aws_rds_cluster.this  "), text.out());
        assertTrue(text.out().contains("waived (was FAIL): retention is raised with the Q3 migration (OPS-1234) "
                + "(approved by jane.doe@example.com, expires 2099-12-31)"), text.out());
    }

    @Test
    void everyFileFormatShowsTheWaiver() throws Exception {
        Path w = waivers(waiver("BAK-001", "module.aurora.*", "jane.doe@example.com", "2099-12-31"));
        Path out = tmp.resolve("reports");
        CommandLineTest.Run run = plumbline("check", BAK001, "--waivers", w.toString(), "--baseline",
                baseline.toString(), "--format", "json,sarif,junit,md,text", "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("Waivers " + w + ": 1 entry, 1 finding waived"), run.out());
        String justification = "retention is raised with the Q3 migration (OPS-1234)";
        JsonNode sarif = JSON.readTree(out.resolve("plumbline.sarif").toFile());
        boolean suppressed = false;
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            if (r.path("suppressions").size() == 1) {
                suppressed = true;
                assertEquals("external", r.path("suppressions").get(0).path("kind").asText());
                assertEquals(justification, r.path("suppressions").get(0).path("justification").asText());
            }
        }
        assertTrue(suppressed, "SARIF suppresses the waived result");
        assertTrue(Files.readString(out.resolve("plumbline-junit.xml")).contains("waived: " + justification));
        String md = Files.readString(out.resolve("plumbline.md"));
        assertTrue(md.contains("### Waived (1)") && md.contains(justification.replace("(", "(")), md);
        assertTrue(Files.readString(out.resolve("plumbline.txt")).contains("waived (was FAIL): " + justification));
        assertTrue(Files.readString(out.resolve("plumbline.json")).contains("\"justification\" : \"" + justification));
    }

    @Test
    void anExpiredWaiverKeepsTheFailureAndSaysSo() throws Exception {
        Path w = waivers(waiver("BAK-001", "module.aurora.*", "jane.doe@example.com", "2020-01-31"));
        CommandLineTest.Run run = plumbline("check", BAK001, "--waivers", w.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL BAK-001 [high] "), run.out());
        assertTrue(run.out().contains("\n  module.aurora.aws_rds_cluster.this  "), run.out());
        assertTrue(run.out().contains("waiver expired on 2020-01-31 (approved by jane.doe@example.com"), run.out());
        assertTrue(run.out().contains("Gate: FAILED"), run.out());
        CommandLineTest.Run json = plumbline("check", BAK001, "--waivers", w.toString(), "--format", "json");
        assertEquals(1, json.exit());
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(1, doc.path("summary").path("FAIL").asInt());
        assertEquals(0, doc.path("summary").path("WAIVED").asInt());
        assertEquals(1, doc.path("waivers").path("expiredFindings").asInt());
        assertTrue(json.err().contains("expired on 2020-01-31"), "a person sees it on stderr: " + json.err());
    }

    @Test
    void aWaiverThatMatchesNothingIsReported() throws Exception {
        Path w = waivers(waiver("BAK-001", "module.aurora.*", "jane.doe@example.com", "2099-12-31")
                + waiver("ENC-001", "module.legacy.*", "bob@example.com", "2099-12-31"));
        CommandLineTest.Run run = plumbline("check", BAK001, "--waivers", w.toString());
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("warning: " + w + ": waiver 2 (line 6: ENC-001 module.legacy.*) matches no "
                + "failing or unknown finding"), run.out());
        CommandLineTest.Run json = plumbline("check", BAK001, "--waivers", w.toString(), "--format", "json");
        JsonNode unmatched = JSON.readTree(json.out()).path("unmatchedWaivers");
        assertEquals(1, unmatched.size());
        assertEquals("ENC-001", unmatched.get(0).path("rule").asText());
        assertEquals("module.legacy.*", unmatched.get(0).path("resource").asText());
        assertEquals(2, unmatched.get(0).path("entry").asInt());
        assertTrue(json.err().contains("waiver 2 (line 6: ENC-001 module.legacy.*) matches no"), json.err());
    }

    private static void assertRefused(CommandLineTest.Run run, Path file, String... fragments) {
        assertEquals(2, run.exit(), () -> "exit code; stderr: " + run.err() + " stdout: " + run.out());
        assertEquals(1, run.err().strip().lines().count(), () -> "one clear line: " + run.err());
        assertTrue(run.err().contains(file.toString()), () -> "names the file: " + run.err());
        for (String f : fragments) assertTrue(run.err().contains(f), () -> "says '" + f + "': " + run.err());
        assertFalse(run.out().contains("PASS") || run.out().contains("Gate"), "no verdict on a refused run");
    }

    @Test
    void aMalformedWaiversFileIsRefusedNamingTheFileTheEntryAndTheProblem() throws Exception {
        String ok = waiver("BAK-001", "module.aurora.*", "jane.doe@example.com", "2099-12-31");
        Path w = waivers(ok + "- rule: ENC-001\n  resource: x\n  justification: because\n  expires: 2099-01-01\n");
        assertRefused(plumbline("check", BAK001, "--waivers", w.toString()), w,
                w + ":6:3: waiver 2 (rule ENC-001): missing field 'approver'");
        w = waivers(ok + waiver("NOPE-999", "x", "a", "2099-01-01"));
        assertRefused(plumbline("check", BAK001, "--waivers", w.toString()), w, ":6:", "waiver 2",
                "unknown rule id 'NOPE-999'");
        w = waivers(ok.replace("2099-12-31", "2099-02-30"));
        assertRefused(plumbline("check", BAK001, "--waivers", w.toString()), w, ":5:", "waiver 1",
                "expires '2099-02-30' is not a valid date");
        w = waivers(ok + "  owner: team-data\n");
        assertRefused(plumbline("check", BAK001, "--waivers", w.toString()), w, "waiver 1", "unknown field 'owner'");
        w = waivers(ok.replace("retention is raised with the Q3 migration (OPS-1234)", "''"));
        assertRefused(plumbline("check", BAK001, "--waivers", w.toString()), w, ":3:", "waiver 1",
                "'justification' is empty");
    }

    @Test
    void aMalformedBaselineIsRefusedNamingTheFileAndThePlace() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"findings\": [\n  {\"rule\": \"BAK-001\",");
        assertRefused(plumbline("check", BAK001, "--baseline", broken.toString()), broken, broken + ":2:",
                "baseline: malformed JSON");
        Path sarif = Files.writeString(tmp.resolve("last.sarif"), "{\"version\": \"2.1.0\", \"runs\": []}");
        assertRefused(plumbline("check", BAK001, "--baseline", sarif.toString()), sarif,
                "not a Plumbline JSON result (no 'findings' list)");
        Path shape = Files.writeString(tmp.resolve("shape.json"),
                "{\"findings\": [\n  {\"rule\": \"BAK-001\", \"status\": \"FAIL\"}\n]}");
        assertRefused(plumbline("check", BAK001, "--baseline", shape.toString()), shape, shape + ":2:3:",
                "findings[0]: missing 'resource'");
        Path missing = tmp.resolve("nope.json");
        assertRefused(plumbline("check", BAK001, "--baseline", missing.toString()), missing, "no such file");
    }

    @Test
    void twoRunsWithBaselineAndWaiversGiveTheSameBytes() throws Exception {
        Path w = waivers(waiver("BAK-002", "module.*", "jane.doe@example.com", "2099-12-31")
                + waiver("ENC-001", "module.legacy.*", "bob@example.com", "2099-12-31"));
        String[] args = {"check", BAK002, "--baseline", baseline.toString(), "--waivers", w.toString(), "--format",
                "json"};
        CommandLineTest.Run first = plumbline(args);
        CommandLineTest.Run second = plumbline(args);
        assertEquals(0, first.exit(), first.err());
        assertArrayEquals(first.out().getBytes(StandardCharsets.UTF_8), second.out().getBytes(StandardCharsets.UTF_8));
    }
}
