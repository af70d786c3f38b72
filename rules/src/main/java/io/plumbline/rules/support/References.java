package io.plumbline.rules.support;

import io.plumbline.model.Model;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who points at whom: every {@link Ref} held in a resource's typed fields — directly ({@code Value<Ref>}), in lists
 * ({@code Value<List<Ref>>}), or inside nested records such as launch-template block devices or S3 replication rules —
 * resolved through the model. Walking the model's public {@code Value} fields keeps this complete when the model gains
 * a new reference (a backup vault key, a new service) without each rule listing them.
 */
public final class References {
    private static final Map<Class<?>, List<Field>> VALUE_FIELDS = new ConcurrentHashMap<>();

    private References() {
    }

    /**
     * For each resource of {@code type}, the resources that reference it (in model order, each once), skipping
     * referrers the plan deletes. Resources nobody references are absent from the map.
     */
    public static <T extends Resource> Map<T, List<Resource>> referrers(Model model, Class<T> type) {
        Map<T, List<Resource>> out = new IdentityHashMap<>();
        for (Resource r : model.resources()) {
            if (Fields.deleted(r)) continue;
            Set<Ref> refs = new LinkedHashSet<>();
            collect(r, refs);
            Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Ref ref : refs) {
                model.resolve(r, ref).filter(type::isInstance).filter(t -> t != r).ifPresent(t -> {
                    if (seen.add(t)) out.computeIfAbsent(type.cast(t), k -> new ArrayList<>()).add(r);
                });
            }
        }
        return out;
    }

    /** Every reference held in the resource's typed fields. */
    public static void collect(Resource resource, Collection<Ref> into) {
        for (Field f : valueFields(resource.getClass())) {
            try {
                walk(f.get(resource), into, 0);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
        }
    }

    private static void walk(Object o, Collection<Ref> into, int depth) {
        if (o == null || depth > 8) return;
        if (o instanceof Value<?> v) {
            if (v.isPresent()) walk(v.get(), into, depth + 1);
        } else if (o instanceof Ref ref) {
            into.add(ref);
        } else if (o instanceof Collection<?> c) {
            for (Object e : c) walk(e, into, depth + 1);
        } else if (o instanceof Map<?, ?> m) {
            for (Object e : m.values()) walk(e, into, depth + 1);
        } else if (o.getClass().isRecord()) {
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                try {
                    walk(rc.getAccessor().invoke(o), into, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
            }
        }
    }

    private static List<Field> valueFields(Class<?> type) {
        return VALUE_FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (!Modifier.isPublic(mod) || Modifier.isStatic(mod)) continue;
                    if (Value.class.isAssignableFrom(f.getType()) || Collection.class.isAssignableFrom(f.getType())) {
                        fields.add(f);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
