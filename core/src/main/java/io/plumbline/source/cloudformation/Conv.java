package io.plumbline.source.cloudformation;

import io.plumbline.model.Default;
import io.plumbline.model.Defaults;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.source.cloudformation.Ev.Arr;
import io.plumbline.source.cloudformation.Ev.Az;
import io.plumbline.source.cloudformation.Ev.Azs;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Loc;
import io.plumbline.source.cloudformation.Ev.NoValue;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.Ev.Unk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns evaluated template values into model {@link Value}s: normalises booleans and numbers written as strings, keeps
 * the place of each value, carries sensitivity, and says why a value is unknown. A {@code null} {@link Ev} means the
 * property is absent.
 */
final class Conv {

    private final String file;

    Conv(String file) {
        this.file = file;
    }

    Provenance at(Ev v) {
        return at(v.loc());
    }

    Provenance at(Loc l) {
        return Provenance.inFile(file, l.line(), l.column(), l.pointer());
    }

    // ------------------------------------------------------------------ navigation

    /**
     * The entry {@code key} of a mapping value: null when absent. Inside an unknown, the unknown itself (why the
     * whole is not known); inside an {@code Fn::If} whose branches agree on this entry, that entry.
     */
    static Ev get(Ev v, String key) {
        if (v == null) return null;
        if (v instanceof Obj o) return o.entries().get(key);
        if (v instanceof Unk u) {
            if (u.alternatives() == null) return u;
            List<Ev> alternatives = new ArrayList<>();
            for (Ev a : u.alternatives()) alternatives.add(a instanceof NoValue ? null : get(a, key));
            Ev first = alternatives.get(0);
            boolean agree = true;
            for (Ev a : alternatives) {
                if (!(a == null && first == null || Ev.same(a, first))) agree = false;
            }
            if (agree) return first;
            List<Ev> alts = new ArrayList<>();
            for (Ev a : alternatives) alts.add(a == null ? new NoValue(u.loc()) : a);
            return new Unk(u.reason(), u.loc(), u.sensitive(), null, null, alts);
        }
        return Unk.of("expected a mapping with " + key + ", found " + Ev.describe(v), v.loc());
    }

    static Ev get(Ev v, String... path) {
        Ev cur = v;
        for (String k : path) {
            cur = get(cur, k);
            if (cur == null) return null;
        }
        return cur;
    }

    /** The items of a list value; an empty list when absent; null when it is not a known list. */
    static List<Ev> items(Ev v) {
        if (v == null) return List.of();
        if (v instanceof Arr a) return a.items();
        return null;
    }

    static String text(Ev v) {
        return v instanceof Lit l ? l.text() : null;
    }

    // ------------------------------------------------------------------ scalars

    <T> Value<T> unknown(Ev v) {
        return sens(Value.unknown(Evaluator.reasonOf(v), at(v)), v);
    }

    private static <T> Value<T> sens(Value<T> value, Ev v) {
        return Ev.anySensitive(v) ? value.asSensitive() : value;
    }

    Value<String> str(Ev v) {
        if (v == null) return Value.notInInput();
        if (v instanceof Lit l) return sens(Value.explicit(l.text(), at(v)), v);
        if (v instanceof ResRef r) {
            return Value.unknown("the " + (r.attribute() == null ? "id" : r.attribute()) + " of resource "
                    + r.logicalId() + " is known only after deploy", at(v));
        }
        if (v instanceof Arr || v instanceof Obj) {
            return Value.unknown("expected a string, found " + Ev.describe(v), at(v));
        }
        return unknown(v);
    }

    Value<String> str(Ev v, Default<String> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : str(v);
    }

    /** A string that names another template resource: a reference gives the logical id. */
    Value<String> refText(Ev v) {
        if (v instanceof ResRef r) return Value.explicit(r.logicalId(), at(v));
        return str(v);
    }

    Value<String> refText(Ev v, Default<String> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : refText(v);
    }

    Value<Boolean> bool(Ev v) {
        if (v == null) return Value.notInInput();
        if (v instanceof Lit l) {
            if (l.value() instanceof Boolean b) return sens(Value.explicit(b, at(v)), v);
            if (l.value() instanceof String s) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (t.equals("true")) return sens(Value.explicit(true, at(v)), v);
                if (t.equals("false")) return sens(Value.explicit(false, at(v)), v);
            }
            return sens(Value.unknown("expected a boolean, found '" + Ev.shown(l) + "'", at(v)), v);
        }
        if (v instanceof Arr || v instanceof Obj || v instanceof ResRef) {
            return Value.unknown("expected a boolean, found " + Ev.describe(v), at(v));
        }
        return unknown(v);
    }

    Value<Boolean> bool(Ev v, Default<Boolean> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : bool(v);
    }

    Value<Integer> integer(Ev v) {
        if (v == null) return Value.notInInput();
        if (v instanceof Lit l) {
            Integer i = Evaluator.asInt(l.value());
            if (i == null && l.value() instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                try {
                    i = d.intValueExact();
                } catch (ArithmeticException e) {
                    i = null;
                }
            }
            if (i != null) return sens(Value.explicit(i, at(v)), v);
            return sens(Value.unknown("expected an integer, found '" + Ev.shown(l) + "'", at(v)), v);
        }
        if (v instanceof Arr || v instanceof Obj || v instanceof ResRef) {
            return Value.unknown("expected an integer, found " + Ev.describe(v), at(v));
        }
        return unknown(v);
    }

    Value<Integer> integer(Ev v, Default<Integer> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : integer(v);
    }

    Value<Ref> ref(Ev v) {
        if (v == null) return Value.notInInput();
        if (v instanceof ResRef r) return Value.explicit(new Ref(r.logicalId()), at(v));
        if (v instanceof Lit l) {
            String t = l.text();
            return sens(Value.explicit(t == null || t.isEmpty() ? null : new Ref(t), at(v)), v);
        }
        if (v instanceof Arr || v instanceof Obj) return Value.unknown("expected a reference, found " + Ev.describe(v), at(v));
        return unknown(v);
    }

    Value<Ref> ref(Ev v, Default<Ref> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : ref(v);
    }

    // ------------------------------------------------------------------ lists and maps

    Value<List<Ref>> refs(Ev v) {
        return list(v, this::ref);
    }

    Value<List<String>> strings(Ev v) {
        return list(v, this::str);
    }

    Value<List<String>> strings(Ev v, Default<List<String>> def, Provenance declared) {
        return v == null ? Value.defaulted(def, declared) : strings(v);
    }

    /** A list whose items all convert to known values; else unknown, naming the first item that is not known. */
    <T> Value<List<T>> list(Ev v, Function<Ev, Value<T>> item) {
        if (v == null) return Value.notInInput();
        if (v instanceof Azs) {
            return Value.unknown("all availability zones of the " + regionText(((Azs) v).region()) + " (Fn::GetAZs)", at(v));
        }
        if (!(v instanceof Arr a)) {
            if (v instanceof Lit) return Value.unknown("expected a list, found " + Ev.describe(v), at(v));
            return unknown(v);
        }
        List<T> out = new ArrayList<>(a.items().size());
        boolean sensitive = false;
        List<Integer> azIndexes = new ArrayList<>();
        String azRegion = null;
        Value<T> firstUnknown = null;
        int firstUnknownIndex = -1;
        for (int i = 0; i < a.items().size(); i++) {
            Ev e = a.items().get(i);
            Value<T> c = item.apply(e);
            sensitive |= c.isSensitive();
            if (c.isUnknown()) {
                if (e instanceof Az z) {
                    azIndexes.add(z.index());
                    azRegion = z.region();
                }
                if (firstUnknown == null) {
                    firstUnknown = c;
                    firstUnknownIndex = i;
                }
            } else {
                out.add(c.get());
            }
        }
        Value<List<T>> result;
        if (firstUnknown == null) {
            result = Value.explicit(Collections.unmodifiableList(out), at(v));
        } else if (azIndexes.size() + out.size() == a.items().size() && !azIndexes.isEmpty()) {
            result = Value.unknown("availability zones chosen by index: AZ indexes " + azIndexes
                    + " of the region's AZs (Fn::GetAZs, " + regionText(azRegion) + ")", at(v));
        } else {
            result = Value.unknown("item " + firstUnknownIndex + ": " + firstUnknown.note(), at(v));
        }
        return sensitive ? result.asSensitive() : result;
    }

    private static String regionText(String region) {
        return region == null ? "region not declared" : "region " + region;
    }

    /** A string map (labels, parameters); unknown when any key or value is not known. */
    Value<Map<String, String>> stringMap(Ev v) {
        if (v == null) return Value.notInInput();
        if (!(v instanceof Obj o)) return v instanceof Unk ? unknown(v) : Value.unknown("expected a mapping, found " + Ev.describe(v), at(v));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Ev> e : o.entries().entrySet()) {
            Value<String> s = str(e.getValue());
            if (s.isUnknown()) return sens(Value.unknown(e.getKey() + ": " + s.note(), at(v)), o);
            out.put(e.getKey(), s.get());
        }
        return sens(Value.explicit(Collections.unmodifiableMap(out), at(v)), o);
    }

    /**
     * Tags, as a list of {@code {Key, Value}} or as a mapping. Tags whose key or value cannot be known before deploy
     * (a value from {@code AWS::StackName}, a tag that exists only under an unknown condition) are left out; the map
     * is unknown only when the tag list itself is not known.
     */
    Value<Map<String, String>> tags(Ev v) {
        if (v == null) return Value.defaulted(Defaults.CFN_NO_TAGS, Provenance.NONE);
        Map<String, String> out = new LinkedHashMap<>();
        // A tag from a NoEcho parameter makes the map sensitive (as Terraform marks tags with a sensitive value); its
        // content stays for rules, and the source registers the sensitive tag values themselves as secrets.
        if (v instanceof Obj o) {
            for (Map.Entry<String, Ev> e : o.entries().entrySet()) {
                if (e.getValue() instanceof Lit l && l.value() != null) out.put(e.getKey(), l.text());
            }
        } else if (v instanceof Arr a) {
            for (Ev item : a.items()) {
                if (item instanceof Obj o && o.entries().get("Key") instanceof Lit k && k.value() != null
                        && o.entries().get("Value") instanceof Lit val && val.value() != null) {
                    out.put(k.text(), val.text());
                }
            }
        } else {
            return v instanceof Unk ? unknown(v) : Value.unknown("expected a list of tags, found " + Ev.describe(v), at(v));
        }
        return sens(Value.explicit(Collections.unmodifiableMap(out), at(v)), v);
    }
}
