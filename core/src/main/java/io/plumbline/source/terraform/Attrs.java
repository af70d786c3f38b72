package io.plumbline.source.terraform;

import io.plumbline.model.Default;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the attributes of one object of a plan (a resource's {@code after}, or a nested block of it) into model
 * values: explicit from the values, unknown from {@code after_unknown}, sensitive from {@code after_sensitive}, and
 * links followed through the configuration when the plan does not know them. Each value points at its own node.
 */
final class Attrs {
    static final String AFTER_APPLY = "known only after apply";
    /** Marker for "everything below is unknown" (the block itself is in after_unknown). */
    static final Node ALL = new ScalarNode(Boolean.TRUE, 0, 0);

    /** How the configuration sets an attribute. */
    enum Cfg { SET, NOT_SET, NO_CONFIG }

    final PlanReader plan;
    final PlanReader.Res res;
    final MapNode vals;
    final String ptr;
    final Node unk;
    final String unkPtr;
    final Node sens;
    /** The configuration expressions of this object (a resource's {@code expressions} or a block of it), or null. */
    final MapNode cfg;
    final String cfgPtr;
    /** Whether the configuration of this object is known (so that an attribute missing from it is not set). */
    final boolean cfgKnown;
    /** Where this object is (for values that are unknown as a whole, and for defaults of nested blocks). */
    final Provenance place;
    /** Set when this object stands for a block the plan says is empty: every attribute of it is then not set. */
    Provenance emptyAt;

    Attrs(PlanReader plan, PlanReader.Res res, MapNode vals, String ptr, Node unk, String unkPtr, Node sens,
          MapNode cfg, String cfgPtr, boolean cfgKnown, Provenance place) {
        this.plan = plan;
        this.res = res;
        this.vals = vals;
        this.ptr = ptr;
        this.unk = unk;
        this.unkPtr = unkPtr;
        this.sens = sens;
        this.cfg = cfg;
        this.cfgPtr = cfgPtr;
        this.cfgKnown = cfgKnown;
        this.place = place;
    }

    /** The input says nothing about it (also after {@link Value#map}, which makes a new instance). */
    static boolean absent(Value<?> v) {
        return v == Value.notInInput() || Value.notInInput().equals(v);
    }

    /** An attribute the plan does not have: not set when its block is known to be empty, else not in the input. */
    private <T> Value<T> missing() {
        return emptyAt != null ? Value.explicit(null, emptyAt) : Value.notInInput();
    }

    // ------------------------------------------------------------------ raw access

    Node raw(String k) {
        return vals == null ? null : vals.get(k);
    }

    /** The scalar text at k when known and not null, else null (for joins and names; no provenance). */
    String text(String k) {
        if (isUnknown(k)) return null;
        Node n = raw(k);
        return n instanceof ScalarNode s && s.value() != null ? s.text() : null;
    }

    /** Like {@link #text} but null when the value is marked sensitive (for plain strings that may be printed). */
    String publicText(String k) {
        return isSensitive(k) ? null : text(k);
    }

    boolean has(String k) {
        return (vals != null && vals.has(k)) || isUnknown(k);
    }

    boolean isUnknown(String k) {
        if (unk == ALL) return true;
        return unk instanceof MapNode m && m.get(k) instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    private Node unkChild(String k) {
        if (unk == ALL) return ALL;
        return unk instanceof MapNode m ? m.get(k) : null;
    }

    /** Whether the attribute, or anything inside it, is marked sensitive. */
    private boolean isSensitive(String k) {
        if (sens instanceof ScalarNode s) return Boolean.TRUE.equals(s.value());
        return sens instanceof MapNode m && anyTrue(m.get(k), 0);
    }

    private static boolean anyTrue(Node n, int depth) {
        if (n == null || depth > 32) return false;
        if (n instanceof ScalarNode s) return Boolean.TRUE.equals(s.value());
        if (n instanceof ListNode l) {
            for (Node c : l.items()) if (anyTrue(c, depth + 1)) return true;
        } else if (n instanceof MapNode m) {
            for (Node c : m.entries().values()) if (anyTrue(c, depth + 1)) return true;
        }
        return false;
    }

    private Node sensChild(String k) {
        if (sens instanceof ScalarNode) return sens;
        return sens instanceof MapNode m ? m.get(k) : null;
    }

    private static Node item(Node list, int i) {
        if (list == ALL) return ALL;
        if (list instanceof ScalarNode s) return Boolean.TRUE.equals(s.value()) ? ALL : null;
        return list instanceof ListNode l ? l.get(i) : null;
    }

    private static boolean isTrue(Node n) {
        return n == ALL || n instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
    }

    Provenance at(Node n, String pointer) {
        return Provenance.inFile(plan.file, n.line(), n.column(), pointer);
    }

    String ptr(String k) {
        return ptr + "/" + Addresses.token(k);
    }

    /** Where an unknown attribute is said to be unknown. */
    Provenance unknownPlace(String k) {
        Node n = unkChild(k);
        if (n != null && n != ALL) return at(n, unkPtr + "/" + Addresses.token(k));
        return place;
    }

    <T> Value<T> unknownValue(String k) {
        return Value.unknown(AFTER_APPLY, unknownPlace(k));
    }

    private <T> Value<T> mark(Value<T> v, String k) {
        return isSensitive(k) ? v.asSensitive() : v;
    }

    // ------------------------------------------------------------------ configuration

    MapNode cfgExpr(String k) {
        return cfg == null ? null : cfg.map(k);
    }

    /** Whether the configuration sets {@code k} (a non-null constant, a reference or a block). */
    Cfg cfgState(String k) {
        if (!cfgKnown) return Cfg.NO_CONFIG;
        if (cfg == null) return Cfg.NOT_SET;
        // Note: plans drop dynamic blocks from the configuration, so a block built by "dynamic" reads as not set.
        Node e = cfg.get(k);
        if (e == null) return Cfg.NOT_SET;
        if (e instanceof MapNode m) {
            Node c = m.get("constant_value");
            if (c != null) return c.isNull() ? Cfg.NOT_SET : Cfg.SET;
            ListNode refs = m.list("references");
            if (refs != null && plan.refs.allVariablesNull(refs, res.mod, 0)) return Cfg.NOT_SET;
        }
        return Cfg.SET;
    }

    // ------------------------------------------------------------------ scalars

    Value<Boolean> bool(String k) {
        if (isUnknown(k)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        return mark(toBool(n, at(n, ptr(k)), isSensitive(k)), k);
    }

    /** A boolean; an unreadable one is unknown naming what was found, unless that is {@code secret}. */
    static Value<Boolean> toBool(Node n, Provenance p, boolean secret) {
        if (n instanceof ScalarNode s) {
            Object v = s.value();
            if (v == null) return Value.explicit(null, p);
            if (v instanceof Boolean b) return Value.explicit(b, p);
            if (v instanceof String str) {
                switch (str) {
                    case "" -> {
                        return Value.explicit(null, p);
                    }
                    case "true", "True", "TRUE" -> {
                        return Value.explicit(Boolean.TRUE, p);
                    }
                    case "false", "False", "FALSE" -> {
                        return Value.explicit(Boolean.FALSE, p);
                    }
                    default -> {
                        return Value.unknown("expected a boolean, found \"" + shown(str, secret) + "\"", p);
                    }
                }
            }
            return Value.unknown("expected a boolean, found " + shown(String.valueOf(v), secret), p);
        }
        return Value.unknown("expected a boolean, found " + kind(n), p);
    }

    Value<String> str(String k) {
        if (isUnknown(k)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        Provenance p = at(n, ptr(k));
        if (n instanceof ScalarNode s) return mark(Value.explicit(s.text(), p), k);
        return mark(Value.unknown("expected a string, found " + kind(n), p), k);
    }

    /** A string where "" means not set (many provider attributes). */
    Value<String> strOrNull(String k) {
        Value<String> v = str(k);
        return v.isPresent() && v.get().isEmpty() ? v.map(s -> null) : v;
    }

    Value<Integer> integer(String k) {
        if (isUnknown(k)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        return mark(toInt(n, at(n, ptr(k)), isSensitive(k)), k);
    }

    static Value<Integer> toInt(Node n, Provenance p, boolean secret) {
        if (!(n instanceof ScalarNode s)) return Value.unknown("expected a number, found " + kind(n), p);
        Object v = s.value();
        if (v == null) return Value.explicit(null, p);
        try {
            if (v instanceof Long l) return Value.explicit(Math.toIntExact(l), p);
            if (v instanceof BigDecimal d) return Value.explicit(d.intValueExact(), p);
            if (v instanceof String str) {
                String t = str.trim();
                if (t.isEmpty()) return Value.explicit(null, p);
                return Value.explicit(Integer.parseInt(t), p);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through
        }
        return Value.unknown("expected a whole number, found " + shown(String.valueOf(v), secret), p);
    }

    /** A list of strings; null stays null (explicit); any unknown element makes the whole list unknown. */
    Value<List<String>> strings(String k) {
        Node u = unkChild(k);
        if (isTrue(u)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        Provenance p = at(n, ptr(k));
        if (n.isNull()) return mark(Value.explicit(null, p), k);
        if (n instanceof ScalarNode s) return mark(Value.explicit(List.of(s.text()), p), k); // a lone string
        if (!(n instanceof ListNode l)) return Value.unknown("expected a list, found " + kind(n), p);
        List<String> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            if (isTrue(item(u, i))) return Value.unknown("some elements are " + AFTER_APPLY, unknownPlace(k));
            Node e = l.get(i);
            if (e instanceof ScalarNode s && s.value() != null) out.add(s.text());
        }
        return mark(Value.explicit(Collections.unmodifiableList(out), p), k);
    }

    /**
     * The elements of a list of strings, each with its own place: empty when absent or null, one unknown value when
     * the list as a whole is unknown, and an unknown value for each unknown element.
     */
    List<Value<String>> stringItems(String k) {
        Node u = unkChild(k);
        if (isTrue(u)) return List.of(unknownValue(k));
        Node n = raw(k);
        if (n == null || n.isNull()) return List.of();
        String p = ptr(k);
        boolean sensitive = isSensitive(k);
        if (n instanceof ScalarNode s) {
            Value<String> v = Value.explicit(s.text(), at(n, p));
            return List.of(sensitive ? v.asSensitive() : v);
        }
        if (!(n instanceof ListNode l)) return List.of(Value.unknown("expected a list, found " + kind(n), at(n, p)));
        List<Value<String>> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            Node e = l.get(i);
            Value<String> v;
            if (isTrue(item(u, i))) {
                Node ue = item(u, i);
                v = Value.unknown(AFTER_APPLY, ue == ALL ? unknownPlace(k) : at(ue, unkPtr + "/" + Addresses.token(k) + "/" + i));
            } else if (e instanceof ScalarNode s && s.value() != null) {
                v = Value.explicit(s.text(), at(e, p + "/" + i));
            } else {
                continue;
            }
            out.add(sensitive ? v.asSensitive() : v);
        }
        return out;
    }

    /** Like {@link #strings} but null (not set) reads as an empty list. */
    Value<List<String>> stringsOrEmpty(String k) {
        Value<List<String>> v = strings(k);
        return v.isKnown() && v.get() == null ? Value.explicit(List.of(), v.provenance()) : v;
    }

    /** A map of strings; entries whose value is unknown are left out. */
    Value<Map<String, String>> stringMap(String k) {
        Node u = unkChild(k);
        if (isTrue(u)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        Provenance p = at(n, ptr(k));
        if (n.isNull()) return mark(Value.explicit(Map.of(), p), k);
        if (!(n instanceof MapNode m)) return Value.unknown("expected a map, found " + kind(n), p);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            if (u instanceof MapNode um && isTrue(um.get(e.getKey()))) continue;
            if (e.getValue() instanceof ScalarNode s && s.value() != null) out.put(e.getKey(), s.text());
        }
        return mark(Value.explicit(Collections.unmodifiableMap(out), p), k);
    }

    /** A list of {@code {key, value}} objects (Auto Scaling group {@code tag} blocks, old {@code tags}) as a map. */
    Value<Map<String, String>> keyValues(String k) {
        Node u = unkChild(k);
        if (isTrue(u)) return unknownValue(k);
        Node n = raw(k);
        if (n == null) return missing();
        Provenance p = at(n, ptr(k));
        if (n.isNull()) return Value.explicit(Map.of(), p);
        if (!(n instanceof ListNode l)) return Value.unknown("expected a list of key/value objects, found " + kind(n), p);
        Map<String, String> out = new LinkedHashMap<>();
        for (Node e : l.items()) {
            if (e instanceof MapNode m && m.text("key") != null) {
                String v = m.text("value");
                if (v != null) out.put(m.text("key"), v);
            }
        }
        return mark(Value.explicit(Collections.unmodifiableMap(out), p), k);
    }

    // ------------------------------------------------------------------ defaults

    /**
     * The value of {@code k}, or the documented default when the plan leaves it out: absent, null, a nullable-bool
     * "", or unknown while the configuration does not set it (an Optional+Computed attribute left unset).
     */
    <T> Value<T> orDefault(Value<T> v, String k, Default<T> def) {
        if (v.isPresent()) return v;
        if (v.isKnown() || Attrs.absent(v)) return Value.defaulted(def, res.place);
        if (isUnknown(k) && cfgState(k) == Cfg.NOT_SET) return Value.defaulted(def, res.place);
        return v;
    }

    Value<Boolean> bool(String k, Default<Boolean> def) {
        return orDefault(bool(k), k, def);
    }

    Value<Integer> integer(String k, Default<Integer> def) {
        return orDefault(integer(k), k, def);
    }

    Value<String> str(String k, Default<String> def) {
        return orDefault(strOrNull(k), k, def);
    }

    // ------------------------------------------------------------------ links

    /** A single link: the literal identifier from the plan, else the resource the configuration refers to. */
    Value<Ref> ref(String k) {
        if (!isUnknown(k)) {
            Node n = raw(k);
            if (n == null) return missing();
            Provenance p = at(n, ptr(k));
            if (n.isNull()) return Value.explicit(null, p);
            if (n instanceof ScalarNode s) {
                String t = s.text();
                return mark(t.isEmpty() ? Value.explicit(null, p) : Value.explicit(new Ref(t), p), k);
            }
            return Value.unknown("expected an identifier, found " + kind(n), p);
        }
        MapNode e = cfgExpr(k);
        ListNode refs = e == null ? null : e.list("references");
        if (refs == null || refs.size() == 0) return Value.unknown(unresolvedReason(k, e), unknownPlace(k));
        Provenance cp = at(e, cfgPtr + "/" + Addresses.token(k));
        References.Result r = plan.refs.resolve(refs, res.mod, res.key);
        if (r.hard != null) return Value.unknown(AFTER_APPLY + ", and the link cannot be followed: " + r.hard, cp);
        if (r.targets.size() == 1) return mark(Value.explicit(new Ref(r.targets.iterator().next()), cp), k);
        if (r.targets.isEmpty()) {
            return Value.unknown(AFTER_APPLY + ", and the link cannot be followed: " + (r.local != null ? r.local
                    : r.missing != null ? r.missing : "the configuration names no resource for it"), cp);
        }
        return Value.unknown(AFTER_APPLY + "; the configuration may refer to any of " + String.join(", ", r.targets), cp);
    }

    /**
     * The single resource the configuration refers to for {@code k}, whether or not the plan knows the literal; null
     * when the configuration has no reference for it or it does not lead to exactly one resource.
     */
    String configTarget(String k) {
        MapNode e = cfgExpr(k);
        ListNode refs = e == null ? null : e.list("references");
        if (refs == null || refs.size() == 0) return null;
        References.Result r = plan.refs.resolve(refs, res.mod, res.key);
        return r.hard == null && r.targets.size() == 1 ? r.targets.iterator().next() : null;
    }

    private String unresolvedReason(String k, MapNode e) {
        if (e != null) return AFTER_APPLY + " (its expression refers to no resource)";
        return switch (cfgState(k)) {
            case NO_CONFIG -> AFTER_APPLY + (plan.config.present ? " (the plan's configuration does not describe it)"
                    : " (the plan has no configuration to follow the link)");
            case NOT_SET -> AFTER_APPLY + " (not set in the configuration: AWS chooses)";
            case SET -> AFTER_APPLY;
        };
    }

    /** A list of links: literal identifiers, plus the resources the configuration refers to for unknown elements. */
    Value<List<Ref>> refs(String k) {
        Node u = unkChild(k);
        Node n = raw(k);
        boolean partial = isTrue(u);
        List<Ref> out = new ArrayList<>();
        Provenance p = place;
        if (!partial) {
            if (n == null) return missing();
            p = at(n, ptr(k));
            if (n.isNull()) return mark(Value.explicit(null, p), k);
            if (n instanceof ScalarNode s) {
                // A comma-separated string (rare, old providers) or a single identifier.
                String t = s.text();
                if (!t.isEmpty()) for (String part : t.split(",")) if (!part.isBlank()) out.add(new Ref(part.trim()));
                return mark(Value.explicit(Collections.unmodifiableList(out), p), k);
            }
            if (!(n instanceof ListNode l)) return Value.unknown("expected a list, found " + kind(n), p);
            for (int i = 0; i < l.size(); i++) {
                if (isTrue(item(u, i))) {
                    partial = true;
                    continue;
                }
                Node e = l.get(i);
                if (e instanceof ScalarNode s && s.value() != null && !s.text().isEmpty()) out.add(new Ref(s.text()));
            }
            // Unknown elements beyond the listed ones (some plans leave them out of after).
            if (u instanceof ListNode ul) for (int i = l.size(); i < ul.size(); i++) partial |= isTrue(ul.get(i));
            if (!partial) return mark(Value.explicit(Collections.unmodifiableList(out), p), k);
        }
        MapNode e = cfgExpr(k);
        ListNode refs = e == null ? null : e.list("references");
        if (refs == null || refs.size() == 0) return Value.unknown(unresolvedReason(k, e), unknownPlace(k));
        Provenance cp = at(e, cfgPtr + "/" + Addresses.token(k));
        References.Result r = plan.refs.resolve(refs, res.mod, res.key);
        if (r.hard != null || r.local != null) {
            return Value.unknown(AFTER_APPLY + ", and the links cannot be followed: " + (r.hard != null ? r.hard : r.local), cp);
        }
        if (r.targets.isEmpty()) {
            return Value.unknown(AFTER_APPLY + ", and the links cannot be followed: "
                    + (r.missing != null ? r.missing : "the configuration names no resource for them"), cp);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Ref> merged = new ArrayList<>();
        for (Ref ref : out) if (seen.add(ref.target())) merged.add(ref);
        for (String t : r.targets) if (seen.add(t)) merged.add(new Ref(t));
        return mark(Value.explicit(Collections.unmodifiableList(merged), cp), k);
    }

    /** Like {@link #refs} but null (not set) reads as an empty list. */
    Value<List<Ref>> refsOrEmpty(String k) {
        Value<List<Ref>> v = refs(k);
        return v.isKnown() && v.get() == null ? Value.explicit(List.of(), v.provenance()) : v;
    }

    // ------------------------------------------------------------------ nested blocks

    /** The blocks under {@code k}: known (possibly empty), unknown as a whole, or absent / null. */
    static final class Blocks {
        enum State { KNOWN, UNKNOWN, ABSENT }

        final State state;
        final List<Attrs> items;
        final Provenance place;
        final String key;
        /** Unknown in the plan while the configuration does not set it: a computed block the user left out. */
        final boolean configUnset;

        Blocks(State state, List<Attrs> items, Provenance place, String key, boolean configUnset) {
            this.state = state;
            this.items = items;
            this.place = place;
            this.key = key;
            this.configUnset = configUnset;
        }

        boolean known() {
            return state == State.KNOWN;
        }
    }

    Blocks blocks(String k) {
        Node u = unkChild(k);
        Node n = raw(k);
        Node cfgNode = cfg == null ? null : cfg.get(k);
        ListNode cfgList = cfgNode instanceof ListNode l ? l : null;
        if (cfgNode instanceof MapNode m && !isExpression(m)) {
            cfgList = new ListNode(new ArrayList<>(List.of(m)), m.line(), m.column(), null);
        }
        if (isTrue(u)) {
            List<Attrs> items = new ArrayList<>();
            if (cfgList != null) {
                for (int i = 0; i < cfgList.size(); i++) {
                    items.add(new Attrs(plan, res, null, ptr(k) + "/" + i, ALL, unkPtr + "/" + Addresses.token(k), null,
                            cfgList.get(i) instanceof MapNode cm ? cm : null, cfgPtr + "/" + Addresses.token(k) + "/" + i,
                            cfgList.get(i) instanceof MapNode, unknownPlace(k)));
                }
            }
            return new Blocks(Blocks.State.UNKNOWN, items, unknownPlace(k), k, cfgState(k) == Cfg.NOT_SET);
        }
        if (n == null || n.isNull()) {
            return new Blocks(Blocks.State.ABSENT, List.of(), n == null ? place : at(n, ptr(k)), k, false);
        }
        List<Node> elems;
        if (n instanceof ListNode l) elems = l.items();
        else if (n instanceof MapNode m) elems = List.of(m);
        else return new Blocks(Blocks.State.UNKNOWN, List.of(), at(n, ptr(k)), k, false);
        List<Attrs> items = new ArrayList<>(elems.size());
        Node s = sensChild(k);
        for (int i = 0; i < elems.size(); i++) {
            Node e = elems.get(i);
            String ep = ptr(k) + "/" + i;
            Node eu = n instanceof MapNode ? u : item(u, i);
            Node es = n instanceof MapNode ? s : sensItem(s, i);
            MapNode ec = null;
            String ecp = null;
            if (cfgList != null && e instanceof MapNode em) {
                int ci = matchConfig(cfgList, i, em, elems.size());
                if (ci >= 0) {
                    ec = (MapNode) cfgList.get(ci);
                    ecp = cfgPtr + "/" + Addresses.token(k) + "/" + ci;
                }
            }
            // Old plans leave attribute-as-blocks (route, ingress...) out of the configuration: only a matched
            // configuration block tells what is set.
            boolean known = ec != null;
            items.add(new Attrs(plan, res, e instanceof MapNode em ? em : null, ep, eu,
                    unkPtr + "/" + Addresses.token(k) + "/" + i, es, ec, ecp, known, at(e, ep)));
        }
        return new Blocks(Blocks.State.KNOWN, items, at(n, ptr(k)), k, false);
    }

    private static Node sensItem(Node s, int i) {
        if (s instanceof ScalarNode) return s;
        return s instanceof ListNode l ? l.get(i) : null;
    }

    /** The first block under k, or an empty object (every read absent, or unknown when the block list is). */
    Attrs first(String k) {
        Blocks b = blocks(k);
        if (!b.items.isEmpty()) return b.items.get(0);
        if (b.state == Blocks.State.UNKNOWN && !b.configUnset) {
            return new Attrs(plan, res, null, ptr(k) + "/0", ALL, unkPtr + "/" + Addresses.token(k), null, null, null,
                    false, b.place);
        }
        Attrs empty = new Attrs(plan, res, null, ptr(k) + "/0", null, unkPtr, null, null, null,
                cfgKnown && (cfg == null || !cfg.has(k)), b.place);
        Node n = raw(k);
        if ((n != null && (n.isNull() || n instanceof ListNode)) || emptyAt != null) {
            empty.emptyAt = emptyAt != null ? emptyAt : b.place;
        }
        return empty;
    }

    private static boolean isExpression(MapNode m) {
        return m.size() == 0 || m.has("constant_value") || m.has("references");
    }

    /**
     * Which configuration block describes plan element {@code i}: the only one, else the one whose constants all
     * agree with the element (sets are reordered in plans), else the same position when counts match.
     */
    private static int matchConfig(ListNode cfgList, int i, MapNode elem, int elemCount) {
        int n = cfgList.size();
        if (n == 0) return -1;
        if (n == 1 && elemCount == 1) return 0;
        int found = -1;
        int matches = 0;
        for (int c = 0; c < n; c++) {
            if (cfgList.get(c) instanceof MapNode cm && agrees(cm, elem) == 1) {
                found = c;
                matches++;
            }
        }
        if (matches == 1) return found;
        if (n == elemCount && cfgList.get(i) instanceof MapNode cm && agrees(cm, elem) >= 0) return i;
        return -1;
    }

    /** 1: some constants agree and none disagree; 0: no constant to compare; -1: a constant disagrees. */
    private static int agrees(MapNode cfgBlock, MapNode elem) {
        int compared = 0;
        for (Map.Entry<String, Node> e : cfgBlock.entries().entrySet()) {
            if (!(e.getValue() instanceof MapNode expr)) continue;
            Node c = expr.get("constant_value");
            if (!(c instanceof ScalarNode cs) || cs.value() == null) continue;
            Node v = elem.get(e.getKey());
            if (!(v instanceof ScalarNode vs) || vs.value() == null) continue;
            if (!cs.text().equals(vs.text())) return -1;
            compared++;
        }
        return compared > 0 ? 1 : 0;
    }

    // ------------------------------------------------------------------ helpers

    static String kind(Node n) {
        if (n instanceof MapNode) return "an object";
        if (n instanceof ListNode) return "a list";
        if (n instanceof ScalarNode s) return s.value() == null ? "null" : clip(s.text());
        return "something else";
    }

    /** A found value as an error may show it: clipped, and never the content of a sensitive one. */
    static String shown(String s, boolean secret) {
        return secret ? io.plumbline.model.Secrets.MASK : clip(s);
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
