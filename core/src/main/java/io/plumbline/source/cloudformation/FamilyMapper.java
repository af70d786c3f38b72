package io.plumbline.source.cloudformation;

import io.plumbline.model.Diagnostic;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import io.plumbline.source.cloudformation.ResourceMapper.Res;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The mapping of one service family's CloudFormation resource types onto the model, in the three passes of
 * {@link ResourceMapper}: typed resources, then the resources that only configure another one folded into it, then
 * what needs the whole template. A new resource type goes into the family it belongs to (or a new family registered in
 * {@link ResourceMapper}), so that no single class holds every service.
 */
abstract class FamilyMapper {
    protected final MappingContext m;
    protected final Conv c;
    protected final Value<String> region;
    protected final Map<String, String> types;
    protected final List<Diagnostic> diagnostics;
    protected final Map<String, Resource> built;

    FamilyMapper(MappingContext m) {
        this.m = m;
        this.c = m.c;
        this.region = m.region;
        this.types = m.types;
        this.diagnostics = m.diagnostics;
        this.built = m.built;
    }

    /** The typed resource for {@code r}, or null when its type is not of this family. */
    abstract Resource primary(Res r);

    /** The types that only configure a resource of this family; {@link #fold} folds them. */
    Set<String> foldingTypes() {
        return Set.of();
    }

    /** The resource {@code r} was folded into, or null when its target is not in the template (kept generic). */
    Resource fold(Res r) {
        throw new IllegalArgumentException("not a folding type of " + getClass().getSimpleName() + ": " + r.type());
    }

    /** What needs every resource of the template built and folded. */
    void finish() {
    }

    // shared readers, so that family code reads the same in every family

    protected final void nameFrom(Resource out, Res r, String property, boolean lowercaseAlias) {
        m.nameFrom(out, r, property, lowercaseAlias);
    }

    protected static void nameFromTag(Resource out) {
        MappingContext.nameFromTag(out);
    }

    protected final <T extends Resource> T target(Res r, Ev ref, Class<T> cls, String property, String what) {
        return m.target(r, ref, cls, property, what);
    }

    protected static String existence(Res r) {
        return MappingContext.existence(r);
    }

    protected final <T> Value<List<T>> objects(Ev list, Function<Ev, T> item) {
        return m.objects(list, item);
    }

    protected final Value<String> document(Ev doc) {
        return m.document(doc);
    }
}
