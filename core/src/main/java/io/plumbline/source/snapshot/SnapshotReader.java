package io.plumbline.source.snapshot;

import io.plumbline.model.Certainty;
import io.plumbline.model.Default;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Gap;
import io.plumbline.model.InputFile;
import io.plumbline.model.Kind;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.JsonTreeReader;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a snapshot written by {@link SnapshotWriter} back into a {@link Model}: the same resources in the same order
 * and parts, every value with its certainty, note and provenance, and the gaps and diagnostics, so that rules give the
 * verdicts they gave on the original. A snapshot that cannot be read whole (bad JSON, a newer format, an unknown
 * class or field, a value of the wrong type) is refused with an {@link InputException} naming the file, the line and
 * column, and the JSON pointer of the offending member: never a partial model.
 */
public final class SnapshotReader {
    private static final Set<String> TOP = Set.of(SnapshotFormat.KEY, "tool", "accounts", "regions", "inputs", "parts",
            "gaps", "diagnostics", "resources");
    private static final Set<String> RESOURCE = Set.of("class", "kind", "address", "source_type", "location", "aliases",
            "folded", "fields");
    private static final Set<String> VALUE = Set.of("certainty", "value", "note", "provenance", "sensitive");
    private static final Set<String> PROVENANCE = Set.of("file", "line", "column", "pointer", "account", "region", "arn",
            "operation");
    private static final String NOT_IN_INPUT_NOTE = Value.notInInput().note();

    private final String file;

    private SnapshotReader(String file) {
        this.file = file;
    }

    /** Whether a parsed document is a snapshot: it has the {@value SnapshotFormat#KEY} member. */
    public static boolean isSnapshot(MapNode root) {
        return root.has(SnapshotFormat.KEY);
    }

    /** Reads snapshot bytes; {@code name} is what errors call the file. */
    public static Model read(byte[] bytes, String name) {
        Node root = JsonTreeReader.read(bytes, name, Set.of());
        if (!(root instanceof MapNode map)) {
            throw new InputException(name, root.line(), root.column(), "not a Plumbline snapshot: the document is not an object");
        }
        return read(map, name);
    }

    /** Reads a snapshot already parsed (with positions) by {@link JsonTreeReader}. */
    public static Model read(MapNode root, String name) {
        return new SnapshotReader(name).model(root);
    }

    // ------------------------------------------------------------------ document

    private Model model(MapNode root) {
        version(root.get(SnapshotFormat.KEY));
        only(root, "", TOP);
        List<InputFile> inputs = new ArrayList<>();
        ListNode in = list(required(root, "", "inputs"), "/inputs");
        for (int i = 0; i < in.size(); i++) inputs.add((InputFile) decode(in.get(i), InputFile.class, "/inputs/" + i));
        List<Gap> gaps = new ArrayList<>();
        ListNode gs = list(required(root, "", "gaps"), "/gaps");
        for (int i = 0; i < gs.size(); i++) {
            Gap gap = (Gap) decode(gs.get(i), Gap.class, "/gaps/" + i);
            if (gap == null) throw error(gs.get(i), "/gaps/" + i, "a gap cannot be null");
            gaps.add(gap);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        ListNode ds = list(required(root, "", "diagnostics"), "/diagnostics");
        for (int i = 0; i < ds.size(); i++) {
            Diagnostic d = (Diagnostic) decode(ds.get(i), Diagnostic.class, "/diagnostics/" + i);
            if (d == null) throw error(ds.get(i), "/diagnostics/" + i, "a diagnostic cannot be null");
            diagnostics.add(d);
        }
        List<Resource> resources = new ArrayList<>();
        ListNode rs = list(required(root, "", "resources"), "/resources");
        for (int i = 0; i < rs.size(); i++) resources.add(resource(rs.get(i), "/resources/" + i));

        Node partsNode = required(root, "", "parts");
        ListNode ps = list(partsNode, "/parts");
        List<Integer> sizes = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ps.size(); i++) {
            int n = (Integer) decode(ps.get(i), Integer.class, "/parts/" + i);
            if (n < 0) throw error(ps.get(i), "/parts/" + i, "a part size cannot be negative");
            sizes.add(n);
            total += n;
        }
        if (total != resources.size()) {
            throw error(partsNode, "/parts", "the parts hold " + total + " resources but the snapshot has "
                    + resources.size());
        }
        if (sizes.size() <= 1) return new Model(resources, inputs, diagnostics, gaps);
        List<Model> models = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < sizes.size(); i++) {
            List<Resource> part = resources.subList(from, from + sizes.get(i));
            from += sizes.get(i);
            models.add(i == 0 ? new Model(part, inputs, diagnostics, gaps) : new Model(part, List.of(), List.of()));
        }
        return Model.merge(models);
    }

    private void version(Node n) {
        if (!(n instanceof ScalarNode s) || !(s.value() instanceof Number)) {
            Node at = n == null ? new ScalarNode(null, 1, 1) : n;
            throw error(at, "/" + SnapshotFormat.KEY, "the snapshot format version must be a whole number, found "
                    + describe(n));
        }
        long v = (Long) whole(n, Long.class, "/" + SnapshotFormat.KEY);
        if (v > SnapshotFormat.VERSION) {
            throw error(n, "/" + SnapshotFormat.KEY, "snapshot format " + v + " was written by a newer Plumbline; this"
                    + " one reads format " + SnapshotFormat.VERSION + " and older: upgrade Plumbline to read it");
        }
        if (v < 1) throw error(n, "/" + SnapshotFormat.KEY, "unknown snapshot format " + v);
    }

    // ------------------------------------------------------------------ resources

    private Resource resource(Node n, String ptr) {
        MapNode m = map(n, ptr);
        only(m, ptr, RESOURCE);
        Node classNode = required(m, ptr, "class");
        String className = string(classNode, ptr + "/class");
        Class<? extends Resource> type = resourceClass(classNode, ptr + "/class", className);
        String address = string(required(m, ptr, "address"), ptr + "/address");
        String sourceType = string(required(m, ptr, "source_type"), ptr + "/source_type");
        Provenance location = provenance(required(m, ptr, "location"), ptr + "/location");
        Resource r;
        try {
            Constructor<? extends Resource> ctor = type.getConstructor(String.class, String.class, Provenance.class);
            r = ctor.newInstance(address, sourceType, location);
        } catch (NoSuchMethodException e) {
            throw error(classNode, ptr + "/class", className + " has no public (address, sourceType, location) constructor");
        } catch (InvocationTargetException e) {
            throw error(m, ptr, "cannot make a " + className + ": " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw error(classNode, ptr + "/class", "cannot make a " + className + ": " + e);
        }
        Node kindNode = required(m, ptr, "kind");
        Kind kind = (Kind) decode(kindNode, Kind.class, ptr + "/kind");
        if (kind != r.kind()) {
            throw error(kindNode, ptr + "/kind", "kind " + kind + " does not match class " + className + " (kind "
                    + r.kind() + ")");
        }
        ListNode folded = list(required(m, ptr, "folded"), ptr + "/folded");
        for (int i = 0; i < folded.size(); i++) r.folded().add(string(folded.get(i), ptr + "/folded/" + i));
        ListNode aliases = list(required(m, ptr, "aliases"), ptr + "/aliases");
        for (int i = 0; i < aliases.size(); i++) r.addAlias(string(aliases.get(i), ptr + "/aliases/" + i));

        MapNode fields = map(required(m, ptr, "fields"), ptr + "/fields");
        Map<String, Field> known = Shapes.fields(type);
        for (Map.Entry<String, Node> e : fields.entries().entrySet()) {
            String fp = ptr + "/fields/" + token(e.getKey());
            Field f = known.get(e.getKey());
            if (f == null) {
                throw error(e.getValue(), fp, className + " has no field '" + e.getKey() + "'");
            }
            Object v = decode(e.getValue(), f.getGenericType(), fp);
            set(r, f, v, e.getValue(), fp);
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private Class<? extends Resource> resourceClass(Node at, String ptr, String name) {
        Class<?> c;
        try {
            c = Class.forName(name, false, SnapshotReader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw error(at, ptr, "unknown model class " + name + " (written by another Plumbline version?)");
        }
        if (!Resource.class.isAssignableFrom(c) || Modifier.isAbstract(c.getModifiers())) {
            throw error(at, ptr, name + " is not a resource class of the model");
        }
        return (Class<? extends Resource>) c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void set(Resource r, Field f, Object v, Node at, String ptr) {
        try {
            if (Modifier.isFinal(f.getModifiers())) {
                Object current = f.get(r);
                if (current instanceof Collection c && v instanceof Collection nv) {
                    c.clear();
                    c.addAll(nv);
                    return;
                }
                if (current instanceof Map m && v instanceof Map nv) {
                    m.clear();
                    m.putAll(nv);
                    return;
                }
                f.setAccessible(true);
            }
            if (v == null && f.getType().isPrimitive()) throw error(at, ptr, "null for a " + f.getType() + " field");
            f.set(r, v);
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof InputException ie) throw ie;
            throw error(at, ptr, "cannot set " + f.getDeclaringClass().getSimpleName() + "." + f.getName() + ": " + e);
        }
    }

    // ------------------------------------------------------------------ values

    /** Any value of the model, by its declared (generic) type. */
    private Object decode(Node n, Type type, String ptr) {
        Class<?> c = Shapes.raw(type);
        if (c == null) throw error(n, ptr, "a snapshot cannot hold a value of type " + type);
        if (n == null || n.isNull()) {
            if (c.isPrimitive()) throw error(n, ptr, "expected " + expected(c) + ", found null");
            return null;
        }
        Class<?> box = Shapes.boxed(c);
        if (c == Value.class) return value(n, Shapes.arg(type, 0), ptr);
        if (c == Provenance.class) return provenance(n, ptr);
        if (List.class.isAssignableFrom(c) || c == Collection.class) {
            ListNode l = list(n, ptr);
            Type item = Shapes.arg(type, 0);
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) out.add(decode(l.get(i), item, ptr + "/" + i));
            return Collections.unmodifiableList(out);
        }
        if (Set.class.isAssignableFrom(c)) {
            ListNode l = list(n, ptr);
            Type item = Shapes.arg(type, 0);
            Set<Object> out = new LinkedHashSet<>();
            for (int i = 0; i < l.size(); i++) out.add(decode(l.get(i), item, ptr + "/" + i));
            return Collections.unmodifiableSet(out);
        }
        if (Map.class.isAssignableFrom(c)) return map(n, type, ptr);
        if (box == String.class) return string(n, ptr);
        if (box == Boolean.class) {
            if (n instanceof ScalarNode s && s.value() instanceof Boolean b) return b;
            throw error(n, ptr, "expected a boolean, found " + describe(n));
        }
        if (box == Integer.class || box == Long.class || box == Short.class || box == Byte.class) {
            return whole(n, box, ptr);
        }
        if (box == Double.class || box == Float.class || box == BigDecimal.class || box == BigInteger.class) {
            if (!(n instanceof ScalarNode s) || !(s.value() instanceof Number num)) {
                throw error(n, ptr, "expected a number, found " + describe(n));
            }
            if (box == Double.class) return num.doubleValue();
            if (box == Float.class) return num.floatValue();
            BigDecimal d = num instanceof BigDecimal bd ? bd : new BigDecimal(num.toString());
            if (box == BigDecimal.class) return d;
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw error(n, ptr, "expected a whole number, found " + describe(n));
            }
        }
        if (c.isEnum()) return enumValue(n, c, ptr);
        if (c.isRecord()) return record(n, type, ptr);
        throw error(n, ptr, "a snapshot cannot hold a value of type " + type.getTypeName());
    }

    private Value<?> value(Node n, Type valueType, String ptr) {
        MapNode m = map(n, ptr);
        only(m, ptr, VALUE);
        Certainty certainty = (Certainty) decode(required(m, ptr, "certainty"), Certainty.class, ptr + "/certainty");
        Node noteNode = m.get("note");
        String note = noteNode == null || noteNode.isNull() ? null : string(noteNode, ptr + "/note");
        Provenance p = m.has("provenance") ? provenance(m.get("provenance"), ptr + "/provenance") : Provenance.NONE;
        boolean sensitive = m.has("sensitive") && (Boolean) decode(m.get("sensitive"), boolean.class, ptr + "/sensitive");
        Value<Object> v;
        switch (certainty) {
            case EXPLICIT -> {
                if (note != null) throw error(noteNode, ptr + "/note", "an explicit value has no note");
                v = Value.explicit(decode(required(m, ptr, "value"), valueType, ptr + "/value"), p);
            }
            case DEFAULTED -> v = Value.defaulted(
                    Default.of(decode(required(m, ptr, "value"), valueType, ptr + "/value"), note), p);
            default -> {
                Node given = m.get("value");
                if (given != null && !given.isNull()) {
                    throw error(given, ptr + "/value", "an unknown value has no value");
                }
                if (note == null) throw error(m, ptr, "an unknown value needs a note saying why it is unknown");
                if (!sensitive && NOT_IN_INPUT_NOTE.equals(note) && p.equals(Provenance.NONE)) return Value.notInInput();
                v = Value.unknown(note, p);
            }
        }
        return sensitive ? v.asSensitive() : v;
    }

    private Provenance provenance(Node n, String ptr) {
        if (n == null || n.isNull()) return null;
        MapNode m = map(n, ptr);
        only(m, ptr, PROVENANCE);
        return new Provenance(optString(m, "file", ptr), optInt(m, "line", ptr), optInt(m, "column", ptr),
                optString(m, "pointer", ptr), optString(m, "account", ptr), optString(m, "region", ptr),
                optString(m, "arn", ptr), optString(m, "operation", ptr));
    }

    private Map<Object, Object> map(Node n, Type type, String ptr) {
        MapNode m = map(n, ptr);
        Class<?> keyType = Shapes.raw(Shapes.arg(type, 0));
        Type valueType = Shapes.arg(type, 1);
        if (keyType == null || valueType == null || !(keyType == String.class || keyType.isEnum())) {
            throw error(n, ptr, "a snapshot cannot hold a value of type " + type.getTypeName());
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            String kp = ptr + "/" + token(e.getKey());
            Object key = keyType == String.class ? e.getKey() : enumValue(new ScalarNode(e.getKey(), e.getValue().line(),
                    e.getValue().column()), keyType, kp);
            out.put(key, decode(e.getValue(), valueType, kp));
        }
        return Collections.unmodifiableMap(out);
    }

    /** A record through its canonical constructor; a component left out is unknown (a Value) or null. */
    private Object record(Node n, Type type, String ptr) {
        MapNode m = map(n, ptr);
        Class<?> c = Shapes.raw(type);
        List<Shapes.Component> comps = Shapes.components(type);
        only(m, ptr, comps.stream().map(Shapes.Component::name).collect(Collectors.toSet()));
        Object[] args = new Object[comps.size()];
        Class<?>[] types = new Class<?>[comps.size()];
        for (int i = 0; i < comps.size(); i++) {
            Shapes.Component comp = comps.get(i);
            types[i] = comp.component().getType();
            String cp = ptr + "/" + token(comp.name());
            if (m.has(comp.name())) {
                args[i] = decode(m.get(comp.name()), comp.type(), cp);
                if (args[i] == null && types[i].isPrimitive()) throw error(m.get(comp.name()), cp, "null for a " + types[i]);
            } else {
                args[i] = absent(types[i]);
            }
        }
        try {
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            if (!ctor.canAccess(null)) ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw error(n, ptr, "not a valid " + c.getSimpleName() + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw error(n, ptr, "cannot make a " + c.getSimpleName() + ": " + e);
        }
    }

    /** What a component missing from an older snapshot becomes: unknown for a Value, no place, zero, false or null. */
    private static Object absent(Class<?> type) {
        if (type == Value.class) return Value.notInInput();
        if (type == Provenance.class) return Provenance.NONE;
        if (type == boolean.class) return false;
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == double.class) return 0.0;
        if (type == float.class) return 0.0f;
        if (type == short.class) return (short) 0;
        if (type == byte.class) return (byte) 0;
        if (type == char.class) return (char) 0;
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumValue(Node n, Class<?> type, String ptr) {
        String name = string(n, ptr);
        try {
            return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
            Object[] constants = type.getEnumConstants();
            throw error(n, ptr, "expected one of " + Arrays.stream(constants).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ", found '" + name + "'");
        }
    }

    private Object whole(Node n, Class<?> box, String ptr) {
        if (n instanceof ScalarNode s && s.value() instanceof Number num) {
            BigDecimal d = num instanceof BigDecimal bd ? bd : new BigDecimal(num.toString());
            try {
                if (box == Long.class) return d.longValueExact();
                if (box == Integer.class) return d.intValueExact();
                if (box == Short.class) return d.shortValueExact();
                return d.byteValueExact();
            } catch (ArithmeticException e) {
                throw error(n, ptr, "expected " + expected(box) + ", found " + describe(n));
            }
        }
        throw error(n, ptr, "expected " + expected(box) + ", found " + describe(n));
    }

    // ------------------------------------------------------------------ nodes

    private MapNode map(Node n, String ptr) {
        if (n instanceof MapNode m) return m;
        throw error(n, ptr, "expected an object, found " + describe(n));
    }

    private ListNode list(Node n, String ptr) {
        if (n instanceof ListNode l) return l;
        throw error(n, ptr, "expected an array, found " + describe(n));
    }

    private String string(Node n, String ptr) {
        if (n instanceof ScalarNode s && s.value() instanceof String str) return str;
        throw error(n, ptr, "expected a string, found " + describe(n));
    }

    private String optString(MapNode m, String key, String ptr) {
        Node n = m.get(key);
        return n == null || n.isNull() ? null : string(n, ptr + "/" + key);
    }

    private int optInt(MapNode m, String key, String ptr) {
        Node n = m.get(key);
        return n == null || n.isNull() ? 0 : (Integer) whole(n, Integer.class, ptr + "/" + key);
    }

    private Node required(MapNode m, String ptr, String key) {
        Node n = m.get(key);
        if (n == null) throw error(m, ptr, "missing member '" + key + "'");
        return n;
    }

    private void only(MapNode m, String ptr, Set<String> allowed) {
        for (Map.Entry<String, Node> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), ptr + "/" + token(e.getKey()), "unknown member '" + e.getKey() + "'");
            }
        }
    }

    private InputException error(Node at, String ptr, String problem) {
        String where = ptr.isEmpty() ? "/" : ptr;
        int line = at == null ? 0 : at.line();
        int column = at == null ? 0 : at.column();
        return new InputException(file, line, column, "bad snapshot at " + where + ": " + problem);
    }

    private static String expected(Class<?> c) {
        Class<?> box = Shapes.boxed(c);
        if (box == Boolean.class) return "a boolean";
        if (box == Integer.class) return "a whole number (32-bit)";
        if (box == Long.class) return "a whole number (64-bit)";
        if (box == String.class) return "a string";
        return "a " + c.getSimpleName();
    }

    private static String describe(Node n) {
        if (n == null) return "nothing";
        if (n instanceof MapNode) return "an object";
        if (n instanceof ListNode) return "an array";
        Object v = ((ScalarNode) n).value();
        if (v == null) return "null";
        if (v instanceof String s) return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        if (v instanceof Boolean) return v.toString();
        return "the number " + v;
    }

    /** A JSON pointer token (RFC 6901). */
    private static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
