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
        return read(bytes, 0, bytes.length, 1, 1, file, deferredMembers, Set.of());
    }

    /**
     * As {@link #read(byte[], String, Set)}, building the trees of the top-level members named in
     * {@code concurrentMembers} (a plan's {@code configuration}, a third of its bytes) on another thread while this one
     * reads the rest. The tree, the places and the errors are those of a reading in one pass: this thread still
     * tokenizes those members (so a syntax error there is found at the same token), and when both readings fail, the
     * error that comes first in the document is the one thrown.
     */
    public static Node read(byte[] bytes, String file, Set<String> deferredMembers, Set<String> concurrentMembers) {
        return read(bytes, 0, bytes.length, 1, 1, file, deferredMembers, concurrentMembers);
    }

    /** The node itself, or the parsed document part when it was deferred. */
    public static Node materialize(Node node) {
        if (node instanceof ScalarNode s && s.value() instanceof Deferred d) {
            return read(d.bytes(), d.offset(), d.length(), d.line(), d.column(), d.file(), Set.of(), Set.of());
        }
        return node;
    }

    private static Node read(byte[] bytes, int offset, int length, int line, int column, String file,
                             Set<String> deferredMembers, Set<String> concurrentMembers) {
        Reader reader = null;
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new InputException(file, 1, 1, "empty document");
            reader = new Reader(p, bytes, offset, line, column, file, deferredMembers, concurrentMembers);
            Node root;
            try {
                root = reader.readValue(first);
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
            reader.completeConcurrent();
            return root;
        } catch (RuntimeException | Error e) {
            // A member read on the other thread lies before whatever failed here: its error comes first.
            if (reader != null) reader.throwConcurrentFailure();
            throw e;
        } catch (JsonProcessingException e) {
            if (reader != null) reader.throwConcurrentFailure();
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
            if (reader != null) reader.throwConcurrentFailure();
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Below this, a member is read at once: a thread costs more than it saves. */
    private static final int CONCURRENT_FROM_BYTES = 256 * 1024;

    /** A top-level member whose tree is built on another thread; its value in the root stands in until then. */
    private record Pending(MapNode owner, String key, java.util.concurrent.FutureTask<Node> tree) {
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
        private final com.fasterxml.jackson.core.base.ParserBase fast;
        /** Short strings repeat endlessly in plans ("create", provider names, "true"): keep one copy of each. */
        private final HashMap<String, String> shortStrings = new HashMap<>();

        private final Set<String> concurrent;
        private final java.util.List<Pending> pending = new ArrayList<>(1);

        Reader(JsonParser p, byte[] bytes, int offset, int line, int column, String file, Set<String> deferred,
               Set<String> concurrent) {
            this.concurrent = concurrent;
            this.p = p;
            this.bytes = bytes;
            this.offset = offset;
            this.lineBase = line - 1;
            this.columnBase = column - 1;
            this.file = file;
            this.deferred = deferred;
            this.fast = p instanceof com.fasterxml.jackson.core.json.UTF8StreamJsonParser u ? u : null;
        }

        /*
         * The token's line and column without the JsonLocation that currentTokenLocation() allocates for every token
         * (a tenth of a large plan's allocation): the byte parser keeps them in fields. Its getTokenColumnNr() adds one
         * to the column currentTokenLocation() reports, so one is taken off; JsonTreeReaderTest holds the two equal on
         * every token of the corpus.
         */
        private int tokenLine() {
            return fast != null ? fast.getTokenLineNr() : p.currentTokenLocation().getLineNr();
        }

        private int tokenColumn() {
            return fast != null ? fast.getTokenColumnNr() - 1 : p.currentTokenLocation().getColumnNr();
        }

        /** Puts the trees built on the other thread in their places, or throws the first error among them. */
        void completeConcurrent() {
            for (Pending x : pending) x.owner().entries().put(x.key(), join(x.tree()));
            pending.clear();
        }

        /** Waits for the other thread and throws its error, if it had one; returns when it had none. */
        void throwConcurrentFailure() {
            for (Pending x : pending) join(x.tree());
            pending.clear();
        }

        private static Node join(java.util.concurrent.FutureTask<Node> task) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return task.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } finally {
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        /** The member's tree now, or a stand-in while another thread builds it. */
        private Node concurrently(MapNode owner, String key, Deferred d) {
            ScalarNode standIn = new ScalarNode(d, d.line(), d.column());
            if (d.length() < CONCURRENT_FROM_BYTES) return materialize(standIn);
            java.util.concurrent.FutureTask<Node> task = new java.util.concurrent.FutureTask<>(() -> materialize(standIn));
            Thread t = new Thread(task, "plumbline-parse-" + key);
            t.setDaemon(true);
            t.start();
            pending.add(new Pending(owner, key, task));
            return standIn;
        }

        Node readValue(JsonToken token) throws IOException {
            Deque<Object[]> stack = new ArrayDeque<>(); // {container, pendingKey}
            JsonToken t = token;
            while (true) {
                if (t == JsonToken.FIELD_NAME) {
                    stack.peek()[1] = p.currentName();
                    t = p.nextToken();
                    if (t == null) throw new IOException("unexpected end of document");
                    continue;
                }
                int l = tokenLine();
                int line = l + lineBase;
                int col = l == 1 ? tokenColumn() + columnBase : tokenColumn();
                Node produced = null;
                switch (t) {
                    case START_OBJECT -> {
                        String member = stack.size() == 1 ? (String) stack.peek()[1] : null;
                        boolean later = member != null && deferred.contains(member);
                        if (later || member != null && concurrent.contains(member)) {
                            long start = p.currentTokenLocation().getByteOffset();
                            p.skipChildren();
                            long end = p.currentLocation().getByteOffset();
                            Deferred d = new Deferred(bytes, offset + (int) start, (int) (end - start), line, col, file);
                            produced = later ? new ScalarNode(d, line, col)
                                    : concurrently((MapNode) stack.peek()[0], member, d);
                        } else {
                            stack.push(new Object[] {new MapNode(new CompactMap(), line, col, null), null});
                        }
                    }
                    case START_ARRAY -> stack.push(new Object[] {new ListNode(new ArrayList<>(4), line, col, null), null});
                    case END_OBJECT, END_ARRAY -> produced = (Node) stack.pop()[0];
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
