package io.plumbline.source.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.plumbline.source.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;

/** Reads JSON into a {@link Node} tree that keeps the line and column of every value, in one streaming pass. */
public final class JsonTreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024).maxNestingDepth(2000).build())
            .build();

    private JsonTreeReader() {
    }

    public static Node read(InputStream in, String file) {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new InputException(file, 1, 1, "empty document");
            Node root = readValue(p, first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(file, l.getLineNr(), l.getColumnNr(), "unexpected content after the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Iterative to survive deep documents without stack overflow. */
    private static Node readValue(JsonParser p, JsonToken token) throws IOException {
        Deque<Object[]> stack = new ArrayDeque<>(); // {container, pendingKey}
        Node result = null;
        JsonToken t = token;
        while (true) {
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr();
            int col = loc.getColumnNr();
            Node produced = null;
            switch (t) {
                case START_OBJECT -> {
                    MapNode m = new MapNode(new LinkedHashMap<>(), line, col, null);
                    stack.push(new Object[] {m, null});
                }
                case START_ARRAY -> {
                    ListNode l = new ListNode(new ArrayList<>(), line, col, null);
                    stack.push(new Object[] {l, null});
                }
                case END_OBJECT, END_ARRAY -> produced = (Node) stack.pop()[0];
                case FIELD_NAME -> stack.peek()[1] = p.currentName();
                case VALUE_STRING -> produced = new ScalarNode(p.getText(), line, col);
                case VALUE_NUMBER_INT -> produced = new ScalarNode(
                        p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? new java.math.BigDecimal(p.getBigIntegerValue())
                                : (Object) p.getLongValue(), line, col);
                case VALUE_NUMBER_FLOAT -> produced = new ScalarNode(p.getDecimalValue(), line, col);
                case VALUE_TRUE -> produced = new ScalarNode(Boolean.TRUE, line, col);
                case VALUE_FALSE -> produced = new ScalarNode(Boolean.FALSE, line, col);
                case VALUE_NULL -> produced = new ScalarNode(null, line, col);
                default -> throw new IOException("unexpected token " + t);
            }
            if (produced != null) {
                if (stack.isEmpty()) {
                    result = produced;
                    return result;
                }
                Object[] top = stack.peek();
                if (top[0] instanceof MapNode m) {
                    m.entries().put((String) top[1], produced);
                    top[1] = null;
                } else {
                    ((ListNode) top[0]).items().add(produced);
                }
            }
            t = p.nextToken();
            if (t == null) throw new IOException("unexpected end of document");
        }
    }
}
