package io.plumbline.drift;

import io.plumbline.drift.DriftReport.Change;
import io.plumbline.drift.DriftReport.Difference;
import io.plumbline.drift.DriftReport.NotComparable;
import io.plumbline.drift.DriftReport.Side;
import io.plumbline.model.ChangeAction;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.model.network.Protocols;
import io.plumbline.model.network.SgRule;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares one matched pair generically, by reflection over the model class's public fields: {@link Value} fields
 * by value (explicit and defaulted alike), maps key by key, lists of records (security group rules, routes, backup
 * rules...) and lists of references as sets, references by what they resolve to in their own model.
 */
final class AttributeComparison {
    /** Identity attributes: used for matching, and shaped differently by each source (an RDS id is its ARN live). */
    private static final Set<String> IDENTITY = Set.of("name", "awsId");
    /** Record components that say where an element came from, not what it is. */
    private static final Set<String> ORIGIN = Set.of("origin", "address");
    private static final String NONE = "∅";

    private final Refs refs;
    private final Resource planned;
    private final Resource actual;
    private final List<Difference> differences = new ArrayList<>();
    private final List<NotComparable> notComparable = new ArrayList<>();
    private int plannedLacks;
    private int actualLacks;
    private int neither;

    AttributeComparison(Refs refs, Resource planned, Resource actual) {
        this.refs = refs;
        this.planned = planned;
        this.actual = actual;
    }

    DriftReport.Match run(String matchedBy) {
        for (Field f : fields(planned.getClass())) {
            if (!f.getDeclaringClass().isInstance(actual)) continue;
            String name = f.getName();
            Object p = get(f, planned);
            Object a = get(f, actual);
            if (f.getType() == Value.class) {
                compare(name, (Value<?>) p, (Value<?>) a);
            } else if (List.class.isAssignableFrom(f.getType())) {
                String guard = incomplete(name);
                if (guard != null) {
                    notComparable.add(new NotComparable(name, guard, side(planned.location(), true, p),
                            side(actual.location(), false, a)));
                } else {
                    elements(name, (List<?>) p, (List<?>) a, planned.location(), actual.location(), false, false);
                }
            } else if (!Objects.equals(p, a)) {
                differences.add(new Difference(name, Change.CHANGED, side(planned.location(), true, p),
                        side(actual.location(), false, a)));
            }
        }
        differences.sort(Comparator.comparing(Difference::path).thenComparing(Difference::change));
        notComparable.sort(Comparator.comparing(NotComparable::path));
        return new DriftReport.Match(Drift.id(planned), Drift.id(actual), matchedBy, differences, notComparable,
                plannedLacks, actualLacks, neither);
    }

    /** The public instance fields a comparison reads, in a stable order; not identities, not guards, not the action. */
    static List<Field> fields(Class<?> type) {
        Map<String, Field> out = new TreeMap<>();
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            if (IDENTITY.contains(f.getName()) || f.getType() == ChangeAction.class) continue;
            if (f.getName().endsWith("Complete") && f.getType() == Value.class) continue;
            out.put(f.getName(), f);
        }
        return List.copyOf(out.values());
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    /** Why the list {@code name} cannot be compared (its {@code nameComplete} flag is unknown on a side), or null. */
    private String incomplete(String name) {
        String why = null;
        for (Resource r : List.of(planned, actual)) {
            try {
                Field g = r.getClass().getField(name + "Complete");
                if (g.getType() != Value.class) continue;
                Value<?> v = (Value<?>) g.get(r);
                if (v.isUnknown() || Boolean.FALSE.equals(v.get())) {
                    String s = (r == planned ? "planned: " : "actual: ") + "the " + name + " are not all known ("
                            + (v.isUnknown() ? v.note() : "incomplete") + ")";
                    why = why == null ? s : why + "; " + s;
                }
            } catch (NoSuchFieldException | IllegalAccessException e) {
                // no guard for this list
            }
        }
        return why;
    }

    // ------------------------------------------------------------------ single values

    static boolean absent(Value<?> v) {
        return v == null || v == Value.notInInput() || Value.notInInput().equals(v);
    }

    private void compare(String path, Value<?> p, Value<?> a) {
        boolean pAbsent = absent(p);
        boolean aAbsent = absent(a);
        if (pAbsent && aAbsent) {
            neither++;
            return;
        }
        if (pAbsent) {
            plannedLacks++;
            return;
        }
        if (aAbsent) {
            actualLacks++;
            return;
        }
        if (p.isUnknown() && a.isUnknown()) {
            // Neither side states a value (a computed attribute of a plan against itself or its twin): the plan makes
            // no claim here, so there is nothing that could have drifted and nothing missing from the comparison.
            neither++;
            return;
        }
        if (p.isUnknown() || a.isUnknown()) {
            notComparable.add(new NotComparable(path, reason(p, a), side(p, true), side(a, false)));
            return;
        }
        Object x = p.get();
        Object y = a.get();
        if (x instanceof Map<?, ?> || y instanceof Map<?, ?>) {
            maps(path, p, a);
            return;
        }
        if ((x == null || x instanceof List<?>) && (y == null || y instanceof List<?>)
                && (hasRecords(x) || hasRecords(y))) {
            elements(path, list(x), list(y), p.provenance(), a.provenance(), p.isSensitive(), a.isSensitive());
            return;
        }
        // A flag one source reports as not set and the other as false is off on both sides (the live API answers
        // false where Terraform state keeps null for an optional flag never set).
        if ((x == null && Boolean.FALSE.equals(y)) || (y == null && Boolean.FALSE.equals(x))) return;
        if (x instanceof Ref rx && y instanceof Ref ry && refs.samePair(planned, rx, actual, ry)) return;
        if (x instanceof String sx && y instanceof String sy && !sx.equals(sy)) {
            String cx = JsonText.canonical(sx);
            String cy = JsonText.canonical(sy);
            if (cx != null && cy != null) {
                if (cx.equals(cy)) return;
                String open = JsonText.agreesBut(cx, cy);
                if (open != null) {
                    notComparable.add(new NotComparable(path, open, side(p, true), side(a, false)));
                    return;
                }
            }
        }
        if (!canon(true, planned, x).equals(canon(false, actual, y))) {
            differences.add(new Difference(path, Change.CHANGED, side(p, true), side(a, false)));
        }
    }

    private static String reason(Value<?> p, Value<?> a) {
        List<String> why = new ArrayList<>();
        if (p.isUnknown()) why.add("planned: " + p.note());
        if (a.isUnknown()) why.add("actual: " + a.note());
        return String.join("; ", why);
    }

    private static boolean hasRecords(Object o) {
        return o instanceof List<?> l && l.stream().anyMatch(e -> e instanceof Record);
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private Side side(Value<?> v, boolean plannedSide) {
        Provenance at = v.provenance() == Provenance.NONE || v.provenance() == null
                ? (plannedSide ? planned : actual).location() : v.provenance();
        return new Side(v, display(plannedSide, v), at);
    }

    /** A plain (non-Value) field or list as a side. */
    private Side side(Provenance at, boolean plannedSide, Object o) {
        Value<Object> v = Value.explicit(o, at);
        return new Side(v, display(plannedSide, v), at);
    }

    private static String display(boolean plannedSide, Value<?> v) {
        return v.display();
    }

    // ------------------------------------------------------------------ maps (tags)

    private void maps(String path, Value<?> p, Value<?> a) {
        if (p.isSensitive() || a.isSensitive()) {
            // Not even the keys of a sensitive map are printed: one difference for the whole map.
            if (!canon(true, planned, p.get()).equals(canon(false, actual, a.get()))) {
                differences.add(new Difference(path, Change.CHANGED, side(p, true), side(a, false)));
            }
            return;
        }
        Map<?, ?> mp = p.get() instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> ma = a.get() instanceof Map<?, ?> m ? m : Map.of();
        TreeSet<String> keys = new TreeSet<>();
        mp.keySet().forEach(k -> keys.add(String.valueOf(k)));
        ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
        Map<String, Object> sp = byString(mp);
        Map<String, Object> sa = byString(ma);
        for (String k : keys) {
            boolean inP = sp.containsKey(k);
            boolean inA = sa.containsKey(k);
            String at = path + "." + k;
            if (inP && inA) {
                if (!canon(true, planned, sp.get(k)).equals(canon(false, actual, sa.get(k)))) {
                    differences.add(new Difference(at, Change.CHANGED, entry(p, sp.get(k)), entry(a, sa.get(k))));
                }
            } else if (inP) {
                differences.add(new Difference(at, Change.REMOVED, entry(p, sp.get(k)), null));
            } else {
                differences.add(new Difference(at, Change.ADDED, null, entry(a, sa.get(k))));
            }
        }
    }

    private static Map<String, Object> byString(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static Side entry(Value<?> parent, Object value) {
        Value<Object> v = Value.explicit(value, parent.provenance());
        if (parent.isSensitive()) v = v.asSensitive();
        return new Side(v, v.display(), parent.provenance());
    }

    // ------------------------------------------------------------------ lists compared as sets

    /** One list element, reduced to what identifies it. */
    private record Elem(String signature, String display, Provenance at, String unknown, boolean sensitive,
                        Object raw) {
    }

    private void elements(String path, List<?> ps, List<?> as, Provenance pAt, Provenance aAt, boolean pSensitive,
                          boolean aSensitive) {
        List<Elem> pe = new ArrayList<>();
        List<Elem> ae = new ArrayList<>();
        for (Object o : ps) pe.add(elem(true, o, pAt, pSensitive));
        for (Object o : as) ae.add(elem(false, o, aAt, aSensitive));
        List<String> unknown = new ArrayList<>();
        pe.stream().filter(e -> e.unknown() != null).findFirst().ifPresent(e -> unknown.add("planned: " + e.unknown()));
        ae.stream().filter(e -> e.unknown() != null).findFirst().ifPresent(e -> unknown.add("actual: " + e.unknown()));
        if (!unknown.isEmpty() && sameElements(pe, ae)) {
            // The same elements with the same unknowns on both sides (the rules of a plan against itself): each side
            // leaves the same parts open, so the lists agree on everything either of them states.
            return;
        }
        if (!unknown.isEmpty()) {
            // One unknown element could be any of the other side's: the list as a whole cannot be compared.
            Elem fp = pe.stream().filter(e -> e.unknown() != null).findFirst().orElse(null);
            Elem fa = ae.stream().filter(e -> e.unknown() != null).findFirst().orElse(null);
            notComparable.add(new NotComparable(path, String.join("; ", unknown),
                    new Side(Value.unknown(fp == null ? "see the actual side" : fp.unknown(), fp == null ? pAt : fp.at()),
                            fp == null ? "(" + ps.size() + " elements)" : fp.display(), fp == null ? pAt : fp.at()),
                    new Side(Value.unknown(fa == null ? "see the planned side" : fa.unknown(), fa == null ? aAt : fa.at()),
                            fa == null ? "(" + as.size() + " elements)" : fa.display(), fa == null ? aAt : fa.at())));
            return;
        }
        Map<String, Deque<Elem>> actualBySignature = new LinkedHashMap<>();
        for (Elem e : ae) actualBySignature.computeIfAbsent(e.signature(), k -> new ArrayDeque<>()).add(e);
        List<Elem> removed = new ArrayList<>();
        for (Elem e : pe) {
            Deque<Elem> same = actualBySignature.get(e.signature());
            if (same != null && !same.isEmpty()) same.poll();
            else removed.add(e);
        }
        for (Elem e : removed) {
            differences.add(new Difference(path + "[" + e.display() + "]", Change.REMOVED, elementSide(e), null));
        }
        for (Deque<Elem> rest : actualBySignature.values()) {
            for (Elem e : rest) {
                differences.add(new Difference(path + "[" + e.display() + "]", Change.ADDED, null, elementSide(e)));
            }
        }
    }

    /** Whether both lists hold the same elements (as multisets), an unknown part matching only an unknown part. */
    private static boolean sameElements(List<Elem> pe, List<Elem> ae) {
        if (pe.size() != ae.size()) return false;
        Map<String, Integer> count = new java.util.HashMap<>();
        for (Elem e : pe) {
            if (e.signature() == null) return false;
            count.merge(e.signature(), 1, Integer::sum);
        }
        for (Elem e : ae) {
            if (e.signature() == null || count.merge(e.signature(), -1, Integer::sum) < 0) return false;
        }
        return true;
    }

    private static Side elementSide(Elem e) {
        Value<Object> v = Value.explicit(e.raw(), e.at());
        if (e.sensitive()) v = v.asSensitive();
        return new Side(v, e.display(), e.at());
    }

    private Elem elem(boolean plannedSide, Object o, Provenance parentAt, boolean parentSensitive) {
        Resource owner = plannedSide ? planned : actual;
        if (o instanceof Value<?> v) {
            Provenance at = v.provenance() == Provenance.NONE ? parentAt : v.provenance();
            if (absent(v) || v.isUnknown()) {
                return new Elem(null, v.display(), at, absent(v) ? "not in the input" : v.note(), false, null);
            }
            boolean sensitive = parentSensitive || v.isSensitive();
            return new Elem(canon(plannedSide, owner, v.get()), sensitive ? "(sensitive)" : String.valueOf(v.get()),
                    at, null, sensitive, v.get());
        }
        if (o instanceof Ref ref) {
            // By what it points at, not by the name each source gives it (Ref is a record: not one of the records
            // compared component by component below).
            return new Elem(canon(plannedSide, owner, ref), parentSensitive ? "(sensitive)" : ref.target(), parentAt,
                    null, parentSensitive, ref);
        }
        if (o instanceof Record r) return record(plannedSide, owner, r, parentAt, parentSensitive);
        return new Elem(canon(plannedSide, owner, o), parentSensitive ? "(sensitive)" : String.valueOf(o), parentAt,
                null, parentSensitive, o);
    }

    private Elem record(boolean plannedSide, Resource owner, Record r, Provenance parentAt, boolean parentSensitive) {
        RecordComponent[] comps = r.getClass().getRecordComponents();
        Map<String, Object> values = new LinkedHashMap<>();
        Provenance location = null;
        Provenance firstValueAt = null;
        for (RecordComponent c : comps) {
            Object v = component(c, r);
            if (c.getType() == Provenance.class) {
                if (location == null && v != null) location = (Provenance) v;
                continue;
            }
            if (ORIGIN.contains(c.getName())) continue;
            values.put(c.getName(), v);
            if (firstValueAt == null && v instanceof Value<?> vv && vv.provenance() != Provenance.NONE
                    && !absent(vv)) {
                firstValueAt = vv.provenance();
            }
        }
        Provenance at = location != null ? location : firstValueAt != null ? firstValueAt : parentAt;
        boolean anyPorts = false;
        if (values.get("protocol") instanceof Value<?> proto && proto.isKnown() && proto.get() instanceof String s) {
            anyPorts = Protocols.ignoresPorts(s);
        }
        StringBuilder sig = new StringBuilder();
        List<String> shown = new ArrayList<>();
        String unknown = null;
        boolean sensitive = parentSensitive;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            boolean port = name.equals("fromPort") || name.equals("toPort");
            String canon;
            String show;
            if (v instanceof Value<?> vv) {
                if (absent(vv)) {
                    canon = NONE;
                    show = null;
                } else if (vv.isUnknown()) {
                    if (unknown == null) unknown = name + " " + vv.note();
                    canon = "?";
                    show = "?";
                } else {
                    sensitive |= vv.isSensitive();
                    canon = canon(plannedSide, owner, vv.get());
                    show = vv.get() == null ? null : vv.isSensitive() ? "(sensitive)" : String.valueOf(vv.get());
                }
            } else {
                canon = canon(plannedSide, owner, v);
                show = v == null || "".equals(v) ? null : String.valueOf(v);
            }
            if (port && anyPorts) {
                canon = "*";
                show = null;
            }
            // A rule on the group itself is SELF in one source and a group peer naming the group in another.
            if (v == SgRule.PeerKind.SELF) canon = SgRule.PeerKind.SECURITY_GROUP.name();
            sig.append(name).append('=').append(canon).append(';');
            if (show != null) shown.add(name + "=" + show);
        }
        String display = sensitive ? "(sensitive)" : String.join(" ", shown);
        return new Elem(sig.toString(), display, at, unknown, sensitive, r);
    }

    private static Object component(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    // ------------------------------------------------------------------ canonical forms

    /** A form equal on both sides when the values mean the same; references by what they resolve to. */
    private String canon(boolean plannedSide, Resource owner, Object o) {
        if (o == null) return NONE;
        if (o instanceof String s) return s.isEmpty() ? NONE : s;
        if (o instanceof Ref r) return refs.identity(plannedSide, owner, r);
        if (o instanceof Value<?> v) {
            if (absent(v)) return NONE;
            return v.isUnknown() ? "?" : canon(plannedSide, owner, v.get());
        }
        if (o instanceof Enum<?> e) return e.name();
        if (o instanceof Number n) return n.toString();
        if (o instanceof Collection<?> c) {
            if (c.isEmpty()) return NONE;
            List<String> items = new ArrayList<>();
            for (Object x : c) items.add(canon(plannedSide, owner, x));
            items.sort(null);
            return "[" + String.join(", ", items) + "]";
        }
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) return NONE;
            TreeMap<String, String> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canon(plannedSide, owner, v)));
            return sorted.toString();
        }
        if (o instanceof Record r) return record(plannedSide, owner, r, Provenance.NONE, false).signature();
        return String.valueOf(o);
    }
}
