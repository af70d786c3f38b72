package io.plumbline.source.tree;

/**
 * A part of a JSON document left unparsed until someone asks for it (a plan's {@code planned_values} when its
 * {@code resource_changes} say everything): it costs no memory and no time unless used. Stands as the value of a
 * {@link ScalarNode}; {@link JsonTreeReader#materialize(Node)} turns it into the real node, with its true lines.
 */
public record Deferred(byte[] bytes, int offset, int length, int line, int column, String file) {
}
