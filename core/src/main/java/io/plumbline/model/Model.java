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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The normalized state of one or more inputs: every resource, indexed once by address and alias, plus what was read and
 * what could not be understood. Rules see only this. Safe to read from several threads once built (rules run in
 * parallel).
 */
public final class Model {

    private final List<Resource> resources;
    private final List<List<Resource>> parts = new ArrayList<>();
    private final Map<Resource, Scope> scopeOf = new IdentityHashMap<>();
    private final Map<String, Resource> byAddress = new HashMap<>();
    /** Names are not unique across kinds (a subnet group and a backup plan may share one): every holder is kept. */
    private final Map<String, List<Resource>> byAlias = new HashMap<>();
    private final Map<Class<?>, List<?>> byType = new ConcurrentHashMap<>();
    private final List<InputFile> inputs;
    private final List<Diagnostic> diagnostics;
    private final List<Gap> gaps;
    private final Secrets secrets;
    private final List<SourceLocator> sources;
    private final Map<Object, Map<Resource, List<Resource>>> reverseLinks = new ConcurrentHashMap<>();

    public Model(List<Resource> resources, List<InputFile> inputs, List<Diagnostic> diagnostics) {
        this(new Parts(List.of(List.copyOf(resources))), inputs, diagnostics, List.of(), Secrets.NONE, List.of());
    }

    /** A model of a state some of which could not be read: {@code gaps} say what is missing and where. */
    public Model(List<Resource> resources, List<InputFile> inputs, List<Diagnostic> diagnostics, List<Gap> gaps) {
        this(new Parts(List.of(List.copyOf(resources))), inputs, diagnostics, gaps, Secrets.NONE, List.of());
    }

    /**
     * A model whose source registered the sensitive strings it read ({@code secrets}); the contents of values marked
     * sensitive are added to them. Diagnostics are kept with those strings taken out.
     */
    public Model(List<Resource> resources, List<InputFile> inputs, List<Diagnostic> diagnostics, List<Gap> gaps,
                 Secrets secrets) {
        this(new Parts(List.of(List.copyOf(resources))), inputs, diagnostics, gaps, secrets, List.of());
    }

    /** A model whose inputs were made from sources on disk: {@code sources} map the inputs' places to theirs. */
    public Model(List<Resource> resources, List<InputFile> inputs, List<Diagnostic> diagnostics, List<Gap> gaps,
                 Secrets secrets, List<SourceLocator> sources) {
        this(new Parts(List.of(List.copyOf(resources))), inputs, diagnostics, gaps, secrets, sources);
    }

    /**
     * One part per input: addresses are unique within an input, not across inputs (two plans of one module both hold
     * {@code module.db.aws_rds_cluster.this}), so references resolve within their own input first.
     */
    private Model(Parts parts, List<InputFile> inputs, List<Diagnostic> diagnostics, List<Gap> gaps, Secrets declared,
                  List<SourceLocator> sources) {
        List<Resource> all = new ArrayList<>();
        for (List<Resource> part : parts.lists()) {
            Scope scope = new Scope();
            for (Resource r : part) {
                all.add(r);
                scopeOf.put(r, scope);
                scope.byAddress.putIfAbsent(r.address(), r);
                byAddress.putIfAbsent(r.address(), r);
            }
            for (Resource r : part) {
                for (String alias : r.aliases()) {
                    if (!scope.byAddress.containsKey(alias)) add(scope.byAlias, alias, r);
                    add(byAlias, alias, r);
                }
                if (r.awsId.isPresent()) {
                    add(scope.byAlias, r.awsId.get(), r);
                    add(byAlias, r.awsId.get(), r);
                }
            }
            this.parts.add(part);
        }
        this.resources = List.copyOf(all);
        this.inputs = List.copyOf(inputs);
        this.secrets = declared.plus(SensitiveContent.of(this.resources));
        List<Diagnostic> shown = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String m = secrets.redact(d.message());
            shown.add(m.equals(d.message()) ? d : new Diagnostic(d.level(), m, d.location()));
        }
        this.diagnostics = List.copyOf(shown);
        this.gaps = List.copyOf(gaps);
        this.sources = List.copyOf(sources);
    }

    private record Parts(List<List<Resource>> lists) {
    }

    private static final class Scope {
        final Map<String, Resource> byAddress = new HashMap<>();
        final Map<String, List<Resource>> byAlias = new HashMap<>();
    }

    private static void add(Map<String, List<Resource>> index, String key, Resource r) {
        List<Resource> holders = index.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!holders.contains(r)) holders.add(r);
    }

    /** The first holder of {@code key} that is a {@code type}, or null. */
    private static Resource first(Map<String, List<Resource>> index, String key, Class<?> type) {
        List<Resource> holders = index.get(key);
        if (holders == null) return null;
        for (Resource r : holders) if (type.isInstance(r)) return r;
        return null;
    }

    public static Model merge(List<Model> models) {
        List<List<Resource>> ps = new ArrayList<>();
        List<InputFile> in = new ArrayList<>();
        List<Diagnostic> d = new ArrayList<>();
        List<Gap> g = new ArrayList<>();
        Secrets secrets = Secrets.NONE;
        List<SourceLocator> sources = new ArrayList<>();
        for (Model m : models) {
            sources.addAll(m.sources);
            secrets = secrets.plus(m.secrets);
            ps.addAll(m.parts);
            in.addAll(m.inputs);
            d.addAll(m.diagnostics);
            g.addAll(m.gaps);
        }
        return new Model(new Parts(ps), in, d, g, secrets, sources);
    }

    /** Every resource. Recorded by {@link #recordingReads} as {@code Resource.class}: "any kind". */
    public List<Resource> resources() {
        java.util.Set<Class<?>> seen = READS.get();
        if (seen != null) seen.add(Resource.class);
        return resources;
    }

    /**
     * The resources of each input, in order: {@link #resources()} is their concatenation. References resolve within
     * their own part first; a snapshot keeps the parts so that a model read back resolves as the original did.
     */
    public List<List<Resource>> parts() {
        return Collections.unmodifiableList(parts);
    }

    public List<InputFile> inputs() {
        return inputs;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The sensitive strings of this model: what every message, report and inventory takes out. */
    public Secrets secrets() {
        return secrets;
    }

    /**
     * Text said about the resource at {@code address} (a finding's message, an UNKNOWN reason, evidence), with the
     * model's secrets taken out: long ones everywhere, short ones held by this resource or by what was folded into it.
     */
    public String redact(String text, String address) {
        if (text == null || secrets.isEmpty()) return text;
        Resource r = address == null ? null : byAddress.get(address);
        java.util.Set<String> scopes = new java.util.HashSet<>();
        if (address != null) scopes.add(address);
        if (r != null) scopes.addAll(r.folded());
        return secrets.redact(text, scopes);
    }

    /** What could not be read (empty for a plan or a template, which are read whole or not at all). */
    /** The sources the inputs were made from, where they were found on disk (see {@link SourceLocator}). */
    public List<SourceLocator> sources() {
        return sources;
    }

    public List<Gap> gaps() {
        return gaps;
    }

    private static final ThreadLocal<java.util.Set<Class<?>>> READS = new ThreadLocal<>();

    /**
     * Runs {@code action} and returns the model classes it asked any model for, on this thread ({@link #all},
     * typed {@code resolve}, {@link #referrers}). Lets a test prove what a rule declares it reads.
     */
    public static java.util.Set<Class<?>> recordingReads(Runnable action) {
        java.util.Set<Class<?>> previous = READS.get();
        java.util.Set<Class<?>> seen = new java.util.LinkedHashSet<>();
        READS.set(seen);
        try {
            action.run();
        } finally {
            READS.set(previous);
        }
        return seen;
    }

    private static void read(Class<?> type) {
        java.util.Set<Class<?>> seen = READS.get();
        if (seen != null && type != Resource.class) seen.add(type);
    }

    /** The resources of any of these model classes, in input order (one walk, not one list per class). */
    public List<Resource> ofTypes(List<Class<? extends Resource>> types) {
        types.forEach(Model::read);
        List<Resource> out = new ArrayList<>();
        for (Resource r : resources) {
            for (Class<? extends Resource> t : types) {
                if (t.isInstance(r)) {
                    out.add(r);
                    break;
                }
            }
        }
        return out;
    }

    /** All resources of one model class, in input order. */
    @SuppressWarnings("unchecked")
    public <T extends Resource> List<T> all(Class<T> type) {
        read(type);
        return (List<T>) byType.computeIfAbsent(type, t -> {
            List<T> out = new ArrayList<>();
            for (Resource r : resources) if (type.isInstance(r)) out.add(type.cast(r));
            return Collections.unmodifiableList(out);
        });
    }

    public Optional<Resource> byAddress(String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /**
     * The resource a reference points at, by address first, then by alias (ids, names, ARNs). With several inputs an
     * address may be ambiguous: rules resolve from the referring resource, {@link #resolve(Resource, Ref)}.
     */
    public Optional<Resource> resolve(Ref ref) {
        return resolve(ref, Resource.class);
    }

    /** The resource of {@code type} a reference points at: its address, else the first alias holder of that type. */
    public <T extends Resource> Optional<T> resolve(Ref ref, Class<T> type) {
        read(type);
        if (ref == null) return Optional.empty();
        Resource r = byAddress.get(ref.target());
        if (!type.isInstance(r)) r = first(byAlias, ref.target(), type);
        return Optional.ofNullable(r).map(type::cast);
    }

    /**
     * The resource a reference held by {@code from} points at: within {@code from}'s own input first (its addresses,
     * then its aliases), then by alias across all inputs (a literal id declared in another input).
     */
    public Optional<Resource> resolve(Resource from, Ref ref) {
        return resolve(from, ref, Resource.class);
    }

    /**
     * As {@link #resolve(Resource, Ref)}, looking for a {@code type}: a name shared by resources of several kinds
     * resolves to the one of the expected kind, in the referring resource's own input first.
     */
    public <T extends Resource> Optional<T> resolve(Resource from, Ref ref, Class<T> type) {
        read(type);
        if (ref == null) return Optional.empty();
        Scope scope = from == null ? null : scopeOf.get(from);
        if (scope == null) return resolve(ref, type);
        Resource r = scope.byAddress.get(ref.target());
        if (!type.isInstance(r)) r = first(scope.byAlias, ref.target(), type);
        if (r == null) r = first(byAlias, ref.target(), type);
        return Optional.ofNullable(r).map(type::cast);
    }

    /**
     * The resources of {@code type} whose {@code link} points at {@code target}: e.g. the DB instances of a cluster.
     * Computed once per link function and type.
     */
    public <T extends Resource> List<T> referrers(Resource target, Class<T> type, Function<T, Value<Ref>> link) {
        read(type);
        Map<Resource, List<Resource>> index = reverseLinks.computeIfAbsent(List.of(type, link), k -> {
            Map<Resource, List<Resource>> m = new IdentityHashMap<>();
            for (T t : all(type)) {
                Value<Ref> v = link.apply(t);
                if (v.isPresent()) resolve(t, v.get()).ifPresent(res -> m.computeIfAbsent(res, x -> new ArrayList<>()).add(t));
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
