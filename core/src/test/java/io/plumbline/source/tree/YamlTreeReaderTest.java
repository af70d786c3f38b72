package io.plumbline.source.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.source.InputException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

    private static MapNode read(String yaml) {
        return (MapNode) YamlTreeReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
    }

    private static InputException failure(String yaml) {
        return assertThrows(InputException.class,
                () -> YamlTreeReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"));
    }

    /** 1-based line and column of the first occurrence of {@code needle} in {@code text}. */
    private static int[] position(String text, String needle) {
        int i = text.indexOf(needle);
        assertTrue(i >= 0, needle);
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, i - lineStart + 1};
    }

    @Test
    void customTagsAreKeptWithTheirText() {
        MapNode m = read("""
                a: !Ref MyVpc
                b: !GetAtt Db.Endpoint.Address
                c: !Sub ['${X}-y', {X: !Ref Z}]
                d: !GetAZs ''
                e: !Select
                  - 0
                  - !GetAZs
                f: !GetAZs
                  Ref: AWS::Region
                g: !If [Cond, !Ref A, !Ref 'AWS::NoValue']
                h: !Rain::Embed file.txt
                """);
        ScalarNode a = (ScalarNode) m.get("a");
        assertEquals("!Ref", a.tag());
        assertEquals("MyVpc", a.value());
        assertEquals("Db.Endpoint.Address", ((ScalarNode) m.get("b")).value());
        assertEquals("!GetAtt", m.get("b").tag());
        ListNode sub = (ListNode) m.get("c");
        assertEquals("!Sub", sub.tag());
        assertEquals("${X}-y", ((ScalarNode) sub.get(0)).value());
        assertEquals("!Ref", ((MapNode) sub.get(1)).get("X").tag());
        assertEquals("", ((ScalarNode) m.get("d")).value());
        assertEquals("!GetAZs", m.get("d").tag());
        ListNode select = (ListNode) m.get("e");
        assertEquals(0L, ((ScalarNode) select.get(0)).value());
        assertEquals("", ((ScalarNode) select.get(1)).value(), "an empty tagged scalar is an empty string, not null");
        assertEquals("!GetAZs", select.get(1).tag());
        MapNode azs = (MapNode) m.get("f");
        assertEquals("!GetAZs", azs.tag());
        assertEquals("AWS::Region", azs.text("Ref"));
        assertEquals("!If", m.get("g").tag());
        assertEquals("!Rain::Embed", m.get("h").tag());
        assertNull(m.tag());
    }

    @Test
    void plainScalarsFollowTheCoreSchemaButKeepCloudFormationSpellings() {
        MapNode m = read("""
                int: 5432
                negative: -1
                big: 123456789012345678901234567890
                fraction: 1.10
                account: 012345678901
                hex: 0x1F
                octal: 0o17
                exponent: 1e3
                inf: .inf
                t1: true
                t2: True
                t3: TRUE
                f1: false
                yes: yes
                no: no
                on: on
                off: Off
                n1: null
                n2: ~
                n3:
                quotedBool: 'true'
                quotedInt: "5432"
                version: 2010-09-09
                forced: !!str 42
                text: hello world
                """);
        assertEquals(5432L, m.get("int") instanceof ScalarNode s ? s.value() : null);
        assertEquals(-1L, ((ScalarNode) m.get("negative")).value());
        assertEquals(new BigDecimal("123456789012345678901234567890"), ((ScalarNode) m.get("big")).value());
        assertEquals("1.10", ((ScalarNode) m.get("fraction")).text());
        assertEquals("012345678901", ((ScalarNode) m.get("account")).value());
        assertEquals("0x1F", ((ScalarNode) m.get("hex")).value());
        assertEquals("0o17", ((ScalarNode) m.get("octal")).value());
        assertEquals("1e3", ((ScalarNode) m.get("exponent")).value());
        assertEquals(".inf", ((ScalarNode) m.get("inf")).value());
        for (String k : List.of("t1", "t2", "t3")) assertEquals(Boolean.TRUE, ((ScalarNode) m.get(k)).value(), k);
        assertEquals(Boolean.FALSE, ((ScalarNode) m.get("f1")).value());
        assertEquals("yes", ((ScalarNode) m.get("yes")).value());
        assertEquals("no", ((ScalarNode) m.get("no")).value());
        assertEquals("on", ((ScalarNode) m.get("on")).value());
        assertEquals("Off", ((ScalarNode) m.get("off")).value());
        for (String k : List.of("n1", "n2", "n3")) assertTrue(m.get(k).isNull(), k);
        assertEquals("true", ((ScalarNode) m.get("quotedBool")).value());
        assertEquals("5432", ((ScalarNode) m.get("quotedInt")).value());
        assertEquals("2010-09-09", ((ScalarNode) m.get("version")).value());
        assertEquals("42", ((ScalarNode) m.get("forced")).value());
        assertNull(m.get("forced").tag());
        assertEquals("hello world", ((ScalarNode) m.get("text")).value());
    }

    @Test
    void everyNodeKnowsItsLineAndColumn() {
        String yaml = """
                # a comment
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: my-bucket
                      Tags:
                        - Key: env
                          Value: !Sub '${Env}-x'
                  Flow: {Type: "AWS::SNS::Topic", Properties: {TopicName: flowing}}
                """;
        MapNode root = read(yaml);
        MapNode props = root.map("Resources").map("Bucket").map("Properties");
        Node name = props.get("BucketName");
        int[] expected = position(yaml, "my-bucket");
        assertEquals(expected[0], name.line());
        assertEquals(expected[1], name.column());
        Node tagValue = props.list("Tags").items().get(0) instanceof MapNode t ? t.get("Value") : null;
        expected = position(yaml, "!Sub '${Env}-x'");
        assertEquals(expected[0], tagValue.line());
        assertEquals(expected[1], tagValue.column());
        Node flowing = root.map("Resources").map("Flow").map("Properties").get("TopicName");
        expected = position(yaml, "flowing");
        assertEquals(expected[0], flowing.line());
        assertEquals(expected[1], flowing.column());
        MapNode bucket = root.map("Resources").map("Bucket");
        assertEquals(position(yaml, "Type: AWS::S3::Bucket")[0], bucket.line(), "a block mapping starts at its first key");
    }

    @Test
    void anchorsAliasesAndMergeKeysWork() {
        MapNode m = read("""
                base: &base
                  Protocol: tcp
                  Port: 443
                copy: *base
                list: &l [a, b]
                again: *l
                merged:
                  <<: *base
                  Port: 8443
                """);
        assertSame(m.get("base"), m.get("copy"), "an alias is the anchored node");
        assertEquals(List.of("a", "b"), ((ListNode) m.get("again")).items().stream().map(n -> ((ScalarNode) n).value()).toList());
        MapNode merged = m.map("merged");
        assertEquals("tcp", merged.text("Protocol"));
        assertEquals("8443", merged.text("Port"), "explicit keys win over merged ones");
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() {
        String yaml = """
                Resources:
                  A:
                    Type: AWS::S3::Bucket
                    Properties: {BucketName: x
                  B:
                    Type: AWS::S3::Bucket
                """;
        InputException e = failure(yaml);
        assertEquals("bad.yaml", e.file());
        assertTrue(e.line() >= 4, "line " + e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith("bad.yaml:" + e.line() + ":" + e.column() + ": malformed YAML"), e.getMessage());

        InputException indent = failure("a: 1\n b: 2\n");
        assertEquals(2, indent.line());
    }

    @Test
    void duplicateKeysAreErrorsNamingTheKeyAndLine() {
        String yaml = """
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Queue:
                    Type: AWS::SQS::Queue
                  Bucket:
                    Type: AWS::S3::Bucket
                """;
        InputException e = failure(yaml);
        assertEquals(6, e.line());
        assertEquals(3, e.column());
        assertTrue(e.problem().contains("duplicate key 'Bucket'"), e.problem());
        assertTrue(e.problem().contains("first at line 2"), e.problem());
    }

    @Test
    void otherUnusableDocumentsAreErrors() {
        assertTrue(failure("a: 1\n---\nb: 2\n").problem().contains("malformed YAML"));
        assertEquals("empty document", failure("# only a comment\n").problem());
        assertTrue(failure("? [a, b]\n: c\n").problem().contains("mapping keys must be scalars"));
        assertTrue(failure("a: &x [1, *x]\n").problem().contains("recursive"));
        assertTrue(failure("a: *nowhere\n").problem().contains("malformed YAML"));
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 8; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            yaml.append("]\n");
        }
        InputException e = failure(yaml.toString());
        assertTrue(e.problem().contains("aliases expand the document beyond"), e.problem());
        assertEquals(6, e.line(), "a5 stands for over a million nodes");
    }

    @Test
    void readsByteOrderMarksAndWindowsLineEndings() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "a: 1\r\nb: two\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        MapNode m = (MapNode) YamlTreeReader.read(new ByteArrayInputStream(all), "bom.yaml");
        assertEquals("two", m.text("b"));
        assertEquals(2, m.get("b").line());
    }

    @Test
    void readsEveryYamlTemplateOfTheCorpus() throws Exception {
        Path dir = io.plumbline.testing.Shared.corpus("cloudformation");
        List<Path> yamls;
        try (var s = Files.list(dir)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertTrue(yamls.size() > 30);
        for (Path p : yamls) {
            Node root = YamlTreeReader.read(Files.newInputStream(p), p.toString());
            assertInstanceOf(MapNode.class, root, p.toString());
            assertTrue(((MapNode) root).has("Resources"), p.toString());
        }
    }
}
