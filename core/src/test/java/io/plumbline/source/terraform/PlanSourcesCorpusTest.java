package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.SourceLocator;
import io.plumbline.source.InputException;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every plan of the terraform-with-source corpus, mapped to its real .tf files: every address of the plan (count and
 * for_each instances, modules three deep, a sibling module directory) is located at the block that declares it, as an
 * independent line-by-line reading of the .tf text finds it.
 */
class PlanSourcesCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Folder and plan file of each pair, from the corpus manifest. */
    static Stream<String[]> pairs() throws IOException {
        Path dir = Shared.corpus("terraform-with-source");
        List<String[]> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cols = line.split("\t");
            out.add(new String[] {cols[header.indexOf("folder")], cols[header.indexOf("plan_file")]});
        }
        return out.stream();
    }

    @Test
    void theEightPairsAreThere() throws IOException {
        assertEquals(8, pairs().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void everyPlanAddressPointsToTheBlockThatDeclaresIt(String folder, String planFile) throws IOException {
        Path pair = Shared.corpus("terraform-with-source").resolve(folder);
        Path plan = pair.resolve(planFile);
        // no --source-dir: the plan's own directory declares its root module
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        assertEquals(1, model.sources().size(), () -> "sources found beside " + plan + ": " + model.diagnostics());
        SourceLocator sources = model.sources().get(0);
        Path planDir = plan.getParent().toAbsolutePath().normalize();
        // the root module's directory, or the folder above it that also holds a sibling module (../mod_ref)
        assertTrue(planDir.startsWith(sources.sourceDir()) && pair.toAbsolutePath().normalize().startsWith(sources.sourceDir()),
                () -> sources.sourceDir().toString());

        JsonNode doc = JSON.readTree(plan.toFile());
        JsonNode changes = doc.path("resource_changes");
        assertTrue(changes.size() > 0, plan + " has resource changes");
        int located = 0;
        for (int i = 0; i < changes.size(); i++) {
            String address = changes.get(i).path("address").asText();
            String[] parts = TfText.split(address);
            Path dir = TfText.moduleDir(plan.getParent(), parts[0]);
            assertNotNull(dir, () -> "the test finds the module directory of " + address);
            TfText.Line expected = TfText.declaration(dir, parts[1]);
            assertNotNull(expected, () -> "the test finds the declaration of " + address + " in " + dir);

            Provenance inPlan = Provenance.inFile(plan.toString(), 1, 1, "/resource_changes/" + i);
            Provenance got = sources.locate(inPlan, address);
            assertNotNull(got, () -> address + " is located");
            assertEquals(expected.file().normalize(), Path.of(got.file()).normalize(), address);
            assertEquals(expected.line(), got.line(), address);
            // the same through the address alone (a finding whose place is not a resource change)
            Provenance byAddress = sources.locate(Provenance.inFile(plan.toString(), 1, 1, "/variables/x/value"), address);
            assertEquals(got, byAddress, address);
            located++;
        }
        assertEquals(changes.size(), located);
        Diagnostic info = model.diagnostics().stream().filter(d -> d.message().startsWith("findings point to the .tf"))
                .findFirst().orElseThrow();
        assertTrue(info.message().contains("(" + changes.size() + " of " + changes.size() + " resource"), info.message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void configurationPointersLandOnTheWrittenAttribute(String folder, String planFile) throws IOException {
        Path plan = Shared.corpus("terraform-with-source").resolve(folder).resolve(planFile);
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        SourceLocator sources = model.sources().get(0);
        JsonNode root = JSON.readTree(plan.toFile()).path("configuration").path("root_module");
        int checked = checkConfigModule(sources, plan, root, "/configuration/root_module", plan.getParent());
        assertTrue(checked > 0, "some attribute of " + folder + " is checked");
    }

    /** Each configured attribute's expression pointer lands on the line that writes {@code name =} in its block. */
    private int checkConfigModule(SourceLocator sources, Path plan, JsonNode module, String ptr, Path dir) {
        int checked = 0;
        JsonNode resources = module.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            String key = ("data".equals(r.path("mode").asText()) ? "data." : "") + r.path("type").asText() + "."
                    + r.path("name").asText();
            TfText.Line decl = TfText.declaration(dir, key);
            assertNotNull(decl, key);
            for (Map.Entry<String, JsonNode> e : r.path("expressions").properties()) {
                String p = ptr + "/resources/" + i + "/expressions/" + e.getKey();
                Provenance got = sources.locate(Provenance.inFile(plan.toString(), 1, 1, p), "");
                assertNotNull(got, p);
                assertEquals(decl.file().normalize(), Path.of(got.file()).normalize(), p);
                String text = TfText.lines(decl.file()).get(got.line() - 1);
                assertTrue(got.line() >= decl.line(), p);
                assertTrue(text.matches("^\\s*\"?" + java.util.regex.Pattern.quote(e.getKey()) + "\"?\\s*(=|\\{).*"),
                        () -> p + " at line " + got.line() + ": " + text);
                checked++;
            }
        }
        for (Map.Entry<String, JsonNode> call : module.path("module_calls").properties()) {
            String callPtr = ptr + "/module_calls/" + call.getKey();
            Path child = dir.resolve(call.getValue().path("source").asText()).normalize();
            checked += checkConfigModule(sources, plan, call.getValue().path("module"), callPtr + "/module", child);
        }
        return checked;
    }

    @Test
    void aSourceDirThatDoesNotDeclareThePlanKeepsThePlanLocationsAndSaysSo() {
        Path pairs = Shared.corpus("terraform-with-source");
        Path plan = pairs.resolve("regula__s3_bucketpolicy_allowlist/bucketpolicy_allowlist_infra.json");
        Path other = pairs.resolve("regula__security_group_ingress_anywhere");
        Model model = Inputs.load(plan, new SourceOptions(Map.of(), null, other));
        SourceLocator sources = model.sources().get(0);
        assertNull(sources.locate(Provenance.inFile(plan.toString(), 1, 1, "/resource_changes/0"), "aws_s3_bucket.x"));
        assertTrue(model.diagnostics().stream().anyMatch(d -> d.level() == Diagnostic.Level.WARNING
                && d.message().startsWith("10 resources are not declared in the .tf files of --source-dir")),
                () -> model.diagnostics().toString());
    }

    @Test
    void aSourceDirThatIsNotADirectoryIsRefused() {
        Path plan = Shared.corpus("terraform-with-source").resolve("regula__s3_bucketpolicy_allowlist/bucketpolicy_allowlist_infra.json");
        InputException e = assertThrows(InputException.class,
                () -> Inputs.load(plan, new SourceOptions(Map.of(), null, plan)));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void aPlanWithoutItsSourcesBesideItIsNotMapped() {
        // the corpus' plain plans sit in a folder of plans, not of .tf files
        Path plan = Shared.corpus("terraform").resolve("checkov__iam_policies_1.1.5.json");
        Model model = Inputs.load(plan, SourceOptions.DEFAULT);
        assertTrue(model.sources().isEmpty());
    }
}
