package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fuzz target: the real corpus plans and templates, mutated with a fixed seed (bit flips, truncation, duplicated
 * subtrees, deep nesting, huge strings, control characters, YAML aliases, multiplying intrinsics), each run through the
 * command line in-process. Whatever the input, the command line must answer within a bounded time with an exit code of
 * 0 to 3, no stack trace and no internal error, valid JSON on stdout when it gives a result, and no raw terminal
 * control character in its text.
 *
 * <p>Runs for {@code plumbline.fuzz.seconds} (45 by default; {@code mvn verify -Pfuzz} runs 10 minutes), from seed
 * {@code plumbline.fuzz.seed}. A failing input is saved under {@code target/fuzz-failures/} with the way to replay it.
 */
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECONDS = Long.getLong("plumbline.fuzz.seconds", 45);
    private static final long SEED = Long.getLong("plumbline.fuzz.seed", 20240610L);
    /** Per input: generous for a slow shared machine, far below "hangs". */
    private static final long TIMEOUT_SECONDS = Long.getLong("plumbline.fuzz.timeout", 30);
    private static final String[] HOSTILE = {"\u001b[2K\r", "\u001b]0;pwned\u0007", "\r", "\u202e", "\u2066", "\u0085",
        "\u009b31m", "\u0000", "\u007f", "\b\b\b\b", "\ufffe", "\uffff"};

    record Input(String name, byte[] bytes, String mutation) {
    }

    record Outcome(int exit, String out, String err, long millis) {
    }

    @Test
    void mutatedCorpusNeverCrashesHangsOrLies() throws Exception {
        List<Path> corpus = corpus();
        assertTrue(corpus.size() > 50, "corpus inputs: " + corpus.size());
        Random random = new Random(SEED);
        Path work = Files.createTempDirectory("plumbline-fuzz");
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int runs = 0;
        StringBuilder log = new StringBuilder();
        // Every corpus file once with one mutation each, then random ones until the time is up.
        for (int i = 0; System.nanoTime() < deadline && failures.size() < 20; i++) {
            Path source = i < corpus.size() ? corpus.get(i) : corpus.get(random.nextInt(corpus.size()));
            Input input = mutate(source, random);
            Path file = work.resolve(runs + "-" + input.name());
            Files.write(file, input.bytes());
            boolean text = random.nextInt(4) == 0;
            String command = random.nextInt(5) == 0 ? "inventory" : "check";
            List<String> args = new ArrayList<>(List.of(command, file.toString()));
            if (!text) args.addAll(List.of("--format", "json"));
            if (command.equals("check") && random.nextBoolean()) args.add("--region=eu-west-1");
            Outcome outcome = run(args);
            String problem = judge(args, text, outcome);
            log.append(String.format("%6d ms  exit %d  %s%n", outcome.millis(), outcome.exit(), input.mutation()));
            runs++;
            if (problem != null) {
                failures.add(save(input, args, problem, file));
            } else {
                Files.delete(file);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-log.txt"), log);
        System.out.printf("fuzz: %d inputs in %d s (seed %d), %d failures%n", runs, SECONDS, SEED, failures.size());
        assertTrue(failures.isEmpty(), () -> failures.size() + " failing inputs:\n" + String.join("\n", failures));
        assertTrue(runs >= Math.min(corpus.size(), 20), "the fuzz target ran: " + runs);
    }

    // ------------------------------------------------------------------ running and judging

    private static Outcome run(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        long start = System.nanoTime();
        FutureTask<Integer> task = new FutureTask<>(() -> Main.run(args.toArray(String[]::new)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // The default thread stack of a `java -jar` run, not the test runner's main thread.
        Thread t = new Thread(null, task, "plumbline-fuzz", 0);
        t.setDaemon(true);
        t.start();
        int exit;
        try {
            exit = task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            exit = -1;
        } catch (ExecutionException e) {
            exit = -2;
            e.getCause().printStackTrace(new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** What is wrong with an outcome, or null. */
    static String judge(List<String> args, boolean text, Outcome o) {
        if (o.exit() == -1) return "no answer within " + TIMEOUT_SECONDS + " s";
        if (o.exit() == -2) return "escaped the command line: " + firstLines(o.err());
        if (o.exit() < 0 || o.exit() > 3) return "exit code " + o.exit() + ": " + firstLines(o.err());
        for (String bad : List.of("internal error", "Exception", "\tat ", "Error:", "java.")) {
            if (o.err().contains(bad)) return "stderr shows '" + bad.strip() + "': " + firstLines(o.err());
        }
        String raw = rawControl(o.err());
        if (raw != null) return "raw " + raw + " on stderr";
        if (o.exit() == 2) {
            if (!o.out().isBlank()) return "unusable input, yet stdout: " + firstLines(o.out());
            if (o.err().strip().lines().count() != 1) return "not one line: " + firstLines(o.err());
            return null;
        }
        if (text) {
            raw = rawControl(o.out());
            if (raw != null) return "raw " + raw + " on stdout";
        } else {
            try {
                JSON.readTree(o.out());
            } catch (IOException e) {
                return "stdout is not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /** A character that must not reach a terminal raw, described, or null. */
    static String rawControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (TerminalSafe.mustEscape(c)) return String.format("U+%04X at %d", (int) c, i);
        }
        return null;
    }

    private static String firstLines(String s) {
        return s.lines().limit(4).map(l -> l.length() > 300 ? l.substring(0, 300) + "..." : l)
                .reduce((a, b) -> a + " | " + b).orElse("(nothing)");
    }

    private static String save(Input input, List<String> args, String problem, Path file) throws IOException {
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Path kept = dir.resolve(file.getFileName());
        Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> replay = new ArrayList<>(args);
        replay.set(1, kept.toAbsolutePath().toString());
        return input.mutation() + ": " + problem + "\n    replay: plumbline " + String.join(" ", replay);
    }

    // ------------------------------------------------------------------ the corpus and its mutations

    static List<Path> corpus() throws IOException {
        Path shared = Path.of(System.getProperty("plumbline.shared", "../shared"));
        List<Path> files = new ArrayList<>();
        for (String kind : List.of("terraform", "cloudformation")) {
            try (Stream<Path> s = Files.list(shared.resolve("corpus").resolve(kind))) {
                s.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    static Input mutate(Path source, Random r) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        String name = source.getFileName().toString();
        boolean yaml = !name.endsWith(".json");
        int kind = r.nextInt(yaml ? 10 : 8);
        return switch (kind) {
            case 0 -> new Input(name, flipBits(bytes, r), "bit flips of " + name);
            case 1 -> new Input(name, truncate(bytes, r), "truncation of " + name);
            case 2 -> yaml ? new Input(name, duplicateLines(bytes, r), "duplicated lines of " + name)
                    : json(name, bytes, r, "duplicated subtree of", FuzzTest::duplicateSubtree);
            case 3 -> yaml ? new Input(name, deepYaml(bytes, r), "deep nesting in " + name)
                    : json(name, bytes, r, "deep nesting in", FuzzTest::deepNesting);
            case 4 -> yaml ? new Input(name, hugeYamlScalar(bytes, r), "huge string in " + name)
                    : json(name, bytes, r, "huge string in", FuzzTest::hugeString);
            case 5 -> yaml ? new Input(name, controlYaml(bytes, r), "control characters in " + name)
                    : json(name, bytes, r, "control characters in", FuzzTest::controlCharacters);
            case 6 -> json(name, bytes, r, "huge array in", FuzzTest::hugeArray);
            case 7 -> new Input(name, multiplyingIntrinsics(yaml, r), "multiplying intrinsics after " + name);
            case 8 -> new Input(name, aliasBomb(bytes, r), "alias bomb in " + name);
            default -> new Input(name, flipBits(truncate(bytes, r), r), "truncation and bit flips of " + name);
        };
    }

    interface TreeMutation {
        void apply(JsonNode root, Random r);
    }

    /** A structural mutation of a JSON document (or of a YAML one that is JSON), falling back to bit flips. */
    private static Input json(String name, byte[] bytes, Random r, String what, TreeMutation m) {
        try {
            JsonNode root = JSON.readTree(bytes);
            m.apply(root, r);
            return new Input(name, JSON.writeValueAsBytes(root), what + " " + name);
        } catch (IOException | RuntimeException e) {
            return new Input(name, flipBits(bytes, r), "bit flips of " + name);
        }
    }

    private static byte[] flipBits(byte[] b, Random r) {
        byte[] out = b.clone();
        if (out.length == 0) return out;
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        return out;
    }

    private static byte[] truncate(byte[] b, Random r) {
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
    }

    /** A random container of the tree (or the root). */
    private static ContainerNode<?> pick(JsonNode root, Random r) {
        List<ContainerNode<?>> all = new ArrayList<>();
        collect(root, all, 0);
        return all.isEmpty() ? null : all.get(r.nextInt(all.size()));
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> all, int depth) {
        if (!(n instanceof ContainerNode<?> c) || depth > 60) return;
        all.add(c);
        for (JsonNode child : n) collect(child, all, depth + 1);
    }

    private static void duplicateSubtree(JsonNode root, Random r) {
        ContainerNode<?> c = pick(root, r);
        if (c instanceof ArrayNode a && !a.isEmpty()) {
            JsonNode item = a.get(r.nextInt(a.size()));
            int copies = 1 + r.nextInt(r.nextBoolean() ? 3 : 2000);
            for (int i = 0; i < copies; i++) a.add(item.deepCopy());
        } else if (c instanceof ObjectNode o && !o.isEmpty()) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(r.nextInt(keys.size()));
            JsonNode copy = o.get(key).deepCopy();
            if (r.nextBoolean()) o.set(key + "_copy", copy);
            else if (copy instanceof ObjectNode co) co.set(key, o.get(key).deepCopy()); // a subtree inside itself
            else o.set(key + "_copy", copy);
        }
    }

    private static void deepNesting(JsonNode root, Random r) {
        ContainerNode<?> c = pick(root, r);
        int depth = r.nextBoolean() ? 1500 + r.nextInt(1000) : 50 + r.nextInt(300);
        JsonNode deep = TextNode.valueOf("bottom");
        for (int i = 0; i < depth; i++) {
            if (r.nextBoolean()) {
                deep = JsonNodeFactory.instance.arrayNode().add(deep);
            } else {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.set(r.nextInt(3) == 0 ? "Fn::Join" : "a", deep);
                deep = o;
            }
        }
        put(c, deep, r);
    }

    private static void hugeString(JsonNode root, Random r) {
        ContainerNode<?> c = pick(root, r);
        int length = 1 << (16 + r.nextInt(7)); // 64 KB to 4 MB
        String filler = r.nextBoolean() ? "x" : "${AWS::Region}";
        put(c, TextNode.valueOf(filler.repeat(length / filler.length())), r);
    }

    private static void hugeArray(JsonNode root, Random r) {
        ContainerNode<?> c = pick(root, r);
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        int n = 10_000 + r.nextInt(200_000);
        for (int i = 0; i < n; i++) a.add(r.nextBoolean() ? TextNode.valueOf("0.0.0.0/0") : JsonNodeFactory.instance.numberNode(i));
        put(c, a, r);
    }

    private static void controlCharacters(JsonNode root, Random r) {
        List<ContainerNode<?>> all = new ArrayList<>();
        collect(root, all, 0);
        for (int k = 0; k < 1 + r.nextInt(20) && !all.isEmpty(); k++) {
            if (!(all.get(r.nextInt(all.size())) instanceof ObjectNode o) || o.isEmpty()) continue;
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            o.fields().forEachRemaining(entries::add);
            Map.Entry<String, JsonNode> e = entries.get(r.nextInt(entries.size()));
            String hostile = HOSTILE[r.nextInt(HOSTILE.length)];
            if (e.getValue().isTextual()) o.put(e.getKey(), e.getValue().asText() + hostile + "PASS");
            else if (r.nextBoolean()) {
                // the key itself: resource addresses and logical ids are keys or values
                JsonNode v = o.remove(e.getKey());
                o.set(e.getKey() + hostile, v);
            }
        }
    }

    /** Puts {@code value} into a container: a new array item, or a new or replaced member. */
    private static void put(ContainerNode<?> c, JsonNode value, Random r) {
        if (c instanceof ArrayNode a) {
            if (!a.isEmpty() && r.nextBoolean()) a.set(r.nextInt(a.size()), value);
            else a.add(value);
        } else if (c instanceof ObjectNode o) {
            Iterator<String> names = o.fieldNames();
            if (names.hasNext() && r.nextBoolean()) o.set(names.next(), value);
            else o.set("fuzz", value);
        }
    }

    private static byte[] duplicateLines(byte[] b, Random r) {
        List<String> lines = new ArrayList<>(new String(b, StandardCharsets.UTF_8).lines().toList());
        if (lines.isEmpty()) return b;
        int from = r.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 1 + r.nextInt(30));
        List<String> block = new ArrayList<>(lines.subList(from, to));
        int copies = 1 + r.nextInt(r.nextBoolean() ? 2 : 200);
        for (int i = 0; i < copies; i++) lines.addAll(to, block);
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepYaml(byte[] b, Random r) {
        int depth = r.nextBoolean() ? 1200 + r.nextInt(50_000) : 100 + r.nextInt(500);
        String deep = "[".repeat(depth) + "x" + "]".repeat(depth);
        return insertProperty(b, "Fuzz: " + deep, r);
    }

    private static byte[] hugeYamlScalar(byte[] b, Random r) {
        int length = 1 << (16 + r.nextInt(8)); // 64 KB to 8 MB, on one line
        return insertProperty(b, "Fuzz: " + (r.nextBoolean() ? "x".repeat(length) : "\"" + "y".repeat(length) + "\""), r);
    }

    private static byte[] controlYaml(byte[] b, Random r) {
        String s = new String(b, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(s);
        for (int k = 0; k < 1 + r.nextInt(10); k++) {
            int at = s.isEmpty() ? 0 : r.nextInt(sb.length());
            String c = HOSTILE[r.nextInt(HOSTILE.length)];
            sb.insert(at, r.nextBoolean() ? c : "\"" + escapeYaml(c) + "\"");
        }
        // a logical id with controls, quoted, as an attacker writes it
        sb.append("\n  \"Evil").append(escapeYaml("\u001b[1A\u001b[2K\rPASS \u202e")).append("\":\n    Type: AWS::EC2::SecurityGroup\n")
                .append("    Properties:\n      GroupDescription: x\n      SecurityGroupIngress:\n")
                .append("        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escapeYaml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) sb.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", (int) c) : c);
        return sb.toString();
    }

    /** Puts a line after the first line that declares a resource's properties (or at the end). */
    private static byte[] insertProperty(byte[] b, String property, Random r) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(s.lines().toList());
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).strip().equals("Properties:")) candidates.add(i);
        if (candidates.isEmpty()) {
            lines.add(property);
        } else {
            int i = candidates.get(r.nextInt(candidates.size()));
            String indent = lines.get(i).substring(0, lines.get(i).indexOf('P')) + "  ";
            lines.add(i + 1, indent + property);
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] aliasBomb(byte[] b, Random r) {
        StringBuilder bomb = new StringBuilder("  Fuzz:\n    Type: AWS::S3::Bucket\n    Properties:\n");
        int levels = 8 + r.nextInt(30);
        bomb.append("      L0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            String ref = "*l" + (i - 1);
            bomb.append("      L").append(i).append(": &l").append(i).append(r.nextBoolean()
                    ? " [" + String.join(", ", java.util.Collections.nCopies(9, ref)) + "]\n"
                    : " !Join ['', [" + ref + ", " + ref + ", " + ref + "]]\n");
        }
        String s = new String(b, StandardCharsets.UTF_8);
        int at = s.indexOf("\nResources:\n");
        if (at < 0) return (s + "\nResources:\n" + bomb).getBytes(StandardCharsets.UTF_8);
        return (s.substring(0, at + 12) + bomb + s.substring(at + 12)).getBytes(StandardCharsets.UTF_8);
    }

    /** A small template whose nested functions multiply a string or the work at every level. */
    private static byte[] multiplyingIntrinsics(boolean yaml, Random r) {
        int levels = 20 + r.nextInt(80);
        String expr = "\"seed-" + r.nextInt(1000) + "\"";
        for (int i = 0; i < levels; i++) {
            expr = switch (r.nextInt(3)) {
                case 0 -> "{\"Fn::Sub\": [\"${a}${a}${a}\", {\"a\": " + expr + "}]}";
                case 1 -> "{\"Fn::Join\": [\"\", [" + expr + ", " + expr.length() + "]]}";
                default -> "{\"Fn::Base64\": " + expr + "}";
            };
        }
        StringBuilder t = new StringBuilder("{\"Resources\": {\"S0\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": "
                + "{\"VpcId\": \"vpc-1\", \"CidrBlock\": " + expr + "}}");
        int chain = 10 + r.nextInt(40);
        for (int i = 1; i < chain; i++) {
            String prev = "{\"Fn::GetAtt\": [\"S" + (i - 1) + "\", \"CidrBlock\"]}";
            t.append(", \"S").append(i).append("\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": \"vpc-1\", "
                    + "\"CidrBlock\": {\"Fn::Select\": [0, [").append(prev).append(", ").append(prev).append("]]}}}");
        }
        return t.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
