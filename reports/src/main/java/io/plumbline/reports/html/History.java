package io.plumbline.reports.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.source.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Earlier runs, read from their JSON results ({@code --format json}) in a directory, oldest first (by file time, then
 * name): the failures of each, for the trend, and the failing findings of the latest, for "what changed since".
 */
public record History(List<Run> runs) {

    /** One earlier run: its file, when it was written, its counts, and its failing findings by identity. */
    public record Run(String name, Instant when, int pass, int fail, int unknown, Map<String, String> failing) {
    }

    public static final History NONE = new History(List.of());

    public static History read(Path dir) {
        if (!Files.isDirectory(dir)) throw new InputException(dir.toString(), 0, 0, "history is not a directory");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new InputException(dir.toString(), 0, 0, "cannot list history: " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        List<Run> runs = new ArrayList<>();
        for (Path f : files) {
            try {
                JsonNode doc = json.readTree(f.toFile());
                JsonNode summary = doc.path("summary");
                if (!summary.isObject() || !doc.path("findings").isArray()) {
                    throw new InputException(f.toString(), 0, 0, "not a Plumbline JSON result (no summary/findings)");
                }
                Map<String, String> failing = new LinkedHashMap<>();
                for (JsonNode finding : doc.path("findings")) {
                    if (!"FAIL".equals(finding.path("status").asText())) continue;
                    failing.put(identity(finding.path("rule").asText(), finding.path("resource").asText(),
                            finding.path("evidence").path(0).path("attribute").asText("")),
                            finding.path("rule").asText() + " " + finding.path("resource").asText());
                }
                runs.add(new Run(f.getFileName().toString(), Files.getLastModifiedTime(f).toInstant(),
                        summary.path("PASS").asInt(), summary.path("FAIL").asInt(), summary.path("UNKNOWN").asInt(),
                        failing));
            } catch (IOException e) {
                throw new InputException(f.toString(), 0, 0, "cannot read history: " + e.getMessage(), e);
            }
        }
        runs.sort(Comparator.comparing(Run::when).thenComparing(Run::name));
        return new History(List.copyOf(runs));
    }

    /** The same identity as {@link io.plumbline.reports.Fingerprints}: rule, resource, deciding attribute. */
    static String identity(String rule, String resource, String attribute) {
        return rule + "\u0000" + resource + "\u0000" + attribute;
    }
}
