package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.RuleRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecificationsTest {
    @Test
    void everyImplementedRuleHasABundledScenario() {
        Map<String, List<Specifications.Scenario>> byRule = Specifications.bundledByRule();
        for (var rule : RuleRegistry.discover().all()) {
            String id = rule.descriptor().id();
            assertTrue(byRule.containsKey(id) && !byRule.get(id).isEmpty(), () -> id + " has no scenario");
        }
        Specifications.Scenario retention = byRule.get("BAK-001").get(0);
        assertEquals("backups.feature", retention.file());
        assertTrue(retention.name().startsWith("Aurora keeps automated backups"), retention.name());
        assertTrue(retention.line() > 1);
    }

    @Test
    void tagsApplyOnlyToTheScenarioThatFollowsThem() {
        Map<String, List<Specifications.Scenario>> out = new java.util.TreeMap<>();
        Specifications.scan("x.feature", "Feature: F\n  @ENC-001 @high\n  Scenario: one\n    Given x\n"
                + "  Scenario: two\n    Given y\n  @NET-003\n  Scenario Outline: three\n", out);
        assertEquals(List.of("one"), out.get("ENC-001").stream().map(Specifications.Scenario::name).toList());
        assertEquals(List.of("three"), out.get("NET-003").stream().map(Specifications.Scenario::name).toList());
        assertFalse(out.containsKey("high"));
    }
}
