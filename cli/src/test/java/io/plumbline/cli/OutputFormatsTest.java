package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several formats at once, written to a directory, from a real process. */
class OutputFormatsTest {
    @TempDir
    Path out;

    @Test
    void writesEveryRequestedFormatAndKeepsTheGate() throws Exception {
        Path plan = Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference", "variants", "terraform", "BAK-001-short-retention.tfplan.json");
        CommandLineTest.Run run = CommandLineTest.plumbline("check", plan.toString(), "--format", "json,sarif,junit,md,text",
                "--out", out.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("Gate: FAILED"), run.out());
        for (String f : new String[] {"plumbline.json", "plumbline.sarif", "plumbline-junit.xml", "plumbline.md",
                "plumbline.txt"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("2.1.0", new ObjectMapper().readTree(out.resolve("plumbline.sarif").toFile()).path("version").asText());
        assertTrue(Files.readString(out.resolve("plumbline.md")).contains("BAK-001"));
    }

    @Test
    void severalFormatsWithoutADirectoryIsAUsageError() throws Exception {
        CommandLineTest.Run run = CommandLineTest.plumbline("check", "--format", "json,sarif");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--out"), run.err());
    }

    @Test
    void htmlChartsHistoryAndShowsWaiverJustifications() throws Exception {
        Path dir = Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources", "io",
                "plumbline", "reference");
        Path history = out.resolve("history");
        Files.createDirectories(history);
        CommandLineTest.Run night1 = CommandLineTest.plumbline("check", "--format", "json",
                dir.resolve("variants/terraform/BAK-001-short-retention.tfplan.json").toString());
        Files.writeString(history.resolve("night-1.json"), night1.out());
        Path waivers = out.resolve("waivers.yaml");
        Files.writeString(waivers, "- rule: NET-003\n  resource: 'module.aurora.*'\n"
                + "  justification: Temporary public access for the vendor migration (ticket OPS-42)\n"
                + "  approver: security-lead\n  expires: 2099-12-31\n");
        CommandLineTest.Run run = CommandLineTest.plumbline("check",
                dir.resolve("variants/terraform/NET-003-public-instance.tfplan.json").toString(), "--format", "html",
                "--out", out.resolve("report").toString(), "--history", history.toString(), "--waivers",
                waivers.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String html = Files.readString(out.resolve("report").resolve("plumbline.html"));
        assertTrue(html.contains("Trend of failures") && html.contains("night-1.json"), "trend over the history");
        assertTrue(html.contains("fixed-failure"), "BAK-001 of night 1 is fixed tonight");
        assertTrue(html.contains("Temporary public access for the vendor migration (ticket OPS-42)"),
                "the waiver's justification is shown");
        assertTrue(html.contains("security-lead"));
        assertTrue(html.contains("class=\"specification\">Backups and point-in-time recovery"),
                "each rule links to the scenario that specifies it");
    }
}
