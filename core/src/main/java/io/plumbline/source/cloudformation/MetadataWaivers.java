package io.plumbline.source.cloudformation;

import io.plumbline.model.DeclaredWaiver;
import io.plumbline.model.Provenance;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waivers a template declares on a resource, as cfn_nag's {@code rules_to_suppress} does for its own rules:
 *
 * <pre>
 * LegacyBucket:
 *   Type: AWS::S3::Bucket
 *   Metadata:
 *     plumbline:
 *       waivers:
 *         - rule: BAK-005
 *           reason: rebuilt with versioning in Q3 (OPS-1234)
 *           expires: 2026-09-30      # optional: the last day it applies
 * </pre>
 *
 * Validated as strictly as a waivers file: {@code rule} and {@code reason} are required and not empty, {@code expires}
 * is an ISO date, no other field is allowed; anything else is unusable input naming the file and line. Whether the
 * rule exists is checked where the rules are known (the waivers are applied after evaluation).
 *
 * <p>{@code cfn_nag: rules_to_suppress} and {@code checkov: skip} entries are not read: they name those tools' checks
 * (W35, CKV_AWS_18), and translating them into Plumbline's rules would waive what nobody waived.
 */
final class MetadataWaivers {
    static final String KEY = "plumbline";
    private static final List<String> FIELDS = List.of("rule", "reason", "expires");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private MetadataWaivers() {
    }

    /** The waivers of resource {@code id} declared in its {@code Metadata}; none when it declares none. */
    static List<DeclaredWaiver> read(String file, String id, MapNode resource) {
        Node metadata = resource.get("Metadata");
        if (!(metadata instanceof MapNode m)) return List.of();
        Node ours = m.get(KEY);
        if (ours == null || ours.isNull()) return List.of();
        String base = "/Resources/" + Evaluator.escape(id) + "/Metadata/" + KEY;
        if (!(ours instanceof MapNode section)) {
            throw new InputException(file, ours.line(), ours.column(), "resource " + id + ": Metadata." + KEY
                    + " must be a mapping with a 'waivers' list");
        }
        for (Map.Entry<String, Node> e : section.entries().entrySet()) {
            if (!e.getKey().equals("waivers")) {
                throw new InputException(file, e.getValue().line(), e.getValue().column(), "resource " + id
                        + ": unknown key '" + e.getKey() + "' in Metadata." + KEY + " (expected waivers)");
            }
        }
        Node list = section.get("waivers");
        if (list == null || list.isNull()) return List.of();
        if (!(list instanceof ListNode items)) {
            throw new InputException(file, list.line(), list.column(), "resource " + id + ": Metadata." + KEY
                    + ".waivers must be a list of {rule, reason}");
        }
        List<DeclaredWaiver> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String who = "resource " + id + ", waiver " + (i + 1);
            if (!(item instanceof MapNode w)) {
                throw new InputException(file, item.line(), item.column(), who + ": expected a mapping with rule and "
                        + "reason");
            }
            for (Map.Entry<String, Node> e : w.entries().entrySet()) {
                if (!FIELDS.contains(e.getKey())) {
                    throw new InputException(file, e.getValue().line(), e.getValue().column(), who
                            + ": unknown field '" + e.getKey() + "' (expected rule, reason and optionally expires)");
                }
            }
            String rule = field(file, who, w, "rule").toUpperCase(Locale.ROOT);
            String reason = field(file, who, w, "reason");
            LocalDate expires = null;
            if (w.has("expires")) {
                String text = field(file, who, w, "expires");
                try {
                    expires = LocalDate.parse(text, DATE);
                } catch (DateTimeParseException e) {
                    Node at = w.get("expires");
                    throw new InputException(file, at.line(), at.column(), who + ": expires '" + text
                            + "' is not a valid date (expected YYYY-MM-DD)");
                }
            }
            out.add(new DeclaredWaiver(rule, id, reason, expires,
                    Provenance.inFile(file, w.line(), w.column(), base + "/waivers/" + i)));
        }
        return out;
    }

    private static String field(String file, String who, MapNode m, String key) {
        Node v = m.get(key);
        if (v == null) throw new InputException(file, m.line(), m.column(), who + ": missing field '" + key + "'");
        if (!(v instanceof ScalarNode s)) {
            throw new InputException(file, v.line(), v.column(), who + ": '" + key + "' must be text");
        }
        String text = s.text() == null ? "" : s.text().trim();
        if (text.isEmpty()) throw new InputException(file, v.line(), v.column(), who + ": '" + key + "' is empty");
        return text;
    }
}
