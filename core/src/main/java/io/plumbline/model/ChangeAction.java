package io.plumbline.model;

/** What a plan will do to a resource; {@link #EXISTS} for templates and live resources. */
public enum ChangeAction {
    CREATE, UPDATE, REPLACE, DELETE, NO_OP, READ, EXISTS
}
