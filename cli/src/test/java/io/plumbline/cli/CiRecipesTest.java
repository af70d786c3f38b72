package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.live.MotoServer;
import io.plumbline.live.Seed;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import io.plumbline.source.tree.YamlTreeReader;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI recipes of docs/ci, read with Plumbline's own YAML reader: every {@code plumbline} command in them runs as
 * written (the plan is the bundled reference example saved as plan.json, the audit goes to moto), and every file a
 * later step reads or uploads exists afterwards.
 */
@ExtendWith(MotoServer.class)
class CiRecipesTest {
    private static final Path RECIPES = Path.of(System.getProperty("plumbline.root"), "docs", "ci");
    private static final Path REFERENCE_PLAN = Path.of(System.getProperty("plumbline.root"), "infra-reference", "src",
            "main", "resources", "io", "plumbline", "reference", "terraform", "reference.tfplan.json");

    @TempDir
    Path work;

    record Recipe(List<String> commands, List<String> filesUsed) {
    }

    /** The shell lines of a job (GitHub {@code run}, GitLab {@code script}) and the paths its other steps use. */
    private static Recipe read(String name) throws Exception {
        Node root = YamlTreeReader.read(Files.readAllBytes(RECIPES.resolve(name)), name);
        List<String> commands = new ArrayList<>();
        List<String> files = new ArrayList<>();
        walk(root, (key, value) -> {
            if (key.equals("run") && value instanceof ScalarNode s) {
                for (String line : s.text().split("\n|&&")) if (!line.isBlank()) commands.add(line.strip());
            } else if (key.equals("script") && value instanceof ListNode l) {
                for (Node i : l.items()) commands.add(((ScalarNode) i).text().strip());
            } else if ((key.equals("sarif_file") || key.equals("junit") || key.equals("path"))
                    && value instanceof ScalarNode s) {
                files.add(s.text());
            } else if (key.equals("paths") && value instanceof ListNode l) {
                for (Node i : l.items()) files.add(((ScalarNode) i).text());
            }
        });
        for (String c : commands) {
            // `cat reports/plumbline.md >> "$GITHUB_STEP_SUMMARY"`: the summary reads a report.
            if (c.startsWith("cat ")) files.add(c.split("\\s+")[1]);
        }
        return new Recipe(commands, files);
    }

    private static void walk(Node n, BiConsumer<String, Node> visit) {
        if (n instanceof MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                visit.accept(e.getKey(), e.getValue());
                walk(e.getValue(), visit);
            }
        } else if (n instanceof ListNode l) {
            for (Node i : l.items()) walk(i, visit);
        }
    }

    private static List<String> plumblineCommands(Recipe r) {
        List<String> out = r.commands().stream().filter(c -> c.startsWith("plumbline ")).toList();
        assertFalse(out.isEmpty(), "the recipe runs plumbline: " + r.commands());
        for (String c : out) assertFalse(c.contains("'") || c.contains("\""), "no quoting to interpret: " + c);
        return out;
    }

    /** Runs one command line of a recipe in the job's working directory, as a separate process. */
    private CommandLineTest.Run run(String commandLine, List<String> extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        List<String> words = List.of(commandLine.split("\\s+"));
        cmd.addAll(words.subList(1, words.size()));
        cmd.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing-secret-key");
        env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        Path err = work.resolve("stderr-" + System.nanoTime());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "plumbline did not finish: " + commandLine);
        return new CommandLineTest.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private void assertUsedFilesExist(Recipe r) {
        assertFalse(r.filesUsed().isEmpty());
        for (String f : r.filesUsed()) assertTrue(Files.exists(work.resolve(f)), "a later step uses " + f);
    }

    @Test
    void theGitHubPullRequestGateWritesWhatCodeScanningAndTheSummaryRead() throws Exception {
        Recipe r = read("github-actions.yml");
        assertTrue(r.commands().contains("terraform show -json tfplan > plan.json"), r.commands()::toString);
        Files.copy(REFERENCE_PLAN, work.resolve("plan.json"));
        for (String c : plumblineCommands(r)) {
            CommandLineTest.Run run = run(c, List.of());
            assertEquals(0, run.exit(), c + ": the reference example passes: " + run.out() + run.err());
        }
        assertUsedFilesExist(r);
        assertTrue(r.filesUsed().contains("reports/plumbline.sarif") && r.filesUsed().contains("reports/plumbline.md"),
                r.filesUsed()::toString);
        JsonNode sarif = new ObjectMapper().readTree(work.resolve("reports/plumbline.sarif").toFile());
        assertEquals("2.1.0", sarif.path("version").asText());
        assertTrue(Files.readString(work.resolve("reports/plumbline.md")).startsWith("## Plumbline: no failing findings"));
    }

    @Test
    void theGitLabJobWritesTheJUnitReportItDeclares() throws Exception {
        Recipe r = read("gitlab-ci.yml");
        Files.copy(REFERENCE_PLAN, work.resolve("plan.json"));
        for (String c : plumblineCommands(r)) assertEquals(0, run(c, List.of()).exit(), c);
        assertUsedFilesExist(r);
        assertTrue(r.filesUsed().contains("reports/plumbline-junit.xml"), r.filesUsed()::toString);
        assertTrue(Files.readString(work.resolve("reports/plumbline-junit.xml")).contains("<testsuite"));
    }

    @Test
    void theNightlyAuditFailsOnAFailingAccountAndKeepsItsReportsAndSnapshot() throws Exception {
        MotoServer moto = MotoServer.get();
        moto.reset();
        Seed.network(moto);
        Seed.aurora(moto);
        Recipe r = read("nightly-audit.yml");
        for (String c : plumblineCommands(r)) {
            assertTrue(c.startsWith("plumbline audit "), c);
            CommandLineTest.Run run = run(c, List.of("--endpoint-url", moto.endpoint().toString()));
            assertEquals(1, run.exit(), c + ": the seeded account fails its rules: " + run.out() + run.err());
        }
        assertUsedFilesExist(r);
        assertTrue(Files.exists(work.resolve("nightly/state.json")));
        assertEquals(1, run("plumbline check nightly/state.json", List.of()).exit(),
                "the snapshot re-evaluates to the same gate");
    }
}
