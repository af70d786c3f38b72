package io.plumbline.source.snapshot;

import io.plumbline.model.Certainty;
import io.plumbline.model.Model;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a model with the model read back from its snapshot, field by field, independently of the snapshot code:
 * every value's content, certainty, note, provenance and sensitive flag, through records, lists and maps. A sensitive
 * value is expected back as an unknown value with the snapshot's note, its place kept and its content gone.
 */
final class Deep {
    private final List<String> diffs = new ArrayList<>();

    private Deep() {
    }

    /** The differences (at most 20), empty when the models are the same. */
    static List<String> diff(Model expected, Model actual) {
        Deep d = new Deep();
        d.models(expected, actual);
        return d.diffs.size() > 20 ? d.diffs.subList(0, 20) : d.diffs;
    }

    private void models(Model e, Model a) {
        eq("inputs", e.inputs(), a.inputs());
        eq("diagnostics", e.diagnostics(), a.diagnostics());
        eq("gaps", e.gaps(), a.gaps());
        eq("part sizes", e.parts().stream().map(List::size).toList(), a.parts().stream().map(List::size).toList());
        eq("resource count", e.resources().size(), a.resources().size());
        for (int i = 0; i < Math.min(e.resources().size(), a.resources().size()); i++) {
            resource(e.resources().get(i), a.resources().get(i));
        }
    }

    private void resource(Resource e, Resource a) {
        String at = e.address();
        eq(at + " class", e.getClass(), a.getClass());
        if (e.getClass() != a.getClass()) return;
        eq(at + " kind", e.kind(), a.kind());
        eq(at + " address", e.address(), a.address());
        eq(at + " sourceType", e.sourceType(), a.sourceType());
        eq(at + " location", e.location(), a.location());
        eq(at + " aliases", List.copyOf(e.aliases()), List.copyOf(a.aliases()));
        eq(at + " folded", e.folded(), a.folded());
        for (Field f : e.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            try {
                any(at + " ." + f.getName(), f.get(e), f.get(a));
            } catch (IllegalAccessException ex) {
                diffs.add(at + " ." + f.getName() + ": " + ex);
            }
        }
    }

    private void any(String at, Object e, Object a) {
        if (e == null || a == null) {
            if (e != a) diffs.add(at + ": expected " + e + ", found " + a);
            return;
        }
        if (e instanceof Value<?> ev && a instanceof Value<?> av) {
            value(at, ev, av);
        } else if (e instanceof Record && e.getClass() == a.getClass()) {
            for (RecordComponent rc : e.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    any(at + "." + rc.getName(), rc.getAccessor().invoke(e), rc.getAccessor().invoke(a));
                } catch (ReflectiveOperationException ex) {
                    diffs.add(at + "." + rc.getName() + ": " + ex);
                }
            }
        } else if (e instanceof Collection<?> ec && a instanceof Collection<?> ac) {
            if (ec.size() != ac.size()) {
                diffs.add(at + ": expected " + ec.size() + " items, found " + ac.size());
                return;
            }
            Iterator<?> ia = ac.iterator();
            int i = 0;
            for (Object x : ec) any(at + "[" + i++ + "]", x, ia.next());
        } else if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
            eq(at + " keys", em.keySet(), am.keySet());
            for (Map.Entry<?, ?> x : em.entrySet()) any(at + "{" + x.getKey() + "}", x.getValue(), am.get(x.getKey()));
        } else {
            eq(at + " class", e.getClass(), a.getClass());
            eq(at, e, a);
        }
    }

    private void value(String at, Value<?> e, Value<?> a) {
        if (e == Value.notInInput() && a != Value.notInInput()) diffs.add(at + ": Value.notInInput() not kept as such");
        if (e.isSensitive()) {
            eq(at + " certainty (sensitive)", Certainty.UNKNOWN, a.certainty());
            eq(at + " note (sensitive)", SnapshotFormat.SENSITIVE_NOTE, a.note());
            eq(at + " provenance", e.provenance(), a.provenance());
            eq(at + " sensitive", true, a.isSensitive());
            if (a.get() != null) diffs.add(at + ": a sensitive value came back with content");
            return;
        }
        eq(at + " certainty", e.certainty(), a.certainty());
        eq(at + " note", e.note(), a.note());
        eq(at + " provenance", e.provenance(), a.provenance());
        eq(at + " sensitive", e.isSensitive(), a.isSensitive());
        any(at + " value", e.get(), a.get());
    }

    private void eq(String at, Object e, Object a) {
        if (!Objects.equals(e, a)) diffs.add(at + ": expected " + e + ", found " + a);
    }
}
