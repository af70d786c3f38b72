package io.plumbline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.engine.Result;
import io.plumbline.model.Provenance;
import io.plumbline.reports.triage.BaselineComparison;
import io.plumbline.reports.triage.Review;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 for code-scanning systems: every rule with its help text, every FAIL as a result whose level follows the
 * severity, every UNKNOWN as a result of kind "review" (something a person must look at), each with its physical
 * location (file, line) for plans and templates, or its logical location (ARN) for live resources, and a stable
 * fingerprint. File locations are relative to {@code %SRCROOT%} (see {@link SourceRoot}), so that code scanning
 * annotates the lines of the repository's files; a finding shown in a plan's {@code .tf} sources has the plan's place
 * as a related location. A WAIVED finding is a result too, with an external suppression carrying its justification (code scanning
 * shows it as dismissed); with a baseline, failing and undecided results carry their {@code baselineState}.
 */
public final class SarifReport {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void write(Result result, String toolVersion, OutputStream out) {
        write(Review.of(result), toolVersion, out);
    }

    public static void write(Review review, String toolVersion, OutputStream out) {
        Result result = review.result();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "Plumbline");
            g.writeStringField("version", toolVersion);
            g.writeStringField("informationUri", "https://github.com/plumbline/plumbline");
            g.writeArrayFieldStart("rules");
            Map<String, Integer> index = new HashMap<>();
            List<RuleDescriptor> rules = result.rules();
            for (int i = 0; i < rules.size(); i++) {
                RuleDescriptor d = rules.get(i);
                index.put(d.id(), i);
                writeRule(g, d);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            SourceRoot root = SourceRoot.of(result.model());
            g.writeArrayFieldStart("results");
            for (Finding f : result.findings()) {
                if (f.status() != Status.FAIL && f.status() != Status.UNKNOWN && f.status() != Status.WAIVED) continue;
                writeResult(g, f, index.get(f.ruleId()), review.baseline(), review.waivers() != null, root);
            }
            g.writeEndArray();
            if (root.used()) {
                // Code scanning reads relative URIs from the repository's root; the base says where that was here.
                g.writeObjectFieldStart("originalUriBaseIds");
                g.writeObjectFieldStart(SourceRoot.ID);
                g.writeStringField("uri", root.uri());
                g.writeObjectFieldStart("description");
                g.writeStringField("text", "The root of the repository (or directory) the sources and inputs were read from.");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRule(JsonGenerator g, RuleDescriptor d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("name", d.id().replace("-", ""));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", d.title());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", d.rationale());
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", d.remediation());
        g.writeStringField("markdown", "**Why:** " + d.rationale() + "\n\n**Fix:** " + d.remediation()
                + (d.controls().isEmpty() ? "" : "\n\n**Controls:** " + String.join(", ", d.controls())));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(d.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString(d.group());
        for (String c : d.controls()) g.writeString(c);
        g.writeEndArray();
        g.writeStringField("security-severity", securitySeverity(d.severity()));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Finding f, Integer ruleIndex, BaselineComparison baseline,
                                    boolean waiversApplied, SourceRoot root) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) g.writeNumberField("ruleIndex", ruleIndex);
        Status verdict = f.waiver() != null ? f.waiver().waivedStatus() : f.status();
        if (verdict == Status.FAIL) {
            g.writeStringField("kind", "fail");
            g.writeStringField("level", level(f.severity()));
        } else {
            // SARIF: a result whose kind is not "fail" has level "none".
            g.writeStringField("kind", "review");
            g.writeStringField("level", "none");
        }
        g.writeObjectFieldStart("message");
        g.writeStringField("text", (f.status() == Status.UNKNOWN ? "Undecided: " : "") + f.resource() + ": "
                + f.message());
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        Provenance p = f.location();
        if (p != null && p.file() != null) writePhysical(g, p, root);
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("fullyQualifiedName", p != null && p.arn() != null ? p.arn() : f.resource());
        g.writeStringField("kind", "resource");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        if (f.inputLocation() != null && f.inputLocation().file() != null) {
            // The finding is shown in the .tf sources; the plan's place of the same value stays one click away.
            g.writeArrayFieldStart("relatedLocations");
            g.writeStartObject();
            g.writeNumberField("id", 1);
            writePhysical(g, f.inputLocation(), root);
            g.writeObjectFieldStart("message");
            String pointer = f.inputLocation().pointer();
            g.writeStringField("text", "in the input " + f.inputLocation().file() + (pointer == null ? "" : " at " + pointer));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("plumbline/v1", Fingerprints.of(f));
        g.writeEndObject();
        BaselineComparison.State state = baseline == null ? null : baseline.state(f);
        if (state != null) g.writeStringField("baselineState", state.lower());
        if (f.waiver() != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            // A waiver written in the template beside its resource is SARIF's "inSource"; a waivers file, "external".
            g.writeStringField("kind", f.waiver().declaredAt() != null ? "inSource" : "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", f.waiver().justification());
            g.writeObjectFieldStart("properties");
            if (f.waiver().approver() != null) g.writeStringField("approver", f.waiver().approver());
            if (f.waiver().expires() != null) g.writeStringField("expires", f.waiver().expires().toString());
            if (f.waiver().declaredAt() != null) g.writeStringField("declaredAt", f.waiver().declaredAt().display());
            g.writeStringField("waiverResource", f.waiver().resource());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        } else if (waiversApplied) {
            // Waivers were considered: an empty list says "not suppressed" rather than "unknown".
            g.writeArrayFieldStart("suppressions");
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("status", f.status().name());
        g.writeStringField("resourceType", f.resourceType());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writePhysical(JsonGenerator g, Provenance p, SourceRoot root) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        SourceRoot.Uri uri = root.uriOf(p.file());
        g.writeStringField("uri", uri.uri());
        if (uri.relative()) g.writeStringField("uriBaseId", SourceRoot.ID);
        g.writeEndObject();
        if (p.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", p.line());
            if (p.column() > 0) g.writeNumberField("startColumn", p.column());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub code scanning's numeric severity (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0). */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }
}
