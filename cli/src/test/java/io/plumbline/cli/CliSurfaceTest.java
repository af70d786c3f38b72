package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders in, one name for each profile, and a gate that can report without blocking. */
class CliSurfaceTest {
    private static final String BAK001 = BaselineAndWaiverTest.variant("BAK-001-short-retention.tfplan.json");

    @TempDir
    Path tmp;

    @Test
    void profileMeansTheAwsProfileAndIsRefusedWhereNoAccountIsRead() throws Exception {
        Path profile = Files.writeString(tmp.resolve("profile.yaml"), "aurora:\n  backupRetentionDays: 1\n");
        for (List<String> command : List.of(List.of("check", BAK001), List.of("paths"), List.of("inventory"),
                List.of("features", "--target", BAK001))) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--profile", profile.toString()));
            CommandLineTest.Run run = plumbline(args.toArray(String[]::new));
            assertEquals(2, run.exit(), command + ": " + run.out() + run.err());
            assertEquals(1, run.err().strip().lines().count(), command + ": one line: " + run.err());
            assertTrue(run.err().contains("--plumbline-profile FILE"), command + ": " + run.err());
            assertFalse(run.out().contains("passed"), command + ": " + run.out());
        }
        // The same file under its own name relaxes the retention the variant fails on.
        assertEquals(1, plumbline("check", BAK001, "--rules", "BAK-001").exit());
        CommandLineTest.Run relaxed = plumbline("check", BAK001, "--rules", "BAK-001", "--plumbline-profile",
                profile.toString());
        assertEquals(0, relaxed.exit(), relaxed.out() + relaxed.err());
    }

    @Test
    void softFailReportsTheFailedGateAndExitsZero() throws Exception {
        CommandLineTest.Run text = plumbline("check", BAK001, "--rules", "BAK-001", "--soft-fail");
        assertEquals(0, text.exit(), text.out() + text.err());
        assertTrue(text.out().contains("Gate: FAILED (fail on low); --soft-fail: exit code 0"), text.out());
        // The README's baseline recipe, as CI runs it: the document on stdout, the verdict on stderr.
        CommandLineTest.Run json = plumbline("check", BAK001, "--rules", "BAK-001", "--format", "json", "--soft-fail");
        assertEquals(0, json.exit(), json.err());
        assertEquals("FAIL", new ObjectMapper().readTree(json.out()).path("findings").get(0).path("status").asText());
        assertTrue(json.err().contains("Gate: FAILED"), json.err());
        assertEquals(2, plumbline("check", tmp.resolve("missing.json").toString(), "--soft-fail").exit());
    }

    @Test
    void aFolderIsSearchedAndEveryOtherFileIsNamedWithWhy() throws Exception {
        Path infra = Files.createDirectories(tmp.resolve("infra/env/prod"));
        Files.copy(Path.of(BAK001), infra.resolve("plan.json"));
        Files.writeString(infra.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b\" {}\n");
        Files.writeString(tmp.resolve("infra/README.md"), "Deploy with make deploy.\n");
        CommandLineTest.Run run = plumbline("check", tmp.resolve("infra").toString(), "--rules", "BAK-001");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL BAK-001 [high] "), run.out());
        assertTrue(run.out().contains("skipped: HCL source, read only as a plan (" + infra.resolve("main.tf") + ")"),
                run.out());
        assertTrue(run.out().contains("skipped: neither a Terraform plan"), run.out());
        assertTrue(run.out().contains(tmp.resolve("infra/README.md").toString()), run.out());

        Path hclOnly = Files.createDirectories(tmp.resolve("hcl"));
        Files.writeString(hclOnly.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b\" {}\n");
        CommandLineTest.Run hcl = plumbline("check", hclOnly.toString());
        assertEquals(2, hcl.exit(), hcl.out() + hcl.err());
        assertEquals(1, hcl.err().strip().lines().count(), hcl.err());
        assertTrue(hcl.err().contains("terraform show -json tfplan > plan.json"), hcl.err());
    }
}
