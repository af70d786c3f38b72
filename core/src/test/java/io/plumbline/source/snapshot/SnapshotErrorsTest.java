package io.plumbline.source.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.model.Model;
import io.plumbline.model.Provenance;
import io.plumbline.model.Ref;
import io.plumbline.model.Value;
import io.plumbline.model.network.SecurityGroup;
import io.plumbline.model.network.SgRule;
import io.plumbline.source.InputException;
import io.plumbline.source.Inputs;
import io.plumbline.source.SourceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot that cannot be read whole is refused, naming the file, the line and column, and the JSON pointer. */
class SnapshotErrorsTest {
    private static final String NAME = "nightly.snapshot.json";

    @TempDir
    Path tmp;

    /** A valid snapshot of one security group with one rule, as text to break. */
    static String valid() {
        Provenance at = Provenance.live("123456789012", "eu-west-1", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1",
                "ec2:DescribeSecurityGroups");
        SecurityGroup g = new SecurityGroup("arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1", "ec2:SecurityGroup", at);
        g.vpc = Value.explicit(new Ref("vpc-1"), at);
        g.rules.add(new SgRule(SgRule.Direction.INGRESS, Value.explicit("tcp", at), Value.explicit(443, at),
                Value.explicit(443, at), SgRule.PeerKind.CIDR_IPV4, Value.explicit("0.0.0.0/0", at), Value.explicit(null, at),
                "https", g.address(), at));
        return new String(SnapshotWriter.write(new Model(List.of(g), List.of(), List.of())), StandardCharsets.UTF_8);
    }

    private static InputException refused(String text) {
        return assertThrows(InputException.class,
                () -> Inputs.load(NAME, text.getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT));
    }

    /** The error names the file and the line and column where {@code marker} starts, and says {@code words}. */
    private static void refusedAt(String text, String marker, String... words) {
        InputException e = refused(text);
        int offset = text.indexOf(marker);
        assertTrue(offset >= 0, "marker " + marker);
        int line = 1 + (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
        assertEquals(NAME, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith(NAME + ":" + line + ":"), e.getMessage());
        for (String w : words) assertTrue(e.getMessage().contains(w), () -> "'" + w + "' in: " + e.getMessage());
    }

    @Test
    void theValidSnapshotReads() {
        Model m = Inputs.load(NAME, valid().getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT);
        assertEquals(1, m.all(SecurityGroup.class).get(0).rules.size());
    }

    @Test
    void malformedJson() {
        String text = valid().replace("\"kind\": \"SECURITY_GROUP\",", "\"kind\": \"SECURITY_GROUP\"");
        InputException e = refused(text);
        assertEquals(NAME, e.file());
        assertTrue(e.line() > 1 && e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void truncatedFile() {
        String text = valid();
        InputException e = refused(text.substring(0, text.length() / 2));
        assertTrue(e.line() > 1 && e.getMessage().startsWith(NAME + ":"), e.getMessage());
    }

    @Test
    void newerFormatVersion() {
        refusedAt(valid().replace("\"plumbline_snapshot\": 1", "\"plumbline_snapshot\": 2"), "\"plumbline_snapshot\"",
                "/plumbline_snapshot", "snapshot format 2", "newer Plumbline");
    }

    @Test
    void versionThatIsNotANumber() {
        refusedAt(valid().replace("\"plumbline_snapshot\": 1", "\"plumbline_snapshot\": \"1\""), "\"plumbline_snapshot\"",
                "/plumbline_snapshot", "whole number");
    }

    @Test
    void unknownClass() {
        refusedAt(valid().replace("io.plumbline.model.network.SecurityGroup", "io.plumbline.model.network.Firewall"),
                "\"class\"", "/resources/0/class", "unknown model class io.plumbline.model.network.Firewall");
    }

    @Test
    void aClassThatIsNotAResource() {
        refusedAt(valid().replace("io.plumbline.model.network.SecurityGroup", "java.lang.ProcessBuilder"),
                "\"class\"", "/resources/0/class", "not a resource class");
    }

    @Test
    void kindThatDoesNotMatchTheClass() {
        refusedAt(valid().replace("\"kind\": \"SECURITY_GROUP\"", "\"kind\": \"VPC\""), "\"kind\"",
                "/resources/0/kind", "does not match");
    }

    @Test
    void wrongTypeInANestedRecord() {
        String text = valid().replaceFirst("\"value\": 443", "\"value\": \"443\"");
        refusedAt(text, "\"value\": \"443\"", "/resources/0/fields/rules/0/fromPort/value", "expected a whole number",
                "the string \"443\"");
    }

    @Test
    void unknownEnumConstant() {
        refusedAt(valid().replace("\"INGRESS\"", "\"SIDEWAYS\""), "\"SIDEWAYS\"",
                "/resources/0/fields/rules/0/direction", "expected one of INGRESS, EGRESS", "SIDEWAYS");
    }

    @Test
    void unknownCertainty() {
        refusedAt(valid().replaceFirst("\"certainty\": \"EXPLICIT\"", "\"certainty\": \"MAYBE\""), "\"MAYBE\"",
                "/certainty", "EXPLICIT, DEFAULTED, UNKNOWN");
    }

    @Test
    void unknownField() {
        refusedAt(valid().replace("\"groupName\":", "\"groupNom\":"), "\"groupNom\"",
                "/resources/0/fields/groupNom", "has no field 'groupNom'");
    }

    @Test
    void unknownValueWithContent() {
        String text = valid().replaceFirst("\"certainty\": \"UNKNOWN\",", "\"certainty\": \"UNKNOWN\", \"value\": true,");
        refusedAt(text, "\"value\": true", "an unknown value has no value");
    }

    @Test
    void missingMember() {
        refusedAt(valid().replace("\"gaps\": [],", ""), "{", "missing member 'gaps'");
    }

    @Test
    void partsThatDoNotAddUp() {
        refusedAt(valid().replace("\"parts\": [\n    1\n  ]", "\"parts\": [\n    2\n  ]"), "\"parts\"", "/parts",
                "hold 2 resources but the snapshot has 1");
    }

    @Test
    void aFileOnDiskIsNamedByItsPath() throws Exception {
        Path f = tmp.resolve("last-night.json");
        Files.writeString(f, valid().replace("\"plumbline_snapshot\": 1", "\"plumbline_snapshot\": 9"));
        InputException e = assertThrows(InputException.class, () -> Inputs.load(f, SourceOptions.DEFAULT));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().startsWith(f + ":2:"), e.getMessage());
    }

    @Test
    void savedToDiskAndReadBackByContent() throws Exception {
        Model m = Inputs.load(NAME, valid().getBytes(StandardCharsets.UTF_8), SourceOptions.DEFAULT);
        Path f = tmp.resolve("saved.anything");
        SnapshotWriter.save(m, f, null);
        Model back = Inputs.load(f, SourceOptions.DEFAULT);
        assertTrue(Deep.diff(m, back).isEmpty(), () -> String.join("\n", Deep.diff(m, back)));
        assertEquals(List.of(f.getFileName().toString()), List.of(Files.list(tmp).map(p -> p.getFileName().toString())
                .toArray(String[]::new)), "no temporary file left behind");
    }
}
