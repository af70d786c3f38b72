package io.plumbline.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleContext;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps {@code @RuleInfo(reads = ...)} honest: every rule runs on the reference plan and template and on every variant,
 * each time on a fresh model (so no cache hides a read), and the kinds it actually asked the model for must all be
 * declared. A rule that walks every resource must declare nothing (= any kind). The declaration decides which gaps of
 * a live audit make the rule undecided, so an undeclared read would let a verdict pass on data that was never read.
 */
class RuleReadsTest {

    @TestFactory
    Stream<DynamicTest> everyRuleDeclaresWhatItReads() {
        List<String> files = new ArrayList<>(List.of(ReferenceArchitecture.TERRAFORM_PLAN,
                ReferenceArchitecture.CLOUDFORMATION_TEMPLATE));
        for (ReferenceArchitecture.Variant v : ReferenceArchitecture.variants()) {
            String f = v.file().contains("/") ? v.file() : "variants/" + v.file();
            if (!files.contains(f)) files.add(f);
        }
        return RuleRegistry.discover().all().stream().map(rule -> DynamicTest.dynamicTest(
                rule.descriptor().id() + " declares the kinds it reads", () -> {
                    Set<Class<?>> read = new LinkedHashSet<>();
                    for (String f : files) read.addAll(reads(rule, f));
                    List<Kind> declared = rule.descriptor().reads();
                    if (read.contains(Resource.class)) {
                        assertTrue(declared.isEmpty(), () -> rule.descriptor().id() + " walks every resource, so it "
                                + "must declare no reads (any kind), but declares " + declared);
                        return;
                    }
                    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
                    for (Class<?> c : read) kinds.add(kindOf(c));
                    assertTrue(!declared.isEmpty(), () -> rule.descriptor().id() + " reads only " + kinds
                            + ": declare them in @RuleInfo(reads = ...)");
                    Set<Kind> undeclared = EnumSet.copyOf(kinds);
                    declared.forEach(undeclared::remove);
                    assertTrue(undeclared.isEmpty(), () -> rule.descriptor().id() + " reads " + undeclared
                            + " without declaring it (declared " + declared + ")");
                }));
    }

    private static Set<Class<?>> reads(Rule rule, String file) {
        Model fresh = Inputs.load(ReferenceArchitecture.displayName(file), ReferenceArchitecture.read(file),
                SourceOptions.DEFAULT);
        return Model.recordingReads(() -> rule.check(new RuleContext(fresh, ReferenceArchitecture.profile(),
                rule.descriptor())));
    }

    private static Kind kindOf(Class<?> type) {
        try {
            return ((Resource) type.getConstructor(String.class, String.class, Provenance.class)
                    .newInstance("x", "x", Provenance.NONE)).kind();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot tell the kind of " + type, e);
        }
    }
}
