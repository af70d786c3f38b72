package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.model.Provenance;
import io.plumbline.reports.triage.Review;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.rule.RuleInfo;
import io.plumbline.rule.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules' findings on the eight real plan-and-source pairs of the corpus: each one that stands in a resource the
 * sources declare points to that resource's block in the right .tf file — at the block's line or at the line of the
 * attribute it is about — and keeps the plan's place; SARIF names the files relative to %SRCROOT% and passes the
 * official schema; JSON carries both places and passes the published schema. Expected lines come from a reading of the
 * .tf text by regular expression here, independent of the project's locator.
 */
class TerraformSourceLocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SOURCE = Pattern.compile("^\\s*source\\s*=\\s*\"([^\"]+)\"");
    private static JsonSchema sarifSchema;
    private static JsonSchema resultSchema;

    private static Path corpus() {
        return Path.of(System.getProperty("plumbline.shared"), "corpus", "terraform-with-source");
    }

    @BeforeAll
    static void schemas() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("plumbline.shared"), "schemas",
                "sarif-schema-2.1.0.json"))) {
            sarifSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
            resultSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** Folder and plan file of each pair, from the corpus manifest. */
    static Stream<String[]> pairs() throws IOException {
        List<String> lines = Files.readAllLines(corpus().resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cols = line.split("\t");
            out.add(new String[] {cols[header.indexOf("folder")], cols[header.indexOf("plan_file")]});
        }
        return out.stream();
    }

    // ------------------------------------------------------------------ the independent reading of .tf text

    private record Block(Path file, int line, int end) {
    }

    private static List<Path> tfFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tf")).sorted().toList();
        }
    }

    /** The block declaring {@code header} (a regex of its first line) and the line before the next top-level block. */
    private static Block block(Path dir, Pattern header) throws IOException {
        Pattern topLevel = Pattern.compile("^(resource|data|module|variable|output|locals|provider|terraform)\\b.*\\{");
        for (Path f : tfFiles(dir)) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (!header.matcher(lines.get(i)).find()) continue;
                int end = lines.size();
                for (int k = i + 1; k < lines.size(); k++) {
                    if (topLevel.matcher(lines.get(k)).find()) {
                        end = k;
                        break;
                    }
                }
                return new Block(f, i + 1, end);
            }
        }
        return null;
    }

    /** The block that declares a plan address, following module blocks' source lines from {@code root}. */
    private static Block declaration(Path root, String address) throws IOException {
        String plain = address.replaceAll("\\[[^\\]]*\\]", "");
        String[] parts = plain.split("\\.");
        Path dir = root;
        int k = 0;
        while (k + 1 < parts.length && parts[k].equals("module")) {
            Block call = block(dir, Pattern.compile("^\\s*module\\s+\"" + Pattern.quote(parts[k + 1]) + "\"\\s*\\{"));
            if (call == null) return null;
            Path next = null;
            List<String> lines = Files.readAllLines(call.file());
            for (int i = call.line(); i < call.end() && next == null; i++) {
                Matcher m = SOURCE.matcher(lines.get(i));
                if (m.find()) next = dir.resolve(m.group(1)).normalize();
            }
            if (next == null) return null;
            dir = next;
            k += 2;
        }
        boolean data = parts[k].equals("data");
        if (data) k++;
        return block(dir, Pattern.compile("^\\s*" + (data ? "data" : "resource") + "\\s+\"" + Pattern.quote(parts[k])
                + "\"\\s+\"" + Pattern.quote(parts[k + 1]) + "\"\\s*\\{"));
    }

    /**
     * The line (as text) where the block writes the pointer's first attribute as {@code name = ...}, when it is the
     * only line of the block that does; else null.
     */
    private static String writtenAttributeLine(Block block, String pointer) throws IOException {
        String[] parts = pointer.split("/");
        if (parts.length < 6 || !parts[3].equals("change")) return null;
        Pattern attribute = Pattern.compile("^\\s*" + Pattern.quote(parts[5]) + "\\s*=");
        List<String> lines = Files.readAllLines(block.file());
        String found = null;
        for (int i = block.line(); i < block.end(); i++) {
            if (!attribute.matcher(lines.get(i)).find()) continue;
            if (found != null) return null;
            found = String.valueOf(i + 1);
        }
        return found;
    }

    /** The address a plan pointer stands in: its resource_changes entry, read from the plan JSON. */
    private static String addressOf(JsonNode plan, String pointer) {
        if (pointer == null || !pointer.startsWith("/resource_changes/")) return null;
        String index = pointer.split("/")[2];
        return plan.path("resource_changes").path(Integer.parseInt(index)).path("address").asText(null);
    }

    // ------------------------------------------------------------------ the tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void everyFindingInADeclaredResourcePointsToItsBlockAndKeepsThePlanPlace(String folder, String planFile) throws Exception {
        Path plan = corpus().resolve(folder).resolve(planFile);
        JsonNode planJson = JSON.readTree(plan.toFile());
        Result result = check(plan);
        assertFalse(result.findings().isEmpty(), folder + " gives findings");
        int inSources = 0;
        for (Finding f : result.findings()) {
            Provenance inPlan = f.inputLocation() != null ? f.inputLocation() : f.location();
            if (!plan.toString().equals(inPlan.file())) continue;
            String owner = addressOf(planJson, inPlan.pointer());
            if (owner == null) continue;
            Block expected = declaration(plan.getParent(), owner);
            assertNotNull(expected, () -> "the corpus declares " + owner);
            String what = f.ruleId() + " " + f.resource() + " (" + inPlan.pointer() + ")";
            assertNotNull(f.inputLocation(), () -> what + " is shown in the sources");
            assertEquals(expected.file().normalize(), Path.of(f.location().file()).normalize(), what);
            int line = f.location().line();
            assertTrue(line >= expected.line() && line < expected.end(),
                    () -> what + " at line " + line + ", outside the block at " + expected);
            String written = writtenAttributeLine(expected, inPlan.pointer());
            if (written != null) {
                int at = Integer.parseInt(written);
                assertEquals(at, line, () -> what + ": the block writes the attribute at line " + at);
            }
            if (line != expected.line()) {
                // an attribute's or a nested block's line, named by the pointer's path
                String text = Files.readAllLines(expected.file()).get(line - 1).strip();
                Matcher m = Pattern.compile("^\"?([A-Za-z_][\\w-]*)\"?\\s*(=|\\{)").matcher(text);
                assertTrue(m.find(), () -> what + ": line " + line + " is no attribute: " + text);
                Set<String> path = new java.util.HashSet<>(List.of(inPlan.pointer().split("/")));
                assertTrue(path.contains(m.group(1)), () -> what + ": line " + line + " writes " + m.group(1));
            }
            inSources++;
        }
        assertTrue(inSources > 0, folder + ": some finding is shown in the .tf sources");
    }

    @Test
    void someFindingsPointToTheAttributeTheyAreAbout() throws Exception {
        // ingress rules written as nested blocks: the rules' findings point into them, below the resource's line
        Path plan = corpus().resolve("regula__security_group_ingress_anywhere/ingress_anywhere_infra.json");
        JsonNode planJson = JSON.readTree(plan.toFile());
        Result result = check(plan);
        int belowTheBlockLine = 0;
        for (Finding f : result.findings()) {
            if (f.inputLocation() == null || f.ruleId().startsWith("TST")) continue;
            Block block = declaration(plan.getParent(), addressOf(planJson, f.inputLocation().pointer()));
            if (f.location().line() > block.line()) belowTheBlockLine++;
        }
        assertTrue(belowTheBlockLine > 0, () -> "findings: " + result.findings());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void sarifNamesFilesRelativeToTheSourceRootAndIsValid(String folder, String planFile, @TempDir Path tmp) throws Exception {
        // a checkout: the pair copied into a repository
        Path repo = tmp.resolve("repo");
        copy(corpus().resolve(folder), repo.resolve("infra"));
        Files.createDirectories(repo.resolve(".git"));
        Path plan = repo.resolve("infra").resolve(planFile);
        Result result = check(plan);
        JsonNode sarif = sarif(result);
        JsonNode run = sarif.path("runs").get(0);
        assertEquals(repo.toUri().toString(), run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText());
        assertTrue(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText().endsWith("/"));
        int tf = 0;
        for (JsonNode r : run.path("results")) {
            JsonNode artifact = r.path("locations").get(0).path("physicalLocation").path("artifactLocation");
            String uri = artifact.path("uri").asText();
            assertEquals("%SRCROOT%", artifact.path("uriBaseId").asText(), uri);
            assertFalse(uri.startsWith("/") || URI.create(uri).isAbsolute(), uri);
            assertTrue(Files.isRegularFile(repo.resolve(URI.create(uri).getPath())), uri);
            if (uri.endsWith(".tf")) {
                tf++;
                assertTrue(uri.startsWith("infra/"), uri);
                JsonNode related = r.path("relatedLocations").get(0).path("physicalLocation").path("artifactLocation");
                assertEquals("infra/" + planFile, related.path("uri").asText());
                assertEquals("%SRCROOT%", related.path("uriBaseId").asText());
            }
        }
        assertTrue(tf > 0 || run.path("results").isEmpty(), () -> "results in .tf files: " + sarif);
    }

    @Test
    void outsideARepositoryTheRootIsTheDirectoryThatHoldsTheSources(@TempDir Path tmp) throws Exception {
        // the plan in tf/, its module in the sibling mod_ref/: the root is the folder holding both
        Path copy = tmp.resolve("pair");
        copy(corpus().resolve("checkov__plan_module_skip_for_enrichment"), copy);
        Result result = check(copy.resolve("tf/tfplan.json"));
        JsonNode run = sarif(result).path("runs").get(0);
        assertEquals(copy.toUri().toString(), run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText());
        List<String> uris = new ArrayList<>();
        for (JsonNode r : run.path("results")) {
            uris.add(r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
        }
        assertTrue(uris.contains("mod_ref/main.tf"), uris::toString);
    }

    @Test
    void aFileOutsideTheRootGetsItsAbsoluteUriAndNoBase(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("repo");
        copy(corpus().resolve("regula__security_group_ingress_anywhere"), repo);
        Files.createDirectories(repo.resolve(".git"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.copy(ResultSchemaTest.variant("cloudformation/NET-009-ssh-open.cfn.yaml"), elsewhere.resolve("t.yaml"));
        Result result = Plumbline.check().registry(RULES).inputs(List.of(repo.resolve("ingress_anywhere_infra.json"),
                elsewhere.resolve("t.yaml"))).run();
        JsonNode sarif = sarif(result);
        boolean absolute = false;
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            JsonNode artifact = r.path("locations").get(0).path("physicalLocation").path("artifactLocation");
            if (artifact.path("uri").asText().endsWith("t.yaml")) {
                absolute = true;
                assertEquals(elsewhere.resolve("t.yaml").toUri().toString(), artifact.path("uri").asText());
                assertTrue(artifact.path("uriBaseId").isMissingNode());
            }
        }
        assertTrue(absolute, sarif::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void jsonCarriesBothPlacesAndIsValid(String folder, String planFile) throws Exception {
        Path plan = corpus().resolve(folder).resolve(planFile);
        Result result = check(plan);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(Review.of(result), "test", out);
        JsonNode doc = JSON.readTree(out.toByteArray());
        Set<ValidationMessage> errors = resultSchema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "result schema errors: " + errors);
        int both = 0;
        for (JsonNode f : doc.path("findings")) {
            if (!f.has("inputLocation")) continue;
            assertTrue(f.path("location").path("file").asText().endsWith(".tf"), f::toString);
            assertEquals(plan.toString(), f.path("inputLocation").path("file").asText());
            assertTrue(f.path("inputLocation").path("pointer").asText().startsWith("/"), f::toString);
            both++;
        }
        assertTrue(both > 0, folder);
    }

    @Test
    void withoutItsSourcesAPlanKeepsItsOwnLocations() {
        Path plan = Path.of(System.getProperty("plumbline.shared"), "corpus", "terraform", "checkov__iam_policies_1.1.5.json");
        Result result = check(plan);
        for (Finding f : result.findings()) {
            assertNull(f.inputLocation(), f::toString);
        }
        assertFalse(result.findings().isEmpty());
        JsonNode sarif = sarif(result);
        assertTrue(sarif.path("runs").get(0).path("results").size() > 0);
    }

    /**
     * A rule that fails every resource at its name or tags (the built-in rules decide nothing on some pairs: IAM, Lambda
     * and EventBridge resources), so that every pair's every resource gives a finding at a value of the plan.
     */
    @RuleInfo(id = "TST-LOC", title = "every resource, at its name", severity = Severity.LOW, group = "test",
            rationale = "r", remediation = "m")
    static final class EveryResource implements Rule {
        @Override
        public void check(RuleContext ctx) {
            for (Resource r : ctx.model().resources()) {
                Value<?> v = r.tags.isPresent() ? r.tags : r.name;
                ctx.fail(r, "located", Evidence.of(r.tags.isPresent() ? "tags" : "name", v, "anything"));
            }
        }
    }

    private static final RuleRegistry RULES = rules();

    private static RuleRegistry rules() {
        List<Rule> all = new ArrayList<>(RuleRegistry.discover().all());
        all.add(new EveryResource());
        return new RuleRegistry(all);
    }

    private static Result check(Path plan) {
        return Plumbline.check().registry(RULES).input(plan).run();
    }

    private static JsonNode sarif(Result result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SarifReport.write(result, "test", out);
        try {
            JsonNode doc = JSON.readTree(out.toByteArray());
            Set<ValidationMessage> errors = sarifSchema.validate(doc);
            assertTrue(errors.isEmpty(), () -> "SARIF schema errors: " + errors);
            return doc;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
