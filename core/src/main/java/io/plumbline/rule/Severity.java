package io.plumbline.rule;

import java.util.Locale;

/** How bad a failing finding is, for the reference architecture. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Severity parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + s + "' (expected critical, high, medium or low)");
        }
    }

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
