package io.plumbline.reports.triage;

import io.plumbline.engine.Result;
import io.plumbline.reports.Fingerprints;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import io.plumbline.source.tree.JsonTreeReader;
import io.plumbline.source.tree.ListNode;
import io.plumbline.source.tree.MapNode;
import io.plumbline.source.tree.Node;
import io.plumbline.source.tree.ScalarNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An earlier result, as {@code plumbline check --format json} wrote it: of each finding, what identifies it (the
 * {@code fingerprint}, or when an older result has none, the one computed from rule, resource and first evidence
 * attribute, as {@link Fingerprints#of} does), its status and what a reader needs to recognise it.
 */
public record Baseline(String file, List<Entry> findings) {

    public record Entry(String fingerprint, String rule, String resource, Status status, String severity,
                        String message) {
    }

    public Baseline {
        findings = List.copyOf(findings);
    }

    public static Baseline load(Path path) {
        String name = path.toString();
        if (!Files.exists(path)) throw new InputException(name, 0, 0, "no such file (baseline)");
        if (!Files.isRegularFile(path)) throw new InputException(name, 0, 0, "not a file (baseline)");
        try {
            return parse(name, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new InputException(name, 0, 0, "cannot read baseline: " + e.getMessage(), e);
        }
    }

    public static Baseline parse(String name, byte[] json) {
        if (new String(json, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new InputException(name, 0, 0, "empty baseline file");
        }
        Node root;
        try {
            root = JsonTreeReader.read(new java.io.ByteArrayInputStream(json), name);
        } catch (InputException e) {
            throw new InputException(e.file(), e.line(), e.column(), "baseline: " + e.problem(), e);
        }
        if (!(root instanceof MapNode doc) || !(doc.get("findings") instanceof ListNode list)) {
            throw new InputException(name, root.line(), root.column(), "not a Plumbline JSON result (no 'findings' "
                    + "list): a baseline is the output of plumbline check --format json");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node n = list.get(i);
            String where = "findings[" + i + "]";
            if (!(n instanceof MapNode f)) throw shape(name, n, where + " is not an object");
            String rule = text(name, f, "rule", where);
            String resource = text(name, f, "resource", where);
            String statusText = text(name, f, "status", where);
            Status status;
            try {
                status = Status.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw shape(name, f.get("status"), where + ": unknown status '" + statusText + "'");
            }
            String fingerprint = f.has("fingerprint") ? text(name, f, "fingerprint", where) : null;
            if (fingerprint == null) {
                String attribute = "";
                if (f.get("evidence") instanceof ListNode ev && ev.size() > 0 && ev.get(0) instanceof MapNode e0
                        && e0.text("attribute") != null) {
                    attribute = e0.text("attribute");
                }
                fingerprint = Fingerprints.of(rule, resource, attribute);
            }
            out.add(new Entry(fingerprint, rule, resource, status, f.text("severity"), f.text("message")));
        }
        return new Baseline(name, out);
    }

    private static String text(String file, MapNode f, String key, String where) {
        Node v = f.get(key);
        if (v == null) throw shape(file, f, where + ": missing '" + key + "'");
        if (!(v instanceof ScalarNode s) || !(s.value() instanceof String str)) {
            throw shape(file, v, where + ": '" + key + "' must be a string");
        }
        return str;
    }

    private static InputException shape(String file, Node at, String problem) {
        return new InputException(file, at.line(), at.column(), "not a Plumbline JSON result: " + problem);
    }

    /** Classifies the result's FAIL and UNKNOWN findings against this baseline. */
    public BaselineComparison compare(Result result) {
        return BaselineComparison.of(this, result);
    }
}
