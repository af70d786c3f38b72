package io.plumbline.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.plumbline.model.Provenance;
import io.plumbline.model.network.Subnet;
import io.plumbline.reach.Endpoint;
import io.plumbline.reach.Hop;
import io.plumbline.reach.PathResult;
import io.plumbline.reach.PortSet;
import io.plumbline.reach.TierMatrix;
import io.plumbline.reach.Tiers;
import io.plumbline.reach.Traffic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output of {@code plumbline paths}: the tier-to-tier matrix (rows: from, columns: to; each cell the traffic that
 * certainly passes, then {@code ?} and the traffic that may), or the verdict of each endpoint pair with its witness
 * hops (layer, component, element, decision, code, location). Text for a terminal, JSON for tools; order is the
 * engine's, so two runs give the same bytes.
 */
public final class PathsReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PathsReport() {
    }

    // ---------------------------------------------------------------------------------------------------------- text

    /** The matrix as a grid. */
    public static void matrixText(TierMatrix m, Traffic requested, PrintWriter out) {
        List<String> tiers = m.tiers();
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>();
        head.add("from \\ to");
        head.addAll(tiers);
        rows.add(head);
        for (String from : tiers) {
            List<String> row = new ArrayList<>();
            row.add(from);
            for (String to : tiers) row.add(cell(m.cell(from, to)));
            rows.add(row);
        }
        out.printf("Tier matrix for %s (rows: from, columns: to; \"?\" = may pass, undecided in the input)%n",
                show(requested));
        int[] width = new int[head.size()];
        for (List<String> r : rows) for (int i = 0; i < r.size(); i++) width[i] = Math.max(width[i], r.get(i).length());
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String c = r.get(i);
                sb.append(c);
                if (i < r.size() - 1) sb.append(" ".repeat(width[i] - c.length() + 3));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    /** "tcp 80, 443 ? udp all", "none", "-" when the engine gives no cell. */
    public static String cell(TierMatrix.Cell c) {
        if (c == null) return "-";
        String allowed = c.allowed() == null || c.allowed().isEmpty() ? "" : show(c.allowed());
        String undecided = c.undecided() == null || c.undecided().isEmpty() ? "" : "?" + show(c.undecided());
        if (allowed.isEmpty() && undecided.isEmpty()) return "none";
        return (allowed + " " + undecided).trim();
    }

    /** Each pair's verdict, what passes, what may, why, and its witness hops. */
    public static void pathsText(List<PathResult> paths, Traffic requested, PrintWriter out) {
        out.printf("Paths for %s: %s%n", show(requested), Plural.of(paths.size(), "pair"));
        for (PathResult r : paths) {
            out.printf("%n%s -> %s: %s%n", label(r.from()), label(r.to()), r.reach());
            out.printf("    allowed: %s; undecided: %s%n", show(r.allowed()), show(r.undecided()));
            if (r.reason() != null && !r.reason().isBlank()) out.printf("    reason: %s%n", r.reason());
            int i = 1;
            for (Hop h : r.witness() == null ? List.<Hop>of() : r.witness()) {
                out.printf("    %d. %-36s %-40s %s -> %s%s%s%n", i++, layer(h.layer()), nz(h.component()),
                        nz(h.element()), h.decision(), h.code() == null || h.code().isBlank() ? "" : " (" + h.code()
                                + ")", where(h.location()).isEmpty() ? "" : "  @ " + where(h.location()));
            }
        }
        out.flush();
    }

    // ---------------------------------------------------------------------------------------------------------- JSON

    public static void matrixJson(TierMatrix m, Traffic requested, List<Endpoint> endpoints, OutputStream out) {
        matrixJson(m, requested, endpoints, null, out);
    }

    /** The matrix, the endpoints and, when {@code tiers} is given, every subnet's tier and how it was decided. */
    public static void matrixJson(TierMatrix m, Traffic requested, List<Endpoint> endpoints, Tiers tiers,
                                  OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeTraffic(g, "requested", requested);
            g.writeArrayFieldStart("tiers");
            for (String t : m.tiers()) g.writeString(t);
            g.writeEndArray();
            writeEndpoints(g, endpoints);
            if (tiers != null) writeSubnets(g, tiers);
            g.writeArrayFieldStart("matrix");
            for (String from : m.tiers()) {
                for (String to : m.tiers()) {
                    TierMatrix.Cell c = m.cell(from, to);
                    if (c == null) continue;
                    g.writeStartObject();
                    g.writeStringField("from", from);
                    g.writeStringField("to", to);
                    writeTraffic(g, "allowed", c.allowed());
                    writeTraffic(g, "undecided", c.undecided());
                    g.writeNumberField("paths", c.paths() == null ? 0 : c.paths().size());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pathsJson(List<PathResult> paths, Traffic requested, OutputStream out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeTraffic(g, "requested", requested);
            g.writeArrayFieldStart("paths");
            for (PathResult r : paths) {
                g.writeStartObject();
                writeEndpoint(g, "from", r.from());
                writeEndpoint(g, "to", r.to());
                g.writeStringField("reach", String.valueOf(r.reach()));
                writeTraffic(g, "allowed", r.allowed());
                writeTraffic(g, "undecided", r.undecided());
                if (r.reason() != null) g.writeStringField("reason", r.reason());
                g.writeArrayFieldStart("witness");
                for (Hop h : r.witness() == null ? List.<Hop>of() : r.witness()) {
                    g.writeStartObject();
                    g.writeStringField("layer", h.layer() == null ? null : h.layer().name());
                    g.writeStringField("component", h.component());
                    g.writeStringField("element", h.element());
                    g.writeStringField("decision", h.decision() == null ? null : h.decision().name());
                    if (h.code() != null) g.writeStringField("code", h.code());
                    JsonReport.writeLocation(g, "location", h.location() == null ? Provenance.NONE : h.location());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEndpoints(JsonGenerator g, List<Endpoint> endpoints) throws IOException {
        g.writeArrayFieldStart("endpoints");
        for (Endpoint e : endpoints) {
            g.writeStartObject();
            g.writeStringField("id", e.id());
            g.writeStringField("tier", e.tier());
            g.writeStringField("type", e.resource() == null ? null : e.resource().sourceType());
            if (e.how() != null) g.writeStringField("tierDecidedBy", e.how());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSubnets(JsonGenerator g, Tiers tiers) throws IOException {
        g.writeArrayFieldStart("subnets");
        for (Map.Entry<Subnet, Tiers.Decision> e : tiers.subnets().entrySet()) {
            Tiers.Decision d = e.getValue();
            g.writeStartObject();
            g.writeStringField("id", e.getKey().address());
            g.writeStringField("tier", d.tier());
            g.writeStringField("tierDecidedBy", d.how());
            if (!d.conflicts().isEmpty()) {
                g.writeArrayFieldStart("conflicts");
                for (String c : d.conflicts()) g.writeString(c);
                g.writeEndArray();
            }
            if (d.unknown() != null) g.writeStringField("unknown", d.unknown());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * How each tier was decided: every subnet, then every endpoint (rule catalog §14, tiers without tags), one line
     * each, conflicting evidence included.
     */
    public static void tiersText(Tiers tiers, List<Endpoint> endpoints, PrintWriter out) {
        Map<Subnet, Tiers.Decision> subnets = tiers.subnets();
        out.println();
        out.println("How the tiers were decided:");
        for (Map.Entry<Subnet, Tiers.Decision> e : subnets.entrySet()) {
            out.printf("  subnet %s: %s%n", e.getKey().address(), e.getValue().explain());
        }
        for (Endpoint e : endpoints) {
            if (e.isInternet()) continue;
            out.printf("  %s: %s%n", e.id(), e.how() == null ? e.tier() : e.how());
        }
        out.flush();
    }

    private static void writeEndpoint(JsonGenerator g, String field, Endpoint e) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", e == null ? null : e.id());
        g.writeStringField("tier", e == null ? null : e.tier());
        g.writeEndObject();
    }

    /** {"text": "tcp 80, 443", "tcp": [[80, 80], [443, 443]], "icmp": true}. */
    static void writeTraffic(JsonGenerator g, String field, Traffic t) throws IOException {
        Traffic traffic = t == null ? Traffic.NONE : t;
        g.writeObjectFieldStart(field);
        g.writeStringField("text", show(traffic));
        for (Traffic.Protocol p : Traffic.Protocol.values()) {
            PortSet s = traffic.ports(p);
            if (s.isEmpty()) continue;
            String name = p.name().toLowerCase(Locale.ROOT);
            if (p == Traffic.Protocol.TCP || p == Traffic.Protocol.UDP) {
                g.writeArrayFieldStart(name);
                for (int[] r : s.ranges()) {
                    g.writeStartArray();
                    g.writeNumber(r[0]);
                    g.writeNumber(r[1]);
                    g.writeEndArray();
                }
                g.writeEndArray();
            } else {
                g.writeBooleanField(name, true);
            }
        }
        g.writeEndObject();
    }

    // --------------------------------------------------------------------------------------------------------- words

    /** "all traffic", "none", or the engine's "tcp 80, 443; udp all". */
    public static String show(Traffic t) {
        if (t == null || t.isEmpty()) return "none";
        if (t.equals(Traffic.ALL)) return "all traffic";
        return t.toString();
    }

    private static String label(Endpoint e) {
        return e == null ? "?" : e.id() + " (" + e.tier() + ")";
    }

    private static String layer(Hop.Layer l) {
        return l == null ? "?" : l.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String where(Provenance p) {
        return p == null || p == Provenance.NONE ? "" : p.display();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
