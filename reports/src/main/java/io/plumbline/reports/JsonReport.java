package io.plumbline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.engine.Result;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.InputFile;
import io.plumbline.model.Provenance;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The complete result as JSON: inputs, rules, findings with evidence and locations, summary, diagnostics. Order is
 * deterministic (findings sorted by rule, resource), so two runs on one input give the same bytes.
 */
public final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    public static void write(Result result, String toolVersion, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "plumbline");
            g.writeStringField("version", toolVersion);
            g.writeEndObject();
            g.writeStringField("profile", result.profile().name());
            g.writeArrayFieldStart("inputs");
            for (InputFile in : result.model().inputs()) {
                g.writeStartObject();
                g.writeStringField("path", in.path());
                g.writeStringField("format", in.format());
                g.writeStringField("sha256", in.sha256());
                g.writeNumberField("declaredResources", in.declared());
                g.writeNumberField("modelledResources", in.modelled());
                g.writeNumberField("foldedResources", in.folded());
                g.writeNumberField("excludedResources", in.excluded());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summary");
            Map<Status, Integer> counts = result.countsByStatus();
            for (Status s : Status.values()) g.writeNumberField(s.name(), counts.get(s));
            g.writeNumberField("total", result.findings().size());
            g.writeEndObject();
            g.writeArrayFieldStart("rules");
            for (RuleDescriptor d : result.rules()) {
                g.writeStartObject();
                g.writeStringField("id", d.id());
                g.writeStringField("title", d.title());
                g.writeStringField("severity", d.severity().lower());
                g.writeStringField("group", d.group());
                g.writeArrayFieldStart("controls");
                for (String c : d.controls()) g.writeString(c);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) writeFinding(g, f);
            g.writeEndArray();
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : result.model().diagnostics()) {
                g.writeStartObject();
                g.writeStringField("level", d.level().name().toLowerCase(java.util.Locale.ROOT));
                g.writeStringField("message", d.message());
                writeLocation(g, "location", d.location());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("resource", f.resource());
        g.writeStringField("resourceType", f.resourceType());
        g.writeStringField("status", f.status().name());
        g.writeStringField("severity", f.severity().lower());
        g.writeStringField("message", f.message());
        writeLocation(g, "location", f.location());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) {
            g.writeStartObject();
            g.writeStringField("attribute", e.attribute());
            g.writeStringField("actual", e.actual());
            g.writeStringField("expected", e.expected());
            g.writeStringField("certainty", e.certainty().name());
            writeLocation(g, "location", e.location());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void writeLocation(JsonGenerator g, String field, Provenance p) throws IOException {
        g.writeFieldName(field);
        writeLocationObject(g, p);
    }

    static void writeLocationObject(JsonGenerator g, Provenance p) throws IOException {
        g.writeStartObject();
        if (p != null && p.file() != null) {
            g.writeStringField("file", p.file());
            if (p.line() > 0) g.writeNumberField("line", p.line());
            if (p.column() > 0) g.writeNumberField("column", p.column());
            if (p.pointer() != null) g.writeStringField("pointer", p.pointer());
        }
        if (p != null && p.isLive()) {
            if (p.account() != null) g.writeStringField("account", p.account());
            if (p.region() != null) g.writeStringField("region", p.region());
            if (p.arn() != null) g.writeStringField("arn", p.arn());
            if (p.operation() != null) g.writeStringField("operation", p.operation());
        }
        g.writeEndObject();
    }
}
