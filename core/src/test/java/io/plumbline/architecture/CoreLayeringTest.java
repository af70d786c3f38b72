package io.plumbline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of core, kept by tests rather than by memory. */
class CoreLayeringTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plumbline");
    }

    @Test
    void coreNeverDependsOnTheAwsSdk() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(core);
    }

    @Test
    void modelRuleApiAndEngineNeverSeeASourceFormat() {
        noClasses().that().resideInAnyPackage("io.plumbline.model..", "io.plumbline.rule..", "io.plumbline.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.plumbline.source..", "com.fasterxml.jackson..", "org.snakeyaml..")
                .check(core);
    }

    @Test
    void sourcesDoNotDependOnRulesOrTheEngine() {
        noClasses().that().resideInAPackage("io.plumbline.source..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plumbline.rule..", "io.plumbline.engine..")
                .check(core);
    }

    @Test
    void oneSourceDoesNotReachIntoAnother() {
        noClasses().that().resideInAPackage("io.plumbline.source.terraform..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.source.cloudformation..")
                .check(core);
        noClasses().that().resideInAPackage("io.plumbline.source.cloudformation..")
                .should().dependOnClassesThat().resideInAPackage("io.plumbline.source.terraform..")
                .check(core);
    }
}
