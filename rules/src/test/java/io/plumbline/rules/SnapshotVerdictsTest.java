package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Engine;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Gap;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import io.plumbline.source.snapshot.SnapshotReader;
import io.plumbline.source.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot gives back the verdicts of the model it was taken from: every rule, on the reference plan and template
 * and on every non-compliant variant, finds the same things (status, resource, message, evidence, location) on the
 * model read back from the snapshot as on the original.
 */
class SnapshotVerdictsTest {
    private static final Profile PROFILE = ReferenceArchitecture.profile();
    private static final RuleRegistry REGISTRY = RuleRegistry.discover();

    @TempDir
    Path tmp;

    static List<String> referenceFiles() {
        Set<String> files = new LinkedHashSet<>();
        files.add(ReferenceArchitecture.TERRAFORM_PLAN);
        files.add(ReferenceArchitecture.CLOUDFORMATION_TEMPLATE);
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            String f = v.file();
            files.add(f.startsWith("variants/") || f.startsWith("terraform/") || f.startsWith("cloudformation/")
                    ? f : "variants/" + f);
        }
        return new ArrayList<>(files);
    }

    private static Model load(String file) {
        return Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file), SourceOptions.DEFAULT);
    }

    private static List<Finding> findings(Model m) {
        return Engine.evaluate(m, PROFILE, REGISTRY.all()).findings();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleGivesTheSameVerdictsOnTheSnapshot() {
        assertFalse(REGISTRY.all().isEmpty());
        return referenceFiles().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            Model original = load(file);
            byte[] snapshot = SnapshotWriter.write(original);
            Model back = Inputs.load("nightly.snapshot.json", snapshot, SourceOptions.DEFAULT);
            List<Finding> before = findings(original);
            List<Finding> after = findings(back);
            assertFalse(before.isEmpty(), file + " gives findings");
            assertEquals(summary(before), summary(after), file + ": status, resource and message");
            assertEquals(before, after, file + ": findings in full (evidence, locations)");
        }));
    }

    @Test
    void theVariantsReallyFail() {
        // The comparison above covers FAIL verdicts, not only passes.
        long fails = referenceFiles().stream().map(SnapshotVerdictsTest::load).map(SnapshotVerdictsTest::findings)
                .flatMap(List::stream).filter(f -> f.status() == Status.FAIL).count();
        assertTrue(fails >= 20, "FAIL findings across the variants: " + fails);
    }

    @Test
    void aPlanAndATemplateTogetherKeepTheirOwnReferences() throws Exception {
        Model merged = Model.merge(List.of(load(ReferenceArchitecture.TERRAFORM_PLAN),
                load(ReferenceArchitecture.CLOUDFORMATION_TEMPLATE), load("variants/" + firstVariant())));
        Path saved = tmp.resolve("merged.json");
        SnapshotWriter.save(merged, saved, "test");
        Model back = Inputs.load(saved, SourceOptions.DEFAULT);
        assertEquals(3, back.parts().size());
        assertEquals(findings(merged), findings(back));
        assertArrayEquals(SnapshotWriter.write(merged, "test"), SnapshotWriter.write(back, "test"));
    }

    @Test
    void aModelWithGapsKeepsThemAndItsVerdicts() {
        Model base = load(ReferenceArchitecture.TERRAFORM_PLAN);
        List<Gap> gaps = List.of(
                new Gap("123456789012", "eu-west-1", Kind.NETWORK_ACL, "ec2:DescribeNetworkAcls", "AccessDenied"),
                new Gap("123456789012", null, Kind.CLOUDFRONT_DISTRIBUTION, "cloudfront:ListDistributions", "Throttling"));
        Model withGaps = new Model(base.resources(), base.inputs(), base.diagnostics(), gaps);
        Model back = SnapshotReader.read(SnapshotWriter.write(withGaps), "s.json");
        assertEquals(gaps, back.gaps());
        assertEquals(findings(withGaps), findings(back));
    }

    private static String firstVariant() {
        String f = ReferenceArchitecture.variants().get(0).file();
        return f.startsWith("variants/") ? f.substring("variants/".length()) : f;
    }

    private static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.status() + " " + f.resource() + ": " + f.message())
                .collect(Collectors.toList());
    }
}
