package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.features.run.FeatureRun;
import io.plumbline.features.run.Report;
import io.plumbline.features.run.ScenarioResult;
import io.plumbline.reference.ReferenceArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue #12: the bundled specifications give every scenario the same verdict on the reference example, and on each of
 * its variants, with every {@code plumbline:*} tag removed ({@link ReferenceArchitecture#readUntagged}), as with the
 * tags: the steps that select by tier ({@code the load balancer resources ... in the public tier}), by bucket role
 * ({@code with role "logs"}) and by criticality read the network and the uses of each bucket, not the tags. Both
 * formats: the Terraform plan and the CloudFormation template alone, and together as the reference run reads them.
 */
class UntaggedFeaturesTest {
    private static final Path DIR = Path.of("target", "untagged-reference");
    private static final Path PROFILE = Path.of("src", "test", "resources", "untagged", "profile.yaml");

    static Stream<String> inputs() {
        List<String> out = new ArrayList<>(List.of("reference", ReferenceArchitecture.TERRAFORM_PLAN,
                ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            String f = v.file().contains("/") ? v.file() : "variants/" + v.file();
            if (!out.contains(f)) out.add(f);
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void everyScenarioKeepsItsVerdictWithoutPlumblineTags(String input) {
        List<String> files = input.equals("reference")
                ? List.of(ReferenceArchitecture.TERRAFORM_PLAN, ReferenceArchitecture.CLOUDFORMATION_TEMPLATE)
                : List.of(input);
        List<String> tagged = new ArrayList<>();
        List<Path> untagged = new ArrayList<>();
        for (String f : files) {
            tagged.add(Target.REFERENCE_PREFIX + f);
            untagged.add(writeUntagged(f));
        }
        Report taggedRun = FeatureRun.run(FeatureRun.Options.bundled(deployed(new Target(tagged, null, Map.of(), null))));
        Report untaggedRun = FeatureRun.run(FeatureRun.Options.bundled(deployed(Target.ofFiles(untagged))));
        Map<String, String> before = verdicts(taggedRun);
        Map<String, String> after = verdicts(untaggedRun);
        assertTrue(before.size() >= 50, () -> input + ": " + before.size() + " scenarios");
        List<String> diff = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (!e.getValue().equals(now)) {
                diff.add(e.getKey() + "\n    tagged: " + e.getValue() + message(taggedRun, e.getKey())
                        + "\n    untagged: " + now + message(untaggedRun, e.getKey()));
            }
        }
        assertEquals(before.keySet(), after.keySet(), input);
        assertEquals(List.of(), diff, () -> input + " changes scenario verdicts without its tags:\n"
                + String.join("\n", diff));
    }

    /**
     * Both runs get what a user deploying the reference would state: the stack name and region of the template (its
     * bucket names and replication ARNs are built from {@code AWS::StackName} and {@code AWS::Partition}), and the
     * names of the state and backup buckets ({@code untagged/profile.yaml}), which no file says. Without them the
     * untagged roles are unknown (undecided scenarios), never guessed.
     */
    private static Target deployed(Target t) {
        return t.withParameters(Map.of("AWS::StackName", "plumbline-reference")).withRegion("eu-west-1")
                .withProfile(PROFILE);
    }

    /** The untagged copy of a bundled file, written where the features runner reads input files from. */
    private static Path writeUntagged(String relativePath) {
        byte[] tagged = ReferenceArchitecture.read(relativePath);
        byte[] untagged = ReferenceArchitecture.readUntagged(relativePath);
        assertTrue(new String(tagged, StandardCharsets.UTF_8).contains("plumbline:"), relativePath + " has tags");
        assertFalse(new String(untagged, StandardCharsets.UTF_8).contains("plumbline:"), relativePath);
        try {
            Path out = DIR.resolve(relativePath);
            Files.createDirectories(out.getParent());
            Files.write(out, untagged);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scenario (feature file, line, name) to its verdict. */
    private static Map<String, String> verdicts(Report report) {
        Map<String, String> out = new TreeMap<>();
        for (ScenarioResult s : report.scenarios()) out.put(key(s), s.verdict().name());
        return out;
    }

    private static String key(ScenarioResult s) {
        return s.location() + " " + s.name();
    }

    private static String message(Report report, String key) {
        for (ScenarioResult s : report.scenarios()) {
            if (key(s).equals(key) && s.message() != null) return " " + s.message().replace("\n", "\n      ");
        }
        return "";
    }
}
