package io.plumbline.source.tree;

import io.plumbline.source.InputException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML into a {@link Node} tree with line, column and tag of every node, using the snakeyaml-engine Compose API
 * (nodes with tags and marks, no object construction).
 *
 * <ul>
 *   <li>Lines and columns are 1-based: those of the node's start mark (for a block mapping, its first key).</li>
 *   <li>Custom tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}...) are kept in {@link Node#tag()}; the tagged scalar's
 *       text is kept as a string, never resolved. Standard tags ({@code !!str}, {@code !!int}...) are applied and not
 *       kept.</li>
 *   <li>Plain scalars are resolved with the YAML 1.2 core schema, CloudFormation-friendly: {@code true/True/TRUE} and
 *       {@code false/...} are booleans, {@code null}, {@code ~} and empty are null, decimal integers are {@code Long}
 *       ({@code BigDecimal} when too large), decimal fractions are {@code BigDecimal} (which keeps "1.10" as written).
 *       Whatever would lose its spelling stays a string: integers with leading zeros ({@code 0123}, an account id),
 *       octal/hex ({@code 0o17}, {@code 0x1F}), exponents, {@code .inf}, {@code .nan}. YAML 1.1 booleans
 *       ({@code yes}, {@code no}, {@code on}, {@code off}) and dates stay strings. Quoted scalars are always strings.</li>
 *   <li>Anchors and aliases work (an alias yields the same converted node as its anchor); merge keys ({@code <<})
 *       are applied, explicit keys winning. A node that contains itself is an error, and so are aliases that would
 *       expand the document beyond {@value #MAX_EXPANDED_NODES} nodes (an "alias bomb": consumers walk the tree as if
 *       it were expanded).</li>
 *   <li>Malformed YAML, several documents, non-scalar keys and duplicate keys are {@link InputException}s with the
 *       file, line and column.</li>
 * </ul>
 */
public final class YamlTreeReader {

    private static final String STANDARD_TAG_PREFIX = Tag.PREFIX; // "tag:yaml.org,2002:"
    private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL_FRACTION = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)");
    /**
     * The most nodes a document may stand for once its aliases are expanded: a CloudFormation template (at most 1 MB)
     * cannot write more than about half a million, while a few lines of nested aliases can stand for billions.
     */
    static final long MAX_EXPANDED_NODES = 1_000_000L;
    /** The deepest nesting of mappings and sequences read (real templates nest a few dozen levels). */
    static final int MAX_DEPTH = 1000;

    private YamlTreeReader() {
    }

    public static Node read(InputStream in, String file) {
        try {
            return read(in.readAllBytes(), file);
        } catch (java.io.IOException e) {
            throw new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one YAML document (UTF-8, or UTF-16/32 with a byte order mark). */
    public static Node read(byte[] bytes, String file) {
        String text = Utf.decode(bytes, file);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file == null ? "(input)" : file)
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(10_000)
                .setCodePointLimit(Integer.MAX_VALUE)
                // The reader copies its unread window each time it fills its buffer: with the default 1 KB buffer a
                // long scalar costs time quadratic in its length (a 10 MB line took minutes). One buffer for the
                // whole document makes it one read.
                .setBufferSize(text.length() + 1)
                .setParseComments(false)
                .build();
        Optional<org.snakeyaml.engine.v2.nodes.Node> doc;
        try {
            doc = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw new InputException(file, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "malformed YAML: " + describe(e), e);
        } catch (YamlEngineException e) {
            throw new InputException(file, 0, 0, "malformed YAML: " + firstLine(e.getMessage()), e);
        } catch (StackOverflowError e) {
            throw tooDeep(text, file, settings);
        }
        if (doc.isEmpty()) throw new InputException(file, 1, 1, "empty document");
        try {
            return new Converter(file).convert(doc.get(), 1, null);
        } catch (StackOverflowError e) {
            throw tooDeep(text, file, settings);
        }
    }

    /**
     * Where the document nests deeper than {@link #MAX_DEPTH}, found with the event parser (which does not recurse),
     * for a document whose composition overflowed the stack.
     */
    private static InputException tooDeep(String text, String file, LoadSettings settings) {
        int depth = 0;
        try {
            for (org.snakeyaml.engine.v2.events.Event e : new org.snakeyaml.engine.v2.api.lowlevel.Parse(settings)
                    .parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        Optional<Mark> m = e.getStartMark();
                        return new InputException(file, m.map(x -> x.getLine() + 1).orElse(0),
                                m.map(x -> x.getColumn() + 1).orElse(0), nestingProblem());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
            }
        } catch (YamlEngineException e) {
            // malformed after the deep part: the depth is what stopped the reading
        }
        return new InputException(file, 0, 0, nestingProblem());
    }

    private static String nestingProblem() {
        return "nesting deeper than " + MAX_DEPTH + " levels";
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem();
        String context = e.getContext();
        if (problem == null || problem.isBlank()) return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (context == null || context.isBlank()) return problem;
        return problem + " (" + context + ")";
    }

    /** Converts composed nodes once each (aliases share the result), failing on self-containing nodes. */
    private static final class Converter {
        private final String file;
        private final Map<org.snakeyaml.engine.v2.nodes.Node, Node> done = new IdentityHashMap<>();
        /** How many nodes each converted node stands for once aliases are expanded. */
        private final Map<Node, Long> expanded = new IdentityHashMap<>();
        /** How many levels each converted node nests once aliases are expanded (a scalar: 1). */
        private final Map<Node, Integer> heights = new IdentityHashMap<>();
        private final Set<org.snakeyaml.engine.v2.nodes.Node> inProgress =
                Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(String file) {
            this.file = file;
        }

        /** Converts {@code node}, {@code depth} levels deep inside {@code parent} (null for the root). */
        Node convert(org.snakeyaml.engine.v2.nodes.Node node, int depth, org.snakeyaml.engine.v2.nodes.Node parent) {
            org.snakeyaml.engine.v2.nodes.Node n = node instanceof AnchorNode a ? a.getRealNode() : node;
            Node cached = done.get(n);
            if (cached != null) {
                // An alias repeats its anchor's whole subtree here: nesting counts as if it were written out. (The
                // composed alias is its anchor's node, with the anchor's place: name the node that holds the alias.)
                if (depth + heights.get(cached) - 1 > MAX_DEPTH) throw error(parent == null ? n : parent, nestingProblem());
                return cached;
            }
            if (depth > MAX_DEPTH) throw error(n, nestingProblem());
            if (!inProgress.add(n)) throw error(n, "an alias refers to a node that contains it (recursive structure)");
            Node out;
            if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
                out = scalar(s);
            } else if (n instanceof SequenceNode seq) {
                List<Node> items = new ArrayList<>(seq.getValue().size());
                for (org.snakeyaml.engine.v2.nodes.Node item : seq.getValue()) items.add(convert(item, depth + 1, n));
                out = new ListNode(items, line(n), column(n), customTag(n));
            } else if (n instanceof MappingNode map) {
                out = mapping(map, depth);
            } else {
                throw error(n, "unsupported YAML node " + n.getNodeType());
            }
            inProgress.remove(n);
            long size = 1;
            int height = 0;
            if (out instanceof ListNode l) {
                for (Node i : l.items()) {
                    size += expanded.get(i);
                    height = Math.max(height, heights.get(i));
                }
            }
            if (out instanceof MapNode m) {
                for (Node v : m.entries().values()) {
                    size += expanded.get(v);
                    height = Math.max(height, heights.get(v));
                }
            }
            heights.put(out, height + 1);
            if (size > MAX_EXPANDED_NODES) {
                throw error(n, "aliases expand the document beyond " + MAX_EXPANDED_NODES + " nodes");
            }
            expanded.put(out, size);
            done.put(n, out);
            return out;
        }

        private MapNode mapping(MappingNode map, int depth) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new HashMap<>();
            List<org.snakeyaml.engine.v2.nodes.Node> merges = new ArrayList<>();
            for (NodeTuple t : map.getValue()) {
                org.snakeyaml.engine.v2.nodes.Node k = t.getKeyNode();
                if (k instanceof AnchorNode a) k = a.getRealNode();
                if (!(k instanceof org.snakeyaml.engine.v2.nodes.ScalarNode ks)) {
                    throw error(k, "mapping keys must be scalars, found a " + k.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                if (Tag.MERGE.equals(ks.getTag()) && "<<".equals(ks.getValue())) {
                    merges.add(t.getValueNode());
                    continue;
                }
                String key = ks.getValue();
                Integer first = keyLines.putIfAbsent(key, line(ks));
                if (first != null) {
                    throw error(ks, "duplicate key '" + key + "' (first at line " + first + ")");
                }
                entries.put(key, convert(t.getValueNode(), depth + 1, map));
            }
            for (org.snakeyaml.engine.v2.nodes.Node m : merges) {
                Node merged = convert(m, depth + 1, map);
                List<Node> sources = merged instanceof ListNode l ? l.items() : List.of(merged);
                for (Node src : sources) {
                    if (!(src instanceof MapNode sm)) throw error(m, "a merge key (<<) needs a mapping or a list of mappings");
                    for (Map.Entry<String, Node> e : sm.entries().entrySet()) entries.putIfAbsent(e.getKey(), e.getValue());
                }
            }
            return new MapNode(entries, line(map), column(map), customTag(map));
        }

        private Node scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s) {
            String text = s.getValue();
            String tag = s.getTag().getValue();
            int line = line(s);
            int col = column(s);
            if (!tag.startsWith(STANDARD_TAG_PREFIX)) {
                return new ScalarNode(text, line, col, "!".equals(tag) ? null : tag);
            }
            Object value;
            if (Tag.NULL.getValue().equals(tag)) {
                value = null;
            } else if (Tag.BOOL.getValue().equals(tag)) {
                String t = text.trim().toLowerCase(Locale.ROOT);
                value = "true".equals(t) ? Boolean.TRUE : "false".equals(t) ? Boolean.FALSE : text;
            } else if (Tag.INT.getValue().equals(tag)) {
                value = integer(text);
            } else if (Tag.FLOAT.getValue().equals(tag)) {
                value = DECIMAL_FRACTION.matcher(text).matches() ? new BigDecimal(text) : text;
            } else {
                value = text; // str, binary, timestamp...: the text as written
            }
            return new ScalarNode(value, line, col, null);
        }

        private static Object integer(String text) {
            if (!DECIMAL_INT.matcher(text).matches()) return text; // 0o17, 0x1F, leading zeros: keep the spelling
            String digits = text.startsWith("+") ? text.substring(1) : text;
            BigInteger big = new BigInteger(digits);
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }

        private String customTag(org.snakeyaml.engine.v2.nodes.Node n) {
            String tag = n.getTag().getValue();
            return tag.startsWith(STANDARD_TAG_PREFIX) || "!".equals(tag) ? null : tag;
        }

        private InputException error(org.snakeyaml.engine.v2.nodes.Node n, String problem) {
            return new InputException(file, line(n), column(n), problem);
        }

        private static int line(org.snakeyaml.engine.v2.nodes.Node n) {
            return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }

        private static int column(org.snakeyaml.engine.v2.nodes.Node n) {
            return n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        }
    }
}
