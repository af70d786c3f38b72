package io.plumbline.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which bundled scenario specifies which rule: read from the rule-id tags of the bundled feature files, so that a
 * report can send an auditor from a rule to the Gherkin requirement it implements.
 */
public final class Specifications {
    /** The bundled feature files, below {@code io/plumbline/features/}. */
    public static final List<String> BUNDLED = List.of("multi-az-resilience.feature", "encryption.feature",
            "network-paths.feature", "backups.feature", "cross-region-replication.feature",
            "identity-secrets.feature", "logging-monitoring.feature", "edge.feature");
    private static final Pattern RULE_TAG = Pattern.compile("@([A-Z]{3}-\\d{3})");

    /** One scenario that specifies a rule. */
    public record Scenario(String file, String feature, String name, int line) {
        @Override
        public String toString() {
            return feature + " — " + name + " (" + file + ":" + line + ")";
        }
    }

    private Specifications() {
    }

    /** Rule id → the bundled scenarios tagged with it, in file order. */
    public static Map<String, List<Scenario>> bundledByRule() {
        Map<String, List<Scenario>> out = new TreeMap<>();
        for (String file : BUNDLED) {
            try (InputStream in = Specifications.class.getResourceAsStream("/io/plumbline/features/" + file)) {
                if (in == null) continue;
                scan(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static void scan(String file, String gherkin, Map<String, List<Scenario>> out) {
        String feature = file;
        List<String> pendingRules = new ArrayList<>();
        String[] lines = gherkin.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.startsWith("Feature:")) {
                feature = t.substring("Feature:".length()).trim();
                pendingRules.clear();
            } else if (t.startsWith("@")) {
                var m = RULE_TAG.matcher(t);
                while (m.find()) pendingRules.add(m.group(1));
            } else if (t.startsWith("Scenario:") || t.startsWith("Scenario Outline:")) {
                String name = t.substring(t.indexOf(':') + 1).trim();
                for (String rule : pendingRules) {
                    out.computeIfAbsent(rule, k -> new ArrayList<>()).add(new Scenario(file, feature, name, i + 1));
                }
                pendingRules.clear();
            } else if (!t.isEmpty() && !t.startsWith("#")) {
                pendingRules.clear();
            }
        }
    }

    /** As plain strings per rule, for reports that must not depend on this module's types. */
    public static Map<String, List<String>> bundledByRuleAsText() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        bundledByRule().forEach((rule, list) -> out.put(rule, list.stream().map(Scenario::toString).toList()));
        return out;
    }
}
