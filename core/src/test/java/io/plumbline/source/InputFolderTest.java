package io.plumbline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Model;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder given as input: every plan and template under it is read, every other file is named with a reason. */
class InputFolderTest {
    @TempDir
    Path tmp;

    private static List<Diagnostic> skipped(Model m) {
        return m.diagnostics().stream().filter(d -> d.message().startsWith(InputFolder.SKIPPED)).toList();
    }

    /** The files a corpus manifest lists in one column: what its curators say is a plan or template. */
    private static Set<Path> listed(Path manifest, String column) throws IOException {
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        int at = List.of(lines.get(0).split("\t")).indexOf(column);
        Set<Path> out = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split("\t");
            out.add(manifest.getParent().resolve(column.equals("plan_file") ? cells[0] + "/" + cells[at] : cells[at])
                    .normalize());
        }
        return out;
    }

    @Test
    void theWholeCorpusLoadsAsOneFolderWithEveryOtherFileSkippedOnce() throws IOException {
        Path corpus = Shared.corpus("terraform").getParent();
        Set<Path> plansAndTemplates = new HashSet<>();
        plansAndTemplates.addAll(listed(corpus.resolve("terraform/MANIFEST.tsv"), "file"));
        plansAndTemplates.addAll(listed(corpus.resolve("cloudformation/MANIFEST.tsv"), "file"));
        plansAndTemplates.addAll(listed(corpus.resolve("terraform-with-source/MANIFEST.tsv"), "plan_file"));
        Set<Path> everyFile;
        try (Stream<Path> s = Files.walk(corpus)) {
            everyFile = new HashSet<>(s.filter(Files::isRegularFile).map(Path::normalize).toList());
        }
        assertTrue(everyFile.containsAll(plansAndTemplates), "the manifests list files that exist");

        Model m = Inputs.load(List.of(corpus), SourceOptions.DEFAULT);

        Set<Path> read = new HashSet<>();
        m.inputs().forEach(i -> read.add(Path.of(i.path()).normalize()));
        assertEquals(plansAndTemplates, read);
        Set<Path> skippedFiles = new HashSet<>();
        for (Diagnostic d : skipped(m)) {
            assertTrue(skippedFiles.add(Path.of(d.location().file()).normalize()), "once: " + d);
            assertTrue(d.message().length() > InputFolder.SKIPPED.length() + 5, "a reason: " + d);
        }
        Set<Path> others = new HashSet<>(everyFile);
        others.removeAll(plansAndTemplates);
        assertEquals(others, skippedFiles);
        int oneByOne = 0;
        for (Path p : plansAndTemplates) oneByOne += Inputs.load(p, SourceOptions.DEFAULT).resources().size();
        assertEquals(oneByOne, m.resources().size(), "every input's resources, as when each is named alone");
    }

    @Test
    void hclSourceAloneIsRefusedWithTheCommandThatMakesAPlan() throws IOException {
        Files.writeString(tmp.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b\" {}\n");
        InputException e = assertThrows(InputException.class, () -> Inputs.load(List.of(tmp), SourceOptions.DEFAULT));
        assertTrue(e.problem().contains("terraform show -json tfplan > plan.json"), e.getMessage());
        InputException one = assertThrows(InputException.class,
                () -> Inputs.load(List.of(tmp.resolve("main.tf")), SourceOptions.DEFAULT));
        assertTrue(one.problem().startsWith("this is HCL source"), one.getMessage());
    }

    @Test
    void terraformJsonConfigurationIsNamedAsSuch() throws IOException {
        Path tfJson = tmp.resolve("main.tf.json");
        Files.writeString(tfJson, "{\"resource\": {\"aws_s3_bucket\": {\"b\": {}}}}");
        InputException e = assertThrows(InputException.class, () -> Inputs.load(tfJson, SourceOptions.DEFAULT));
        assertTrue(e.problem().contains("Terraform configuration in JSON syntax"), e.getMessage());
    }

    @Test
    void linksLoopsHiddenFoldersAndBinariesAreSkippedWithTheirReason() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("stacks/nested"));
        Files.writeString(sub.resolve("bucket.yaml"), "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
        Files.createSymbolicLink(sub.resolve("loop"), tmp.resolve("stacks"));
        Files.createDirectories(tmp.resolve(".terraform/providers"));
        Files.write(tmp.resolve("stacks/provider.bin"), new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
        Files.writeString(tmp.resolve("stacks/notes.md"), "# notes\nnot a template\n");
        Files.writeString(tmp.resolve("stacks/broken.json"), "{\"Resources\": ");

        Model m = Inputs.load(List.of(tmp), SourceOptions.DEFAULT);

        assertEquals(1, m.inputs().size());
        assertEquals(1, m.resources().size());
        List<String> lines = skipped(m).stream().map(d -> d.location().file() + " " + d.message()).toList();
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("loop") && l.contains("symbolic link loop")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains(".terraform") && l.contains("hidden folder")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("provider.bin") && l.contains("binary")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("notes.md") && l.contains("neither")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("broken.json")), lines::toString);
    }

    @Test
    void aFolderWithNothingReadableIsUnusableInput() throws IOException {
        InputException empty = assertThrows(InputException.class,
                () -> Inputs.load(List.of(tmp), SourceOptions.DEFAULT));
        assertEquals("no file under this folder", empty.problem());
        Files.writeString(tmp.resolve("a.txt"), "hello");
        InputException none = assertThrows(InputException.class,
                () -> Inputs.load(List.of(tmp), SourceOptions.DEFAULT));
        assertTrue(none.problem().startsWith("no Terraform plan, CloudFormation template or Plumbline snapshot under "
                + "this folder (1 file skipped)"), none.problem());
    }
}
