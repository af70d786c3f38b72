package io.plumbline.features;

import io.plumbline.engine.Engine;
import io.plumbline.engine.Result;
import io.plumbline.engine.RuleRegistry;
import io.plumbline.model.Model;
import io.plumbline.profile.Profile;
import io.plumbline.reach.Reachability;
import io.plumbline.reference.ReferenceArchitecture;
import io.plumbline.rule.Rule;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the steps look at: the model of the target's inputs, the profile, the rules of the registry and the
 * reachability engine — the very objects {@code plumbline check} uses, built once per target and shared by every
 * scenario of a run. Rule results are computed by the engine ({@link Engine#evaluate}), once per rule.
 */
public final class Subject {
    private static final int CACHE_SIZE = 4;
    private static final Map<Target, Subject> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Target, Subject> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private static final AtomicReference<Subject> CURRENT = new AtomicReference<>();
    private static volatile RuleRegistry registry;

    private final Target target;
    private final Model model;
    private final Profile profile;
    private final Map<String, Result> ruleResults = new ConcurrentHashMap<>();
    private volatile Object reach;

    private Subject(Target target, Model model, Profile profile) {
        this.target = target;
        this.model = model;
        this.profile = profile;
    }

    /** Loads the target (an unusable input throws {@link io.plumbline.source.InputException}). */
    public static Subject load(Target target) {
        synchronized (CACHE) {
            Subject s = CACHE.get(target);
            if (s != null) return s;
        }
        SourceOptions options = new SourceOptions(target.parameters(), target.region());
        Model model = loadModel(target.inputs(), options);
        Profile profile = ReferenceArchitecture.profile(target.profile());
        Subject s = new Subject(target, model, profile);
        synchronized (CACHE) {
            CACHE.put(target, s);
        }
        return s;
    }

    /** A subject over a model already built (for tests of the step library). */
    public static Subject of(Model model, Profile profile) {
        return new Subject(Target.reference(), model, profile);
    }

    private static Model loadModel(List<String> inputs, SourceOptions options) {
        if (inputs.isEmpty()) {
            List<Model> models = new ArrayList<>();
            for (String f : List.of(ReferenceArchitecture.TERRAFORM_PLAN, ReferenceArchitecture.CLOUDFORMATION_TEMPLATE)) {
                models.add(Inputs.load(ReferenceArchitecture.displayName(f), ReferenceArchitecture.read(f), options));
            }
            return Model.merge(models);
        }
        List<Model> models = new ArrayList<>();
        for (String in : inputs) {
            if (in.startsWith(Target.REFERENCE_PREFIX)) {
                String rel = in.substring(Target.REFERENCE_PREFIX.length());
                models.add(Inputs.load(ReferenceArchitecture.displayName(rel), ReferenceArchitecture.read(rel), options));
            } else {
                models.add(Inputs.load(Path.of(in), options));
            }
        }
        return models.size() == 1 ? models.get(0) : Model.merge(models);
    }

    /**
     * The subject of the scenario being run: the one a run installed ({@link #use}), else the target named by the
     * environment ({@link Target#fromEnvironment()}), else the bundled reference example.
     */
    public static Subject current() {
        Subject s = CURRENT.get();
        return s != null ? s : load(Target.fromEnvironment());
    }

    /** Installs the subject every step sees until {@link #clear()}. */
    public static void use(Subject subject) {
        CURRENT.set(subject);
    }

    public static void clear() {
        CURRENT.set(null);
    }

    public Target target() {
        return target;
    }

    public Model model() {
        return model;
    }

    public Profile profile() {
        return profile;
    }

    public static RuleRegistry registry() {
        RuleRegistry r = registry;
        if (r == null) {
            r = RuleRegistry.discover();
            registry = r;
        }
        return r;
    }

    /** The rule with this id (case-insensitive); an unknown id is an error naming the rules there are. */
    public static Rule rule(String id) {
        String wanted = id.trim().toUpperCase(Locale.ROOT);
        for (Rule r : registry().all()) if (r.descriptor().id().equals(wanted)) return r;
        List<String> ids = registry().all().stream().map(r -> r.descriptor().id()).toList();
        throw new IllegalArgumentException("no rule with id " + wanted + " (the rules are " + String.join(", ", ids) + ")");
    }

    /** One rule's findings on this subject, from the engine that {@code plumbline check} runs. */
    public Result result(String ruleId) {
        Rule rule = rule(ruleId);
        return ruleResults.computeIfAbsent(rule.descriptor().id(), id -> Engine.evaluate(model, profile, List.of(rule)));
    }

    /**
     * The reachability engine over this model, built once. When it cannot be built (not available in this build, or it
     * failed), every path step is undecided with the reason.
     */
    public Reachability reachability() {
        Object r = reach;
        if (r == null) {
            synchronized (this) {
                r = reach;
                if (r == null) {
                    try {
                        r = Reachability.of(model, profile);
                    } catch (UnsupportedOperationException e) {
                        r = "the reachability engine is not available in this build (" + e.getMessage() + ")";
                    } catch (RuntimeException e) {
                        r = "the reachability engine failed on this input: " + e;
                    }
                    reach = r;
                }
            }
        }
        if (r instanceof Reachability ok) return ok;
        throw new Undecided((String) r);
    }

    /** Whether the reachability engine can answer for this model (false while it is not available in the build). */
    public boolean reachabilityAvailable() {
        try {
            reachability();
            return true;
        } catch (Undecided e) {
            return false;
        }
    }
}
