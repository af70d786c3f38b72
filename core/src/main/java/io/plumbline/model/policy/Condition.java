package io.plumbline.model.policy;

import java.util.List;
import java.util.Locale;

/**
 * One test of a statement's {@code Condition} block: an operator (as written), a context key and its values. The
 * operator is split into AWS's parts: the set qualifier ({@code ForAnyValue:} / {@code ForAllValues:}), the base
 * operator ({@code StringEquals}, {@code Bool}, {@code NumericLessThan}...) and the {@code IfExists} suffix. Tests of
 * one statement are ANDed; the values of one test are ORed (negated operators: NORed), as AWS evaluates them.
 *
 * <p>Context key names are case-insensitive ({@code aws:SourceIP} is {@code AWS:SourceIp}, IAM User Guide, "IAM JSON
 * policy elements: Condition"); use {@link #keyIs}. Values keep their JSON text ({@code false} and {@code "false"}
 * both become {@code false}).
 */
public record Condition(String operator, String base, Qualifier qualifier, boolean ifExists, String key,
                        List<String> values) {

    public enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    public Condition {
        values = List.copyOf(values);
    }

    /** Splits an operator as written ({@code ForAnyValue:StringLikeIfExists}) into its parts. */
    static Condition of(String operator, String key, List<String> values) {
        String rest = operator;
        Qualifier q = Qualifier.NONE;
        String lower = operator.toLowerCase(Locale.ROOT);
        if (lower.startsWith("foranyvalue:")) {
            q = Qualifier.FOR_ANY_VALUE;
            rest = operator.substring("ForAnyValue:".length());
        } else if (lower.startsWith("forallvalues:")) {
            q = Qualifier.FOR_ALL_VALUES;
            rest = operator.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.toLowerCase(Locale.ROOT).endsWith("ifexists") && rest.length() > "IfExists".length();
        String base = ifExists ? rest.substring(0, rest.length() - "IfExists".length()) : rest;
        return new Condition(operator, base, q, ifExists, key, values);
    }

    public boolean keyIs(String name) {
        return key.equalsIgnoreCase(name);
    }

    public boolean baseIs(String name) {
        return base.equalsIgnoreCase(name);
    }

    /** {@code StringNotEquals}, {@code ArnNotLike}, {@code NotIpAddress}...: true when the value does not match. */
    public boolean negated() {
        String b = base.toLowerCase(Locale.ROOT);
        return b.contains("not") && !b.equals("null");
    }

    /** As a report may show it: {@code Bool aws:SecureTransport = [false]}. */
    public String describe() {
        return operator + " " + key + " = " + values;
    }
}
