package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.live.DenyingProxy;
import io.plumbline.live.MotoServer;
import io.plumbline.live.Seed;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline audit} as a real process against moto on loopback, credentials from the environment. */
@ExtendWith(MotoServer.class)
class AuditCommandTest {

    @TempDir
    Path tmp;
    MotoServer moto;

    @BeforeEach
    void reset() {
        moto = MotoServer.get();
        moto.reset();
    }

    record Run(int exit, String out, String err) {
    }

    /** The CLI with static test credentials in its environment and no shared AWS config of this machine. */
    private Run audit(String... args) throws Exception {
        return plumbline("audit", args);
    }

    private Run plumbline(String command, String... args) throws Exception {
        return plumbline(Map.of(), command, args);
    }

    private Run plumbline(Map<String, String> extraEnv, String command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), command));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_EC2_METADATA_DISABLED", "true"); // no instance-metadata probing on a test machine
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing-secret-key");
        env.put("AWS_CONFIG_FILE", tmp.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-credentials").toString());
        env.putAll(extraEnv);
        Path errFile = tmp.resolve("stderr-" + System.nanoTime());
        pb.redirectError(errFile.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "plumbline audit did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errFile));
    }

    private Path bundledPlan() throws Exception {
        Path plan = tmp.resolve("reference.tfplan.json");
        Files.write(plan, io.plumbline.reference.ReferenceArchitecture.read(
                io.plumbline.reference.ReferenceArchitecture.TERRAFORM_PLAN));
        return plan;
    }

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private static List<JsonNode> findings(JsonNode result, String rule) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : result.path("findings")) if (f.path("rule").asText().equals(rule)) out.add(f);
        return out;
    }

    @Test
    void auditFindsTheOpenAdminPortAndTheShortBackupOnARunningAccount() throws Exception {
        Seed.Ids ids = Seed.network(moto);
        Seed.aurora(moto);
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--format", "json");
        assertEquals(1, run.exit(), () -> "failing findings exit 1; stderr: " + run.err());
        JsonNode result = json(run.out());
        String sshArn = "arn:aws:ec2:eu-west-1:123456789012:security-group/" + ids.sshGroup();
        assertTrue(findings(result, "NET-009").stream().anyMatch(f -> f.path("resource").asText().equals(sshArn)
                && f.path("status").asText().equals("FAIL")), () -> "NET-009 FAIL on " + sshArn + ": " + run.out());
        assertTrue(findings(result, "BAK-001").stream().anyMatch(f -> f.path("status").asText().equals("FAIL")
                && f.path("resource").asText().endsWith(":cluster:" + Seed.CLUSTER)), run.out());
        assertFalse(run.out().contains("testing-secret-key"), "credentials never reach a report");
        assertFalse(run.err().contains("testing-secret-key"), "credentials never reach a log");
        assertFalse(run.out().contains("not-a-secret-123"), "the master password never reaches a report");
        assertFalse(run.err().matches("(?s).*\\[\\d+/\\d+\\].*"), () -> "no progress when stderr is no terminal: "
                + run.err());
        assertFalse(run.err().contains("SLF4J"), "no logging-binding noise: " + run.err());
    }

    /** status, rule, resource, message of every finding: what an auditor compares between two evaluations. */
    private static List<String> verdicts(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            out.add(f.path("status").asText() + " " + f.path("rule").asText() + " " + f.path("resource").asText()
                    + " " + f.path("message").asText());
        }
        return out;
    }

    @Test
    void aSavedSnapshotReproducesTheAuditOffline() throws Exception {
        Seed.network(moto);
        Seed.aurora(moto);
        Path snapshot = tmp.resolve("nightly.snapshot.json");
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("elasticache"))) {
            Run live = audit("--endpoint-url", proxy.endpoint().toString(), "--regions", MotoServer.REGION,
                    "--format", "json", "--save", snapshot.toString());
            assertTrue(Files.size(snapshot) > 0, live.err());
            Run offline = plumbline("check", snapshot.toString(), "--format", "json");
            assertEquals(live.exit(), offline.exit(), () -> "same exit code; " + offline.err());
            List<String> liveVerdicts = verdicts(json(live.out()));
            assertFalse(liveVerdicts.isEmpty());
            assertEquals(liveVerdicts, verdicts(json(offline.out())));
            assertTrue(liveVerdicts.stream().anyMatch(v -> v.startsWith("UNKNOWN ENC-005")),
                    "the denied service's rules are UNKNOWN on both sides: " + liveVerdicts);
        }
        String text = Files.readString(snapshot);
        assertFalse(text.contains("not-a-secret-123") || text.contains("testing-secret-key"),
                "no secret and no credential in a snapshot");
        // the auditor's specifications run against last night's state too
        Run features = plumbline("features", "--target", snapshot.toString(), "--tags", "@BAK-001");
        assertEquals(1, features.exit(), () -> "the short-retention cluster fails its scenario: " + features.out()
                + features.err());
        assertTrue(features.out().contains(Seed.CLUSTER), features.out());
    }

    @Test
    void driftComparesAPlanWithLastNightsSnapshot() throws Exception {
        io.plumbline.live.SeedDrift.Seeded seeded = io.plumbline.live.SeedDrift.seed(moto);
        Path plan = tmp.resolve("drift.tfplan.json");
        Files.writeString(plan, io.plumbline.live.SeedDrift.plan(seeded));
        io.plumbline.live.SeedDrift.openSsh(moto, seeded.group()); // a rule added by hand, outside Terraform
        Path snapshot = tmp.resolve("state.json");
        Run live = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--rules", "NET-009", "--save", snapshot.toString());
        assertTrue(live.exit() == 0 || live.exit() == 1, live.err());
        Run drift = plumbline("drift", plan.toString(), snapshot.toString());
        assertEquals(1, drift.exit(), () -> "drift found: " + drift.out() + drift.err());
        assertTrue(drift.out().contains(seeded.groupArn()), drift.out());
        assertTrue(drift.out().contains("0.0.0.0/0") && drift.out().contains("ec2:DescribeSecurityGroups"),
                () -> "the added rule, located by ARN and operation: " + drift.out());

        // and straight against the running account, without a snapshot
        Run now = plumbline("drift", plan.toString(), "--live", "--endpoint-url", moto.endpoint().toString(),
                "--regions", MotoServer.REGION);
        assertEquals(1, now.exit(), () -> now.out() + now.err());
        assertTrue(now.out().contains(seeded.groupArn()) && now.out().contains("0.0.0.0/0"), now.out());
        Run both = plumbline("drift", plan.toString(), snapshot.toString(), "--live");
        assertEquals(2, both.exit(), "either a snapshot or --live");
    }

    @Test
    void deniedServiceMakesTheAuditIncompleteAndItsRulesUnknown() throws Exception {
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("rds"))) {
            Run run = audit("--endpoint-url", proxy.endpoint().toString(), "--regions", MotoServer.REGION,
                    "--format", "json", "--rules", "BAK-001,MAZ-006,NET-009");
            assertEquals(3, run.exit(), () -> "incomplete audit exits 3; stderr: " + run.err());
            assertTrue(run.err().contains("rds:DescribeDBClusters") && run.err().contains("AccessDenied"), run.err());
            JsonNode result = json(run.out());
            for (String rule : List.of("BAK-001", "MAZ-006")) {
                List<JsonNode> fs = findings(result, rule);
                assertFalse(fs.isEmpty(), rule + " says something about what it could not read");
                assertTrue(fs.stream().allMatch(f -> f.path("status").asText().equals("UNKNOWN")), () -> rule + ": "
                        + fs);
                assertTrue(fs.stream().anyMatch(f -> f.path("message").asText().contains("AccessDenied")), "" + fs);
            }
            assertTrue(findings(result, "NET-009").stream().noneMatch(f -> f.path("status").asText()
                    .equals("UNKNOWN")), "a rule that does not read RDS is not made undecided");
        }
    }

    @Test
    void useConfigReadsBucketSettingsFromConfigQueries() throws Exception {
        // moto serves the recorder calls; ConfigStub answers SelectResourceConfig with a HAND-WRITTEN item
        io.plumbline.live.SeedConfig.recorder(moto, true, List.of());
        try (var s3 = io.plumbline.live.SeedData.s3(moto, MotoServer.REGION)) {
            s3.createBucket(b -> b.bucket("acme-backups").createBucketConfiguration(c -> c
                    .locationConstraint(MotoServer.REGION)));
            s3.putBucketTagging(b -> b.bucket("acme-backups").tagging(t -> t.tagSet(x -> x.key("plumbline:role")
                    .value("backups"))));
            s3.putBucketVersioning(b -> b.bucket("acme-backups").versioningConfiguration(v -> v.status("Enabled")));
        }
        var stub = new io.plumbline.live.ConfigStub().add(io.plumbline.live.SeedConfig.s3Item(MotoServer.REGION,
                new io.plumbline.live.SeedConfig.Bucket("acme-backups", Map.of("plumbline:role", "backups"),
                        "Enabled", null, null, null, false, false, null, null, null, null, null)));
        try (DenyingProxy proxy = DenyingProxy.answering(moto.endpoint(), stub)) {
            Run run = audit("--endpoint-url", proxy.endpoint().toString(), "--regions", MotoServer.REGION,
                    "--use-config", "--stats", "--format", "json", "--rules", "BAK-005");
            assertEquals(0, run.exit(), () -> run.out() + run.err());
            List<JsonNode> fs = findings(json(run.out()), "BAK-005");
            assertEquals(1, fs.size(), "" + fs);
            assertEquals("PASS", fs.get(0).path("status").asText(), "" + fs);
            String all = run.out() + run.err();
            assertTrue(all.contains("Config:SelectResourceConfig"), all);
            assertFalse(all.contains("S3:GetBucketVersioning"), "versioning came from Config: " + all);
            assertTrue(stub.calls() >= 1, "the S3 query");
            assertFalse(all.contains("Kms:"), "BAK-005 reads buckets only, so KMS is not called: " + all);
        }
    }

    @Test
    void theAuditorsHtmlReportShowsWhatWasAuditedAndWhatWasNotInABrowser() throws Exception {
        Seed.network(moto);
        Seed.aurora(moto);
        Path out = Path.of(System.getProperty("plumbline.root"), "cli", "target", "browser-test", "live-audit");
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("elasticache"))) {
            Run run = audit("--endpoint-url", proxy.endpoint().toString(), "--regions", MotoServer.REGION,
                    "--format", "html,json", "--out", out.toString());
            assertEquals(1, run.exit(), () -> "failing findings win over incomplete: " + run.err());
        }
        JsonNode result = json(Files.readString(out.resolve("plumbline.json")));
        int missing = result.path("notCollected").size();
        assertTrue(missing >= 2, "both ElastiCache kinds: " + result.path("notCollected"));
        try (Browser browser = Browser.open(out.resolve("plumbline.html"))) {
            Browser.Cdp page = browser.page;
            assertEquals(missing, page.eval("document.querySelectorAll('#not-collected tbody tr').length").asInt());
            assertTrue(page.eval("document.querySelector('#not-collected').textContent.includes("
                    + "'elasticache:DescribeReplicationGroups')").asBoolean());
            assertEquals("123456789012", page.eval("document.querySelector('#live-scopes tbody td').textContent")
                    .asText());
            assertEquals(result.path("summary").path("UNKNOWN").asText(), page.eval("document.querySelector("
                    + "'#status-totals tr[data-status=\"UNKNOWN\"] .count').textContent").asText());
            JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(out.resolve("live-audit.png"), java.util.Base64.getDecoder().decode(shot.path("data")
                    .asText()));
        }
    }

    @Test
    void incompleteAuditInTextNamesWhatIsMissing() throws Exception {
        try (DenyingProxy proxy = new DenyingProxy(moto.endpoint(), Set.of("rds:DescribeDBInstances"))) {
            Run run = audit("--endpoint-url", proxy.endpoint().toString(), "--regions", MotoServer.REGION,
                    "--rules", "MAZ-006");
            assertEquals(3, run.exit(), run.out() + run.err());
            assertTrue(run.out().contains("Incomplete") && run.out().contains("rds:DescribeDBInstances"), run.out());
            assertFalse(run.out().contains("PASS"), run.out());
            assertTrue(run.out().contains("Gate: undecided, the state read is incomplete"), run.out());
            assertFalse(run.out().contains("Gate: passed"), "exit 3 never beside a passed gate: " + run.out());
        }
    }

    @Test
    void anUnreachableEndpointIsOneLineAndExitThree() throws Exception {
        int closed;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Run run = audit("--endpoint-url", "http://127.0.0.1:" + closed, "--regions", "eu-west-1,eu-central-1");
        assertEquals(3, run.exit(), run.out() + run.err());
        assertEquals("", run.out(), "no report of an audit that read nothing");
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertEquals("plumbline audit: incomplete, cannot reach http://127.0.0.1:" + closed
                + " (sts:GetCallerIdentity: Connect to 127.0.0.1:" + closed + " [/127.0.0.1] failed: Connection "
                + "refused); nothing was audited; the gate is undecided", lines.get(0));
        assertFalse(run.err().contains("in account  region"));
    }

    @Test
    void noCredentialsIsOneLineAndAUsageError() throws Exception {
        Run run = plumbline(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "audit",
                "--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION);
        assertEquals(2, run.exit(), run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("plumbline audit: no AWS credentials found ("), lines.get(0));
        assertTrue(lines.get(0).endsWith("give --profile NAME or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY"), lines.get(0));
        Run drift = plumbline(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "drift",
                bundledPlan().toString(), "--live", "--endpoint-url", moto.endpoint().toString(), "--regions",
                MotoServer.REGION);
        assertEquals(2, drift.exit(), drift.out() + drift.err());
        assertEquals(1, drift.err().lines().count(), drift.err());
        assertTrue(drift.err().startsWith("plumbline drift: no AWS credentials found"), drift.err());
    }

    @Test
    void rulesLimitWhatIsCollectedWithoutMakingTheAuditIncomplete() throws Exception {
        Seed.network(moto);
        Seed.aurora(moto);
        Path snapshot = tmp.resolve("scoped.json");
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--rules", "NET-009", "--stats", "--save", snapshot.toString());
        assertEquals(1, run.exit(), () -> "NET-009 fails on the open group; nothing NET-009 needs is missing: "
                + run.out() + run.err());
        assertFalse(run.out().contains("Rds:"), () -> "RDS is not called for NET-009: " + run.out());
        // the snapshot says what it did not read: other rules are UNKNOWN on it, never PASS
        Run later = plumbline("check", snapshot.toString(), "--rules", "BAK-001", "--format", "json");
        assertEquals(3, later.exit(), later.out() + later.err());
        assertTrue(findings(json(later.out()), "BAK-001").stream().allMatch(f -> f.path("status").asText()
                .equals("UNKNOWN")), later.out());
    }

    @Test
    void roleArnAuditsAnotherAccount() throws Exception {
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--role-arn", "arn:aws:iam::222222222222:role/PlumblineAudit", "--format", "json",
                "--rules", "NET-009");
        assertTrue(run.exit() == 0 || run.exit() == 1, () -> run.exit() + ": " + run.err());
        JsonNode result = json(run.out());
        List<JsonNode> fs = findings(result, "NET-009");
        assertFalse(fs.isEmpty(), run.out());
        assertTrue(fs.stream().allMatch(f -> f.path("resource").asText().contains(":222222222222:")),
                () -> "every resource is in the assumed account: " + fs);
    }

    @Test
    void accountsFileIsReadAndEachAccountAudited() throws Exception {
        Path file = tmp.resolve("accounts.txt");
        Files.writeString(file, "# nightly\n111111111111\narn:aws:iam::333333333333:role/Other  # by ARN\n");
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--accounts", file.toString(), "--format", "json", "--rules", "NET-009");
        assertTrue(run.exit() == 0 || run.exit() == 1, () -> run.exit() + ": " + run.err());
        String out = run.out();
        assertTrue(out.contains(":111111111111:security-group/") && out.contains(":333333333333:security-group/"),
                out);
    }

    @Test
    void organizationAuditsEveryActiveAccountThroughItsRole() throws Exception {
        List<String> created = new ArrayList<>();
        try (var org = software.amazon.awssdk.services.organizations.OrganizationsClient.builder()
                .endpointOverride(moto.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build()) {
            org.createOrganization(b -> b.featureSet("ALL"));
            for (String name : List.of("payments", "search")) {
                String request = org.createAccount(b -> b.accountName(name).email(name + "@example.com"))
                        .createAccountStatus().id();
                created.add(org.describeCreateAccountStatus(b -> b.createAccountRequestId(request))
                        .createAccountStatus().accountId());
            }
        }
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--regions", MotoServer.REGION,
                "--organization", "--role-name", "OrganizationAccountAccessRole", "--format", "json",
                "--rules", "NET-009");
        assertTrue(run.exit() == 0 || run.exit() == 1, () -> run.exit() + ": " + run.err());
        for (String account : created) {
            assertTrue(run.out().contains(":" + account + ":security-group/"), () -> account + " audited: " + run.out());
        }
    }

    @Test
    void theStandardEndpointVariableSendsEveryCallThereAsTheFlagDoes() throws Exception {
        Seed.network(moto);
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(moto.endpoint())
                .region(software.amazon.awssdk.regions.Region.of(MotoServer.REGION)).forcePathStyle(true)
                .credentialsProvider(MotoServer.CREDENTIALS).overrideConfiguration(MotoServer.seedingOverrides())
                .build()) {
            s3.createBucket(b -> b.bucket("endpoint-variable-logs").createBucketConfiguration(c -> c
                    .locationConstraint(MotoServer.REGION)));
        }
        Run run = plumbline(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString()), "audit",
                "--regions", MotoServer.REGION, "--format", "json", "--rules", "NET-009,BAK-005", "--progress");
        assertTrue(run.exit() == 0 || run.exit() == 1, () -> run.exit() + ": " + run.err());
        assertTrue(run.out().contains("arn:aws:s3:::endpoint-variable-logs"), () -> "S3 reached by path: " + run.out());
        assertTrue(run.out().contains(":security-group/"), run.out());
        assertTrue(run.err().matches("(?s).*\\[\\d+/\\d+\\] 123456789012 eu-west-1 (ec2|s3|rds).*"),
                () -> "--progress shows account × region × service on stderr: " + run.err());
    }

    @Test
    void thePolicyIsPrintedForTheAuditRole() throws Exception {
        Run run = audit("--print-policy");
        assertEquals(0, run.exit(), run.err());
        JsonNode policy = json(run.out());
        List<String> actions = new ArrayList<>();
        policy.path("Statement").get(0).path("Action").forEach(a -> actions.add(a.asText()));
        assertTrue(actions.contains("ec2:DescribeSecurityGroups") && actions.contains("rds:DescribeDBClusters"),
                run.out());
        assertTrue(actions.stream().allMatch(a -> a.matches("[a-z0-9-]+:(Describe|List|Get|Select|BatchGet|Lookup)"
                + "[A-Za-z0-9]+")), () -> "read-only: " + actions);
    }

    @Test
    void badAccountsFileIsAUsageErrorNamingTheLine() throws Exception {
        Path file = tmp.resolve("accounts.txt");
        Files.writeString(file, "111111111111\nnot-an-account\n");
        Run run = audit("--endpoint-url", moto.endpoint().toString(), "--accounts", file.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(file + ":2") && run.err().contains("not-an-account"), run.err());
        assertFalse(run.out().contains("PASS"));
    }
}
