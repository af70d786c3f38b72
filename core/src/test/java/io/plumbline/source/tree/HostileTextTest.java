package io.plumbline.source.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.source.InputException;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Text a careless or hostile author writes: read in linear time, or refused in one line with the place. */
class HostileTextTest {

    private static InputException yamlFailure(byte[] yaml) {
        return assertThrows(InputException.class, () -> YamlTreeReader.read(yaml, "bad.yaml"));
    }

    private static InputException jsonFailure(String json) {
        return assertThrows(InputException.class,
                () -> JsonTreeReader.read(json.getBytes(StandardCharsets.UTF_8), "bad.json", Set.of()));
    }

    private static void noJavaInternals(InputException e) {
        for (String internal : new String[] {"java.", "Exception", "REDACTED", "StreamReadFeature", "Feature",
            "StreamReadConstraints", "`"}) {
            assertFalse(e.getMessage().contains(internal), () -> "'" + internal + "' in: " + e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    /** Quadratic reading took minutes here; the timeout guards against that, not a speed goal. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTenMegabyteScalarOnOneLineIsRead() {
        String big = "x".repeat(10_000_000);
        byte[] yaml = ("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: " + big + "\n")
                .getBytes(StandardCharsets.UTF_8);
        MapNode root = (MapNode) YamlTreeReader.read(yaml, "long.yaml");
        assertEquals(big.length(), root.map("Resources").map("B").map("Properties").text("BucketName").length());
    }

    @Test
    void invalidUtf8NamesTheByteOffsetAndLine() {
        byte[] yaml = "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        InputException e = yamlFailure(yaml);
        assertEquals("bad.yaml:2: invalid UTF-8 at byte offset 11 (the file must be UTF-8 text)", e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void deepYamlNestingIsRefusedWithItsPlace() {
        // flow nesting deep enough to overflow a recursive composer
        String deep = "a: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        InputException e = yamlFailure(deep.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.problem().startsWith("nesting deeper than " + YamlTreeReader.MAX_DEPTH + " levels"), e.getMessage());
        assertEquals(1, e.line());
        assertTrue(e.column() > YamlTreeReader.MAX_DEPTH, e.getMessage());
        noJavaInternals(e);
        // shallow enough for the composer, too deep for the limit
        String medium = "a: " + "[".repeat(1500) + "]".repeat(1500) + "\n";
        InputException m = yamlFailure(medium.getBytes(StandardCharsets.UTF_8));
        assertTrue(m.problem().startsWith("nesting deeper than"), m.getMessage());
        assertTrue(m.line() == 1 && m.column() > 0, m.getMessage());
    }

    @Test
    void aliasesCannotNestBeyondTheLimit() {
        // each alias repeats a 600-level subtree inside another: 1200 levels once expanded
        String deep = "[".repeat(600) + "x" + "]".repeat(600);
        String yaml = "a: &a " + deep + "\nb: " + "[".repeat(600) + "*a" + "]".repeat(600) + "\n";
        InputException e = yamlFailure(yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(e.problem().startsWith("nesting deeper than"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void jsonWithACommentSaysSoWithThePlace() {
        InputException e = jsonFailure("{\n  \"Resources\": {} // the buckets\n}\n");
        assertEquals("bad.json:2:19: malformed JSON: comments are not allowed in JSON", e.getMessage());
        noJavaInternals(e);
        // a comment before anything else is JSON too, not "malformed YAML"
        InputException first = assertThrows(InputException.class, () -> Inputs.load("plan.json",
                "/* generated */\n{\"format_version\": \"1.2\"}".getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT));
        assertEquals("plan.json:1:1: malformed JSON: comments are not allowed in JSON", first.getMessage());
    }

    @Test
    void deepJsonNestingNamesThePlace() {
        String json = "{\"a\":\n" + "[".repeat(JsonTreeReader.MAX_DEPTH + 5) + "]".repeat(JsonTreeReader.MAX_DEPTH + 5) + "}";
        InputException e = jsonFailure(json);
        // the object is the first level: the bracket that is one too many is the 2000th of line 2
        assertEquals("bad.json:2:" + JsonTreeReader.MAX_DEPTH + ": nesting deeper than " + JsonTreeReader.MAX_DEPTH
                + " levels", e.getMessage());
        noJavaInternals(e);
    }

    @Test
    void jsonErrorsAreInTheUsersTerms() {
        InputException eof = jsonFailure("{\"Resources\": {\"A\": [1, 2");
        assertTrue(eof.problem().contains("unexpected end of file"), eof.getMessage());
        assertTrue(eof.problem().contains("line 1, column"), eof.getMessage());
        noJavaInternals(eof);
        InputException control = jsonFailure("{\"a\": \"x\u001by\"}");
        assertEquals("bad.json:1:9: malformed JSON: a control character (code 27) must be escaped inside a JSON string",
                control.getMessage());
        byte[] latin = "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        InputException utf = assertThrows(InputException.class, () -> JsonTreeReader.read(latin, "bad.json", Set.of()));
        assertEquals("bad.json:1: invalid UTF-8 at byte offset 10 (the file must be UTF-8 text)", utf.getMessage());
        noJavaInternals(utf);
    }
}
