package io.plumbline.source.terraform;

import io.plumbline.model.Secrets;
import io.plumbline.source.tree.JsonTreeReader;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.Map;

/**
 * The sensitive strings of a plan: every value under a true mark of {@code after_sensitive}, {@code before_sensitive}
 * or {@code sensitive_values} (at any depth: a tag, a list item, a nested block's attribute) held by its resource, and
 * the values of sensitive root variables and outputs (global). Terraform carries sensitivity into the values built
 * from a sensitive variable, so those are found in the resources' marks too.
 */
final class PlanSecrets {
    private static final int MAX_DEPTH = 64;

    private PlanSecrets() {
    }

    /** Registers the variables and outputs the plan marks sensitive. */
    static void registerRoot(MapNode plan, Secrets.Builder into) {
        MapNode config = plan.map("configuration");
        MapNode rootModule = config == null ? null : config.map("root_module");
        MapNode declared = rootModule == null ? null : rootModule.map("variables");
        MapNode values = plan.map("variables");
        if (declared != null && values != null) {
            for (Map.Entry<String, Node> e : declared.entries().entrySet()) {
                if (e.getValue() instanceof MapNode d && isTrue(d.get("sensitive")) && values.map(e.getKey()) != null) {
                    all(values.map(e.getKey()).get("value"), null, into, 0);
                }
            }
        }
        if (JsonTreeReader.materialize(plan.get("output_changes")) instanceof MapNode outputs) {
            for (Node o : outputs.entries().values()) {
                if (!(o instanceof MapNode change)) continue;
                marked(change.get("after"), change.get("after_sensitive"), null, into, 0);
                marked(change.get("before"), change.get("before_sensitive"), null, into, 0);
            }
        }
    }

    /** Registers the leaves of {@code values} that {@code marks} (a parallel tree of booleans) says are sensitive. */
    static void marked(Node values, Node marks, String scope, Secrets.Builder into, int depth) {
        if (values == null || marks == null || depth > MAX_DEPTH) return;
        if (isTrue(marks)) {
            all(values, scope, into, depth);
        } else if (marks instanceof MapNode m && values instanceof MapNode v) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) marked(v.get(e.getKey()), e.getValue(), scope, into, depth + 1);
        } else if (marks instanceof ListNode m && values instanceof ListNode v) {
            for (int i = 0; i < Math.min(m.size(), v.size()); i++) marked(v.get(i), m.get(i), scope, into, depth + 1);
        }
    }

    private static void all(Node values, String scope, Secrets.Builder into, int depth) {
        if (values == null || depth > MAX_DEPTH) return;
        if (values instanceof ScalarNode s) {
            if (s.value() != null && !(s.value() instanceof Boolean)) into.add(s.text(), scope);
        } else if (values instanceof MapNode m) {
            for (Node c : m.entries().values()) all(c, scope, into, depth + 1);
        } else if (values instanceof ListNode l) {
            for (Node c : l.items()) all(c, scope, into, depth + 1);
        }
    }

    private static boolean isTrue(Node n) {
        return n instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }
}
