package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan and a template full of marked secrets (Terraform {@code after_sensitive}, a sensitive variable and output;
 * CloudFormation NoEcho parameters, their Defaults and {@code --param} overrides, flowing through Sub, Join, Select,
 * Split, If, FindInMap keys, Base64, tags, names and descriptions), run through every command and every format: no
 * secret string may appear in stdout, stderr or any written file, while the verdicts stay right.
 */
class SecretsNeverShownTest {
    @TempDir
    Path tmp;

    private static final Path DIR = Path.of(System.getProperty("plumbline.root"), "cli", "src", "test", "resources",
            "secrets");
    private static final String PLAN = DIR.resolve("secrets.tfplan.json").toString();
    private static final String TEMPLATE = DIR.resolve("secrets.cfn.yaml").toString();
    private static final String OVERRIDE = "AdminSecret=s3cr3t-override-77";

    /**
     * Every secret of the fixtures: each contains {@code s3cr3t}, plus the sensitive port numbers (as whole numbers:
     * a timestamp may hold the same digits) and the Base64 of the NoEcho default and override.
     */
    private static final Pattern SECRET = Pattern.compile("s3cr3t|\\b4791[34]\\b|"
            + java.util.Base64.getEncoder().encodeToString("s3cr3t-cfn-default-01".getBytes(StandardCharsets.UTF_8)) + "|"
            + java.util.Base64.getEncoder().encodeToString("s3cr3t-override-77".getBytes(StandardCharsets.UTF_8)));

    private final List<String> seen = new ArrayList<>();

    private CommandLineTest.Run run(String... args) throws Exception {
        CommandLineTest.Run r = CommandLineTest.plumbline(args);
        String what = String.join(" ", args);
        assertNoSecret("stdout of " + what, r.out());
        assertNoSecret("stderr of " + what, r.err());
        assertFalse(r.err().contains("Exception"), () -> "no stack trace: " + r.err());
        seen.add(what);
        return r;
    }

    private static void assertNoSecret(String where, String text) {
        Matcher m = SECRET.matcher(text);
        if (m.find()) {
            int from = Math.max(0, m.start() - 80);
            fail(where + " shows a secret: ..." + text.substring(from, Math.min(text.length(), m.end() + 40)) + "...");
        }
    }

    private static void assertNoSecretInFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertFalse(all.isEmpty(), "files were written in " + dir);
            for (Path f : all) assertNoSecret(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
    }

    @Test
    void planSecretsAppearNowhereAndVerdictsHold() throws Exception {
        CommandLineTest.Run text = run("check", PLAN);
        assertEquals(1, text.exit(), text.err());
        // BAK-001 still fails on a sensitive retention of 1 day, and says the value is sensitive.
        JsonNode json = new ObjectMapper().readTree(run("check", PLAN, "--format", "json").out());
        JsonNode bak = finding(json, "BAK-001", "aws_rds_cluster.db");
        assertEquals("FAIL", bak.path("status").asText());
        assertTrue(bak.path("message").asText().contains("(sensitive)"), bak.toString());
        assertFalse(bak.path("message").asText().contains("1 day"), bak.toString());
        // A sensitive port range 20-47913 from 0.0.0.0/0 still opens SSH: NET-009 fails.
        assertEquals("FAIL", finding(json, "NET-009", "aws_security_group.admin").path("status").asText());
        // The sensitive KMS key ARN is not declared: ENC-001 cannot prove a CMK, and does not print the ARN.
        assertEquals("UNKNOWN", finding(json, "ENC-001", "aws_rds_cluster.db").path("status").asText());
        // A sensitive value that is no boolean: unknown, without echoing it.
        JsonNode legacy = finding(json, "ENC-001", "aws_rds_cluster.legacy");
        assertTrue(legacy.toString().contains("(sensitive)"), legacy.toString());
        everyCommandAndFormat(PLAN);
    }

    @Test
    void templateSecretsAppearNowhereWithDefaultsOrOverrides() throws Exception {
        for (List<String> params : List.of(List.<String>of(), List.of("--param", OVERRIDE))) {
            List<String> args = new ArrayList<>(List.of("check", TEMPLATE, "--format", "json", "--region", "eu-west-1"));
            args.addAll(params);
            CommandLineTest.Run r = run(args.toArray(String[]::new));
            assertEquals(1, r.exit(), r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            JsonNode bak = finding(json, "BAK-001", "Db");
            assertEquals("FAIL", bak.path("status").asText(), "a NoEcho retention of 1 day still fails");
            assertTrue(bak.path("message").asText().contains("(sensitive)"), bak.toString());
            JsonNode net = finding(json, "NET-009", "AdminSG");
            assertEquals("FAIL", net.path("status").asText(), "RDP open to the world still fails");
            assertTrue(net.path("message").asText().contains("(sensitive)"), "the rule's description is a secret");
            JsonNode archive = finding(json, "BAK-001", "Archive");
            assertEquals("UNKNOWN", archive.path("status").asText());
            assertTrue(archive.path("message").asText().contains("has no entry [(sensitive)]"), archive.toString());
        }
        everyCommandAndFormat(TEMPLATE, "--param", OVERRIDE);
        everyCommandAndFormat(TEMPLATE);
    }

    @Test
    void driftEitherWayShowsNoSecret() throws Exception {
        run("drift", PLAN, TEMPLATE, "--param", OVERRIDE);
        run("drift", TEMPLATE, PLAN, "--format", "json");
        // The same plan with other secrets: the differences are in sensitive values, and none is printed.
        Path changed = tmp.resolve("changed.tfplan.json");
        Files.writeString(changed, Files.readString(Path.of(PLAN)).replace("rdp-s3cr3t-tf-desc-44", "rdp-s3cr3t-tf-desc-45")
                .replace("s3cr3t-tf-owner-tag-64", "s3cr3t-tf-owner-tag-65").replace("47913", "47914"));
        CommandLineTest.Run diff = run("drift", PLAN, changed.toString());
        assertEquals(1, diff.exit(), () -> "drift in sensitive values is drift: " + diff.out() + diff.err());
        assertTrue(diff.out().contains("(sensitive)"), diff.out());
        run("drift", changed.toString(), PLAN, "--format", "json");
        Path out = tmp.resolve("drift");
        run("drift", TEMPLATE, PLAN, "--format", "text,json", "--out", out.toString(), "--param", OVERRIDE);
        assertNoSecretInFiles(out);
    }

    @Test
    void inputErrorsCausedByASecretDoNotEchoIt() throws Exception {
        String head = "Parameters:\n  Secret:\n    Type: String\n    NoEcho: true\n    Default: s3cr3t-in-error-88\n";
        String[] templates = {
            // a NoEcho value that is no boolean where a condition needs one
            head + "Conditions:\n  C: !Ref Secret\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Condition: C\n",
            // a name computed from a secret that names nothing
            head + "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                    + "      BucketName: {Ref: !Sub '${Secret}-nothing'}\n",
            // a mapping named by a secret
            head + "Mappings:\n  M:\n    a:\n      b: c\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                    + "      BucketName: !FindInMap [!Ref Secret, a, b]\n",
        };
        for (int i = 0; i < templates.length; i++) {
            Path f = tmp.resolve("error-" + i + ".yaml");
            Files.writeString(f, templates[i]);
            for (List<String> params : List.of(List.<String>of(), List.of("--param", "Secret=s3cr3t-override-in-error"))) {
                List<String> args = new ArrayList<>(List.of("check", f.toString()));
                args.addAll(params);
                CommandLineTest.Run r = run(args.toArray(String[]::new));
                assertEquals(2, r.exit(), () -> "unusable input: " + r.out() + r.err());
                assertTrue(r.err().contains(f.toString()) && r.err().contains("(sensitive)"), r.err());
            }
        }
    }

    private void everyCommandAndFormat(String input, String... extra) throws Exception {
        Path out = Files.createTempDirectory(tmp, "out");
        run(args(extra, "check", input, "--format", "text,json,sarif,junit,md,html", "--out", out.resolve("check").toString()));
        assertNoSecretInFiles(out.resolve("check"));
        run(args(extra, "inventory", input));
        CommandLineTest.Run inv = run(args(extra, "inventory", input, "--format", "json"));
        assertTrue(inv.out().contains("(sensitive)"), "the inventory says where a value is sensitive");
        run(args(extra, "paths", input));
        run(args(extra, "paths", input, "--format", "json"));
        run(args(extra, "paths", input, "--from", "internet", "--to", "data"));
        run(args(extra, "features", "--target", input, "--out", out.resolve("features").toString()));
        assertNoSecretInFiles(out.resolve("features"));
    }

    private static String[] args(String[] extra, String... base) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    private static JsonNode finding(JsonNode result, String rule, String resource) {
        for (JsonNode f : result.path("findings")) {
            if (f.path("rule").asText().equals(rule) && f.path("resource").asText().equals(resource)) return f;
        }
        throw new AssertionError("no " + rule + " finding on " + resource + " in " + result.path("findings"));
    }
}
