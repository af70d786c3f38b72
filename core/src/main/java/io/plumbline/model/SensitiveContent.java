package io.plumbline.model;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contents of every value marked sensitive in a set of resources, as secrets held by those resources: whatever a
 * source marked with {@link Value#asSensitive()} is redacted even if the source registered nothing itself. Every
 * public field of a resource is visited (as the snapshot writer does), and inside records, lists and maps too.
 * The values of a sensitive map are not taken (a tag map is sensitive as a whole when one tag is; its other values
 * are not secrets): sources register the sensitive entries themselves.
 */
final class SensitiveContent {
    private static final int MAX_DEPTH = 16;
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    /**
     * The component accessors of each record class: {@code getRecordComponents} builds its array (and reads the
     * generic signatures) anew on every call, and a large plan holds hundreds of thousands of records.
     */
    private static final Map<Class<?>, List<Method>> ACCESSORS = new ConcurrentHashMap<>();

    private SensitiveContent() {
    }

    static Secrets of(List<Resource> resources) {
        Secrets.Builder b = new Secrets.Builder();
        for (Resource r : resources) {
            for (Field f : fields(r.getClass())) {
                try {
                    visit(f.get(r), r.address(), b, 0);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return b.build();
    }

    private static void visit(Object o, String scope, Secrets.Builder b, int depth) {
        if (o == null || depth > MAX_DEPTH) return;
        if (o instanceof Value<?> v) {
            if (v.isSensitive() && v.isKnown()) addScalars(v.get(), scope, b, depth);
            else if (v.isKnown()) visit(v.get(), scope, b, depth + 1);
        } else if (o instanceof Collection<?> c) {
            for (Object i : c) visit(i, scope, b, depth + 1);
        } else if (o instanceof Map<?, ?> m) {
            for (Object i : m.values()) visit(i, scope, b, depth + 1);
        } else if (o instanceof Record rec && !(o instanceof Provenance) && !(o instanceof Ref)) {
            for (Method accessor : accessors(rec.getClass())) {
                try {
                    visit(accessor.invoke(rec), scope, b, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The scalar content of a sensitive value: strings, numbers, references, list items (not map values). */
    private static void addScalars(Object o, String scope, Secrets.Builder b, int depth) {
        if (o == null || depth > MAX_DEPTH) return;
        if (o instanceof Collection<?> c) {
            for (Object i : c) addScalars(i, scope, b, depth + 1);
        } else if (o instanceof Map<?, ?>) {
            return;
        } else if (o instanceof Value<?> v) {
            if (v.isKnown()) addScalars(v.get(), scope, b, depth + 1);
        } else if (o instanceof Record rec && !(o instanceof Ref)) {
            for (Method accessor : accessors(rec.getClass())) {
                try {
                    Object c = accessor.invoke(rec);
                    if (!(c instanceof Provenance) && !(c instanceof Enum<?>)) addScalars(c, scope, b, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            b.addContent(o, scope);
        }
    }

    private static List<Method> accessors(Class<?> c) {
        return ACCESSORS.computeIfAbsent(c, k -> {
            List<Method> out = new ArrayList<>();
            for (RecordComponent rc : k.getRecordComponents()) out.add(rc.getAccessor());
            return List.copyOf(out);
        });
    }

    private static List<Field> fields(Class<?> c) {
        return FIELDS.computeIfAbsent(c, k -> {
            List<Field> out = new ArrayList<>();
            for (Class<?> t = k; t != null && t != Object.class; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) out.add(f);
                }
            }
            return List.copyOf(out);
        });
    }
}
