package io.plumbline.features.check;

import io.plumbline.model.Ref;
import io.plumbline.profile.Profile;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value a feature expects: {@code true}, {@code false}, a number, a quoted string, {@code not set} (known and null),
 * or {@code the primary region} / {@code the secondary region} (the profile's regions). Strings compare without case
 * (AWS spells {@code ALLOW} and {@code allow}, {@code Enabled} and {@code enabled}); numbers compare by value.
 */
public final class Expected {
    /** The text of one value, as the {@code value} parameter type matches it. */
    public static final String REGEX = "\"[^\"]*\"|true|false|-?\\d+(?:\\.\\d+)?|not set|the primary region"
            + "|the secondary region";
    /** A list of values: {@code "a", "b" or "c"}. */
    public static final String LIST_REGEX = "(?:" + REGEX + ")(?:(?:, | or | and |, or |, and )(?:" + REGEX + "))*";

    private static final Pattern ITEM = Pattern.compile(REGEX);

    public enum Type { BOOLEAN, NUMBER, STRING, NOT_SET, PRIMARY_REGION, SECONDARY_REGION }

    private final Type type;
    private final Object value;
    private final String text;

    private Expected(Type type, Object value, String text) {
        this.type = type;
        this.value = value;
        this.text = text;
    }

    public static Expected parse(String text) {
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return new Expected(Type.STRING, t.substring(1, t.length() - 1), t);
        }
        switch (t) {
            case "true":
                return new Expected(Type.BOOLEAN, true, t);
            case "false":
                return new Expected(Type.BOOLEAN, false, t);
            case "not set":
                return new Expected(Type.NOT_SET, null, t);
            case "the primary region":
                return new Expected(Type.PRIMARY_REGION, null, t);
            case "the secondary region":
                return new Expected(Type.SECONDARY_REGION, null, t);
            default:
                break;
        }
        try {
            return new Expected(Type.NUMBER, new BigDecimal(t), t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a value: " + text
                    + " (expected true, false, a number, a \"quoted string\", not set, the primary region or the "
                    + "secondary region)");
        }
    }

    /** Every value of a list written {@code "a", "b" or "c"}. */
    public static List<Expected> parseList(String text) {
        List<Expected> out = new ArrayList<>();
        Matcher m = ITEM.matcher(text);
        while (m.find()) out.add(parse(m.group()));
        if (out.isEmpty()) throw new IllegalArgumentException("not a list of values: " + text);
        return out;
    }

    public Type type() {
        return type;
    }

    /** The profile's region when this names one; itself otherwise. */
    public Expected resolve(Profile profile) {
        if (type == Type.PRIMARY_REGION || type == Type.SECONDARY_REGION) {
            String region = type == Type.PRIMARY_REGION ? profile.primaryRegion() : profile.secondaryRegion();
            if (region == null) throw new IllegalArgumentException("the profile names no " + text.substring(4));
            return new Expected(Type.STRING, region, "\"" + region + "\" (" + text + ")");
        }
        return this;
    }

    /** Does a known value (a Boolean, Number, String, Ref or null) equal this one? */
    public boolean matches(Object actual) {
        switch (type) {
            case NOT_SET:
                return actual == null;
            case BOOLEAN:
                if (actual instanceof Boolean b) return b.equals(value);
                return actual instanceof String s && s.trim().equalsIgnoreCase(String.valueOf(value));
            case NUMBER: {
                BigDecimal n = number(actual);
                return n != null && n.compareTo((BigDecimal) value) == 0;
            }
            case STRING:
                return actual != null && text(actual).trim().equalsIgnoreCase((String) value);
            default:
                throw new IllegalStateException("unresolved " + text + ": call resolve(profile) first");
        }
    }

    /** A number from a Number or a numeric string; null otherwise. */
    public static BigDecimal number(Object actual) {
        if (actual instanceof BigDecimal b) return b;
        if (actual instanceof Integer || actual instanceof Long || actual instanceof Short || actual instanceof Byte) {
            return BigDecimal.valueOf(((Number) actual).longValue());
        }
        if (actual instanceof Number n) return new BigDecimal(n.toString());
        if (actual instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** How a scalar reads: a reference by its target, everything else by its string form. */
    public static String text(Object actual) {
        if (actual instanceof Ref r) return r.target();
        return String.valueOf(actual);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expected e && type == e.type && Objects.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }
}
