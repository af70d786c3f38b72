package io.plumbline.features.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An assertion on an attribute's value: {@code is X}, {@code is at least N}, {@code is at most N}, {@code is one of
 * ...}, {@code includes ...}, {@code is present}. The first four apply to each element of a list value (an empty list
 * fails: nothing was shown to comply). An unknown value is undecided, with its reason; a defaulted value counts (its
 * default is documented) and says so in the evidence.
 */
public final class Claim {
    /** One value's verdict and the line of evidence that says why. */
    public record Verdict(Outcome outcome, String evidence) {
    }

    private final String description;
    private final boolean elementwise;
    private final Predicate<Object> test;

    private Claim(String description, boolean elementwise, Predicate<Object> test) {
        this.description = description;
        this.elementwise = elementwise;
        this.test = test;
    }

    public static Claim is(Expected expected) {
        return new Claim("is " + expected, true, expected::matches);
    }

    public static Claim atLeast(long n) {
        return new Claim("is at least " + n, true, v -> {
            BigDecimal d = Expected.number(v);
            return d != null && d.compareTo(BigDecimal.valueOf(n)) >= 0;
        });
    }

    public static Claim atMost(long n) {
        return new Claim("is at most " + n, true, v -> {
            BigDecimal d = Expected.number(v);
            return d != null && d.compareTo(BigDecimal.valueOf(n)) <= 0;
        });
    }

    public static Claim oneOf(List<Expected> values) {
        return new Claim("is one of " + join(values), true, v -> values.stream().anyMatch(e -> e.matches(v)));
    }

    /** The value (a list, or a map's keys) contains every one of the values. */
    public static Claim includes(List<Expected> values) {
        return new Claim("includes " + join(values), false, v -> {
            Collection<?> c = v instanceof Map<?, ?> m ? m.keySet() : v instanceof Collection<?> col ? col : null;
            if (c == null) return false;
            List<Object> items = new ArrayList<>();
            for (Object o : c) items.add(o instanceof io.plumbline.model.Value<?> val && val.isKnown() ? val.get() : o);
            return values.stream().allMatch(e -> items.stream().anyMatch(e::matches));
        });
    }

    /** Known, not null, not blank and not empty. */
    public static Claim present() {
        return new Claim("is present", false, v -> {
            if (v == null) return false;
            if (v instanceof String s) return !s.isBlank();
            if (v instanceof Collection<?> c) return !c.isEmpty();
            if (v instanceof Map<?, ?> m) return !m.isEmpty();
            return true;
        });
    }

    private static String join(List<Expected> values) {
        List<String> s = new ArrayList<>();
        for (Expected e : values) s.add(e.toString());
        return String.join(", ", s);
    }

    public String description() {
        return description;
    }

    /** The verdict on one value the attribute path reached. */
    public Verdict check(Found f) {
        String expected = " (expected: " + description.replaceFirst("^is ", "") + ")";
        if (f.empty()) return new Verdict(Outcome.FAIL, f.describe() + expected);
        if (!f.known()) return new Verdict(Outcome.UNDECIDED, f.describe());
        if (elementwise && f.value() instanceof Collection<?>) {
            List<Found> elements = f.elements();
            if (elements.isEmpty()) return new Verdict(Outcome.FAIL, f.describe() + ", an empty list" + expected);
            Outcome o = Outcome.PASS;
            List<String> bad = new ArrayList<>();
            for (Found e : elements) {
                Outcome eo = !e.known() ? Outcome.UNDECIDED : test.test(e.value()) ? Outcome.PASS : Outcome.FAIL;
                if (eo != Outcome.PASS) bad.add(e.describe());
                o = o.and(eo);
            }
            String line = o == Outcome.PASS ? f.describe() : f.describe() + "; not so: " + String.join("; ", bad);
            return new Verdict(o, line + (o == Outcome.FAIL ? expected : ""));
        }
        boolean ok = test.test(f.value());
        return new Verdict(ok ? Outcome.PASS : Outcome.FAIL, f.describe() + (ok ? "" : expected));
    }

    /** The verdict on a resource: every value the path reached must comply. */
    public static Verdict all(List<Verdict> verdicts) {
        Outcome o = Outcome.PASS;
        for (Verdict v : verdicts) o = o.and(v.outcome());
        List<String> lines = new ArrayList<>();
        for (Verdict v : verdicts) if (o == Outcome.PASS || v.outcome() == o) lines.add(v.evidence());
        return new Verdict(o, String.join("; ", lines));
    }
}
