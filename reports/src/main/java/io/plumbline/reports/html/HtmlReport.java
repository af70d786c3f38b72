package io.plumbline.reports.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.plumbline.engine.Result;
import io.plumbline.model.InputFile;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The auditor's report: one self-contained HTML file (inline style and script, no network, prints cleanly), rendered
 * from a Mustache template whose {@code {{ }}} escaping keeps every value from the input as text. The page script reads
 * only data attributes and never writes markup.
 */
public final class HtmlReport {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/plumbline/reports/html")
            .compile("report.mustache");
    private static final int BAR_WIDTH = 320;

    private HtmlReport() {
    }

    public static void write(Result result, String toolVersion, Instant generatedAt, OutputStream out) {
        write(result, toolVersion, generatedAt, History.NONE, out);
    }

    /** With the trend of earlier runs and what changed since the latest of them. */
    public static void write(Result result, String toolVersion, Instant generatedAt, History history,
                             OutputStream out) {
        write(result, toolVersion, generatedAt, history, Map.of(), out);
    }

    /**
     * With, for each rule, the executable specifications (Cucumber scenarios) that state its requirement in an
     * auditor's words.
     */
    public static void write(Result result, String toolVersion, Instant generatedAt, History history,
                             Map<String, List<String>> specifications, OutputStream out) {
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Map<String, Object> view = view(result, toolVersion, generatedAt);
            trend(view, result, history);
            for (Object o : (List<?>) view.get("rules")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) o;
                List<String> specs = specifications.getOrDefault((String) r.get("id"), List.of());
                r.put("specifications", specs);
                r.put("hasSpecifications", !specs.isEmpty());
            }
            TEMPLATE.execute(w, view).flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, Object> view(Result result, String toolVersion, Instant generatedAt) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("toolVersion", toolVersion);
        v.put("generatedAt", generatedAt.toString());
        v.put("generatedAtText", humanTime(generatedAt));
        v.put("profile", result.profile().name());
        v.put("ruleCount", result.rules().size());
        int resources = result.model().resources().size();
        v.put("resourceCount", resources);
        v.put("resourceWord", resources == 1 ? "resource" : "resources");
        List<Map<String, Object>> inputs = new ArrayList<>();
        int modelled = 0;
        for (InputFile in : result.model().inputs()) {
            // The same count as the header's: resources in the model. What the input declared beyond them (rules and
            // associations folded into the resource they belong to, data sources) is said beside it, not instead.
            modelled += in.modelled();
            List<String> beyond = new ArrayList<>();
            if (in.folded() > 0) beyond.add(in.folded() + " folded into the resource they belong to");
            if (in.excluded() > 0) beyond.add(in.excluded() + " not resources (data sources, false conditions)");
            inputs.add(Map.of("path", in.path(), "pathParts", breakable(in.path()), "format", in.format(),
                    "sha256", in.sha256(), "resources", in.modelled(), "hasDeclared", !beyond.isEmpty(),
                    "declared", in.declared() + " declared: " + String.join(", ", beyond)));
        }
        if (!inputs.isEmpty() && modelled != resources) {
            v.put("referencedOnly", resources - modelled);
        }
        v.put("inputs", inputs);
        v.put("hasInputs", !inputs.isEmpty());
        // A live audit has no input files: what was audited is accounts and regions, and what could not be read.
        Map<String, Integer> scopes = new java.util.TreeMap<>();
        for (io.plumbline.model.Resource r : result.model().resources()) {
            io.plumbline.model.Provenance p = r.location();
            if (p.isLive()) scopes.merge((p.account() == null ? "?" : p.account()) + "\u0000"
                    + (p.region() == null ? "global" : p.region()), 1, Integer::sum);
        }
        List<Map<String, Object>> live = new ArrayList<>();
        scopes.forEach((k, n) -> live.add(Map.of("account", k.substring(0, k.indexOf('\u0000')),
                "region", k.substring(k.indexOf('\u0000') + 1), "resources", n)));
        v.put("liveScopes", live);
        v.put("hasLive", !live.isEmpty());
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (io.plumbline.model.Gap g : result.model().gaps()) {
            gaps.add(Map.of("account", g.account() == null ? "?" : g.account(),
                    "region", g.region() == null ? "global" : g.region(),
                    "kind", g.kind() == null ? "attributes" : g.kind().name(), "operation", g.operation(),
                    "reason", g.reason() == null ? "" : g.reason()));
        }
        v.put("gaps", gaps);
        v.put("hasGaps", !gaps.isEmpty());

        Map<Status, Integer> counts = result.countsByStatus();
        int total = Math.max(1, result.findings().size());
        List<Map<String, Object>> totals = new ArrayList<>();
        for (Status s : Status.values()) {
            totals.add(bar(s.name(), counts.get(s), total, cssClass(s)));
        }
        v.put("totals", totals);
        v.put("findingCount", result.findings().size());

        Map<Severity, Map<Status, Integer>> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) bySeverity.put(s, new EnumMap<>(Status.class));
        for (Finding f : result.findings()) bySeverity.get(f.severity()).merge(f.status(), 1, Integer::sum);
        List<Map<String, Object>> severities = new ArrayList<>();
        int maxFail = 1;
        for (Severity s : Severity.values()) maxFail = Math.max(maxFail, bySeverity.get(s).getOrDefault(Status.FAIL, 0));
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            Map<Status, Integer> m = bySeverity.get(s);
            Map<String, Object> row = bar(s.lower(), m.getOrDefault(Status.FAIL, 0), maxFail, "fail");
            row.put("unknown", m.getOrDefault(Status.UNKNOWN, 0));
            row.put("pass", m.getOrDefault(Status.PASS, 0));
            severities.add(row);
        }
        v.put("severities", severities);

        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) byRule.put(d.id(), new ArrayList<>());
        for (Finding f : result.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);

        // The control-framework view: for each control, the rules that map to it and their outcome.
        Map<String, List<Map<String, Object>>> controls = new TreeMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (RuleDescriptor d : result.rules()) {
            List<Finding> fs = byRule.get(d.id());
            Map<Status, Integer> rc = new EnumMap<>(Status.class);
            for (Finding f : fs) rc.merge(f.status(), 1, Integer::sum);
            String outcome = outcome(rc);
            for (String c : d.controls()) {
                if (!isFrameworkControl(c)) continue;
                // A trailing "?" in a rule's metadata marks a mapping nobody has verified against the framework: it
                // is said in words, never shown as a mark an auditor could take for part of the control id.
                boolean verified = !c.endsWith("?");
                String id = verified ? c : c.substring(0, c.length() - 1).strip();
                controls.computeIfAbsent(id, k -> new ArrayList<>()).add(Map.of("id", d.id(), "outcome", outcome,
                        "outcomeClass", outcome.toLowerCase(Locale.ROOT).replace(' ', '-'), "unverified", !verified));
            }
            if (!groups.contains(d.group())) groups.add(d.group());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", d.id());
            r.put("title", d.title());
            r.put("severity", d.severity().lower());
            r.put("group", d.group());
            r.put("rationale", d.rationale());
            r.put("remediation", d.remediation());
            r.put("controls", String.join(", ", d.controls().stream().map(c -> c.endsWith("?")
                    ? c.substring(0, c.length() - 1).strip() + " (mapping not verified)" : c).toList()));
            r.put("outcome", outcome);
            r.put("outcomeClass", outcome.toLowerCase(Locale.ROOT).replace(' ', '-'));
            r.put("pass", rc.getOrDefault(Status.PASS, 0));
            r.put("fail", rc.getOrDefault(Status.FAIL, 0));
            r.put("unknown", rc.getOrDefault(Status.UNKNOWN, 0));
            r.put("na", rc.getOrDefault(Status.NOT_APPLICABLE, 0));
            r.put("waived", rc.getOrDefault(Status.WAIVED, 0));
            r.put("empty", fs.isEmpty());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Finding f : fs) rows.add(row(d, f));
            r.put("findings", rows);
            rules.add(r);
        }
        v.put("rules", rules);
        v.put("groups", groups);
        List<Map<String, Object>> controlRows = new ArrayList<>();
        controls.forEach((c, rs) -> controlRows.add(Map.of("control", c, "rules", rs)));
        v.put("controls", controlRows);
        v.put("summary", summary(result, rules));
        List<Map<String, Object>> failures = attention(result, Status.FAIL);
        List<Map<String, Object>> undecided = attention(result, Status.UNKNOWN);
        v.put("failures", failures);
        v.put("hasFailures", !failures.isEmpty());
        v.put("undecided", undecided);
        v.put("hasUndecided", !undecided.isEmpty());
        return v;
    }

    /** "7 December 2026, 02:40 UTC": what an auditor quotes; the exact instant stays in the page for machines. */
    static String humanTime(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /**
     * The sentence an auditor can quote: "12 of 16 rules pass; 2 fail (1 critical) on 3 resources; 2 undecided; 1
     * not applicable". Counted per rule (its outcome: FAIL over UNKNOWN over PASS), resources among the failures.
     */
    static String summary(Result result, List<Map<String, Object>> rules) {
        int n = rules.size();
        int pass = 0;
        int undecided = 0;
        int notTested = 0;
        int waived = 0;
        Map<Severity, Integer> failing = new EnumMap<>(Severity.class);
        for (Map<String, Object> r : rules) {
            switch ((String) r.get("outcome")) {
                case "PASS" -> pass++;
                case "UNKNOWN" -> undecided++;
                case "WAIVED" -> waived++;
                case "FAIL" -> failing.merge(Severity.parse((String) r.get("severity")), 1, Integer::sum);
                default -> notTested++;
            }
        }
        int fail = failing.values().stream().mapToInt(Integer::intValue).sum();
        long resources = result.findings().stream().filter(f -> f.status() == Status.FAIL).map(Finding::resource)
                .distinct().count();
        List<String> parts = new ArrayList<>();
        parts.add(pass + " of " + n + " " + plural(n, "rule", "rules") + " " + plural(pass, "passes", "pass"));
        if (fail > 0) {
            List<String> bySeverity = new ArrayList<>();
            for (int i = Severity.values().length - 1; i >= 0; i--) {
                Severity s = Severity.values()[i];
                if (failing.containsKey(s)) bySeverity.add(failing.get(s) + " " + s.lower());
            }
            parts.add(fail + " " + plural(fail, "fails", "fail") + " (" + String.join(", ", bySeverity) + ") on "
                    + resources + " " + plural((int) resources, "resource", "resources"));
        } else {
            parts.add("none fails");
        }
        if (undecided > 0) parts.add(undecided + " undecided");
        if (waived > 0) parts.add(waived + " waived");
        if (notTested > 0) parts.add(notTested + " not applicable to anything in the input");
        return String.join("; ", parts);
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }

    /** The findings of {@code status}, by severity (highest first), then rule, then resource. */
    private static List<Map<String, Object>> attention(Result result, Status status) {
        Map<String, RuleDescriptor> byId = new LinkedHashMap<>();
        for (RuleDescriptor d : result.rules()) byId.put(d.id(), d);
        List<Finding> fs = new ArrayList<>(result.withStatus(status));
        fs.sort(java.util.Comparator.comparing((Finding f) -> f.severity()).reversed()
                .thenComparing(Finding::ruleId).thenComparing(Finding::resource));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : fs) {
            RuleDescriptor d = byId.get(f.ruleId());
            if (d == null) continue;
            Map<String, Object> m = row(d, f);
            m.put("ruleId", d.id());
            m.put("title", d.title());
            m.put("remediation", d.remediation());
            out.add(m);
        }
        return out;
    }

    /** A path or address cut after its separators, so that a narrow column breaks it there, never letter by letter. */
    static List<String> breakable(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '.' || c == ':' || c == '_' || c == '-' || c == ' ') {
                parts.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) parts.add(text.substring(from));
        return parts;
    }

    /** The failures of every earlier run and of this one, as bars; new and fixed failures since the latest run. */
    private static void trend(Map<String, Object> view, Result result, History history) {
        if (history.runs().isEmpty()) return;
        Map<String, String> now = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            if (f.status() != Status.FAIL) continue;
            String attribute = f.evidence().isEmpty() ? "" : f.evidence().get(0).attribute();
            now.put(History.identity(f.ruleId(), f.resource(), attribute), f.ruleId() + " " + f.resource());
        }
        List<Map<String, Object>> points = new ArrayList<>();
        int max = Math.max(1, now.size());
        for (History.Run r : history.runs()) max = Math.max(max, r.fail());
        for (History.Run r : history.runs()) points.add(bar(r.name() + " (" + r.when() + ")", r.fail(), max, "fail"));
        points.add(bar("this run", result.withStatus(Status.FAIL).size(), max, "fail"));
        History.Run last = history.runs().get(history.runs().size() - 1);
        List<String> added = new ArrayList<>();
        now.forEach((k, label) -> {
            if (!last.failing().containsKey(k)) added.add(label);
        });
        List<String> fixed = new ArrayList<>();
        last.failing().forEach((k, label) -> {
            if (!now.containsKey(k)) fixed.add(label);
        });
        Map<String, Object> trend = new LinkedHashMap<>();
        trend.put("points", points);
        trend.put("since", last.name());
        trend.put("added", added);
        trend.put("fixed", fixed);
        trend.put("addedCount", added.size());
        trend.put("fixedCount", fixed.size());
        trend.put("hasAdded", !added.isEmpty());
        trend.put("hasFixed", !fixed.isEmpty());
        view.put("trend", trend);
    }

    /** NIST SP 800-53, CIS and AWS Security Hub (FSBP) controls; peer-tool ids (CKV, AVD, NAG) stay on the rule. */
    static boolean isFrameworkControl(String c) {
        return c.startsWith("NIST ") || c.startsWith("CIS ") || c.startsWith("SH ");
    }

    private static Map<String, Object> row(RuleDescriptor d, Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", f.status().name());
        m.put("statusLabel", f.status() == Status.NOT_APPLICABLE ? "N/A" : f.status().name());
        m.put("statusClass", cssClass(f.status()));
        m.put("severity", f.severity().lower());
        m.put("group", d.group());
        m.put("resource", f.resource());
        m.put("resourceType", f.resourceType());
        m.put("message", f.message());
        m.put("location", f.location().display());
        m.put("locationParts", breakable(f.location().display()));
        m.put("resourceParts", breakable(f.resource()));
        List<Map<String, Object>> ev = new ArrayList<>();
        List<Map<String, Object>> hops = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            Map<String, Object> item = Map.of("attribute", e.attribute(), "actual", e.actual(), "expected",
                    e.expected(), "certainty", e.certainty().name().toLowerCase(Locale.ROOT),
                    "location", e.location() == null ? "" : e.location().display());
            // The hops of a witness path are many and alike: folded under one line, open on demand.
            (e.attribute().startsWith("hop ") ? hops : ev).add(item);
        }
        m.put("evidence", ev);
        m.put("hasEvidence", !ev.isEmpty());
        m.put("hops", hops);
        m.put("hasHops", !hops.isEmpty());
        m.put("hopCount", hops.size() + " " + plural(hops.size(), "hop", "hops"));
        if (f.waiver() != null) {
            Finding.Waiver w = f.waiver();
            m.put("waiver", Map.of("justification", w.justification(), "approver", w.approver() != null
                    ? w.approver() : "declared in " + w.declaredAt().display(),
                    "expires", w.expires() == null ? "no expiry" : String.valueOf(w.expires())));
        }
        return m;
    }

    private static Map<String, Object> bar(String label, int count, int of, String cssClass) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("count", count);
        m.put("width", count == 0 ? 0 : Math.max(2, Math.round((float) count * BAR_WIDTH / of)));
        m.put("cssClass", cssClass);
        return m;
    }

    private static String outcome(Map<Status, Integer> rc) {
        if (rc.getOrDefault(Status.FAIL, 0) > 0) return "FAIL";
        if (rc.getOrDefault(Status.UNKNOWN, 0) > 0) return "UNKNOWN";
        if (rc.getOrDefault(Status.PASS, 0) > 0) return "PASS";
        if (rc.getOrDefault(Status.WAIVED, 0) > 0) return "WAIVED";
        return "NOT TESTED";
    }

    private static String cssClass(Status s) {
        return switch (s) {
            case PASS -> "pass";
            case FAIL -> "fail";
            case UNKNOWN -> "unknown";
            case NOT_APPLICABLE -> "na";
            case WAIVED -> "waived";
        };
    }
}
