package io.plumbline.source.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Gap;
import io.plumbline.model.InputFile;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every resource class of the model, every public field filled with values of every certainty and provenance, nested
 * records, lists and maps: written and read back, the model is the same, field by field.
 */
class EveryShapeTest {

    @Test
    void everyKindHasAResourceClassOnTheClassPath() throws Exception {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Class<? extends Resource> c : Samples.resourceClasses()) {
            kinds.add(c.getConstructor(String.class, String.class, Provenance.class).newInstance("a", "t", null).kind());
        }
        assertEquals(EnumSet.allOf(Kind.class), kinds, "resource classes found by the scan");
    }

    /** A model of two parts: all resource classes twice (two seeds of made-up values), with gaps and diagnostics. */
    static Model sampleModel(long seed) throws Exception {
        Samples samples = new Samples(seed);
        List<Resource> first = new ArrayList<>();
        List<Resource> second = new ArrayList<>();
        for (Class<? extends Resource> c : Samples.resourceClasses()) {
            first.add(samples.filled(c, "a." + c.getSimpleName()));
            second.add(samples.filled(c, "b." + c.getSimpleName()));
        }
        List<Gap> gaps = List.of(
                new Gap("123456789012", "eu-west-1", Kind.NETWORK_ACL, "ec2:DescribeNetworkAcls", "AccessDenied"),
                new Gap(null, null, Kind.CLOUDFRONT_DISTRIBUTION, "cloudfront:ListDistributions", "Throttling"));
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.warning("a transform was not expanded", Provenance.inFile("stack.yaml", 3, 1, null)),
                Diagnostic.info("note", Provenance.NONE), new Diagnostic(Diagnostic.Level.INFO, "no place", null));
        List<InputFile> inputs = List.of(new InputFile("plan.json", "terraform-plan", "ab12", 10, 8, 1, 1));
        return Model.merge(List.of(new Model(first, inputs, diagnostics, gaps),
                new Model(second, List.of(new InputFile("stack.yaml", "cloudformation", "cd34", 3, 3, 0, 0)),
                        List.of(), List.of(new Gap("210987654321", "us-east-1", Kind.KMS_KEY, "kms:ListKeys", "x")))));
    }

    @TestFactory
    Stream<DynamicTest> everyShapeRoundTrips() {
        return LongStream.rangeClosed(1, 12).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            Model original = sampleModel(seed);
            assertEquals(2 * Samples.resourceClasses().size(), original.resources().size(), "every resource class, twice");
            byte[] bytes = SnapshotWriter.write(original, "1.2.3");
            Model back = Inputs.load("snapshot.json", bytes, SourceOptions.DEFAULT);
            List<String> diffs = Deep.diff(original, back);
            assertTrue(diffs.isEmpty(), () -> "seed " + seed + ":\n  " + String.join("\n  ", diffs));
            assertArrayEquals(bytes, SnapshotWriter.write(back, "1.2.3"));
        }));
    }

    @Test
    void theSameModelGivesTheSameBytes() throws Exception {
        byte[] a = SnapshotWriter.write(sampleModel(7));
        byte[] b = SnapshotWriter.write(sampleModel(7));
        assertArrayEquals(a, b);
        String json = new String(a, StandardCharsets.UTF_8);
        assertFalse(json.contains("\r"), "line ends are \\n on every platform");
        for (String shape : List.of("\"sensitive\": true", "\"operation\": \"ec2:DescribeThings\"", "\"DEFAULTED\"",
                "\"pointer\": \"/resource_changes/", "\"value\": null", "\"class\": \"io.plumbline.model.GenericResource\"")) {
            assertTrue(json.contains(shape), "the sample model has " + shape);
        }
    }

    @Test
    void mapKeysAreSortedWhateverTheInsertionOrder() throws Exception {
        SecurityGroup g = new SecurityGroup("sg", "aws_security_group", Provenance.NONE);
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("zeta", "1");
        tags.put("Name", "2");
        tags.put("alpha", "3");
        g.tags = Value.explicit(tags, Provenance.NONE);
        String json = new String(SnapshotWriter.write(new Model(List.of(g), List.of(), List.of())), StandardCharsets.UTF_8);
        int name = json.indexOf("\"Name\"");
        int alpha = json.indexOf("\"alpha\"");
        int zeta = json.indexOf("\"zeta\"");
        assertTrue(name > 0 && name < alpha && alpha < zeta, json);
    }

    @Test
    void notInInputComesBackAsTheSameInstance() throws Exception {
        SecurityGroup g = new SecurityGroup("sg", "aws_security_group", Provenance.NONE);
        Model back = SnapshotReader.read(SnapshotWriter.write(new Model(List.of(g), List.of(), List.of())), "s.json");
        assertSame(Value.notInInput(), ((SecurityGroup) back.resources().get(0)).vpc);
    }

    @Test
    void theComparisonSeesADifference() throws Exception {
        Model original = sampleModel(3);
        Model back = SnapshotReader.read(SnapshotWriter.write(original), "s.json");
        SecurityGroup g = back.all(SecurityGroup.class).get(0);
        g.description = g.description.withProvenance(Provenance.inFile("elsewhere.json", 9, 9, "/x"));
        assertFalse(Deep.diff(original, back).isEmpty(), "a changed provenance is seen");
    }

    @Test
    void gapsAreKeptWithTheirScope() throws Exception {
        Model original = sampleModel(5);
        Model back = SnapshotReader.read(SnapshotWriter.write(original), "s.json");
        assertEquals(3, back.gaps().size());
        assertEquals(original.gaps(), back.gaps());
        String json = new String(SnapshotWriter.write(original), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"accounts\": [\n    \"123456789012\",\n    \"210987654321\"\n  ]"), json.substring(0, 400));
    }
}
