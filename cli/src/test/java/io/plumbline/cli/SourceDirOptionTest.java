package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code check --source-dir}: findings of a real plan at the lines of its .tf files, in text and JSON. */
class SourceDirOptionTest {
    private static Path pair(String folder) {
        return Path.of(System.getProperty("plumbline.shared"), "corpus", "terraform-with-source", folder);
    }

    @Test
    void findingsPointToTheTfLineAndKeepThePlanPlace() throws Exception {
        Path pair = pair("regula__security_group_ingress_anywhere");
        Path plan = pair.resolve("ingress_anywhere_infra.json");
        Path tf = pair.resolve("ingress_anywhere_infra.tf");
        CommandLineTest.Run run = CommandLineTest.plumbline("check", plan.toString(), "--source-dir", pair.toString(),
                "--rules", "NET-009", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode failing = null;
        for (JsonNode f : doc.path("findings")) if (f.path("status").asText().equals("FAIL")) failing = f;
        assertTrue(failing != null, run.out());
        assertEquals(tf.toString(), failing.path("location").path("file").asText());
        int line = failing.path("location").path("line").asInt();
        // the line of the all-ports ingress block of the resource that fails
        java.util.List<String> lines = Files.readAllLines(tf);
        int resource = lines.indexOf("resource \"aws_security_group\" \"invalid_allow_all\" {") + 1;
        assertTrue(resource > 0 && line > resource, () -> "line " + line);
        assertEquals("ingress {", lines.get(line - 1).strip());
        assertEquals(plan.toString(), failing.path("inputLocation").path("file").asText());

        CommandLineTest.Run text = CommandLineTest.plumbline("check", plan.toString(), "--source-dir", pair.toString(),
                "--rules", "NET-009");
        assertTrue(text.out().contains(" " + tf + ":" + line + ":"), text.out());
    }

    @Test
    void aSourceDirThatIsNoDirectoryIsAUsageErrorOnOneLine() throws Exception {
        Path plan = pair("regula__security_group_ingress_anywhere").resolve("ingress_anywhere_infra.json");
        CommandLineTest.Run run = CommandLineTest.plumbline("check", plan.toString(), "--source-dir", plan.toString());
        assertEquals(2, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--source-dir: not a directory"), run.err());
    }
}
