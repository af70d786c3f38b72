package io.plumbline.source.snapshot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.plumbline.model.Certainty;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.Gap;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.model.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a {@link Model} as a snapshot: JSON that {@link SnapshotReader} reads back into an equal model (same
 * resources, values, certainties, notes, provenance, aliases, gaps and diagnostics), so that rules give the same
 * verdicts offline. Every public field of every resource class is found by reflection, nested records, lists, maps and
 * enums by their generic types: no kind is named here.
 *
 * <p>Sensitive values are never written: each is stored as an unknown value with the note
 * {@link SnapshotFormat#SENSITIVE_NOTE} and the sensitive flag. The output is deterministic: the same model gives the
 * same bytes (resources in model order, fields and map keys sorted, no time stamp).
 */
public final class SnapshotWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private SnapshotWriter() {
    }

    /** The snapshot of {@code model}, as UTF-8 JSON bytes. */
    public static byte[] write(Model model) {
        return write(model, null);
    }

    /** The snapshot of {@code model}, recording {@code toolVersion} (the Plumbline version; null to leave it out). */
    public static byte[] write(Model model, String toolVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(printer());
            new Emitter(g).model(model, toolVersion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** Writes the snapshot of {@code model} to {@code file} (through a temporary file, so never half a snapshot). */
    public static void save(Model model, Path file, String toolVersion) throws IOException {
        byte[] bytes = write(model, toolVersion);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Two-space indentation, "\n" line ends on every platform, {@code "key": value}. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }

    private static final class Emitter {
        private final JsonGenerator g;

        Emitter(JsonGenerator g) {
            this.g = g;
        }

        void model(Model model, String toolVersion) throws IOException {
            g.writeStartObject();
            g.writeNumberField(SnapshotFormat.KEY, SnapshotFormat.VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "plumbline");
            if (toolVersion != null) g.writeStringField("version", toolVersion);
            g.writeEndObject();
            SortedSet<String> accounts = new TreeSet<>();
            SortedSet<String> regions = new TreeSet<>();
            scope(model, accounts, regions);
            strings("accounts", accounts);
            strings("regions", regions);
            g.writeArrayFieldStart("inputs");
            for (InputFile in : model.inputs()) encode(in, InputFile.class, "inputs");
            g.writeEndArray();
            g.writeArrayFieldStart("parts");
            for (List<Resource> part : model.parts()) g.writeNumber(part.size());
            g.writeEndArray();
            g.writeArrayFieldStart("gaps");
            for (Gap gap : model.gaps()) encode(gap, Gap.class, "gaps");
            g.writeEndArray();
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : model.diagnostics()) encode(d, Diagnostic.class, "diagnostics");
            g.writeEndArray();
            g.writeArrayFieldStart("resources");
            for (Resource r : model.resources()) resource(r);
            g.writeEndArray();
            g.writeEndObject();
        }

        /** The accounts and regions the model holds resources or gaps of (for a reader of the file; not read back). */
        private static void scope(Model model, SortedSet<String> accounts, SortedSet<String> regions) {
            for (Resource r : model.resources()) {
                Provenance p = r.location();
                if (p.account() != null) accounts.add(p.account());
                if (p.region() != null) regions.add(p.region());
                if (r.region != null && r.region.isPresent() && !r.region.isSensitive()) regions.add(r.region.get());
            }
            for (Gap gap : model.gaps()) {
                if (gap.account() != null) accounts.add(gap.account());
                if (gap.region() != null) regions.add(gap.region());
            }
        }

        private void strings(String name, Collection<String> values) throws IOException {
            g.writeArrayFieldStart(name);
            for (String s : values) g.writeString(s);
            g.writeEndArray();
        }

        private void resource(Resource r) throws IOException {
            String where = r.address();
            g.writeStartObject();
            g.writeStringField("class", r.getClass().getName());
            g.writeStringField("kind", r.kind().name());
            g.writeStringField("address", r.address());
            g.writeStringField("source_type", r.sourceType());
            g.writeFieldName("location");
            provenance(r.location());
            strings("aliases", r.aliases());
            strings("folded", r.folded());
            g.writeObjectFieldStart("fields");
            for (Map.Entry<String, Field> e : Shapes.fields(r.getClass()).entrySet()) {
                Field f = e.getValue();
                Object v;
                try {
                    v = f.get(r);
                } catch (IllegalAccessException ex) {
                    throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + f.getName()
                            + " of " + where + ": " + ex.getMessage(), ex);
                }
                g.writeFieldName(e.getKey());
                encode(v, f.getGenericType(), where + " " + e.getKey());
            }
            g.writeEndObject();
            g.writeEndObject();
        }

        private void value(Value<?> v, Type valueType, String where) throws IOException {
            g.writeStartObject();
            if (v.isSensitive()) {
                g.writeStringField("certainty", Certainty.UNKNOWN.name());
                g.writeStringField("note", SnapshotFormat.SENSITIVE_NOTE);
                provenanceField(v.provenance());
                g.writeBooleanField("sensitive", true);
                g.writeEndObject();
                return;
            }
            g.writeStringField("certainty", v.certainty().name());
            if (v.isKnown()) {
                g.writeFieldName("value");
                encode(v.get(), valueType, where);
            }
            if (v.note() != null) g.writeStringField("note", v.note());
            provenanceField(v.provenance());
            g.writeEndObject();
        }

        private void provenanceField(Provenance p) throws IOException {
            if (p == null || p.equals(Provenance.NONE)) return;
            g.writeFieldName("provenance");
            provenance(p);
        }

        /** Only the parts that are set: a file place, or a live account, region, ARN and operation. */
        private void provenance(Provenance p) throws IOException {
            g.writeStartObject();
            if (p.file() != null) g.writeStringField("file", p.file());
            if (p.line() != 0) g.writeNumberField("line", p.line());
            if (p.column() != 0) g.writeNumberField("column", p.column());
            if (p.pointer() != null) g.writeStringField("pointer", p.pointer());
            if (p.account() != null) g.writeStringField("account", p.account());
            if (p.region() != null) g.writeStringField("region", p.region());
            if (p.arn() != null) g.writeStringField("arn", p.arn());
            if (p.operation() != null) g.writeStringField("operation", p.operation());
            g.writeEndObject();
        }

        /** Any value of the model, by its declared (generic) type. */
        private void encode(Object o, Type type, String where) throws IOException {
            Class<?> c = Shapes.raw(type);
            if (c == null) throw unsupported(type, where);
            if (o == null) {
                if (c.isPrimitive()) throw new IllegalStateException(where + ": null in a primitive");
                g.writeNull();
                return;
            }
            Class<?> box = Shapes.boxed(c);
            if (c == Value.class) {
                if (!(o instanceof Value<?> v)) throw mismatch(o, type, where);
                value(v, Shapes.arg(type, 0), where);
                return;
            }
            if (c == Provenance.class) {
                if (!(o instanceof Provenance p)) throw mismatch(o, type, where);
                provenance(p);
                return;
            }
            if (List.class.isAssignableFrom(c) || java.util.Set.class.isAssignableFrom(c) || c == Collection.class) {
                if (!(o instanceof Collection<?> items) || !c.isInstance(o)) throw mismatch(o, type, where);
                Type item = Shapes.arg(type, 0);
                if (item == null) throw unsupported(type, where);
                g.writeStartArray();
                for (Object x : items) encode(x, item, where);
                g.writeEndArray();
                return;
            }
            if (Map.class.isAssignableFrom(c)) {
                if (!(o instanceof Map<?, ?> map)) throw mismatch(o, type, where);
                map(map, type, where);
                return;
            }
            if (!box.isInstance(o)) throw mismatch(o, type, where);
            if (box == String.class) {
                g.writeString((String) o);
            } else if (box == Boolean.class) {
                g.writeBoolean((Boolean) o);
            } else if (box == Integer.class || box == Long.class || box == Short.class || box == Byte.class) {
                g.writeNumber(((Number) o).longValue());
            } else if (box == Double.class || box == Float.class) {
                double d = ((Number) o).doubleValue();
                if (!Double.isFinite(d)) throw new IllegalArgumentException(where + ": " + d + " has no JSON form");
                g.writeNumber(d);
            } else if (box == BigDecimal.class) {
                g.writeNumber((BigDecimal) o);
            } else if (box == BigInteger.class) {
                g.writeNumber((BigInteger) o);
            } else if (c.isEnum()) {
                g.writeString(((Enum<?>) o).name());
            } else if (c.isRecord()) {
                record(o, type, where);
            } else {
                throw unsupported(type, where);
            }
        }

        /** Keys sorted: strings by their natural order, enums by name. */
        private void map(Map<?, ?> map, Type type, String where) throws IOException {
            Class<?> keyType = Shapes.raw(Shapes.arg(type, 0));
            Type valueType = Shapes.arg(type, 1);
            if (keyType == null || valueType == null || !(keyType == String.class || keyType.isEnum())) {
                throw unsupported(type, where);
            }
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = e.getKey();
                if (!keyType.isInstance(k)) throw mismatch(k, keyType, where + " (a map key)");
                sorted.put(k instanceof Enum<?> en ? en.name() : (String) k, e.getValue());
            }
            g.writeStartObject();
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                g.writeFieldName(e.getKey());
                encode(e.getValue(), valueType, where + "/" + e.getKey());
            }
            g.writeEndObject();
        }

        /** Every component, in declaration order; null ones as JSON null. */
        private void record(Object o, Type type, String where) throws IOException {
            g.writeStartObject();
            for (Shapes.Component comp : Shapes.components(type)) {
                Method accessor = comp.component().getAccessor();
                Object v;
                try {
                    if (!accessor.canAccess(o)) accessor.setAccessible(true);
                    v = accessor.invoke(o);
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
                    throw new IllegalArgumentException(where + ": cannot read " + o.getClass().getName() + "."
                            + comp.name() + ": " + ex, ex);
                }
                g.writeFieldName(comp.name());
                encode(v, comp.type(), where + "." + comp.name());
            }
            g.writeEndObject();
        }

        private static IllegalArgumentException unsupported(Type type, String where) {
            return new IllegalArgumentException(where + ": a snapshot cannot hold a value of type "
                    + (type == null ? "(unknown)" : type.getTypeName())
                    + " (supported: Value, records, enums, strings, numbers, booleans, lists, sets, maps by string or"
                    + " enum key)");
        }

        private static IllegalArgumentException mismatch(Object o, Type type, String where) {
            return new IllegalArgumentException(where + ": declared " + type.getTypeName() + " but holds a "
                    + o.getClass().getName() + " (a snapshot could not read it back as it is)");
        }
    }
}
