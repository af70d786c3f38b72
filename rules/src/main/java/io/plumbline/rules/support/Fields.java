package io.plumbline.rules.support;

import io.plumbline.model.Certainty;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Resource;
import io.plumbline.model.Secrets;
import io.plumbline.model.Value;
import java.util.Objects;

/** Small questions about values and resources that several rules ask. */
public final class Fields {
    private static final String NOT_IN_INPUT_NOTE = Value.notInInput().note();

    private Fields() {
    }

    /**
     * True when this kind of input does not carry the attribute at all: the source left the field
     * {@link Value#notInInput()} (checked by identity), or made an equivalent unknown value with the same
     * "not present in this input" note. Example: CloudFormation has no {@code skip_final_snapshot}, Terraform no
     * {@code DeletionPolicy}. Such an attribute is not part of a check; any other unknown value is a real unknown.
     */
    public static boolean absentFromInput(Value<?> value) {
        return value == Value.notInInput()
                || (value.certainty() == Certainty.UNKNOWN && Objects.equals(NOT_IN_INPUT_NOTE, value.note()));
    }

    /** Known and null, or absent from this kind of input: the input does not set it. */
    public static boolean notSet(Value<?> value) {
        return absentFromInput(value) || (value.isKnown() && value.get() == null);
    }

    /** Known and a non-blank string. */
    public static boolean hasText(Value<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }

    /** Resources a plan deletes are no longer part of the platform. */
    public static boolean deleted(Resource r) {
        return r.change == ChangeAction.DELETE;
    }

    /** Case-insensitive equality of a known string value. */
    public static boolean is(Value<String> value, String expected) {
        return value.isPresent() && value.get().trim().equalsIgnoreCase(expected);
    }

    /** Why a value gives no answer: its unknown-reason, or "not set" for a known null. */
    public static String why(Value<?> value) {
        if (value.isUnknown()) return value.note();
        return value.get() == null ? "not set" : value.display();
    }

    /**
     * A value as a message may show it: its content, or {@code (sensitive)} for a value marked sensitive. Every rule
     * puts values into its words through this (or {@link Value#display()}), never through {@code get()}.
     */
    public static String shown(Value<?> value) {
        if (value.isSensitive()) return Secrets.MASK;
        if (value.isUnknown()) return "(unknown)";
        return String.valueOf(value.get());
    }

    /** A count of a value ("1 day", "7 days"), or "(sensitive)" when the value is. */
    public static String count(Value<? extends Number> value, String singular, String plural) {
        if (value.isSensitive()) return Secrets.MASK + " " + plural;
        return count(value.get().longValue(), singular, plural);
    }

    /** "1 day", "7 days". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
