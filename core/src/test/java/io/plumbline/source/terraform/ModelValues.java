package io.plumbline.source.terraform;

import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every {@link Value} reachable from a resource (fields, lists, records inside values), with a path. */
final class ModelValues {
    private ModelValues() {
    }

    record Found(String path, Value<?> value) {
    }

    static List<Found> of(Resource r) {
        List<Found> out = new ArrayList<>();
        for (Field f : r.getClass().getFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            try {
                visit(r.address() + "." + f.getName(), f.get(r), out, 0);
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    private static void visit(String path, Object o, List<Found> out, int depth) {
        if (o == null || depth > 8) return;
        if (o instanceof Value<?> v) {
            out.add(new Found(path, v));
            if (v.isKnown()) visit(path, v.get(), out, depth + 1);
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) visit(path + "[" + i + "]", l.get(i), out, depth + 1);
        } else if (o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                try {
                    visit(path + "." + c.getName(), c.getAccessor().invoke(o), out, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
