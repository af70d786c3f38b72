package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.reference.ReferenceArchitecture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plumbline features}, run in process through picocli (Main does not register the command yet; once it does,
 * {@code CommandLineTest.plumbline("features", ...)} runs it as a real process): exit codes as for {@code check},
 * failures naming the resource and the value, undecided scenarios never passed, Cucumber's reports written to --out.
 */
class FeaturesCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run features(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new FeaturesCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("plumbline: " + ex.getMessage());
            return Main.USAGE;
        });
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path variant(String relative) throws IOException {
        Path f = tmp.resolve(relative.substring(relative.lastIndexOf('/') + 1));
        Files.write(f, ReferenceArchitecture.read(relative));
        return f;
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    @Test
    void theReferenceExamplePassesEveryScenario() {
        Run run = features();
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains(" passed, 0 failed, 0 undecided"), run.out());
        assertTrue(run.out().contains("Gate: passed"), run.out());
        assertFalse(run.out().contains("FAILED "), run.out());
    }

    @Test
    void aNonCompliantPlanFailsNamingTheResourceTheValueAndThePlace() throws IOException {
        Path plan = variant("variants/terraform/BAK-001-short-retention.tfplan.json");
        Run run = features("--target", plan.toString());
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("FAILED     backups.feature:"), run.out());
        assertTrue(run.out().contains("@BAK-001"), run.out());
        assertTrue(run.out().contains("FAIL module.aurora.aws_rds_cluster.this"), run.out());
        assertTrue(run.out().contains("backupRetentionPeriod = 1 "), run.out());
        assertTrue(run.out().contains(plan + ":1:"), run.out());
        assertTrue(run.out().contains("Gate: FAILED"), run.out());
    }

    @Test
    void tagsSelectScenarios() throws IOException {
        Path plan = variant("variants/terraform/BAK-001-short-retention.tfplan.json");
        Run run = features("--target", plan.toString(), "--tags", "@ENC-001 or @NIST-SC-12", "-v");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("Scenarios: 2 passed, 0 failed, 0 undecided (2 in all)"), run.out());
    }

    @Test
    void undecidedScenariosAreListedWithTheirReasonAndFailOnlyWithFailOnUnknown() throws IOException {
        Path template = variant("variants/cloudformation/ENC-001-no-cmk.cfn.yaml");
        Run run = features("--target", template.toString(), "--tags", "@replication");
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("UNDECIDED  cross-region-replication.feature:"), run.out());
        assertTrue(run.out().contains("no S3 bucket resources that are replicas in this input"), run.out());
        assertTrue(run.out().contains("1 undecided"), run.out());
        Run strict = features("--target", template.toString(), "--tags", "@replication", "--fail-on-unknown");
        assertEquals(1, strict.exit(), () -> strict.out() + strict.err());
        assertTrue(strict.out().contains("Gate: FAILED (undecided fails)"), strict.out());
    }

    @Test
    void cucumbersReportsAreWrittenToOut() throws IOException {
        Path dir = tmp.resolve("reports");
        Run run = features("--tags", "@multi-az", "--out", dir.toString());
        assertEquals(0, run.exit(), () -> run.out() + run.err());
        assertTrue(Files.size(dir.resolve("plumbline-features-cucumber.html")) > 10_000, "Cucumber's own page");
        String auditors = Files.readString(dir.resolve("plumbline-features.html"));
        assertTrue(auditors.contains("Aurora has a writer and at least one reader, in distinct Availability Zones")
                && auditors.contains("PASSED"), auditors);
        assertTrue(Files.readString(dir.resolve("plumbline-features.md")).contains("| PASSED |"));
        assertTrue(Files.size(dir.resolve("plumbline-features.ndjson")) > 0);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("plumbline-features.json").toFile());
        List<String> names = new ArrayList<>();
        for (JsonNode feature : json) for (JsonNode el : feature.get("elements")) names.add(el.get("name").asText());
        assertTrue(names.contains("Aurora has a writer and at least one reader, in distinct Availability Zones"),
                names.toString());
        assertTrue(run.out().contains("Wrote plumbline-features.html"), run.out());
        JsonNode rules = new ObjectMapper().readTree(dir.resolve("plumbline-features-rules.json").toFile());
        assertEquals("PASSED", rules.path("MAZ-006").path(0).path("verdict").asText(), rules::toString);
        // MAZ-001 is one scenario over every VPC now that its rule judges each tier itself
        assertEquals(1, rules.path("MAZ-001").size(), rules::toString);
        assertEquals("PASSED", rules.path("MAZ-001").path(0).path("verdict").asText(), rules::toString);
    }

    @Test
    void aTeamsOwnFeaturesRunWithTheStepLibrary() throws IOException {
        write("team/buckets.feature", """
                @team
                Feature: Our buckets
                  @BAK-005 @high
                  Scenario: Every bucket is versioned
                    Given the S3 bucket resources
                    Then their versioning is "Enabled"

                  Scenario: Every bucket is in the primary region
                    Given the S3 bucket resources named "aws_s3_bucket.*"
                    And only those whose versioning is "Enabled"
                    Then their region is the primary region
                """);
        Run run = features("--features", tmp.resolve("team").toString(), "--no-bundled", "-v");
        // The replica buckets are in the secondary region: the second scenario fails, naming them.
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("Scenarios: 1 passed, 1 failed, 0 undecided (2 in all)"), run.out());
        assertTrue(run.out().contains("FAIL aws_s3_bucket.backups_replica"), run.out());
        assertTrue(run.out().contains("region = us-west-2"), run.out());
    }

    @Test
    void anUndefinedStepInATeamsFeatureFailsTheRun() throws IOException {
        write("team/typo.feature", """
                Feature: A typo
                  Scenario: A step the library does not have
                    Given the S3 bucket resources
                    Then their buckets are shiny
                """);
        Run run = features("--features", tmp.resolve("team").toString(), "--no-bundled");
        assertEquals(1, run.exit(), () -> run.out() + run.err());
        assertTrue(run.out().contains("undefined step"), run.out());
    }

    @Test
    void unusableInputIsExitTwoWithOneLineNamingIt() throws IOException {
        Path missing = tmp.resolve("nope.json");
        Run run = features("--target", missing.toString());
        assertEquals(2, run.exit(), () -> run.out() + run.err());
        assertTrue(run.err().contains(missing.toString()) && run.err().contains("no such file"), run.err());
        assertFalse(run.out().contains("passed"), run.out());

        Path empty = write("empty.json", " \n");
        Run e = features("--target", empty.toString());
        assertEquals(2, e.exit(), e::err);
        assertTrue(e.err().contains("empty"), e.err());
    }

    @Test
    void usageErrorsAreExitTwo() throws IOException {
        Run badTags = features("--tags", "@ENC-001 and (");
        assertEquals(2, badTags.exit(), badTags::err);
        assertTrue(badTags.err().contains("bad tag expression"), badTags.err());

        Run noDir = features("--features", tmp.resolve("missing").toString());
        assertEquals(2, noDir.exit(), noDir::err);
        assertTrue(noDir.err().contains("no such feature file or directory"), noDir.err());

        Run nothing = features("--tags", "@no-such-tag");
        assertEquals(2, nothing.exit(), nothing::err);
        assertTrue(nothing.err().contains("no scenario to run"), nothing.err());

        write("bad/broken.feature", "Feature: x\n  Scenario: y\n    Given the S3 bucket resources\n  Examples:\n   | a |\n  Sceario: z\n");
        Run broken = features("--features", tmp.resolve("bad").toString(), "--no-bundled");
        assertEquals(2, broken.exit(), () -> broken.out() + broken.err());
        assertTrue(broken.err().contains("broken.feature"), broken.err());

        Run unknownOption = features("--frobnicate");
        assertEquals(2, unknownOption.exit(), unknownOption::err);
    }
}
