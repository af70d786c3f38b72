package io.plumbline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rules see only the model: never a source format, a parser, or the AWS SDK. */
class RulesLayeringTest {
    private static JavaClasses rules;

    @BeforeAll
    static void importRules() {
        rules = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plumbline.rules");
    }

    @Test
    void rulesNeverTouchASourceFormat() {
        noClasses().that().resideInAPackage("io.plumbline.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plumbline.source..",
                        "com.fasterxml.jackson..", "org.snakeyaml..", "software.amazon..")
                .check(rules);
    }

    @Test
    void everyRuleCarriesItsMetadata() {
        classes().that().implement(Rule.class).should().beAnnotatedWith(RuleInfo.class).check(rules);
    }
}
