package io.plumbline.source.cloudformation;

import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns YAML short-form intrinsic tags into the long form that JSON templates use, keeping every node's location:
 * {@code !Ref X} → {@code {Ref: X}}, {@code !GetAtt a.b.c} → {@code {Fn::GetAtt: [a, b.c]}}, {@code !Condition C} →
 * {@code {Condition: C}}, and {@code !Name v} → {@code {Fn::Name: v}} for every other intrinsic. Untagged subtrees are
 * returned as they are (no copy). A tag that is no intrinsic is an {@link InputException}.
 */
final class ShortForms {

    /** Short-form tags accepted in templates (CloudFormation, AWS::LanguageExtensions, and the Rules section). */
    static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join", "Select",
            "Split", "Sub", "Transform", "If", "Equals", "And", "Or", "Not", "Length", "ToJsonString", "GetAtt",
            "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");

    private final List<Node> unknownTags = new ArrayList<>();

    ShortForms() {
    }

    /** Nodes carrying a tag that is no CloudFormation intrinsic, in document order. */
    List<Node> unknownTags() {
        return unknownTags;
    }

    Node normalise(Node node) {
        if (node == null) return null;
        String tag = node.tag();
        if (tag != null) return longForm(node, tag);
        if (node instanceof MapNode m) {
            Map<String, Node> out = null;
            int i = 0;
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                Node v = normalise(e.getValue());
                if (v != e.getValue() && out == null) {
                    out = new LinkedHashMap<>();
                    int j = 0;
                    for (Map.Entry<String, Node> before : m.entries().entrySet()) {
                        if (j++ >= i) break;
                        out.put(before.getKey(), before.getValue());
                    }
                }
                if (out != null) out.put(e.getKey(), v);
                i++;
            }
            return out == null ? m : new MapNode(out, m.line(), m.column(), null);
        }
        if (node instanceof ListNode l) {
            List<Node> out = null;
            for (int i = 0; i < l.items().size(); i++) {
                Node item = l.items().get(i);
                Node v = normalise(item);
                if (v != item && out == null) out = new ArrayList<>(l.items().subList(0, i));
                if (out != null) out.add(v);
            }
            return out == null ? l : new ListNode(out, l.line(), l.column(), null);
        }
        return node;
    }

    private Node longForm(Node node, String tag) {
        String name = tag.startsWith("!") ? tag.substring(1) : tag;
        if (!"Ref".equals(name) && !"Condition".equals(name) && !FUNCTIONS.contains(name)) {
            unknownTags.add(node);
            return node;
        }
        Node inner = normalise(untagged(node));
        String key;
        if ("Ref".equals(name)) {
            key = "Ref";
        } else if ("Condition".equals(name)) {
            key = "Condition";
        } else if (FUNCTIONS.contains(name)) {
            key = "Fn::" + name;
            if ("GetAtt".equals(name) && inner instanceof ScalarNode s && s.value() instanceof String text) {
                int dot = text.indexOf('.');
                List<Node> parts = new ArrayList<>(2);
                if (dot > 0) {
                    parts.add(new ScalarNode(text.substring(0, dot), s.line(), s.column()));
                    parts.add(new ScalarNode(text.substring(dot + 1), s.line(), s.column() + dot + 1));
                } else {
                    parts.add(s);
                }
                inner = new ListNode(parts, s.line(), s.column(), null);
            }
        } else {
            throw new IllegalStateException(tag);
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        entries.put(key, inner);
        return new MapNode(entries, node.line(), node.column(), null);
    }

    private static Node untagged(Node node) {
        if (node instanceof ScalarNode s) return new ScalarNode(s.value(), s.line(), s.column(), null);
        if (node instanceof ListNode l) return new ListNode(l.items(), l.line(), l.column(), null);
        MapNode m = (MapNode) node;
        return new MapNode(m.entries(), m.line(), m.column(), null);
    }
}
