package io.plumbline.source.tree;

import java.util.ArrayList;
import java.util.List;

/** A JSON array or YAML sequence. */
public final class ListNode implements Node {
    private final List<Node> items;
    private final int line;
    private final int column;
    private final String tag;

    public ListNode(List<Node> items, int line, int column, String tag) {
        this.items = items;
        this.line = line;
        this.column = column;
        this.tag = tag;
    }

    public ListNode(int line, int column) {
        this(new ArrayList<>(), line, column, null);
    }

    public List<Node> items() {
        return items;
    }

    public Node get(int i) {
        return i >= 0 && i < items.size() ? items.get(i) : null;
    }

    public int size() {
        return items.size();
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
