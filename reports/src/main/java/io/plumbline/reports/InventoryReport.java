package io.plumbline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The normalized model as JSON: every resource with every attribute's value, certainty, note and location. For
 * debugging a verdict, and for policies written outside Java. Sensitive values print as "(sensitive)".
 */
public final class InventoryReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private InventoryReport() {
    }

    public static void write(Model model, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("inputs");
            for (InputFile in : model.inputs()) {
                g.writeStartObject();
                g.writeStringField("path", in.path());
                g.writeStringField("format", in.format());
                g.writeStringField("sha256", in.sha256());
                g.writeNumberField("declaredResources", in.declared());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("counts");
            for (var e : model.kindCounts().entrySet()) g.writeNumberField(e.getKey().name(), e.getValue());
            g.writeEndObject();
            g.writeObjectFieldStart("genericTypes");
            for (var e : model.genericCounts().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeArrayFieldStart("resources");
            for (Resource r : model.resources()) writeResource(g, r, text -> model.redact(text, r.address()));
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code shown}: every text of the resource passes through it, so that no secret is written (see Secrets). */
    private static void writeResource(JsonGenerator g, Resource r, UnaryOperator<String> shown) throws IOException {
        g.writeStartObject();
        g.writeStringField("address", r.address());
        g.writeStringField("kind", r.kind().name());
        g.writeStringField("type", r.sourceType());
        g.writeStringField("change", r.change.name());
        JsonReport.writeLocation(g, "location", r.location());
        if (!r.folded().isEmpty()) {
            g.writeArrayFieldStart("folded");
            for (String f : r.folded()) g.writeString(f);
            g.writeEndArray();
        }
        g.writeObjectFieldStart("attributes");
        for (Field f : fields(r.getClass())) {
            try {
                Object v = f.get(r);
                g.writeFieldName(f.getName());
                writeAny(g, v, shown);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static List<Field> fields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) chain.add(0, k);
        for (Class<?> k : chain) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers()) && !Modifier.isStatic(f.getModifiers())) out.add(f);
            }
        }
        return out;
    }

    private static void writeAny(JsonGenerator g, Object v, UnaryOperator<String> shown) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Value<?> val) {
            g.writeStartObject();
            g.writeStringField("certainty", val.certainty().name());
            if (val.isSensitive()) {
                g.writeStringField("value", "(sensitive)");
            } else if (val.isKnown()) {
                g.writeFieldName("value");
                writeAny(g, val.get(), shown);
            }
            if (val.note() != null) g.writeStringField("note", shown.apply(val.note()));
            Provenance p = val.provenance();
            if (p != null && p != Provenance.NONE) JsonReport.writeLocation(g, "location", p);
            g.writeEndObject();
        } else if (v instanceof Ref ref) {
            g.writeString(shown.apply(ref.target()));
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (var e : m.entrySet()) {
                g.writeFieldName(shown.apply(String.valueOf(e.getKey())));
                writeAny(g, e.getValue(), shown);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) writeAny(g, o, shown);
            g.writeEndArray();
        } else if (v instanceof Provenance p) {
            JsonReport.writeLocationObject(g, p);
        } else if (v instanceof Record rec) {
            g.writeStartObject();
            for (RecordComponent rc : rec.getClass().getRecordComponents()) {
                try {
                    g.writeFieldName(rc.getName());
                    writeAny(g, rc.getAccessor().invoke(rec), shown);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            g.writeEndObject();
        } else {
            g.writeString(shown.apply(String.valueOf(v)));
        }
    }
}
