package io.plumbline.reports.drift;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.drift.DriftReport;
import io.plumbline.drift.DriftReport.Difference;
import io.plumbline.drift.DriftReport.Match;
import io.plumbline.drift.DriftReport.NotComparable;
import io.plumbline.drift.DriftReport.ResourceId;
import io.plumbline.drift.DriftReport.Side;
import io.plumbline.model.Provenance;
import io.plumbline.model.Value;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A drift report as JSON, in the report's stable order. Each side of an attribute carries its display text, its
 * certainty and its location; a sensitive value carries {@code "sensitive": true} and never its content.
 */
public final class DriftJsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DriftJsonReport() {
    }

    public static void write(DriftReport r, String version, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("tool", "plumbline");
            if (version != null) g.writeStringField("version", version);
            g.writeStringField("status", r.status().name());
            summary(g, r.summary());
            g.writeArrayFieldStart("resources");
            for (Match m : r.matched()) match(g, m);
            g.writeEndArray();
            g.writeArrayFieldStart("missing");
            for (DriftReport.Missing m : r.missing()) {
                g.writeStartObject();
                resource(g, "planned", m.planned());
                g.writeStringField("plannedAction", m.plannedAction().name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unmanaged");
            for (DriftReport.Unmanaged u : r.unmanaged()) {
                g.writeStartObject();
                resource(g, "actual", u.actual());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notCompared");
            for (DriftReport.Uncompared u : r.uncompared()) {
                g.writeStartObject();
                resource(g, "planned", u.planned());
                g.writeStringField("reason", u.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("scope");
            g.writeArrayFieldStart("kinds");
            for (var k : r.scope().kinds()) g.writeString(k.name());
            g.writeEndArray();
            g.writeArrayFieldStart("regions");
            for (String s : r.scope().regions()) g.writeString(s);
            g.writeEndArray();
            g.writeArrayFieldStart("vpcs");
            for (String s : r.scope().vpcs()) g.writeString(s);
            g.writeEndArray();
            g.writeNumberField("actualOutOfScope", r.scope().actualOutOfScope());
            g.writeEndObject();
            g.writeArrayFieldStart("notes");
            for (String n : r.notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(JsonGenerator g, DriftReport.Summary c) throws IOException {
        g.writeObjectFieldStart("summary");
        g.writeNumberField("plannedResources", c.plannedResources());
        g.writeNumberField("actualResources", c.actualResources());
        g.writeNumberField("matched", c.matched());
        g.writeNumberField("inSync", c.inSync());
        g.writeNumberField("drifted", c.drifted());
        g.writeNumberField("differences", c.differences());
        g.writeNumberField("notComparable", c.notComparable());
        g.writeNumberField("missing", c.missing());
        g.writeNumberField("unmanaged", c.unmanaged());
        g.writeNumberField("notCompared", c.uncompared());
        g.writeObjectFieldStart("skippedAttributes");
        g.writeNumberField("plannedLacks", c.skippedPlannedLacks());
        g.writeNumberField("actualLacks", c.skippedActualLacks());
        g.writeNumberField("neither", c.skippedNeither());
        g.writeEndObject();
        g.writeNumberField("plannedGeneric", c.plannedGeneric());
        g.writeNumberField("pendingDeletes", c.pendingDeletes());
        g.writeEndObject();
    }

    private static void match(JsonGenerator g, Match m) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", !m.differences().isEmpty() ? "DRIFT"
                : m.notComparable().isEmpty() ? "IN_SYNC" : "INCOMPLETE");
        resource(g, "planned", m.planned());
        resource(g, "actual", m.actual());
        g.writeStringField("matchedBy", m.matchedBy());
        g.writeArrayFieldStart("differences");
        for (Difference d : m.differences()) {
            g.writeStartObject();
            g.writeStringField("path", d.path());
            g.writeStringField("change", d.change().name());
            side(g, "planned", d.planned());
            side(g, "actual", d.actual());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notComparable");
        for (NotComparable n : m.notComparable()) {
            g.writeStartObject();
            g.writeStringField("path", n.path());
            g.writeStringField("reason", n.reason());
            side(g, "planned", n.planned());
            side(g, "actual", n.actual());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("skippedAttributes");
        g.writeNumberField("plannedLacks", m.skippedPlannedLacks());
        g.writeNumberField("actualLacks", m.skippedActualLacks());
        g.writeNumberField("neither", m.skippedNeither());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void resource(JsonGenerator g, String field, ResourceId id) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("kind", id.kind().name());
        g.writeStringField("address", id.address());
        g.writeStringField("type", id.sourceType());
        if (id.awsId() != null) g.writeStringField("awsId", id.awsId());
        location(g, "location", id.location());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String field, Side s) throws IOException {
        if (s == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        Value<?> v = s.value();
        if (s.sensitive()) {
            g.writeBooleanField("sensitive", true);
            g.writeStringField("display", "(sensitive)");
        } else {
            g.writeStringField("display", s.display());
        }
        if (v != null) {
            g.writeStringField("certainty", v.certainty().name());
            if (v.note() != null && !s.sensitive()) g.writeStringField("note", v.note());
        }
        location(g, "location", s.at());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, String field, Provenance p) throws IOException {
        if (p == null || p == Provenance.NONE) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        if (p.file() != null) g.writeStringField("file", p.file());
        if (p.line() > 0) g.writeNumberField("line", p.line());
        if (p.column() > 0) g.writeNumberField("column", p.column());
        if (p.pointer() != null) g.writeStringField("pointer", p.pointer());
        if (p.account() != null) g.writeStringField("account", p.account());
        if (p.region() != null) g.writeStringField("region", p.region());
        if (p.arn() != null) g.writeStringField("arn", p.arn());
        if (p.operation() != null) g.writeStringField("operation", p.operation());
        g.writeEndObject();
    }
}
