package io.plumbline.source.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.model.InputFile;
import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Resource;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real plan of the shared corpus loads, is counted correctly, and every value points at a real node. */
class TerraformCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path shared() {
        return io.plumbline.testing.Shared.dir();
    }

    static Path corpus(String name) {
        return shared().resolve("corpus").resolve("terraform").resolve(name);
    }

    static Stream<Path> plans() throws IOException {
        Path dir = shared().resolve("corpus").resolve("terraform");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @Test
    void theCorpusIsThere() throws IOException {
        assertEquals(52, plans().count(), "52 plans in " + shared());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void loadsAndCounts(Path file) throws IOException {
        checkCounts(file);
    }

    /** Loads a plan and checks its account against an independent count made with plain Jackson. */
    static void checkCounts(Path file) throws IOException {
        Model model = Inputs.load(file, SourceOptions.DEFAULT);
        assertEquals(1, model.inputs().size());
        InputFile in = model.inputs().get(0);
        assertEquals("terraform-plan", in.format());

        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        int declared;
        int data;
        JsonNode rc = root.get("resource_changes");
        if (rc != null && !rc.isNull()) {
            declared = rc.size();
            data = 0;
            for (JsonNode r : rc) if ("data".equals(r.path("mode").asText())) data++;
        } else {
            int[] counts = new int[2];
            countPlanned(root.path("planned_values").path("root_module"), counts);
            declared = counts[0];
            data = counts[1];
        }
        assertEquals(declared, in.declared(), "declared");
        assertEquals(data, in.excluded(), "excluded = data sources");
        assertEquals(in.declared(), in.modelled() + in.folded() + in.excluded(), "declared = modelled + folded + excluded");
        assertEquals(in.modelled() + placeholders(model), model.resources().size(),
                "modelled + placeholders = resources in the model");
        int folded = 0;
        for (Resource r : model.resources()) folded += r.folded().size();
        assertEquals(in.folded(), folded, "folded = what the resources say they folded");
    }

    static void countPlanned(JsonNode module, int[] counts) {
        for (JsonNode r : module.path("resources")) {
            counts[0]++;
            if ("data".equals(r.path("mode").asText())) counts[1]++;
        }
        for (JsonNode c : module.path("child_modules")) countPlanned(c, counts);
    }

    /** Every value that claims a place in the file names an existing node, and its line/column is that node's start. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void everyValuePointsAtItsNode(Path file) throws IOException {
        checkPlaces(file);
    }

    static void checkPlaces(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root = JSON.readTree(bytes);
        int[] lineStarts = lineStarts(bytes);
        Model model = Inputs.load(file, SourceOptions.DEFAULT);
        int checked = 0;
        for (Resource r : model.resources()) {
            checkPlace(r.address() + " (location)", r.location(), root, bytes, lineStarts);
            for (ModelValues.Found f : ModelValues.of(r)) {
                Provenance p = f.value().provenance();
                if (p.file() == null) continue;
                checkPlace(f.path(), p, root, bytes, lineStarts);
                checked++;
            }
        }
        assertTrue(checked > 0 || model.resources().isEmpty(), "some values were checked");
    }

    private static void checkPlace(String what, Provenance p, JsonNode root, byte[] bytes, int[] lineStarts) {
        assertNotNull(p.pointer(), what + ": no pointer");
        JsonNode n = root.at(p.pointer());
        assertFalse(n.isMissingNode(), what + ": pointer " + p.pointer() + " names no node");
        assertTrue(p.line() >= 1 && p.line() <= lineStarts.length, what + ": line " + p.line());
        int offset = lineStarts[p.line() - 1] + p.column() - 1;
        assertTrue(offset < bytes.length, what + ": column out of range");
        char c = (char) bytes[offset];
        char expected = n.isObject() ? '{' : n.isArray() ? '[' : n.isTextual() ? '"' : n.isBoolean()
                ? (n.booleanValue() ? 't' : 'f') : n.isNull() ? 'n' : c;
        if (n.isNumber()) assertTrue(c == '-' || Character.isDigit(c), what + ": not at a number: " + c);
        else assertEquals(expected, c, what + ": " + p.pointer() + " at " + p.line() + ":" + p.column());
    }

    static int[] lineStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == '\n') starts.add(i + 1);
        int[] out = new int[starts.size()];
        for (int i = 0; i < out.length; i++) out[i] = starts.get(i);
        return out;
    }

    /** Values marked sensitive, and passwords and tokens, never show in any display of the model. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void secretsNeverDisplay(Path file) throws IOException {
        checkSecrets(file);
    }

    static void checkSecrets(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        Map<String, List<String>> secrets = new java.util.HashMap<>();
        for (JsonNode rc : root.path("resource_changes")) {
            JsonNode change = rc.path("change");
            List<String> own = secrets.computeIfAbsent(rc.path("address").asText(), k -> new ArrayList<>());
            collectSensitive(change.path("after"), change.path("after_sensitive"), own);
            collectSensitive(change.path("before"), change.path("before_sensitive"), own);
            collectSecretKeys(change.path("after"), own);
            collectSecretKeys(change.path("before"), own);
        }
        Model model = Inputs.load(file, SourceOptions.DEFAULT);
        for (Resource r : model.resources()) {
            List<String> own = new ArrayList<>(secrets.getOrDefault(r.address(), List.of()));
            for (String folded : r.folded()) own.addAll(secrets.getOrDefault(folded, List.of()));
            for (ModelValues.Found f : ModelValues.of(r)) {
                String shown = f.value().display();
                for (String s : own) assertFalse(shown.contains(s), f.path() + " shows a secret");
            }
        }
    }

    static void collectSensitive(JsonNode value, JsonNode marks, List<String> out) {
        if (marks.isBoolean() && marks.booleanValue()) {
            collectAll(value, out);
        } else if (marks.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = marks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collectSensitive(value.path(e.getKey()), e.getValue(), out);
            }
        } else if (marks.isArray()) {
            for (int i = 0; i < marks.size(); i++) collectSensitive(value.path(i), marks.get(i), out);
        }
    }

    private static void collectAll(JsonNode value, List<String> out) {
        if (value.isTextual() && value.asText().length() >= 4) out.add(value.asText());
        else if (value.isContainerNode()) for (JsonNode c : value) collectAll(c, out);
    }

    private static void collectSecretKeys(JsonNode value, List<String> out) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey().toLowerCase(Locale.ROOT);
                if (k.contains("password") || k.equals("auth_token") || k.contains("secret_string")) collectAll(e.getValue(), out);
                else collectSecretKeys(e.getValue(), out);
            }
        } else if (value.isArray()) {
            for (JsonNode c : value) collectSecretKeys(c, out);
        }
    }

    /** Security groups the model adds for rules whose group the input does not declare (not counted as modelled). */
    static long placeholders(io.plumbline.model.Model model) {
        return model.all(io.plumbline.model.network.SecurityGroup.class).stream()
                .filter(g -> g.declaredInInput.is(false)).count();
    }
}
