package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.triage.Gate;
import io.plumbline.reports.triage.Review;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers a CloudFormation template declares in a resource's Metadata, shown as a waivers file's are. */
class DeclaredWaiversTest {
    @TempDir
    Path tmp;

    private static final String BUCKET = """
            Resources:
              Logs:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: [{Key: plumbline:role, Value: logs}]
            %s
              Other:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: [{Key: plumbline:role, Value: backups}]
            """;

    private static final String WAIVER = """
                Metadata:
                  plumbline:
                    waivers:
                      - rule: BAK-005
                        reason: rebuilt with versioning in Q3 (OPS-1234)
            %s""";

    @BeforeAll
    static void schema() throws Exception {
        ResultSchemaTest.loadSchema();
    }

    private Result check(String metadata) throws Exception {
        Path t = Files.writeString(tmp.resolve("stack.yaml"), BUCKET.formatted(metadata));
        return Plumbline.check().input(t).rules(List.of("BAK-005")).run();
    }

    private static Finding on(Review review, String resource) {
        return review.result().findings().stream().filter(f -> f.resource().equals(resource)).findFirst()
                .orElseThrow();
    }

    @Test
    void aDeclaredWaiverWaivesItsRuleOnItsResourceOnly() throws Exception {
        Result plain = check("");
        assertEquals(Status.FAIL, on(Review.of(plain), "Logs").status(), "the bucket fails without its waiver");

        Review review = Review.of(check(WAIVER.formatted("")), null, null, ResultSchemaTest.TODAY);
        Finding logs = on(review, "Logs");
        assertEquals(Status.WAIVED, logs.status());
        assertEquals("rebuilt with versioning in Q3 (OPS-1234)", logs.waiver().justification());
        assertNull(logs.waiver().approver());
        assertEquals(tmp.resolve("stack.yaml").toString(), logs.waiver().declaredAt().file());
        assertEquals(9, logs.waiver().declaredAt().line(), "the line of the waiver entry");
        assertEquals(Status.FAIL, on(review, "Other").status(), "another resource keeps its failure");
        assertTrue(new Gate(Severity.LOW, false, false).fails(review));

        StringWriter text = new StringWriter();
        TextReport.write(review, false, new PrintWriter(text));
        assertTrue(text.toString().contains("  waived (was FAIL): rebuilt with versioning in Q3 (OPS-1234) (declared in "
                + tmp.resolve("stack.yaml") + ":9:"), text.toString());
        assertTrue(text.toString().contains("Waivers declared in the inputs: 1 waiver, 1 finding waived"), text.toString());

        byte[] json = ResultSchemaTest.json(review);
        ResultSchemaTest.assertValid(json);
        JsonNode waiver = null;
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            if (f.path("resource").asText().equals("Logs")) waiver = f.path("waiver");
        }
        assertEquals(9, waiver.path("declaredAt").path("line").asInt(), String.valueOf(waiver));
        assertTrue(waiver.path("approver").isMissingNode());

        ByteArrayOutputStream sarif = new ByteArrayOutputStream();
        SarifReport.write(review, "test", sarif);
        assertTrue(sarif.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"kind\" : \"inSource\""));
    }

    @Test
    void anExpiredOrUnmatchedDeclaredWaiverIsReported() throws Exception {
        Review expired = Review.of(check(WAIVER.formatted("            expires: 2026-02-28\n")), null, null,
                ResultSchemaTest.TODAY);
        assertEquals(Status.FAIL, on(expired, "Logs").status());
        assertTrue(on(expired, "Logs").message().contains("waiver expired on 2026-02-28 (declared in "),
                on(expired, "Logs").message());
        Review stillValid = Review.of(check(WAIVER.formatted("            expires: 2026-03-01\n")), null, null,
                ResultSchemaTest.TODAY);
        assertEquals(Status.WAIVED, on(stillValid, "Logs").status(), "a waiver applies through its expiry date");

        Review unmatched = Review.of(check(WAIVER.replace("BAK-005", "ENC-001").formatted("")), null, null,
                ResultSchemaTest.TODAY);
        assertTrue(unmatched.notes().stream().anyMatch(n -> n.startsWith("warning: ") && n.contains(
                "the waiver of ENC-001 on Logs matches no failing or unknown finding")), unmatched.notes()::toString);
    }

    @Test
    void aWaiverWithoutReasonOrOfAnUnknownRuleIsUnusableInputAtItsLine() throws Exception {
        InputException noReason = assertThrows(InputException.class,
                () -> check(WAIVER.replace("reason: rebuilt with versioning in Q3 (OPS-1234)", "expires: 2026-09-30")
                        .formatted("")));
        assertEquals(9, noReason.line(), noReason.getMessage());
        assertEquals("resource Logs, waiver 1: missing field 'reason'", noReason.problem());

        InputException empty = assertThrows(InputException.class,
                () -> check(WAIVER.replace("rebuilt with versioning in Q3 (OPS-1234)", "''").formatted("")));
        assertEquals("resource Logs, waiver 1: 'reason' is empty", empty.problem());

        InputException unknownField = assertThrows(InputException.class,
                () -> check(WAIVER.formatted("            approved: me\n")));
        assertTrue(unknownField.problem().contains("unknown field 'approved'"), unknownField.problem());

        InputException unknownRule = assertThrows(InputException.class, () -> Review.of(
                check(WAIVER.replace("BAK-005", "BAK-999").formatted("")), null, null, ResultSchemaTest.TODAY));
        assertEquals(9, unknownRule.line(), unknownRule.getMessage());
        assertTrue(unknownRule.problem().contains("unknown rule id 'BAK-999'"), unknownRule.problem());
    }

    @Test
    void cfnNagSuppressionsAreNotPlumblineWaivers() throws Exception {
        Result r = check("""
                    Metadata:
                      cfn_nag:
                        rules_to_suppress:
                          - id: W35
                            reason: access logging is not needed here
                """);
        assertEquals(Status.FAIL, on(Review.of(r, null, null, ResultSchemaTest.TODAY), "Logs").status());
    }
}
