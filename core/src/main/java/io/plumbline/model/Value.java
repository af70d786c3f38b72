package io.plumbline.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One attribute value of the model, with where it came from and how certain it is. A value may be known and null
 * (explicitly not set, e.g. no KMS key given), defaulted (the documented default applies, named in {@link #note()}),
 * or unknown with the reason why. Sensitive values keep their content for rules, but never print it.
 */
public final class Value<T> {

    private static final Value<?> NOT_IN_INPUT =
            new Value<>(null, Certainty.UNKNOWN, "not present in this input", Provenance.NONE, false);

    private final T value;
    private final Certainty certainty;
    private final String note;
    private final Provenance provenance;
    private final boolean sensitive;

    private Value(T value, Certainty certainty, String note, Provenance provenance, boolean sensitive) {
        this.value = value;
        this.certainty = Objects.requireNonNull(certainty);
        this.note = note;
        this.provenance = provenance == null ? Provenance.NONE : provenance;
        this.sensitive = sensitive;
    }

    public static <T> Value<T> explicit(T value, Provenance provenance) {
        return new Value<>(value, Certainty.EXPLICIT, null, provenance, false);
    }

    /** The effective value is a documented default; {@code defaultSource} says whose default it is. */
    public static <T> Value<T> defaulted(Default<T> def, Provenance provenance) {
        return new Value<>(def.value(), Certainty.DEFAULTED, def.description(), provenance, false);
    }

    public static <T> Value<T> unknown(String reason, Provenance provenance) {
        return new Value<>(null, Certainty.UNKNOWN, Objects.requireNonNull(reason), provenance, false);
    }

    /** The input never said anything about this attribute and no default is known. */
    @SuppressWarnings("unchecked")
    public static <T> Value<T> notInInput() {
        return (Value<T>) NOT_IN_INPUT;
    }

    public Value<T> asSensitive() {
        return new Value<>(value, certainty, note, provenance, true);
    }

    public Value<T> withProvenance(Provenance p) {
        return new Value<>(value, certainty, note, p, sensitive);
    }

    /** Same certainty and origin, another value (for normalising: "true" string to boolean, etc.). */
    public <R> Value<R> map(Function<? super T, ? extends R> fn) {
        if (!isKnown()) return new Value<>(null, certainty, note, provenance, sensitive);
        return new Value<>(value == null ? null : fn.apply(value), certainty, note, provenance, sensitive);
    }

    public boolean isKnown() {
        return certainty != Certainty.UNKNOWN;
    }

    public boolean isUnknown() {
        return certainty == Certainty.UNKNOWN;
    }

    public boolean isDefaulted() {
        return certainty == Certainty.DEFAULTED;
    }

    /** Known and not null. */
    public boolean isPresent() {
        return isKnown() && value != null;
    }

    /** The value; only meaningful when {@link #isKnown()}. */
    public T get() {
        return value;
    }

    public Optional<T> known() {
        return isKnown() ? Optional.ofNullable(value) : Optional.empty();
    }

    public T orElse(T other) {
        return isPresent() ? value : other;
    }

    public boolean is(T expected) {
        return isKnown() && Objects.equals(value, expected);
    }

    public Certainty certainty() {
        return certainty;
    }

    /** Why it is unknown, or whose default it is; null for explicit values. */
    public String note() {
        return note;
    }

    public Provenance provenance() {
        return provenance;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    /** What a report may show: never the content of a sensitive value. */
    public String display() {
        if (sensitive) return "(sensitive)";
        if (certainty == Certainty.UNKNOWN) return "(unknown: " + note + ")";
        String shown = value == null ? "(not set)" : String.valueOf(value);
        return certainty == Certainty.DEFAULTED ? shown + " (default: " + note + ")" : shown;
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value<?> v && Objects.equals(value, v.value) && certainty == v.certainty
                && Objects.equals(note, v.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, certainty, note);
    }
}
