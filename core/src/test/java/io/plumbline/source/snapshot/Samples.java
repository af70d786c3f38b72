package io.plumbline.source.snapshot;

import io.plumbline.model.Default;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Every resource class of the model, found on the class path (so a new kind is covered without touching this test),
 * and resources of them with every public field filled with made-up values of every shape: explicit, explicit null,
 * defaulted, unknown, not in input, sensitive; file and live provenance; nested records, lists and maps.
 */
final class Samples {
    private final Random random;
    private int counter;

    Samples(long seed) {
        this.random = new Random(seed);
    }

    /** The concrete resource classes under io.plumbline.model, sorted by name. */
    static List<Class<? extends Resource>> resourceClasses() throws IOException, URISyntaxException {
        // Where Resource itself was loaded from (target/classes), not the first directory of that name (test classes).
        URL url = Resource.class.getProtectionDomain().getCodeSource().getLocation();
        if (url == null || !"file".equals(url.getProtocol()) || !Files.isDirectory(Path.of(url.toURI()))) {
            throw new IllegalStateException("model classes not in a directory: " + url);
        }
        Path root = Path.of(url.toURI());
        List<Class<? extends Resource>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("io/plumbline/model"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c;
                try {
                    c = Class.forName(name, false, Resource.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                if (Resource.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    out.add(c.asSubclass(Resource.class));
                }
            }
        }
        return out;
    }

    /** A resource of {@code type} with every public field filled. */
    Resource filled(Class<? extends Resource> type, String address) throws ReflectiveOperationException {
        Resource r = type.getConstructor(String.class, String.class, Provenance.class)
                .newInstance(address, "test_" + type.getSimpleName(), place());
        r.addAlias("id-" + address);
        r.addFolded("folded." + address);
        r.addAlias("arn:aws:test:::" + address);
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            Object v = sample(f.getGenericType(), 0);
            if (Modifier.isFinal(f.getModifiers())) {
                Object current = f.get(r);
                if (current instanceof Collection<?> c) {
                    @SuppressWarnings("unchecked") Collection<Object> target = (Collection<Object>) c;
                    target.clear();
                    target.addAll((Collection<?>) v);
                } else {
                    throw new IllegalStateException("final field " + f + " that is not a collection");
                }
            } else {
                f.set(r, v);
            }
        }
        return r;
    }

    Provenance place() {
        return switch (random.nextInt(4)) {
            case 0 -> Provenance.NONE;
            case 1 -> Provenance.live("123456789012", "eu-west-1", "arn:aws:ec2:eu-west-1:123456789012:thing/" + ++counter,
                    "ec2:DescribeThings");
            case 2 -> Provenance.inFile("plan.json", 1, 1000 + ++counter, "/resource_changes/" + counter + "/a~1b~0c");
            default -> Provenance.inFile("stack.yaml", ++counter, 7, null);
        };
    }

    private Object sample(Type type, int depth) {
        Class<?> c = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (c == Value.class) return value(((ParameterizedType) type).getActualTypeArguments()[0], depth);
        if (c == Provenance.class) return place();
        if (c == String.class) return text();
        if (c == Integer.class || c == int.class) return random.nextInt(70000) - 10;
        if (c == Long.class || c == long.class) return random.nextLong();
        if (c == Boolean.class || c == boolean.class) return random.nextBoolean();
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (List.class.isAssignableFrom(c)) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            int n = depth > 2 ? 0 : 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) out.add(sample(item, depth + 1));
            return out;
        }
        if (Map.class.isAssignableFrom(c)) {
            Type valueType = ((ParameterizedType) type).getActualTypeArguments()[1];
            Map<Object, Object> out = new LinkedHashMap<>();
            out.put("zeta", sample(valueType, depth + 1)); // not in sorted order: the snapshot sorts, equality holds
            out.put("Name", sample(valueType, depth + 1));
            out.put("a/b~c", sample(valueType, depth + 1));
            return out;
        }
        if (c.isRecord()) {
            RecordComponent[] comps = c.getRecordComponents();
            Object[] args = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                args[i] = sample(comps[i].getGenericType(), depth + 1);
            }
            try {
                return c.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no sample for " + type + ": teach Samples this shape");
    }

    private Value<Object> value(Type t, int depth) {
        return switch (random.nextInt(7)) {
            case 0 -> Value.explicit(null, place());
            case 1 -> Value.defaulted(Default.of(sample(t, depth), "some documentation says so"), place());
            case 2 -> Value.unknown("known only after apply", place());
            case 3 -> Value.notInInput();
            case 4 -> Value.explicit(sample(t, depth), place()).asSensitive();
            default -> Value.explicit(sample(t, depth), place());
        };
    }

    private String text() {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "quote \" backslash \\ newline \n tab \t unicode é ✓ 🚀 control \u0001";
            default -> "value-" + ++counter;
        };
    }
}
