package io.plumbline.source.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Terraform plan and CloudFormation template of the shared corpus survives a snapshot: the model read back (by
 * content detection, as {@code plumbline check FILE} reads it) has every resource and every value as it was, and
 * writing it again gives the same bytes.
 */
class CorpusRoundTripTest {

    static List<Path> corpusFiles() throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String kind : List.of("terraform", "cloudformation")) {
            try (Stream<Path> s = Files.list(Shared.corpus(kind))) {
                s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml")
                        || p.toString().endsWith(".yml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void theCorpusIsThere() throws IOException {
        assertEquals(104, corpusFiles().size(), "52 plans and 52 templates");
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusInputRoundTrips() throws IOException {
        return corpusFiles().stream().map(p -> DynamicTest.dynamicTest(
                p.getParent().getFileName() + "/" + p.getFileName(), () -> roundTrip(p)));
    }

    static void roundTrip(Path p) {
        Model original = Inputs.load(p, SourceOptions.DEFAULT);
        byte[] bytes = SnapshotWriter.write(original);
        Model back = Inputs.load("saved.json", bytes, SourceOptions.DEFAULT);
        List<String> diffs = Deep.diff(original, back);
        assertTrue(diffs.isEmpty(), () -> p + ":\n  " + String.join("\n  ", diffs));
        assertArrayEquals(bytes, SnapshotWriter.write(back), "writing the model read back gives the same bytes");
        assertArrayEquals(bytes, SnapshotWriter.write(Inputs.load(p, SourceOptions.DEFAULT)),
                "loading the same input again gives the same bytes");
    }

    @Test
    void mergedInputsKeepTheirParts() throws IOException {
        List<Path> files = corpusFiles();
        Model merged = Inputs.load(List.of(files.get(0), files.get(1), files.get(files.size() - 1)), SourceOptions.DEFAULT);
        assertEquals(3, merged.parts().size());
        Model back = SnapshotReader.read(SnapshotWriter.write(merged), "merged.json");
        assertEquals(3, back.parts().size());
        List<String> diffs = Deep.diff(merged, back);
        assertTrue(diffs.isEmpty(), () -> String.join("\n", diffs));
    }
}
