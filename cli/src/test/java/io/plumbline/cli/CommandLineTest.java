package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: a real process, its exit code, its stdout and stderr. */
class CommandLineTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run plumbline(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "plumbline did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    private static void assertUnusable(Run run, String file, String... fragments) {
        assertEquals(2, run.exit(), () -> "exit code for unusable input; stderr: " + run.err());
        assertTrue(run.err().contains(file), () -> "error names the file: " + run.err());
        for (String f : fragments) assertTrue(run.err().contains(f), () -> "error says '" + f + "': " + run.err());
        assertFalse(run.out().contains("PASS"), "no PASS anywhere on bad input");
        assertFalse(run.out().contains("passed"), "no pass anywhere on bad input");
        assertEquals(1, run.err().strip().lines().count(), () -> "one clear line: " + run.err());
    }

    @Test
    void missingFile() throws Exception {
        Path f = tmp.resolve("nope.json");
        assertUnusable(plumbline("check", f.toString()), f.toString(), "no such file");
    }

    @Test
    void emptyFile() throws Exception {
        Path f = write("empty.json", "  \n");
        assertUnusable(plumbline("check", f.toString()), f.toString(), "empty");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Path f = write("broken.json", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [ ,\n");
        Run run = plumbline("check", f.toString());
        assertUnusable(run, f + ":3:", "malformed JSON");
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws Exception {
        Path f = write("broken.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n   Properties: [\n");
        Run run = plumbline("check", f.toString());
        assertUnusable(run, f + ":", "YAML");
    }

    @Test
    void jsonThatIsNeitherPlanNorTemplate() throws Exception {
        Path f = write("package.json", "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}");
        assertUnusable(plumbline("check", f.toString()), f.toString(), "neither a Terraform plan");
    }

    @Test
    void unknownRuleIdIsAUsageError() throws Exception {
        Run run = plumbline("check", "--rules", "NOPE-999");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("NOPE-999"), run.err());
    }

    @Test
    void badSeverityIsAUsageError() throws Exception {
        Run run = plumbline("check", "--fail-on", "sometimes");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("sometimes"), run.err());
    }

    @Test
    void referenceExamplePassesTheGateAndReportsJson() throws Exception {
        Run run = plumbline("check", "--format", "json", "--fail-on-unknown");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(0, doc.path("summary").path("FAIL").asInt(-1));
        assertEquals(0, doc.path("summary").path("UNKNOWN").asInt(-1));
        assertTrue(doc.path("summary").path("PASS").asInt() > 0);
        assertEquals(2, doc.path("inputs").size(), "both the reference plan and template");
        for (JsonNode f : doc.path("findings")) {
            assertTrue(f.hasNonNull("rule") && f.hasNonNull("resource") && f.hasNonNull("status")
                    && f.hasNonNull("severity") && f.hasNonNull("message"), f::toString);
            assertTrue(f.path("location").hasNonNull("file"), f::toString);
        }
    }

    @Test
    void rulesListsTheCatalogIds() throws Exception {
        Run run = plumbline("rules");
        assertEquals(0, run.exit());
        for (String id : List.of("ENC-001", "ENC-005", "ENC-006", "ENC-011", "MAZ-006", "MAZ-008", "BAK-001",
                "BAK-002", "BAK-005", "NET-003", "NET-009")) {
            assertTrue(run.out().contains(id), id);
        }
    }

    @Test
    void helpDocumentsExitCodes() throws Exception {
        Run run = plumbline("check", "--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("Exit codes"), run.out());
        assertTrue(run.out().contains("--fail-on-unknown"), run.out());
    }

    private static Path reference(String relative) {
        return Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference").resolve(relative);
    }

    @Test
    void variantsFailExactlyWhereTheyBreakTheArchitecture() throws Exception {
        Run run = plumbline("check", "--format", "json",
                reference("variants/terraform/BAK-001-short-retention.tfplan.json").toString(),
                reference("variants/cloudformation/BAK-002-no-update-replace-policy.cfn.yaml").toString(),
                reference("variants/terraform/NET-009-ssh-open.tfplan.json").toString());
        assertEquals(1, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        List<String> failures = new ArrayList<>();
        for (JsonNode f : doc.path("findings")) {
            if (f.path("status").asText().equals("FAIL")) {
                failures.add(f.path("rule").asText() + " " + f.path("resource").asText());
                assertTrue(f.path("location").path("file").asText().contains("variants/"), f::toString);
            }
        }
        // Two plans share their addresses: each cluster still finds its own instances, so only these fail.
        assertEquals(List.of("BAK-001 module.aurora.aws_rds_cluster.this", "BAK-002 AuroraCluster",
                "NET-009 aws_security_group.eks_nodes"), failures);
    }

    @Test
    void thresholdAndUnknownGateTheExitCode() throws Exception {
        String plan = reference("variants/terraform/MAZ-006-az-unset.tfplan.json").toString();
        assertEquals(0, plumbline("check", plan).exit(), "UNKNOWN alone does not fail the gate");
        Run strict = plumbline("check", plan, "--fail-on-unknown");
        assertEquals(1, strict.exit(), strict.out());
        assertTrue(strict.out().contains("UNKNOWN"), strict.out());
        String failing = reference("variants/terraform/BAK-001-short-retention.tfplan.json").toString();
        assertEquals(1, plumbline("check", failing, "--fail-on", "high").exit(), "BAK-001 is high");
        assertEquals(0, plumbline("check", failing, "--fail-on", "critical").exit(), "below the threshold");
    }

    @Test
    void secretsInThePlanNeverReachAnyOutput() throws Exception {
        String plan = reference("variants/terraform/BAK-001-short-retention.tfplan.json").toString();
        assertTrue(Files.readString(Path.of(plan)).contains("Plumbline-Fake-Secret-1"), "the fixture holds the secret");
        for (String[] args : List.of(new String[] {"check", plan}, new String[] {"check", plan, "-v"},
                new String[] {"check", plan, "--format", "json"}, new String[] {"inventory", plan},
                new String[] {"inventory", plan, "--format", "json"})) {
            Run run = plumbline(args);
            assertFalse(run.out().contains("Plumbline-Fake-Secret-1"), () -> String.join(" ", args));
            assertFalse(run.err().contains("Plumbline-Fake-Secret-1"), () -> String.join(" ", args));
        }
    }

    // ------------------------------------------------------------------------------------------------------ paths

    private static JsonNode cell(JsonNode doc, String from, String to) {
        for (JsonNode c : doc.path("matrix")) {
            if (c.path("from").asText().equals(from) && c.path("to").asText().equals(to)) return c;
        }
        return null;
    }

    @Test
    void pathsMatrixOfTheReferenceOpensOnlyTheFrontDoor() throws Exception {
        Run run = plumbline("paths", "--format", "json");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode front = cell(doc, "internet", "public");
        assertTrue(front != null, run::out);
        assertEquals("[[80,80],[443,443]]", front.path("allowed").path("tcp").toString(), front::toString);
        assertEquals("tcp 80, 443", front.path("allowed").path("text").asText(), front::toString);
        assertEquals("none", front.path("undecided").path("text").asText(), front::toString);
        JsonNode data = cell(doc, "internet", "data");
        assertTrue(data != null, run::out);
        assertEquals("none", data.path("allowed").path("text").asText(), data::toString);
        assertEquals("none", data.path("undecided").path("text").asText(), data::toString);
        assertTrue(doc.path("endpoints").size() > 1, "the endpoints are listed");

        Run text = plumbline("paths");
        assertEquals(0, text.exit(), text::err);
        String internetRow = text.out().lines().filter(l -> l.startsWith("internet")).findFirst().orElse("");
        assertTrue(internetRow.contains("tcp 80, 443"), text::out);
    }

    @Test
    void pathsFromTheInternetToTheDataTierAreDeniedWithTheBlockingHop() throws Exception {
        Run run = plumbline("paths", "--from", "internet", "--to", "data", "--format", "json");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertTrue(doc.path("paths").size() > 0, run::out);
        for (JsonNode p : doc.path("paths")) {
            assertEquals("DENIED", p.path("reach").asText(), p::toString);
            boolean blocking = false;
            for (JsonNode h : p.path("witness")) {
                if (h.path("decision").asText().equals("DENY")) {
                    blocking = true;
                    assertTrue(h.hasNonNull("layer") && h.hasNonNull("component"), h::toString);
                }
            }
            assertTrue(blocking, () -> "a blocking hop: " + p);
        }
        Run text = plumbline("paths", "--from", "internet", "--to", "data");
        assertEquals(0, text.exit(), text::err);
        assertTrue(text.out().contains("DENIED") && text.out().contains("-> DENY"), text::out);
    }

    @Test
    void pathsRejectsAnUnknownTierOrBadPorts() throws Exception {
        Run tier = plumbline("paths", "--from", "dmz", "--to", "data");
        assertEquals(2, tier.exit(), () -> tier.out() + tier.err());
        assertTrue(tier.err().contains("dmz"), tier::err);
        assertFalse(tier.out().contains("DENIED") || tier.out().contains("ALLOWED"), tier::out);
        Run ports = plumbline("paths", "--ports", "70000");
        assertEquals(2, ports.exit(), ports::err);
        assertTrue(ports.err().contains("70000"), ports::err);
        Run protocol = plumbline("paths", "--protocol", "sctp");
        assertEquals(2, protocol.exit(), protocol::err);
    }

    @Test
    void rulesListsThePathRules() throws Exception {
        Run run = plumbline("rules");
        assertEquals(0, run.exit());
        for (String id : List.of("NET-004", "NET-006", "NET-007", "NET-008", "NET-013")) {
            assertTrue(run.out().contains(id), id);
        }
    }
}
