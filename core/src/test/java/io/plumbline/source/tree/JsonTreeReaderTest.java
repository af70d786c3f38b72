package io.plumbline.source.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumbline.source.InputException;
import io.plumbline.testing.Shared;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tree's places are Jackson's own: the reader takes each token's line and column from the parser's fields rather
 * than from a location object per token, and must give exactly what {@code currentTokenLocation()} gives.
 */
class JsonTreeReaderTest {

    /** Line and column of every value, in document order (a container before its members), as Jackson reports them. */
    private static List<String> jacksonPlaces(byte[] bytes) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                JsonLocation l = p.currentTokenLocation();
                out.add(l.getLineNr() + ":" + l.getColumnNr());
            }
        }
        return out;
    }

    private static void treePlaces(Node n, List<String> out) {
        out.add(n.line() + ":" + n.column());
        if (n instanceof MapNode m) for (Node v : m.entries().values()) treePlaces(v, out);
        if (n instanceof ListNode l) for (Node v : l.items()) treePlaces(v, out);
    }

    private static void samePlaces(byte[] bytes) throws IOException {
        List<String> tree = new ArrayList<>();
        treePlaces(JsonTreeReader.read(bytes, "doc.json", Set.of()), tree);
        List<String> jackson = jacksonPlaces(bytes);
        assertTrue(tree.size() > 1, "the document has values");
        assertEquals(jackson, tree);
    }

    @TestFactory
    Stream<DynamicTest> everyValueOfTheCorpusIsWhereJacksonSaysItIs() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String kind : List.of("terraform", "cloudformation")) {
            try (Stream<Path> s = Files.list(Shared.corpus(kind))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() > 50, "the corpus is there: " + files.size());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> samePlaces(Files.readAllBytes(p))));
    }

    @Test
    void placesOnManyLinesWithMultiByteTextAndEscapes() throws IOException {
        String doc = "{\n  \"a\": [1, 2.5, true,\n\tnull, \"x\\\"y\"],\n\"é\": {\"ü\": \"€ and \\u00e9\", \"n\": -3},"
                + "   \"deep\": [[[{}]]], \"e\": []\n}\n";
        samePlaces(doc.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDeferredMemberKeepsItsPlacesWhenMaterialized() throws IOException {
        String doc = "{\"a\": 1,\n \"later\": {\"b\": [1,\n  {\"c\": \"d\"}]}, \"z\": 2}";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        MapNode root = (MapNode) JsonTreeReader.read(bytes, "doc.json", Set.of("later"));
        List<String> lazy = new ArrayList<>();
        lazy.add(root.line() + ":" + root.column());
        for (Node v : root.entries().values()) treePlaces(JsonTreeReader.materialize(v), lazy);
        assertEquals(jacksonPlaces(bytes), lazy);
    }

    /** A plan-like document whose {@code configuration} is large enough to be read on the other thread. */
    private static String planLike(String configExtra, String tail) {
        StringBuilder sb = new StringBuilder("{\"format_version\": \"1.2\",\n \"resource_changes\": [");
        for (int i = 0; i < 2000; i++) sb.append(i == 0 ? "" : ",").append("\n  {\"address\": \"a.b").append(i)
                .append("\", \"change\": {\"after\": {\"x\": ").append(i).append("}}}");
        sb.append("],\n \"configuration\": {\"root_module\": {\"resources\": [");
        for (int i = 0; i < 6000; i++) sb.append(i == 0 ? "" : ",").append("\n   {\"address\": \"r").append(i)
                .append("\", \"expressions\": {\"v\": {\"constant_value\": \"é").append(i).append("\"}}}");
        sb.append("]}").append(configExtra).append("},\n \"complete\": true").append(tail).append("\n}\n");
        return sb.toString();
    }

    private static InputException failure(byte[] bytes, Set<String> concurrent) {
        return org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> JsonTreeReader.read(bytes, "plan.json", Set.of(), concurrent));
    }

    @Test
    void aMemberReadOnTheOtherThreadIsTheSameTreeInTheSamePlace() throws IOException {
        byte[] bytes = planLike("", "").getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 512 * 1024, "large enough to be read concurrently: " + bytes.length);
        MapNode root = (MapNode) JsonTreeReader.read(bytes, "plan.json", Set.of(), Set.of("configuration"));
        assertTrue(root.get("configuration") instanceof MapNode, "the stand-in is replaced by the tree");
        assertEquals(List.of("format_version", "resource_changes", "configuration", "complete"),
                List.copyOf(root.entries().keySet()));
        List<String> places = new ArrayList<>();
        treePlaces(root, places);
        assertEquals(jacksonPlaces(bytes), places);
    }

    @Test
    void theFirstErrorInTheDocumentWinsWhicheverThreadFoundIt() {
        // a duplicate key inside the member read on the other thread, and another after it on this one
        byte[] both = planLike(", \"root_module\": {}", ", \"complete\": false").getBytes(StandardCharsets.UTF_8);
        InputException concurrent = failure(both, Set.of("configuration"));
        assertEquals(failure(both, Set.of()).getMessage(), concurrent.getMessage());
        assertTrue(concurrent.getMessage().contains("duplicate key \"root_module\""), concurrent.getMessage());
        // only after it: this thread's error
        byte[] after = planLike("", ", \"complete\": false").getBytes(StandardCharsets.UTF_8);
        assertEquals(failure(after, Set.of()).getMessage(), failure(after, Set.of("configuration")).getMessage());
        // a syntax error inside the member is found by this thread's tokenizer, at the same token
        byte[] broken = planLike(", \"x\": [1 2]", "").getBytes(StandardCharsets.UTF_8);
        assertEquals(failure(broken, Set.of()).getMessage(), failure(broken, Set.of("configuration")).getMessage());
    }
}
