package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import io.plumbline.source.tree.YamlTreeReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A waivers file, validated strictly: a YAML list (or a mapping whose only key is {@code waivers} holding the list)
 * of entries with exactly the fields {@code rule}, {@code resource}, {@code justification}, {@code approver} and
 * {@code expires} (an ISO date, the last day the waiver applies). Anything else is refused with the file, the line,
 * the entry and the problem.
 *
 * <pre>
 * - rule: BAK-005
 *   resource: module.legacy.*
 *   justification: legacy buckets are rebuilt in Q3, versioning comes with the rebuild
 *   approver: jane.doe@example.com
 *   expires: 2026-09-30
 * </pre>
 */
public record WaiverSet(String file, List<WaiverEntry> entries) {
    static final List<String> FIELDS = List.of("rule", "resource", "justification", "approver", "expires");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    public WaiverSet {
        entries = List.copyOf(entries);
    }

    /**
     * Reads and validates a waivers file. {@code knownRules} are the rule ids that exist (a waiver naming another id
     * is refused); null accepts any id.
     */
    public static WaiverSet load(Path path, Collection<String> knownRules) {
        String name = path.toString();
        if (!Files.exists(path)) throw new InputException(name, 0, 0, "no such file (waivers)");
        if (!Files.isRegularFile(path)) throw new InputException(name, 0, 0, "not a file (waivers)");
        try {
            return parse(name, Files.readAllBytes(path), knownRules);
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot read waivers: " + e.getMessage(), e);
        }
    }

    public static WaiverSet parse(String name, String yaml, Collection<String> knownRules) {
        return parse(name, yaml.getBytes(StandardCharsets.UTF_8), knownRules);
    }

    public static WaiverSet parse(String name, byte[] yaml, Collection<String> knownRules) {
        if (new String(yaml, StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(name, 0, 0, "empty waivers file (write [] for none)");
        }
        Node root;
        try {
            root = YamlTreeReader.read(new ByteArrayInputStream(yaml), name);
        } catch (InputException e) {
            String line = e.line() > 0 ? new String(yaml, StandardCharsets.UTF_8).lines().skip(e.line() - 1)
                    .findFirst().orElse("") : "";
            String hint = line.matches(".*:\\s*\\*.*") ? " (a pattern that starts with * must be quoted: '*...')" : "";
            throw new InputException(e.file(), e.line(), e.column(), "waivers file: " + e.problem() + hint, e);
        }
        ListNode list;
        if (root instanceof ListNode l) {
            list = l;
        } else if (root instanceof MapNode m && m.size() == 1 && m.get("waivers") instanceof ListNode l) {
            list = l;
        } else if (root instanceof MapNode m && m.size() == 1 && m.has("waivers") && m.get("waivers").isNull()) {
            list = new ListNode(m.line(), m.column());
        } else {
            throw new InputException(name, root.line(), root.column(),
                    "a waivers file is a list of waivers (or a mapping whose only key is 'waivers'), each with "
                            + String.join(", ", FIELDS));
        }
        Set<String> known = null;
        if (knownRules != null) {
            known = new LinkedHashSet<>();
            for (String r : knownRules) known.add(r.toUpperCase(Locale.ROOT));
        }
        List<WaiverEntry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(entry(name, i + 1, list.get(i), known));
        return new WaiverSet(name, out);
    }

    private static WaiverEntry entry(String file, int number, Node node, Set<String> known) {
        String who = "waiver " + number;
        if (!(node instanceof MapNode m)) {
            throw new InputException(file, node.line(), node.column(),
                    who + ": expected a mapping with " + String.join(", ", FIELDS));
        }
        String ruleText = m.text("rule");
        if (ruleText != null) who += " (rule " + ruleText.trim() + ")";
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw new InputException(file, e.getValue().line(), e.getValue().column(), who + ": unknown field '"
                        + e.getKey() + "' (expected " + String.join(", ", FIELDS) + ")");
            }
        }
        String rule = field(file, who, m, "rule").toUpperCase(Locale.ROOT);
        String resource = field(file, who, m, "resource");
        String justification = field(file, who, m, "justification");
        String approver = field(file, who, m, "approver");
        String expiresText = field(file, who, m, "expires");
        if (known != null && !known.contains(rule)) {
            Node at = m.get("rule");
            throw new InputException(file, at.line(), at.column(), who + ": unknown rule id '" + rule
                    + "' (plumbline rules lists them)");
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(expiresText, DATE);
        } catch (DateTimeParseException e) {
            Node at = m.get("expires");
            throw new InputException(file, at.line(), at.column(), who + ": expires '" + expiresText
                    + "' is not a valid date (expected YYYY-MM-DD)");
        }
        return new WaiverEntry(number, m.line(), rule, resource, justification, approver, expires);
    }

    /** A required field: present, a scalar, not empty once trimmed. */
    private static String field(String file, String who, MapNode m, String key) {
        if (!m.has(key)) {
            throw new InputException(file, m.line(), m.column(), who + ": missing field '" + key + "'");
        }
        Node v = m.get(key);
        if (!(v instanceof ScalarNode s)) {
            throw new InputException(file, v.line(), v.column(), who + ": '" + key + "' must be text, not a "
                    + (v instanceof MapNode ? "mapping" : "list"));
        }
        String text = s.text() == null ? "" : s.text().trim();
        if (text.isEmpty()) throw new InputException(file, v.line(), v.column(), who + ": '" + key + "' is empty");
        return text;
    }

    /**
     * Applies the waivers on {@code today} (from {@code clock}): a FAIL or UNKNOWN finding matched by an entry that
     * has not expired becomes WAIVED (the first such entry, in file order, is the one recorded); one matched only by
     * expired entries keeps its status and says which waiver expired. Entries that match no FAIL or UNKNOWN finding
     * are reported as unmatched.
     */
    public WaiverOutcome apply(Result result, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        boolean[] matched = new boolean[entries.size()];
        Set<WaiverEntry> expiredUsed = new LinkedHashSet<>();
        List<Finding> out = new ArrayList<>(result.findings().size());
        int applied = 0;
        int expired = 0;
        for (Finding f : result.findings()) {
            if (f.status() != Status.FAIL && f.status() != Status.UNKNOWN) {
                out.add(f);
                continue;
            }
            WaiverEntry live = null;
            WaiverEntry dead = null;
            for (int i = 0; i < entries.size(); i++) {
                WaiverEntry e = entries.get(i);
                if (!e.matches(f)) continue;
                matched[i] = true;
                if (!e.expiredOn(today)) {
                    if (live == null) live = e;
                } else if (dead == null) {
                    dead = e;
                }
            }
            if (live != null) {
                out.add(f.with(Status.WAIVED, f.message(), live.asFindingWaiver(f.status())));
                applied++;
            } else if (dead != null) {
                out.add(f.with(f.status(), f.message() + "; waiver expired on " + dead.expires() + " (approved by "
                        + dead.approver() + "; waiver " + dead.number() + (dead.line() > 0 ? " at line " + dead.line() : "")
                        + ")", null));
                expiredUsed.add(dead);
                expired++;
            } else {
                out.add(f);
            }
        }
        List<WaiverEntry> unmatched = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) if (!matched[i]) unmatched.add(entries.get(i));
        return new WaiverOutcome(this, result.withFindings(out), applied, expired, List.copyOf(expiredUsed),
                unmatched);
    }
}
