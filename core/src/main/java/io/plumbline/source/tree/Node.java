package io.plumbline.source.tree;

/** A node of a parsed JSON or YAML document that remembers where it stood (1-based line and column). */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
    int line();

    int column();

    /** A YAML tag such as {@code !Ref}, or null. */
    String tag();

    default boolean isNull() {
        return this instanceof ScalarNode s && s.value() == null;
    }
}
