package io.plumbline.source.tree;

/** A string, number, boolean or null; numbers are Long, or BigDecimal when they do not fit. */
public record ScalarNode(Object value, int line, int column, String tag) implements Node {
    public ScalarNode(Object value, int line, int column) {
        this(value, line, column, null);
    }

    public String text() {
        return value == null ? null : String.valueOf(value);
    }
}
