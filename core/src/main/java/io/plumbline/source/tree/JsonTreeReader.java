package io.plumbline.source.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.plumbline.source.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Set;

/** Reads JSON into a {@link Node} tree that keeps the line and column of every value, in one streaming pass. */
public final class JsonTreeReader {
    /** The deepest nesting of objects and arrays read (real plans nest a few dozen levels). */
    public static final int MAX_DEPTH = 2000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(512 * 1024 * 1024).maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonTreeReader() {
    }

    public static Node read(InputStream in, String file) {
        try {
            return read(in.readAllBytes(), file, Set.of());
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a document, leaving the top-level members named in {@code deferredMembers} unparsed: their value is a
     * {@link ScalarNode} holding a {@link Deferred}, for {@link #materialize(Node)}.
     */
    public static Node read(byte[] bytes, String file, Set<String> deferredMembers) {
        return read(bytes, 0, bytes.length, 1, 1, file, deferredMembers);
    }

    /** The node itself, or the parsed document part when it was deferred. */
    public static Node materialize(Node node) {
        if (node instanceof ScalarNode s && s.value() instanceof Deferred d) {
            return read(d.bytes(), d.offset(), d.length(), d.line(), d.column(), d.file(), Set.of());
        }
        return node;
    }

    private static Node read(byte[] bytes, int offset, int length, int line, int column, String file,
                             Set<String> deferredMembers) {
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new InputException(file, 1, 1, "empty document");
            Node root;
            try {
                root = new Reader(p, bytes, offset, line, column, file, deferredMembers).readValue(first);
            } catch (StreamConstraintsException e) {
                // Jackson's limit errors carry no position: the parser stands just after the bracket that crossed it.
                JsonLocation l = p.currentLocation();
                int c = Math.max(1, l.getColumnNr() - 1);
                throw new InputException(file, l.getLineNr() + line - 1, l.getLineNr() == 1 ? c + column - 1 : c,
                        limitProblem(e), e);
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new InputException(file, l.getLineNr(), l.getColumnNr(), "unexpected content after the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int ln = l == null ? 0 : l.getLineNr() + line - 1;
            int col = l == null ? 0 : (l.getLineNr() == 1 ? l.getColumnNr() + column - 1 : l.getColumnNr());
            String problem = JsonErrors.describe(e);
            if (problem == null) { // not UTF-8: Jackson notices a few bytes late, so find the first bad byte here
                int bad = Utf.firstMalformedUtf8(bytes, offset, length);
                throw new InputException(file, bad < 0 ? ln : Utf.lineAt(bytes, bad), 0,
                        Utf.invalidUtf8(bad < 0 ? (int) (l == null ? 0 : l.getByteOffset() + offset) : bad), e);
            }
            throw new InputException(file, ln, col, "malformed JSON: " + problem, e);
        } catch (IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    private static String limitProblem(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) return "nesting deeper than " + MAX_DEPTH + " levels";
        return "malformed JSON: " + m.replaceAll("\\s*\\(from `[^`]*`\\)", "");
    }

    /** Builds the tree; iterative, to survive deep documents without stack overflow. */
    private static final class Reader {
        private final JsonParser p;
        private final byte[] bytes;
        private final int offset;
        private final int lineBase;
        private final int columnBase;
        private final String file;
        private final Set<String> deferred;
        /** Short strings repeat endlessly in plans ("create", provider names, "true"): keep one copy of each. */
        private final HashMap<String, String> shortStrings = new HashMap<>();

        Reader(JsonParser p, byte[] bytes, int offset, int line, int column, String file, Set<String> deferred) {
            this.p = p;
            this.bytes = bytes;
            this.offset = offset;
            this.lineBase = line - 1;
            this.columnBase = column - 1;
            this.file = file;
            this.deferred = deferred;
        }

        Node readValue(JsonToken token) throws IOException {
            Deque<Object[]> stack = new ArrayDeque<>(); // {container, pendingKey}
            JsonToken t = token;
            while (true) {
                JsonLocation loc = p.currentTokenLocation();
                int l = loc.getLineNr();
                int line = l + lineBase;
                int col = l == 1 ? loc.getColumnNr() + columnBase : loc.getColumnNr();
                Node produced = null;
                switch (t) {
                    case START_OBJECT -> {
                        if (stack.size() == 1 && stack.peek()[1] != null && deferred.contains((String) stack.peek()[1])) {
                            long start = loc.getByteOffset();
                            p.skipChildren();
                            long end = p.currentLocation().getByteOffset();
                            produced = new ScalarNode(new Deferred(bytes, offset + (int) start, (int) (end - start),
                                    line, col, file), line, col);
                        } else {
                            stack.push(new Object[] {new MapNode(new CompactMap(), line, col, null), null});
                        }
                    }
                    case START_ARRAY -> stack.push(new Object[] {new ListNode(new ArrayList<>(4), line, col, null), null});
                    case END_OBJECT, END_ARRAY -> produced = (Node) stack.pop()[0];
                    case FIELD_NAME -> stack.peek()[1] = p.currentName();
                    case VALUE_STRING -> {
                        String text = p.getText();
                        if (text.length() <= 32) {
                            String known = shortStrings.putIfAbsent(text, text);
                            if (known != null) text = known;
                        }
                        produced = new ScalarNode(text, line, col);
                    }
                    case VALUE_NUMBER_INT -> produced = new ScalarNode(
                            p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                    ? new java.math.BigDecimal(p.getBigIntegerValue()) : (Object) p.getLongValue(),
                            line, col);
                    case VALUE_NUMBER_FLOAT -> produced = new ScalarNode(p.getDecimalValue(), line, col);
                    case VALUE_TRUE -> produced = new ScalarNode(Boolean.TRUE, line, col);
                    case VALUE_FALSE -> produced = new ScalarNode(Boolean.FALSE, line, col);
                    case VALUE_NULL -> produced = new ScalarNode(null, line, col);
                    default -> throw new IOException("unexpected token " + t);
                }
                if (produced != null) {
                    if (stack.isEmpty()) return produced;
                    Object[] top = stack.peek();
                    if (top[0] instanceof MapNode m) {
                        Node first = m.entries().put((String) top[1], produced);
                        // JSON leaves duplicate keys undefined (RFC 8259 4): a plan or template that says two things
                        // is ambiguous, so it is refused rather than read as its last value, as YAML duplicates are
                        if (first != null) {
                            throw new InputException(file, produced.line(), produced.column(), "duplicate key \""
                                    + clip((String) top[1]) + "\" (first at line " + first.line() + ")");
                        }
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
}
