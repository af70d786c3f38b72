package io.plumbline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.engine.Result;
import io.plumbline.model.Diagnostic;
import io.plumbline.model.InputFile;
import io.plumbline.model.Provenance;
import io.plumbline.reports.triage.Baseline;
import io.plumbline.reports.triage.BaselineComparison;
import io.plumbline.reports.triage.Review;
import io.plumbline.reports.triage.WaiverEntry;
import io.plumbline.reports.triage.WaiverOutcome;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The complete result as JSON: inputs, rules, findings with evidence, locations and fingerprints, summary,
 * diagnostics; with a baseline, each failing or undecided finding's {@code comparison} (new, unchanged) and a
 * {@code baseline} section with the fixed ones; with waivers, each waived finding's {@code waiver} and a
 * {@code waivers} section with the {@code unmatchedWaivers}. Order is deterministic (findings sorted by rule,
 * resource) and there is no timestamp, so two runs on one input give the same bytes. The shape is published as
 * {@code result.schema.json} next to this class.
 */
public final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** The schema of this report, as a class-path resource. */
    public static final String SCHEMA_RESOURCE = "/io/plumbline/reports/result.schema.json";

    public static void write(Result result, String toolVersion, OutputStream out) {
        write(Review.of(result), toolVersion, out);
    }

    public static void write(Review review, String toolVersion, OutputStream out) {
        Result result = review.result();
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
            for (Finding f : result.findings()) writeFinding(g, f, review.baseline());
            g.writeEndArray();
            if (review.baseline() != null) writeBaseline(g, review.baseline());
            if (review.waivers() != null) writeWaivers(g, review.waivers());
            if (!result.model().gaps().isEmpty()) {
                // Only a live audit (or its snapshot) has gaps: plans and templates are read whole or not at all.
                g.writeArrayFieldStart("notCollected");
                for (io.plumbline.model.Gap gap : result.model().gaps()) {
                    g.writeStartObject();
                    g.writeStringField("account", gap.account());
                    g.writeStringField("region", gap.region());
                    g.writeStringField("kind", gap.kind() == null ? null : gap.kind().name());
                    g.writeStringField("operation", gap.operation());
                    g.writeStringField("reason", gap.reason());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
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

    private static void writeFinding(JsonGenerator g, Finding f, BaselineComparison baseline) throws IOException {
        g.writeStartObject();
        g.writeStringField("fingerprint", Fingerprints.of(f));
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("resource", f.resource());
        g.writeStringField("resourceType", f.resourceType());
        g.writeStringField("status", f.status().name());
        g.writeStringField("severity", f.severity().lower());
        g.writeStringField("message", f.message());
        BaselineComparison.State state = baseline == null ? null : baseline.state(f);
        if (state != null) g.writeStringField("comparison", state.lower());
        if (f.waiver() != null) {
            Finding.Waiver w = f.waiver();
            g.writeObjectFieldStart("waiver");
            g.writeStringField("rule", w.rule());
            g.writeStringField("resource", w.resource());
            g.writeStringField("justification", w.justification());
            if (w.approver() != null) g.writeStringField("approver", w.approver());
            if (w.expires() != null) g.writeStringField("expires", w.expires().toString());
            g.writeStringField("waivedStatus", w.waivedStatus().name());
            if (w.declaredAt() != null) writeLocation(g, "declaredAt", w.declaredAt());
            g.writeEndObject();
        }
        writeLocation(g, "location", f.location());
        if (f.inputLocation() != null) writeLocation(g, "inputLocation", f.inputLocation());
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

    private static void writeBaseline(JsonGenerator g, BaselineComparison c) throws IOException {
        g.writeObjectFieldStart("baseline");
        g.writeStringField("file", c.baseline().file());
        g.writeNumberField("new", c.count(BaselineComparison.State.NEW));
        g.writeNumberField("unchanged", c.count(BaselineComparison.State.UNCHANGED));
        g.writeNumberField("fixed", c.fixed().size());
        g.writeArrayFieldStart("fixedFindings");
        for (Baseline.Entry e : c.fixed()) {
            g.writeStartObject();
            g.writeStringField("fingerprint", e.fingerprint());
            g.writeStringField("rule", e.rule());
            g.writeStringField("resource", e.resource());
            g.writeStringField("status", e.status().name());
            if (e.severity() != null) g.writeStringField("severity", e.severity());
            if (e.message() != null) g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeWaivers(JsonGenerator g, WaiverOutcome w) throws IOException {
        g.writeObjectFieldStart("waivers");
        g.writeStringField("file", w.waivers().file());
        g.writeNumberField("entries", w.waivers().entries().size());
        g.writeNumberField("waivedFindings", w.applied());
        g.writeNumberField("expiredFindings", w.expired());
        g.writeEndObject();
        g.writeArrayFieldStart("unmatchedWaivers");
        for (WaiverEntry e : w.unmatched()) {
            g.writeStartObject();
            g.writeNumberField("entry", e.number());
            if (e.line() > 0) g.writeNumberField("line", e.line());
            g.writeStringField("rule", e.rule());
            g.writeStringField("resource", e.resource());
            g.writeStringField("justification", e.justification());
            g.writeStringField("approver", e.approver());
            g.writeStringField("expires", e.expires().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
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
