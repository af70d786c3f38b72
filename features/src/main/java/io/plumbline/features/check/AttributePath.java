package io.plumbline.features.check;

import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An attribute as a feature names it, read from the typed model by reflection over the resources' public fields
 * (their {@link Value}s, and plain lists such as a load balancer's listeners) and the components of nested records.
 * Words name a field without case or spaces: {@code backup retention period} is {@code backupRetentionPeriod},
 * {@code KMS key} is {@code kmsKey}. A nested attribute reads outside-in: {@code status of their replication rules}
 * is the {@code status} of every element of {@code replicationRules}. A trailing "flag" or "setting" is only words
 * ({@code their rotation enabled flag} is {@code rotationEnabled}). A few auditor's words are aliases
 * ({@link #ALIASES}). The value keeps its certainty: an unknown value is found as unknown, never as absent.
 */
public final class AttributePath {
    /** Auditor's words for fields whose name reads badly. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("storageencryption", "storageencrypted"),
            Map.entry("backupretention", "backupretentionperiod"),
            Map.entry("snapshotretention", "snapshotretentionlimit"),
            Map.entry("numberofcacheclusters", "numcacheclusters"),
            Map.entry("metadatatokens", "metadatahttptokens"),
            Map.entry("imdstokens", "metadatahttptokens"),
            Map.entry("publicipsonlaunch", "mappubliciponlaunch"),
            Map.entry("publiciponlaunch", "mappubliciponlaunch"),
            Map.entry("versioningstatus", "versioning"),
            Map.entry("masterpasswordmanagedbysecretsmanager", "masterpasswordmanaged"));

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private final String text;
    private final List<String> segments;

    private AttributePath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses "backup retention period", "their KMS key", "the status of their replication rules". */
    public static AttributePath parse(String text) {
        String t = strip(text.trim());
        if (t.isEmpty()) throw new IllegalArgumentException("no attribute named");
        String[] parts = t.split(" of (?:their|its|each of their) ");
        List<String> segs = new ArrayList<>();
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = strip(parts[i].trim());
            if (p.isEmpty()) throw new IllegalArgumentException("attribute '" + text + "' has an empty part");
            segs.add(p);
        }
        return new AttributePath(t, List.copyOf(segs));
    }

    private static String strip(String s) {
        for (String suffix : List.of(" flag", " setting")) {
            if (s.length() > suffix.length() && s.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)) {
                s = s.substring(0, s.length() - suffix.length()).trim();
            }
        }
        for (String prefix : List.of("their ", "its ", "the ", "each ")) {
            if (s.regionMatches(true, 0, prefix, 0, prefix.length())) return s.substring(prefix.length()).trim();
        }
        return s;
    }

    /** As written, without a leading "their"/"the". */
    public String text() {
        return text;
    }

    /** The parts, outermost first, as written. */
    public List<String> segments() {
        return segments;
    }

    /**
     * Every value the path reaches on the resource: one for a plain attribute, one per element for a nested one. An
     * unknown value along the way is found as unknown (with its reason); a known empty collection along the way is
     * found as {@link Found#nothing}.
     */
    public List<Found> resolve(Resource resource) {
        List<Found> current = List.of(Found.plain("", resource, resource.location()));
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            List<Found> next = new ArrayList<>();
            for (Found f : current) {
                if (!f.known() || f.empty()) {
                    next.add(f);
                    continue;
                }
                List<Found> items;
                if (i > 0 && f.value() instanceof Collection<?>) {
                    items = f.elements();
                    if (items.isEmpty()) {
                        next.add(Found.nothing(f.path(), f.where()));
                        continue;
                    }
                } else {
                    items = List.of(f);
                }
                for (Found item : items) {
                    if (!item.known()) {
                        next.add(item);
                        continue;
                    }
                    if (item.value() == null) {
                        next.add(Found.nothing(item.path(), item.where()));
                        continue;
                    }
                    Member m = member(item.value(), seg);
                    String path = item.path().isEmpty() ? m.name() : item.path() + "." + m.name();
                    Object raw = m.read(item.value());
                    if (raw instanceof Value<?> v) next.add(Found.of(path, v, item.where()));
                    else next.add(Found.plain(path, raw, item.where()));
                }
            }
            current = next;
        }
        return current;
    }

    private record Member(String name, Field field, RecordComponent component) {
        Object read(Object target) {
            try {
                return field != null ? field.get(target) : component.getAccessor().invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getSimpleName(), e);
            }
        }
    }

    private static Member member(Object target, String words) {
        Class<?> type = target.getClass();
        String key = Kinds.norm(words);
        key = ALIASES.getOrDefault(key, key);
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (Kinds.norm(rc.getName()).equals(key)) return new Member(rc.getName(), null, rc);
            }
            throw unknown(words, type, names(type));
        }
        Field f = fields(type).get(key);
        if (f == null) throw unknown(words, type, names(type));
        return new Member(f.getName(), f, null);
    }

    private static IllegalArgumentException unknown(String words, Class<?> type, Collection<String> names) {
        String what = Resource.class.isAssignableFrom(type) ? "a " + type.getSimpleName() : type.getSimpleName();
        return new IllegalArgumentException("no attribute '" + words + "' on " + what + " (attributes: "
                + String.join(", ", names) + ")");
    }

    /** The attribute names of a model class or record, for messages and documentation. */
    public static List<String> names(Class<?> type) {
        if (type.isRecord()) {
            List<String> out = new ArrayList<>();
            for (RecordComponent rc : type.getRecordComponents()) out.add(rc.getName());
            return out;
        }
        TreeSet<String> out = new TreeSet<>();
        for (Field f : fields(type).values()) out.add(f.getName());
        return List.copyOf(out);
    }

    private static Map<String, Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Field> m = new ConcurrentHashMap<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    int mod = f.getModifiers();
                    if (!Modifier.isPublic(mod) || Modifier.isStatic(mod)) continue;
                    m.putIfAbsent(Kinds.norm(f.getName()), f);
                }
            }
            return m;
        });
    }

    @Override
    public String toString() {
        return text;
    }
}
