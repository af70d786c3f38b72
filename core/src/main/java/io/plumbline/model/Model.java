package io.plumbline.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The normalized state of one or more inputs: every resource, indexed once by address and alias, plus what was read and
 * what could not be understood. Rules see only this.
 */
public final class Model {

    private final List<Resource> resources;
    private final Map<String, Resource> byAddress = new HashMap<>();
    private final Map<String, Resource> byAlias = new HashMap<>();
    private final Map<Class<?>, List<?>> byType = new HashMap<>();
    private final List<InputFile> inputs;
    private final List<Diagnostic> diagnostics;
    private final Map<Object, Map<Resource, List<Resource>>> reverseLinks = new HashMap<>();

    public Model(List<Resource> resources, List<InputFile> inputs, List<Diagnostic> diagnostics) {
        this.resources = List.copyOf(resources);
        this.inputs = List.copyOf(inputs);
        this.diagnostics = List.copyOf(diagnostics);
        for (Resource r : this.resources) {
            byAddress.putIfAbsent(r.address(), r);
        }
        for (Resource r : this.resources) {
            for (String alias : r.aliases()) {
                if (!byAddress.containsKey(alias)) byAlias.putIfAbsent(alias, r);
            }
            if (r.awsId.isPresent()) byAlias.putIfAbsent(r.awsId.get(), r);
        }
    }

    public static Model merge(List<Model> models) {
        List<Resource> rs = new ArrayList<>();
        List<InputFile> in = new ArrayList<>();
        List<Diagnostic> d = new ArrayList<>();
        for (Model m : models) {
            rs.addAll(m.resources);
            in.addAll(m.inputs);
            d.addAll(m.diagnostics);
        }
        return new Model(rs, in, d);
    }

    public List<Resource> resources() {
        return resources;
    }

    public List<InputFile> inputs() {
        return inputs;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** All resources of one model class, in input order. */
    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> all(Class<T> type) {
        return (List<T>) byType.computeIfAbsent(type, t -> {
            List<T> out = new ArrayList<>();
            for (Resource r : resources) if (type.isInstance(r)) out.add(type.cast(r));
            return Collections.unmodifiableList(out);
        });
    }

    public Optional<Resource> byAddress(String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** The resource a reference points at, by address first, then by alias (ids, names, ARNs). */
    public Optional<Resource> resolve(Ref ref) {
        if (ref == null) return Optional.empty();
        Resource r = byAddress.get(ref.target());
        if (r == null) r = byAlias.get(ref.target());
        return Optional.ofNullable(r);
    }

    public <T extends Resource> Optional<T> resolve(Ref ref, Class<T> type) {
        return resolve(ref).filter(type::isInstance).map(type::cast);
    }

    /**
     * The resources of {@code type} whose {@code link} points at {@code target}: e.g. the DB instances of a cluster.
     * Computed once per link function and type.
     */
    public <T extends Resource> List<T> referrers(Resource target, Class<T> type, Function<T, Value<Ref>> link) {
        Map<Resource, List<Resource>> index = reverseLinks.computeIfAbsent(List.of(type, link), k -> {
            Map<Resource, List<Resource>> m = new IdentityHashMap<>();
            for (T t : all(type)) {
                Value<Ref> v = link.apply(t);
                if (v.isPresent()) resolve(v.get()).ifPresent(res -> m.computeIfAbsent(res, x -> new ArrayList<>()).add(t));
            }
            return m;
        });
        List<T> out = new ArrayList<>();
        for (Resource r : index.getOrDefault(target, List.of())) out.add(type.cast(r));
        return out;
    }

    /** How many resources of each input type were kept only as generic resources. */
    public Map<String, Integer> genericCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Resource r : resources) if (r.kind() == Kind.GENERIC) counts.merge(r.sourceType(), 1, Integer::sum);
        return counts;
    }

    public Map<Kind, Integer> kindCounts() {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Resource r : resources) counts.merge(r.kind(), 1, Integer::sum);
        return counts;
    }
}
