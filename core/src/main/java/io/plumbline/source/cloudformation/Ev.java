package io.plumbline.source.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A template value after intrinsic functions were evaluated. Every value remembers the place of the template node
 * that produced it ({@link Loc}), so that model values point at the property that says so.
 */
sealed interface Ev permits Ev.Lit, Ev.Arr, Ev.Obj, Ev.Unk, Ev.ResRef, Ev.NoValue, Ev.Azs, Ev.Az {

    Loc loc();

    default boolean sensitive() {
        return false;
    }

    /** Where a value stands: 1-based line and column, and the JSON pointer of its node. */
    record Loc(int line, int column, String pointer) {
        static final Loc NONE = new Loc(0, 0, null);
    }

    /** A known scalar: String, Long, BigDecimal, Boolean or null. */
    record Lit(Object value, Loc loc, boolean sensitive) implements Ev {
        Lit(Object value, Loc loc) {
            this(value, loc, false);
        }

        String text() {
            return value == null ? null : String.valueOf(value);
        }
    }

    record Arr(List<Ev> items, Loc loc) implements Ev {
    }

    record Obj(Map<String, Ev> entries, Loc loc) implements Ev {
    }

    /**
     * A value that cannot be known from the template.
     *
     * @param reason       why, for reports
     * @param placeholder  when not null, a text that stands for the value inside a rendered document (a policy): set
     *                     only for values that are certainly a single identifier such as {@code ${AWS::AccountId}} or
     *                     {@code ${Bucket.Arn}}, never for something that could be a wildcard (a parameter)
     * @param key          when not null, identifies the unknown quantity, so that two unknowns with the same key are
     *                     the same value (e.g. both branches of an {@code Fn::If} are {@code AWS::AccountId})
     * @param alternatives when not null, the values this could be (the branches of an {@code Fn::If} whose condition
     *                     is unknown)
     */
    record Unk(String reason, Loc loc, boolean sensitive, String placeholder, String key, List<Ev> alternatives)
            implements Ev {
        static Unk of(String reason, Loc loc) {
            return new Unk(reason, loc, false, null, null, null);
        }

        Unk at(Loc l) {
            return new Unk(reason, l, sensitive, placeholder, key, alternatives);
        }

        Unk sensitive(boolean s) {
            return new Unk(reason, loc, s || sensitive, placeholder, key, alternatives);
        }
    }

    /** A reference to a resource of the template: {@code Ref} (attribute null) or a {@code Fn::GetAtt} of its identity. */
    record ResRef(String logicalId, String attribute, Loc loc) implements Ev {
        String placeholder() {
            return attribute == null ? "${" + logicalId + "}" : "${" + logicalId + "." + attribute + "}";
        }
    }

    /** {@code AWS::NoValue}: the property (or list item) is removed. */
    record NoValue(Loc loc) implements Ev {
    }

    /** The list {@code Fn::GetAZs} returns for a region (null: the deployment region, not declared). */
    record Azs(String region, Loc loc) implements Ev {
    }

    /** One availability zone by index in {@code Fn::GetAZs}' list for a region ({@code !Select [i, !GetAZs '']}). */
    record Az(int index, String region, Loc loc) implements Ev {
    }

    /** Structural equality, ignoring locations; unknowns are equal only when they stand for the same quantity. */
    static boolean same(Ev a, Ev b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Lit x && b instanceof Lit y) return Objects.equals(x.text(), y.text());
        if (a instanceof Arr x && b instanceof Arr y) {
            if (x.items().size() != y.items().size()) return false;
            for (int i = 0; i < x.items().size(); i++) if (!same(x.items().get(i), y.items().get(i))) return false;
            return true;
        }
        if (a instanceof Obj x && b instanceof Obj y) {
            if (!x.entries().keySet().equals(y.entries().keySet())) return false;
            for (Map.Entry<String, Ev> e : x.entries().entrySet()) {
                if (!same(e.getValue(), y.entries().get(e.getKey()))) return false;
            }
            return true;
        }
        if (a instanceof ResRef x && b instanceof ResRef y) {
            return x.logicalId().equals(y.logicalId()) && Objects.equals(x.attribute(), y.attribute());
        }
        if (a instanceof NoValue && b instanceof NoValue) return true;
        if (a instanceof Azs x && b instanceof Azs y) return Objects.equals(x.region(), y.region());
        if (a instanceof Az x && b instanceof Az y) return x.index() == y.index() && Objects.equals(x.region(), y.region());
        if (a instanceof Unk x && b instanceof Unk y) return x.key() != null && x.key().equals(y.key());
        return false;
    }

    /** The same value placed at another location (values taken from parameters, mappings... point at their use). */
    static Ev relocate(Ev v, Loc loc) {
        if (v == null) return null;
        if (v instanceof Lit l) return new Lit(l.value(), loc, l.sensitive());
        if (v instanceof Arr a) {
            List<Ev> items = new ArrayList<>(a.items().size());
            for (Ev i : a.items()) items.add(relocate(i, loc));
            return new Arr(items, loc);
        }
        if (v instanceof Obj o) {
            Map<String, Ev> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Ev> e : o.entries().entrySet()) entries.put(e.getKey(), relocate(e.getValue(), loc));
            return new Obj(entries, loc);
        }
        if (v instanceof Unk u) return u.at(loc);
        if (v instanceof ResRef r) return new ResRef(r.logicalId(), r.attribute(), loc);
        if (v instanceof NoValue) return new NoValue(loc);
        if (v instanceof Azs z) return new Azs(z.region(), loc);
        if (v instanceof Az z) return new Az(z.index(), z.region(), loc);
        throw new IllegalStateException(String.valueOf(v));
    }

    /** Marks a value (deeply) sensitive. */
    static Ev sensitive(Ev v) {
        if (v instanceof Lit l) return new Lit(l.value(), l.loc(), true);
        if (v instanceof Unk u) return u.sensitive(true);
        if (v instanceof Arr a) {
            List<Ev> items = new ArrayList<>(a.items().size());
            for (Ev i : a.items()) items.add(sensitive(i));
            return new Arr(items, a.loc());
        }
        if (v instanceof Obj o) {
            Map<String, Ev> entries = new LinkedHashMap<>();
            for (Map.Entry<String, Ev> e : o.entries().entrySet()) entries.put(e.getKey(), sensitive(e.getValue()));
            return new Obj(entries, o.loc());
        }
        return v;
    }

    /** The text of a literal as a message may show it: never the content of a sensitive one. */
    static String shown(Lit l) {
        return l.sensitive() ? io.plumbline.model.Secrets.MASK : l.text();
    }

    /** Whether the value or anything inside it is sensitive. */
    static boolean anySensitive(Ev v) {
        if (v == null) return false;
        if (v.sensitive()) return true;
        if (v instanceof Arr a) {
            for (Ev i : a.items()) if (anySensitive(i)) return true;
        } else if (v instanceof Obj o) {
            for (Ev i : o.entries().values()) if (anySensitive(i)) return true;
        } else if (v instanceof Unk u && u.alternatives() != null) {
            for (Ev i : u.alternatives()) if (anySensitive(i)) return true;
        }
        return false;
    }

    /** Registers the text of every sensitive literal inside {@code v} as a secret held by {@code scope}. */
    static void collectSecrets(Ev v, String scope, io.plumbline.model.Secrets.Builder into) {
        if (v instanceof Lit l) {
            if (l.sensitive() && l.value() != null) into.add(l.text(), scope);
        } else if (v instanceof Arr a) {
            for (Ev i : a.items()) collectSecrets(i, scope, into);
        } else if (v instanceof Obj o) {
            for (Ev i : o.entries().values()) collectSecrets(i, scope, into);
        } else if (v instanceof Unk u && u.alternatives() != null) {
            for (Ev i : u.alternatives()) collectSecrets(i, scope, into);
        }
    }

    static String describe(Ev v) {
        if (v == null) return "nothing";
        if (v instanceof Lit l) return l.value() == null ? "null" : l.value() instanceof String ? "a string" : "'" + shown(l) + "'";
        if (v instanceof Arr) return "a list";
        if (v instanceof Obj) return "a mapping";
        if (v instanceof ResRef r) return "a reference to " + r.logicalId();
        if (v instanceof NoValue) return "AWS::NoValue";
        if (v instanceof Azs) return "a list of availability zones";
        if (v instanceof Az) return "an availability zone";
        return "an unknown value";
    }
}
