package io.plumbline.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTag;
import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled features are honest about what they check: every scenario carries one rule id and one severity (the
 * rule's, in the registry and in the rule catalog); a scenario of an implemented rule runs that rule, and one whose
 * rule is not implemented says so (@no-rule-yet) and runs no rule; every framework-control tag is a mapping the rule
 * catalog gives for that rule, not marked unconfirmed.
 */
class FeatureTagsTest {
    private static final Pattern RULE_ID = Pattern.compile("@([A-Z]{2,5}-\\d{3})");
    private static final Set<String> SEVERITIES = Set.of("@critical", "@high", "@medium", "@low");
    private static final Pattern CONTROL = Pattern.compile("@(NIST|SH|CIS|NAG)-(.+)");
    private static final Pattern RULE_STEP = Pattern.compile("rule ([A-Z]{2,5}-\\d{3}) passes.*");

    private static List<String> tags(Pickle p) {
        return p.getTags().stream().map(PickleTag::getName).toList();
    }

    @Test
    void everyScenarioHasOneRuleOneSeverityAndRunsItsRuleIfThereIsOne() {
        Map<String, RuleDescriptor> rules = new HashMap<>();
        for (Rule r : Subject.registry().all()) rules.put(r.descriptor().id(), r.descriptor());
        List<String> problems = new ArrayList<>();
        for (Pickle p : BundledFeatures.pickles()) {
            String where = p.getUri() + " '" + p.getName() + "'";
            List<String> ids = tags(p).stream().filter(t -> RULE_ID.matcher(t).matches()).map(t -> t.substring(1)).toList();
            List<String> sev = tags(p).stream().filter(SEVERITIES::contains).toList();
            if (ids.size() != 1 || sev.size() != 1) {
                problems.add(where + ": rule tags " + ids + ", severity tags " + sev);
                continue;
            }
            String id = ids.get(0);
            List<String> ruleSteps = new ArrayList<>();
            for (PickleStep s : p.getSteps()) {
                Matcher m = RULE_STEP.matcher(s.getText());
                if (m.matches()) ruleSteps.add(m.group(1));
            }
            RuleDescriptor d = rules.get(id);
            boolean noRule = tags(p).contains("@no-rule-yet");
            if (d != null) {
                if (noRule) problems.add(where + ": tagged @no-rule-yet but " + id + " is implemented");
                if (!ruleSteps.contains(id)) problems.add(where + ": does not run rule " + id);
                if (!sev.get(0).equals("@" + d.severity().lower())) {
                    problems.add(where + ": severity " + sev.get(0) + ", rule " + id + " says " + d.severity().lower());
                }
            } else {
                if (!noRule) problems.add(where + ": " + id + " is not implemented: tag the scenario @no-rule-yet");
                if (!ruleSteps.isEmpty()) problems.add(where + ": runs rules " + ruleSteps);
            }
            for (String r : ruleSteps) if (!r.equals(id)) problems.add(where + ": runs rule " + r + ", tagged " + id);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void controlAndSeverityTagsAreTheRuleCatalogs() throws IOException {
        Path catalog = Path.of(System.getProperty("plumbline.shared", "../../shared"), "rule-catalog.md");
        assumeTrue(Files.exists(catalog), "the rule catalog is not beside this checkout");
        Map<String, String> rows = new HashMap<>();
        for (String line : Files.readAllLines(catalog)) {
            Matcher m = Pattern.compile("^\\| \\*\\*([A-Z]{2,5}-\\d{3})\\*\\*").matcher(line);
            if (m.find()) rows.put(m.group(1), line);
        }
        List<String> problems = new ArrayList<>();
        int controls = 0;
        for (Pickle p : BundledFeatures.pickles()) {
            String where = p.getUri().substring(p.getUri().lastIndexOf('/') + 1) + " '" + p.getName() + "'";
            String id = tags(p).stream().filter(t -> RULE_ID.matcher(t).matches()).map(t -> t.substring(1)).findFirst()
                    .orElseThrow();
            String row = rows.get(id);
            if (row == null) {
                problems.add(where + ": " + id + " is not in the rule catalog");
                continue;
            }
            String[] cols = row.split(" \\| ");
            String sev = tags(p).stream().filter(SEVERITIES::contains).findFirst().orElse("");
            if (!sev.equals("@" + cols[1].trim().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": severity " + sev + ", the catalog says " + cols[1].trim());
            }
            for (String tag : tags(p)) {
                Matcher m = CONTROL.matcher(tag);
                if (!m.matches()) continue;
                controls++;
                String control = m.group(2);
                String mapping = cols.length > 6 ? cols[6] : "";
                Pattern confirmed = Pattern.compile("(?<![\\w.-])" + Pattern.quote(control) + "(?![\\w?]|\\.\\d)");
                if (!confirmed.matcher(mapping).find()) {
                    problems.add(where + ": " + tag + " is not a confirmed mapping of " + id + " in the catalog");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(controls > 40, "control tags checked: " + controls);
    }
}
