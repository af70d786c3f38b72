package io.plumbline.features.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The scenarios of one run and their verdicts. */
public record Report(List<ScenarioResult> scenarios) {
    public Report {
        scenarios = List.copyOf(scenarios);
    }

    public List<ScenarioResult> with(ScenarioResult.Verdict verdict) {
        return scenarios.stream().filter(s -> s.verdict() == verdict).toList();
    }

    public List<ScenarioResult> failed() {
        return with(ScenarioResult.Verdict.FAILED);
    }

    public List<ScenarioResult> undecided() {
        return with(ScenarioResult.Verdict.UNDECIDED);
    }

    public List<ScenarioResult> passed() {
        return with(ScenarioResult.Verdict.PASSED);
    }

    /** The scenarios of each rule id (by their rule tags), for reports that link a rule to its scenarios. */
    public Map<String, List<ScenarioResult>> byRule() {
        Map<String, List<ScenarioResult>> m = new TreeMap<>();
        for (ScenarioResult s : scenarios) {
            for (String id : s.ruleIds()) m.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(s);
        }
        return m;
    }

    /** The rule index as plain data: rule id to its scenarios' feature, name, place, verdict and tags. */
    public Map<String, List<Map<String, Object>>> ruleIndex() {
        Map<String, List<Map<String, Object>>> out = new TreeMap<>();
        byRule().forEach((id, list) -> {
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (ScenarioResult s : list) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("feature", s.feature());
                row.put("scenario", s.name());
                row.put("uri", s.uri());
                row.put("line", s.line());
                row.put("verdict", s.verdict().name());
                row.put("tags", s.tags());
                rows.add(row);
            }
            out.put(id, rows);
        });
        return out;
    }

    /** "12 passed, 1 failed, 3 undecided". */
    public String summary() {
        return passed().size() + " passed, " + failed().size() + " failed, " + undecided().size() + " undecided";
    }
}
