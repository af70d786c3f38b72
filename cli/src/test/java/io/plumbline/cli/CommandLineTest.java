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
}
