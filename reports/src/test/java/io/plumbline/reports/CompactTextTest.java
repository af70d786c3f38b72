package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.rule.Evidence;
import io.plumbline.rule.Finding;
import io.plumbline.rule.RuleDescriptor;
import io.plumbline.rule.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default text view: what to act on, one finding at a time; -v for everything. */
class CompactTextTest {

    private static String text(Result r, boolean verbose) {
        StringWriter s = new StringWriter();
        TextReport.write(r, verbose, new PrintWriter(s));
        return s.toString();
    }

    private static Result check(String variant, String... rules) {
        return Plumbline.check().input(ResultSchemaTest.variant(variant)).rules(List.of(rules)).run();
    }

    @Test
    void aFailShowsResourceReasonFixAndOnlyTheEvidenceThatFailed() {
        Result r = check("terraform/ENC-001-no-cmk.tfplan.json", "ENC-001", "BAK-001");
        Finding fail = r.findings().stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        RuleDescriptor rule = r.rules().stream().filter(d -> d.id().equals("ENC-001")).findFirst().orElseThrow();
        String out = text(r, false);

        assertTrue(out.contains("FAIL ENC-001 [high] " + rule.title() + "\n  " + fail.resource() + "  "
                + fail.location().display() + "\n  why: " + fail.message() + "\n  fix: " + rule.remediation().strip()
                + "\n"), out);
        Evidence kmsKey = fail.evidence().stream().filter(e -> e.attribute().equals("kmsKey")).findFirst().orElseThrow();
        assertTrue(out.contains("  kmsKey: " + kmsKey.actual() + ", expected " + kmsKey.expected()), out);
        // storageEncrypted = true was checked and held: context for -v, not something to fix.
        assertTrue(fail.evidence().stream().anyMatch(e -> e.attribute().equals("storageEncrypted")));
        assertFalse(out.contains("storageEncrypted"), out);
        assertTrue(text(r, true).contains("storageEncrypted = true, expected true"));
        // No passing finding is listed one by one.
        assertFalse(out.contains("PASS"), out);
    }

    @Test
    void rulesThatDidNotApplyOrPassedAreOneLineEach(@TempDir Path tmp) throws Exception {
        Path bucketOnly = Files.writeString(tmp.resolve("bucket.yaml"), """
                Resources:
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: {Status: Enabled}
                """);
        Result r = Plumbline.check().input(bucketOnly).rules(List.of("BAK-005", "MAZ-006", "ENC-001")).run();
        assertTrue(r.findings().stream().noneMatch(f -> !f.ruleId().equals("BAK-005")
                && f.status() != Status.NOT_APPLICABLE), "no Aurora in a bucket-only template");
        String out = text(r, false);
        assertTrue(out.contains("Did not apply (nothing in the input for them): ENC-001, MAZ-006\n")
                || out.contains("Did not apply (nothing in the input for them): MAZ-006, ENC-001\n"), out);
        assertTrue(out.contains("Passed everywhere: BAK-005\n"), out);
        assertEquals(1, out.lines().filter(l -> l.startsWith("Passed everywhere:")).count());
    }

    @Test
    void aWitnessPathIsFoldedAndVerboseShowsEveryHop() {
        Result r = check("terraform/NET-007-aurora-from-alb.tfplan.json", "NET-007");
        Finding fail = r.findings().stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        long hops = fail.evidence().stream().filter(e -> e.attribute().matches("hop \\d+ .*")).count();
        assertTrue(hops > 2, "the reference's ALB reaches Aurora through more than two hops: " + hops);
        String out = text(r, false);
        assertTrue(out.contains("    " + hops + " hops: aws_lb.public \u2192 \u2026 \u2192 "
                + "module.aurora.aws_rds_cluster.this; -v for every hop\n"), out);
        assertFalse(out.contains("hop 1 "), out);
        String full = text(r, true);
        for (int i = 1; i <= hops; i++) assertTrue(full.contains("hop " + i + " "), full);
    }

    @Test
    void countsAgreeWithTheirNouns() {
        assertEquals("1 finding", Plural.of(1, "finding"));
        assertEquals("0 findings", Plural.of(0, "finding"));
        assertEquals("2 findings", Plural.of(2, "finding"));
        Result one = check("terraform/NET-007-aurora-from-alb.tfplan.json", "NET-007");
        assertTrue(text(one, false).contains("(1 rule, "), text(one, false));
    }

    @Test
    void firstSentenceStopsAtTheFirstFullStop() {
        assertEquals("a. ", TextReport.firstSentence("a. b. c") + " ");
        assertEquals("no full stop here", TextReport.firstSentence("no full stop here"));
    }
}
