package io.plumbline.source.tree;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON object or YAML mapping, in document order. */
public final class MapNode implements Node {
    private final Map<String, Node> entries;
    private final int line;
    private final int column;
    private final String tag;

    public MapNode(Map<String, Node> entries, int line, int column, String tag) {
        this.entries = entries;
        this.line = line;
        this.column = column;
        this.tag = tag;
    }

    public MapNode(int line, int column) {
        this(new LinkedHashMap<>(), line, column, null);
    }

    public Map<String, Node> entries() {
        return entries;
    }

    public Node get(String key) {
        return entries.get(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public MapNode map(String key) {
        return entries.get(key) instanceof MapNode m ? m : null;
    }

    public ListNode list(String key) {
        return entries.get(key) instanceof ListNode l ? l : null;
    }

    /** The scalar at key as text, or null when absent, null or not a scalar. */
    public String text(String key) {
        return entries.get(key) instanceof ScalarNode s && s.value() != null ? String.valueOf(s.value()) : null;
    }

    public int size() {
        return entries.size();
    }

    @Override
    public int line() {
        return line;
    }

    @Override
    public int column() {
        return column;
    }

    @Override
    public String tag() {
        return tag;
    }
}
