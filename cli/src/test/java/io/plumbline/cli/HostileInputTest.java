package io.plumbline.cli;

import static io.plumbline.cli.CommandLineTest.plumbline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.cli.CommandLineTest.Run;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and careless input through the real command line: no crash, no hang, no stack trace, no terminal tricks. */
class HostileInputTest {
    @TempDir
    Path tmp;

    /** A security group that lets 22 in from the internet, named to rewrite the terminal line that says FAIL. */
    private static final String FAKE_PASS_TEMPLATE = """
            Resources:
              "Admin\\e[1A\\e[2K\\rPASS  NET-009 all good\\x7f\\u202e":
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: "admin \\x85\\x9b31m"
                  VpcId: vpc-1
                  SecurityGroupIngress:
                    - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
            """;

    private static void noRawControls(String where, String text) {
        String raw = FuzzTest.rawControl(text);
        assertNull(raw, () -> "raw control character " + raw + " in " + where + ": " + text);
    }

    private static void oneCleanLine(Run run) {
        assertEquals(2, run.exit(), run::err);
        assertEquals(1, run.err().strip().lines().count(), run::err);
        for (String internal : new String[] {"java.", "Exception", "\tat ", "internal error"}) {
            assertFalse(run.err().contains(internal), () -> "'" + internal + "' in: " + run.err());
        }
        assertEquals("", run.out());
    }

    @Test
    void aCraftedAddressCannotRewriteTheFailLine() throws Exception {
        Path t = Files.writeString(tmp.resolve("stack.yaml"), FAKE_PASS_TEMPLATE);
        Run text = plumbline("check", t.toString(), "--rules", "NET-009");
        assertEquals(1, text.exit(), text::err);
        noRawControls("the text report", text.out());
        noRawControls("stderr", text.err());
        assertTrue(text.out().contains("\n  Admin\\x1b[1A\\x1b[2K\\rPASS  NET-009 all good\\u007f\\u202e"), text.out());

        Run inventory = plumbline("inventory", t.toString());
        noRawControls("the inventory", inventory.out());
        assertTrue(inventory.out().contains("Admin\\x1b[1A"), inventory.out());

        Run json = plumbline("check", t.toString(), "--rules", "NET-009", "--format", "json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals("Admin\u001b[1A\u001b[2K\rPASS  NET-009 all good\u007f\u202e", doc.path("findings").get(0).path("resource")
                .asText(), "JSON keeps the name exactly, escaped the JSON way");
        noRawControls("the JSON report", json.out());
    }

    @Test
    void aFileNameWithControlsIsEscapedInErrors() throws Exception {
        Path t = Files.writeString(tmp.resolve("evil\u001b[2Kname\r.json"), "{\"Resources\": [1, 2,");
        Run run = plumbline("check", t.toString());
        oneCleanLine(run);
        noRawControls("stderr", run.err());
        assertTrue(run.err().contains("evil\\x1b[2Kname\\r.json:1:"), run.err());
    }

    @Test
    void multiplyingFunctionsGiveUnknownNotAnOutOfMemoryError() throws Exception {
        String cidr = "\"0.0.0.0/0\"";
        for (int i = 0; i < 60; i++) cidr = "{\"Fn::Sub\": [\"${a}${a}${a}${a}\", {\"a\": " + cidr + "}]}";
        Path t = Files.writeString(tmp.resolve("bomb.json"), "{\"Resources\": {\"Web\": {\"Type\": "
                + "\"AWS::EC2::SecurityGroup\", \"Properties\": {\"GroupDescription\": \"web\", \"VpcId\": \"vpc-1\", "
                + "\"SecurityGroupIngress\": [{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, "
                + "\"CidrIp\": " + cidr + "}]}}}}");
        assertTrue(Files.size(t) < 4096, "a small template");
        Run run = plumbline("check", t.toString(), "--rules", "NET-009", "--format", "json");
        assertEquals(0, run.exit(), run::err);
        JsonNode finding = new ObjectMapper().readTree(run.out()).path("findings").get(0);
        assertEquals("UNKNOWN", finding.path("status").asText(), finding::toString);
        assertTrue(finding.toString().contains("value too large to evaluate"), finding::toString);
    }

    @Test
    void aFifoIsRefusedAtOnce() throws Exception {
        Path fifo = tmp.resolve("plan.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        long start = System.nanoTime();
        Run run = plumbline("check", fifo.toString());
        oneCleanLine(run);
        assertTrue(run.err().contains("is not a regular file"), run.err());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "no wait for a writer");
    }

    @Test
    void outNamingAFileOrAnUnwritablePlaceIsOnePlainLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("report"), "not a folder");
        Run run = plumbline("check", "--out", file.toString());
        oneCleanLine(run);
        assertEquals("plumbline: error: " + file + ": already exists and is not a folder", run.err().strip());

        Run under = plumbline("check", "--out", file.resolve("sub").toString());
        oneCleanLine(under);
        assertTrue(under.err().startsWith("plumbline: error: " + file), under.err());

        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        assumeTrue(readOnly.toFile().setWritable(false) && !Files.isWritable(readOnly), "not root: permissions hold");
        Run denied = plumbline("check", "--out", readOnly.toString());
        oneCleanLine(denied);
        assertTrue(denied.err().contains("permission denied"), denied.err());
    }

    @Test
    void jsonWithACommentIsNamedAsSuch() throws Exception {
        Path t = Files.writeString(tmp.resolve("plan.json"), "{\n  \"format_version\": \"1.2\", // from CI\n}\n");
        Run run = plumbline("check", t.toString());
        oneCleanLine(run);
        assertEquals("plumbline: error: " + t + ":2:28: malformed JSON: comments are not allowed in JSON",
                run.err().strip());
    }

    @Test
    void anInternalErrorIsOneLineWithoutItsStack() {
        StringWriter s = new StringWriter();
        ErrorHandler.internal(new NullPointerException("Cannot invoke \"x\" because \"y\" is null"), new PrintWriter(s));
        assertEquals(1, s.toString().strip().lines().count(), s::toString);
        assertTrue(s.toString().startsWith("plumbline: internal error: NullPointerException: Cannot invoke"), s::toString);
        assertTrue(s.toString().contains(ErrorHandler.DEBUG_ENV + "=1"), s::toString);
        assertFalse(s.toString().contains("\tat "), s::toString);
    }

    @Test
    void theFilterEscapesSequencesSplitAcrossWritesAndKeepsJsonValid() throws Exception {
        String text = "{\"a\": \"x\u202ey\u0085z\", \"b\": \"caf\u00e9 \u2192 ok\"}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream safe = TerminalSafe.wrap(sink)) {
            for (byte b : bytes) safe.write(new byte[] {b}, 0, 1); // every sequence split
        }
        String out = sink.toString(StandardCharsets.UTF_8);
        assertEquals("{\"a\": \"x\\u202ey\\u0085z\", \"b\": \"caf\u00e9 \u2192 ok\"}\n", out);
        assertEquals("x\u202ey\u0085z", new ObjectMapper().readTree(out).path("a").asText(), "same meaning in JSON");
        assertEquals("a\\x1bb\\rc\\u007f\td\n", TerminalSafe.escape("a\u001bb\rc\u007f\td\n"));
    }
}
