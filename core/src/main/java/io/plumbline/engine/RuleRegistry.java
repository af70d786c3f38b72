package io.plumbline.engine;

import io.plumbline.rule.Rule;
import io.plumbline.rule.RuleDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.Set;

/** The rules on the class path (declared as {@code java.util.ServiceLoader} providers of {@link Rule}), by id. */
public final class RuleRegistry {
    private final List<Rule> rules;

    public RuleRegistry(Collection<? extends Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.descriptor().id()));
        Set<String> ids = new HashSet<>();
        for (Rule r : sorted) {
            RuleDescriptor d = r.descriptor();
            if (!ids.add(d.id())) throw new IllegalStateException("two rules share the id " + d.id());
        }
        this.rules = List.copyOf(sorted);
    }

    public static RuleRegistry discover() {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class).forEach(found::add);
        return new RuleRegistry(found);
    }

    public List<Rule> all() {
        return rules;
    }

    /** The rules with the given ids (case-insensitive); an id that names no rule is an error. */
    public List<Rule> select(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) return rules;
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids) wanted.add(id.trim().toUpperCase(Locale.ROOT));
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) if (wanted.remove(r.descriptor().id())) out.add(r);
        if (!wanted.isEmpty()) throw new IllegalArgumentException("no rule with id " + String.join(", ", wanted));
        return out;
    }
}
