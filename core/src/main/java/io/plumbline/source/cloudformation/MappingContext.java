package io.plumbline.source.cloudformation;

import static io.plumbline.source.cloudformation.Conv.get;
import static io.plumbline.source.cloudformation.Conv.items;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.source.cloudformation.Ev.Lit;
import io.plumbline.source.cloudformation.Ev.Obj;
import io.plumbline.source.cloudformation.Ev.ResRef;
import io.plumbline.source.cloudformation.Ev.Unk;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What every family mapper shares while one template is mapped: the converter, the stack's region, the resources
 * built so far (by logical id, by AWS name), and the diagnostics. Also the readers more than one family needs.
 */
final class MappingContext {
    final Conv c;
    final Value<String> region;
    /** Resource type by logical id, for every resource of the template. */
    final Map<String, String> types;
    final List<Diagnostic> diagnostics;
    /** Typed resources by logical id, in template order. */
    final Map<String, Resource> built = new LinkedHashMap<>();
    /** Resources whose name is an unknown expression, by that expression (same template text and inputs). */
    private final Map<String, Resource> byNameExpression = new HashMap<>();
    private Map<String, Resource> byAlias;

    MappingContext(Conv conv, Value<String> region, Map<String, String> types, List<Diagnostic> diagnostics) {
        this.c = conv;
        this.region = region;
        this.types = types;
        this.diagnostics = diagnostics;
    }

    /** Resources by every alias (AWS name, ARN); built once, when folding starts, from what the typed pass built. */
    Map<String, Resource> byAlias() {
        if (byAlias == null) {
            byAlias = new HashMap<>();
            for (Resource res : built.values()) for (String a : res.aliases()) byAlias.putIfAbsent(a, res);
        }
        return byAlias;
    }

    Map<String, Resource> byNameExpression() {
        return byNameExpression;
    }

    /** The AWS name from a property, registered as an alias (and lowercased, for services that lowercase it). */
    void nameFrom(Resource out, Res r, String property, boolean lowercaseAlias) {
        Ev name = get(r.props(), property);
        out.name = c.str(name);
        if (name instanceof Unk u && u.key() != null) byNameExpression.putIfAbsent(u.key(), out);
        if (!out.name.isPresent()) return;
        out.addAlias(out.name.get());
        if (lowercaseAlias) out.addAlias(out.name.get().toLowerCase(Locale.ROOT));
    }

    static void nameFromTag(Resource out) {
        String n = out.tag("Name");
        if (n != null) out.name = Value.explicit(n, out.tags.provenance());
    }

    /** The template resource of the expected class that a reference value points at, or null with a diagnostic. */
    <T extends Resource> T target(Res r, Ev ref, Class<T> cls, String property, String what) {
        Resource found = null;
        if (ref instanceof ResRef rr) found = built.get(rr.logicalId());
        else if (ref instanceof Lit l && l.value() != null) found = byAlias().get(l.text());
        else if (ref instanceof Unk u && u.key() != null) found = byNameExpression.get(u.key());
        if (cls.isInstance(found)) return cls.cast(found);
        String pointsAt = ref == null ? "nothing (" + property + " is not set)"
                : ref instanceof ResRef rr ? rr.logicalId() + (found == null ? "" : " (" + types.get(rr.logicalId()) + ")")
                : ref instanceof Lit l ? "'" + Ev.shown(l) + "'"
                : "a value that is not known (" + Evaluator.reasonOf(ref) + ")";
        diagnostics.add(Diagnostic.warning(r.id() + " (" + r.type() + ") configures " + pointsAt + " through "
                + property + ", which is not " + what + " of this template: kept as a generic resource", r.loc()));
        return null;
    }

    static String existence(Res r) {
        return r.id() + " exists only if " + r.uncertain();
    }

    /** A list of mappings turned into records; unknown when the list or one of its items is not known. */
    <T> Value<List<T>> objects(Ev list, Function<Ev, T> item) {
        if (list == null) return Value.notInInput();
        List<Ev> all = items(list);
        if (all == null) return c.unknown(list);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Ev e = all.get(i);
            if (!(e instanceof Obj)) {
                return Value.unknown("item " + i + " is not known: " + Evaluator.reasonOf(e), c.at(e));
            }
            out.add(item.apply(e));
        }
        return Value.explicit(Collections.unmodifiableList(out), c.at(list));
    }

    /** A policy document as JSON text (see {@link Evaluator#render}); sensitive when any part of it is. */
    Value<String> document(Ev doc) {
        if (doc instanceof Lit l && l.value() instanceof String) return c.str(doc); // already JSON text
        Evaluator.Rendered rendered = Evaluator.render(doc);
        Value<String> v = rendered.json() != null ? Value.explicit(rendered.json(), c.at(doc))
                : Value.unknown("the policy document is not known: " + rendered.failure(), c.at(doc));
        return rendered.sensitive() ? v.asSensitive() : v;
    }
}
