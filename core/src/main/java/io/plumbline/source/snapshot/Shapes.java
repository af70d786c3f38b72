package io.plumbline.source.snapshot;

import io.plumbline.model.Resource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the snapshot writer and reader know about the shapes of model classes, found by reflection alone: the public
 * fields of a resource class (its own and inherited), the components of a record, and the type arguments of generic
 * field types. No model class is named here, so new kinds and fields are stored without any change.
 */
final class Shapes {
    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private Shapes() {
    }

    /** Public instance fields of a resource class, sorted by name (a stable order, whatever the JVM reports). */
    static Map<String, Field> fields(Class<? extends Resource> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> all = new ArrayList<>();
            for (Field f : t.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) all.add(f);
            }
            all.sort(Comparator.comparing(Field::getName));
            Map<String, Field> out = new LinkedHashMap<>();
            for (Field f : all) {
                Field before = out.put(f.getName(), f);
                if (before != null) {
                    throw new IllegalArgumentException(t.getName() + " has two public fields named " + f.getName()
                            + " (" + before.getDeclaringClass().getName() + " and " + f.getDeclaringClass().getName()
                            + "): a snapshot could not tell them apart");
                }
            }
            return out;
        });
    }

    /** The class of a type: a class itself or the raw class of a parameterized type; null for anything else. */
    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
        return null;
    }

    /** The {@code i}-th type argument of a parameterized type, or null when the type is raw. */
    static Type arg(Type t, int i) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
            Type a = p.getActualTypeArguments()[i];
            return a instanceof Class<?> || a instanceof ParameterizedType ? a : null;
        }
        return null;
    }

    /** The components of a record with the type arguments of {@code type} put in for its type variables. */
    static List<Component> components(Type type) {
        Class<?> c = raw(type);
        Map<TypeVariable<?>, Type> env = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] vars = c.getTypeParameters();
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < vars.length && i < args.length; i++) env.put(vars[i], args[i]);
        }
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : c.getRecordComponents()) out.add(new Component(rc, substitute(rc.getGenericType(), env)));
        return out;
    }

    /** A record component and its type in the context where the record is used. */
    record Component(RecordComponent component, Type type) {
        String name() {
            return component.getName();
        }
    }

    private static Type substitute(Type t, Map<TypeVariable<?>, Type> env) {
        if (t instanceof TypeVariable<?> v) return env.getOrDefault(v, v);
        if (t instanceof ParameterizedType p && !env.isEmpty()) {
            Type[] args = p.getActualTypeArguments().clone();
            boolean changed = false;
            for (int i = 0; i < args.length; i++) {
                Type s = substitute(args[i], env);
                changed |= s != args[i];
                args[i] = s;
            }
            return changed ? new Parameterized((Class<?>) p.getRawType(), p.getOwnerType(), args) : p;
        }
        return t;
    }

    /** A parameterized type made after substituting type variables. */
    private record Parameterized(Class<?> rawType, Type ownerType, Type[] args) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p && rawType.equals(p.getRawType())
                    && Objects.equals(ownerType, p.getOwnerType()) && Arrays.equals(args, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(ownerType) ^ rawType.hashCode();
        }

        @Override
        public String toString() {
            return getTypeName();
        }

        @Override
        public String getTypeName() {
            StringBuilder sb = new StringBuilder(rawType.getName()).append('<');
            for (int i = 0; i < args.length; i++) sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
            return sb.append('>').toString();
        }
    }

    /** The wrapper class of a primitive type, or the type itself. */
    static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) return c;
        if (c == int.class) return Integer.class;
        if (c == long.class) return Long.class;
        if (c == boolean.class) return Boolean.class;
        if (c == double.class) return Double.class;
        if (c == float.class) return Float.class;
        if (c == short.class) return Short.class;
        if (c == byte.class) return Byte.class;
        if (c == char.class) return Character.class;
        return Void.class;
    }
}
