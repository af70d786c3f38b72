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
}
