package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.plumbline.engine.Engine;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.reference.ReferenceArchitecture.Variant;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Rule;
import io.plumbline.rule.Status;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples that prove every rule: each rule discovered on the class path passes on the bundled reference
 * Terraform plan and CloudFormation template (no FAIL, no UNKNOWN, at least one PASS); gives, on every non-compliant
 * variant of {@code variants/index.tsv}, the verdict the row expects on the row's resource; and has at least one
 * variant of each input kind, so no rule ships without proof.
 */
class RuleExamplesTest {
    private static final Profile PROFILE = ReferenceArchitecture.profile();
    private static final RuleRegistry REGISTRY = RuleRegistry.discover();
    private static final Map<String, Model> MODELS = new ConcurrentHashMap<>();

    private enum Kind { TERRAFORM, CLOUDFORMATION }

    /**
     * Rules about an account setting no CloudFormation resource type holds (ENC-003, EBS encryption by default): on a
     * template they are NOT_APPLICABLE with that reason, so they have neither a PASS nor a variant there.
     */
    private static final Set<String> NOT_IN_TEMPLATES = Set.of("ENC-003");

    @TestFactory
    Stream<DynamicNode> referenceInputsPassEveryRule() {
        assertFalse(REGISTRY.all().isEmpty(), "no rule discovered (META-INF/services/io.plumbline.rule.Rule)");
        return Stream.of(ReferenceArchitecture.TERRAFORM_PLAN, ReferenceArchitecture.CLOUDFORMATION_TEMPLATE)
                .map(file -> DynamicContainer.dynamicContainer(file, REGISTRY.all().stream().map(rule ->
                        DynamicTest.dynamicTest(id(rule) + " passes on " + file, () -> {
                            List<Finding> findings = evaluate(rule, file);
                            if (NOT_IN_TEMPLATES.contains(id(rule)) && kind(file) == Kind.CLOUDFORMATION) {
                                assertFalse(findings.isEmpty(), id(rule) + " says nothing on " + file);
                                assertTrue(findings.stream().allMatch(f -> f.status() == Status.NOT_APPLICABLE),
                                        () -> id(rule) + " on " + file + ":\n" + describe(findings));
                                return;
                            }
                            List<Finding> bad = findings.stream()
                                    .filter(f -> f.status() == Status.FAIL || f.status() == Status.UNKNOWN).toList();
                            assertTrue(bad.isEmpty(), () -> id(rule) + " on " + file + ":\n" + describe(bad));
                            assertTrue(findings.stream().anyMatch(f -> f.status() == Status.PASS),
                                    () -> id(rule) + " has no PASS on " + file + " (it found nothing to check); "
                                            + "findings:\n" + describe(findings));
                        }))));
    }

    @TestFactory
    Stream<DynamicTest> variantsGiveTheirExpectedVerdict() {
        return ReferenceArchitecture.variants().stream().map(v -> DynamicTest.dynamicTest(
                v.rule() + " " + v.expected() + " on " + v.resource() + " in " + v.file() + " (" + v.description() + ")",
                () -> {
                    List<Rule> rules = REGISTRY.select(List.of(v.rule()));
                    Status expected = status(v.expected());
                    List<Finding> findings = evaluate(rules.get(0), variantPath(v.file())).stream()
                            .filter(f -> f.resource().equals(v.resource())).toList();
                    assertFalse(findings.isEmpty(), () -> v.rule() + " gave no finding on " + v.resource() + " in "
                            + v.file() + "; resources it judged: " + evaluate(rules.get(0), variantPath(v.file()))
                            .stream().map(f -> f.resource() + "=" + f.status()).collect(Collectors.joining(", ")));
                    for (Finding f : findings) {
                        assertEquals(expected, f.status(), () -> v.rule() + " on " + v.resource() + " in " + v.file()
                                + ": expected " + expected + "\n" + describe(List.of(f)));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasATerraformAndACloudFormationVariant() {
        List<Variant> variants = ReferenceArchitecture.variants();
        return REGISTRY.all().stream().map(rule -> DynamicTest.dynamicTest(id(rule) + " has variants of both kinds",
                () -> {
                    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                    for (Variant v : variants) {
                        if (v.rule().equalsIgnoreCase(id(rule))) kinds.add(kind(variantPath(v.file())));
                    }
                    assertTrue(kinds.contains(Kind.TERRAFORM), id(rule) + " has no Terraform variant in variants/index.tsv");
                    assertTrue(kinds.contains(Kind.CLOUDFORMATION) || NOT_IN_TEMPLATES.contains(id(rule)),
                            id(rule) + " has no CloudFormation variant in variants/index.tsv");
                }));
    }

    private static String id(Rule rule) {
        return rule.descriptor().id();
    }

    private static List<Finding> evaluate(Rule rule, String file) {
        return Engine.evaluate(model(file), PROFILE, List.of(rule)).findings();
    }

    private static Model model(String file) {
        return MODELS.computeIfAbsent(file, f -> Inputs.load(ReferenceArchitecture.displayName(f),
                ReferenceArchitecture.read(f), SourceOptions.DEFAULT));
    }

    /** Variant files are named relative to the reference directory ({@code variants/x.json}) or to variants/. */
    private static String variantPath(String file) {
        if (file.startsWith("variants/") || file.startsWith("terraform/") || file.startsWith("cloudformation/")) {
            return file;
        }
        return "variants/" + file;
    }

    /** The input kind, from content (a plan is JSON with a format_version), never from the file name. */
    private static Kind kind(String file) {
        String text = new String(ReferenceArchitecture.read(file), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) text = text.substring(1).stripLeading();
        boolean plan = text.startsWith("{") && text.contains("\"format_version\"")
                && (text.contains("\"resource_changes\"") || text.contains("\"planned_values\""));
        return plan ? Kind.TERRAFORM : Kind.CLOUDFORMATION;
    }

    private static Status status(String s) {
        try {
            return Status.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            fail("variants/index.tsv: unknown expected status '" + s + "'");
            return null;
        }
    }

    private static String describe(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add("  " + f.status() + " " + f.resource() + " @ " + f.location() + ": " + f.message()
                    + f.evidence().stream().map(e -> "\n      " + e.attribute() + " = " + e.actual() + " (expected "
                    + e.expected() + ", " + e.certainty() + " @ " + e.location() + ")").collect(Collectors.joining()));
        }
        return String.join("\n", out);
    }
}
