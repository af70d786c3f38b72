package io.plumbline.reports.triage;

import static io.plumbline.reports.triage.Findings.fail;
import static io.plumbline.reports.triage.Findings.finding;
import static io.plumbline.reports.triage.Findings.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.engine.Result;
import io.plumbline.rule.Finding;
import io.plumbline.rule.Severity;
import io.plumbline.rule.Status;
import io.plumbline.source.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaiverSetTest {
    private static final Set<String> RULES = Set.of("BAK-001", "BAK-005", "ENC-001");

    private static Clock on(String date) {
        return Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC);
    }

    private static String entry(String rule, String resource, String expires) {
        return "- rule: " + rule + "\n  resource: " + resource + "\n  justification: accepted until the rebuild\n"
                + "  approver: jane.doe@example.com\n  expires: " + expires + "\n";
    }

    private static InputException refused(String yaml) {
        return assertThrows(InputException.class, () -> WaiverSet.parse("waivers.yaml", yaml, RULES));
    }

    @Test
    void readsAListOfEntriesWithTheirPlace() {
        WaiverSet set = WaiverSet.parse("waivers.yaml", "# accepted risks\n" + entry("bak-001", "'module.legacy.*'",
                "2026-09-30") + entry("ENC-001", "AuroraCluster", "2027-01-01"), RULES);
        assertEquals(2, set.entries().size());
        WaiverEntry first = set.entries().get(0);
        assertEquals(new WaiverEntry(1, 2, "BAK-001", "module.legacy.*", "accepted until the rebuild",
                "jane.doe@example.com", LocalDate.of(2026, 9, 30)), first, "ids are upper-cased");
        assertEquals(7, set.entries().get(1).line());
    }

    @Test
    void acceptsAMappingWithAWaiversListAndAnEmptyList() {
        assertEquals(1, WaiverSet.parse("w.yaml", "waivers:\n" + entry("BAK-001", "x", "2026-01-01").indent(2),
                RULES).entries().size());
        assertTrue(WaiverSet.parse("w.yaml", "[]\n", RULES).entries().isEmpty());
        assertTrue(WaiverSet.parse("w.yaml", "waivers:\n", RULES).entries().isEmpty());
    }

    @Test
    void missingFieldNamesTheEntryAndItsLine() {
        InputException e = refused(entry("BAK-001", "x", "2026-01-01")
                + "- rule: BAK-005\n  resource: y\n  justification: because\n  expires: 2026-01-01\n");
        assertEquals("waivers.yaml:6:3: waiver 2 (rule BAK-005): missing field 'approver'", e.getMessage());
    }

    @Test
    void unknownFieldIsRefused() {
        InputException e = refused(entry("BAK-001", "x", "2026-01-01") + "  ticket: OPS-12\n");
        assertEquals("waivers.yaml:6:11: waiver 1 (rule BAK-001): unknown field 'ticket' (expected rule, resource, "
                + "justification, approver, expires)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"2026-02-30", "2026-9-30", "30/09/2026", "20260930", "tomorrow"})
    void badDateIsRefused(String date) {
        InputException e = refused(entry("BAK-001", "x", date));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("waiver 1 (rule BAK-001): expires '" + date + "' is not a valid date"),
                e.getMessage());
    }

    @Test
    void unknownRuleIdIsRefused() {
        InputException e = refused(entry("NOPE-999", "x", "2026-01-01"));
        assertEquals("waivers.yaml:1:9: waiver 1 (rule NOPE-999): unknown rule id 'NOPE-999' (plumbline rules lists "
                + "them)", e.getMessage());
    }

    @Test
    void emptyOrBlankTextIsRefused() {
        assertEquals("waivers.yaml:3:18: waiver 1 (rule BAK-001): 'justification' is empty", refused(
                "- rule: BAK-001\n  resource: x\n  justification: '  '\n  approver: a\n  expires: 2026-01-01\n")
                .getMessage());
        assertTrue(refused("- rule: BAK-001\n  resource: x\n  justification:\n  approver: a\n  expires: 2026-01-01\n")
                .getMessage().endsWith("'justification' is empty"));
        assertTrue(refused("- rule: BAK-001\n  resource: x\n  justification: j\n  approver: [a, b]\n"
                + "  expires: 2026-01-01\n").getMessage().endsWith("'approver' must be text, not a list"));
    }

    @Test
    void wrongShapesAreRefused() {
        assertTrue(refused("rule: BAK-001\n").getMessage().contains("a waivers file is a list of waivers"));
        assertTrue(refused("- just a string\n").getMessage().startsWith("waivers.yaml:1:3: waiver 1: expected a "
                + "mapping"));
        assertTrue(refused("").getMessage().contains("empty waivers file"));
        assertTrue(refused(entry("BAK-001", "x", "2026-01-01") + "  rule: BAK-005\n").getMessage()
                .contains("duplicate key 'rule'"));
        assertTrue(refused(entry("BAK-001", "*.legacy", "2026-01-01")).getMessage()
                .endsWith("(a pattern that starts with * must be quoted: '*...')"));
        InputException syntax = refused("- rule: BAK-001\n  resource: [x\n");
        assertTrue(syntax.getMessage().startsWith("waivers.yaml:3:1: waivers file: malformed YAML"),
                syntax.getMessage());
    }

    @Test
    void loadNamesAMissingFile(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("nope.yaml");
        assertEquals(missing + ": no such file (waivers)",
                assertThrows(InputException.class, () -> WaiverSet.load(missing, RULES)).getMessage());
        Path ok = Files.writeString(tmp.resolve("w.yaml"), entry("BAK-001", "x", "2026-01-01"));
        assertEquals(ok.toString(), WaiverSet.load(ok, RULES).file());
    }

    @Test
    void globMatchesTheWholeAddressWithStarAndQuestionMarkOnly() {
        assertTrue(WaiverEntry.glob("module.legacy.*", "module.legacy.aws_s3_bucket.logs"));
        assertTrue(WaiverEntry.glob("module.legacy.*", "module.legacy.module.inner.aws_kms_key.k"));
        assertFalse(WaiverEntry.glob("module.legacy.*", "module.legacyx.aws_s3_bucket.logs"));
        assertFalse(WaiverEntry.glob("module.legacy.*", "module.other.module.legacy.a"), "anchored at the start");
        assertTrue(WaiverEntry.glob("module.vpc.aws_subnet.data[0]", "module.vpc.aws_subnet.data[0]"),
                "brackets are literal");
        assertFalse(WaiverEntry.glob("module.vpc.aws_subnet.data[0]", "module.vpc.aws_subnet.data0"));
        assertTrue(WaiverEntry.glob("aws_s3_bucket.*_replica", "aws_s3_bucket.logs_replica"));
        assertTrue(WaiverEntry.glob("Aurora?nstance*", "AuroraInstanceB"));
        assertTrue(WaiverEntry.glob("*", "anything"));
        assertFalse(WaiverEntry.glob("AuroraCluster", "AuroraClusterParams"), "no implicit prefix match");
    }

    private static WaiverSet set(String yaml) {
        return WaiverSet.parse("w.yaml", yaml, RULES);
    }

    @Test
    void aLiveWaiverTurnsFailAndUnknownIntoWaivedKeepingEverything() {
        Finding failing = fail("BAK-001", "module.legacy.aws_rds_cluster.old");
        Finding unknown = finding("BAK-001", "module.legacy.aws_rds_cluster.older", Status.UNKNOWN, "a", "f", 1);
        Finding passing = finding("BAK-001", "module.legacy.aws_rds_cluster.good", Status.PASS, "a", "f", 2);
        Finding elsewhere = fail("BAK-001", "module.app.aws_rds_cluster.main");
        Finding otherRule = fail("BAK-005", "module.legacy.aws_s3_bucket.b");
        WaiverOutcome o = set(entry("BAK-001", "module.legacy.*", "2026-09-30"))
                .apply(result(failing, unknown, passing, elsewhere, otherRule), on("2026-09-01"));
        List<Finding> fs = o.result().findings();
        assertEquals(List.of(Status.WAIVED, Status.WAIVED, Status.PASS, Status.FAIL, Status.FAIL),
                fs.stream().map(Finding::status).toList());
        Finding w = fs.get(0);
        assertEquals(failing.message(), w.message());
        assertEquals(failing.evidence(), w.evidence());
        assertEquals(failing.location(), w.location());
        assertEquals(new Finding.Waiver("BAK-001", "module.legacy.*", "accepted until the rebuild",
                "jane.doe@example.com", LocalDate.of(2026, 9, 30), Status.FAIL), w.waiver());
        assertEquals(Status.UNKNOWN, fs.get(1).waiver().waivedStatus());
        assertNull(fs.get(2).waiver(), "a pass is never waived");
        assertEquals(2, o.applied());
        assertEquals(0, o.expired());
        assertTrue(o.unmatched().isEmpty());
        Result onlyWaived = set(entry("BAK-001", "'*'", "2026-09-30")).apply(result(failing, unknown), on("2026-09-01"))
                .result();
        assertFalse(new Gate(Severity.LOW, true, false).fails(Review.of(onlyWaived)), "WAIVED never fails the gate");
        assertFalse(onlyWaived.gateFails(Severity.LOW, true));
    }

    @Test
    void aWaiverAppliesThroughItsExpiryDateAndNotTheDayAfter() {
        WaiverSet set = set(entry("BAK-001", "'*'", "2026-09-30"));
        Result r = result(fail("BAK-001", "a"));
        assertEquals(Status.WAIVED, set.apply(r, on("2026-09-30")).result().findings().get(0).status());
        WaiverOutcome late = set.apply(r, on("2026-10-01"));
        Finding f = late.result().findings().get(0);
        assertEquals(Status.FAIL, f.status());
        assertNull(f.waiver());
        assertEquals("message of BAK-001 a; waiver expired on 2026-09-30 (approved by jane.doe@example.com; waiver 1 "
                + "at line 1)", f.message());
        assertEquals(1, late.expired());
        assertEquals(List.of(set.entries().get(0)), late.expiredEntries());
        assertTrue(late.unmatched().isEmpty(), "an expired waiver that matches is not unmatched");
        assertTrue(new Gate(Severity.LOW, false, false).fails(Review.of(late.result())));
    }

    @Test
    void theClockZoneDecidesToday() {
        WaiverSet set = set(entry("BAK-001", "'*'", "2026-09-30"));
        // 2026-09-30T23:30Z is already 1 October in Berlin.
        Clock berlin = Clock.fixed(Instant.parse("2026-09-30T23:30:00Z"), ZoneId.of("Europe/Berlin"));
        Clock utc = Clock.fixed(Instant.parse("2026-09-30T23:30:00Z"), ZoneOffset.UTC);
        Result r = result(fail("BAK-001", "a"));
        assertEquals(Status.FAIL, set.apply(r, berlin).result().findings().get(0).status());
        assertEquals(Status.WAIVED, set.apply(r, utc).result().findings().get(0).status());
    }

    @Test
    void aLiveWaiverWinsOverAnExpiredOneAndTheFirstLiveOneIsRecorded() {
        WaiverSet set = set(entry("BAK-001", "'*'", "2020-01-01") + entry("BAK-001", "mod.*", "2030-01-01")
                + entry("BAK-001", "mod.a", "2031-01-01"));
        WaiverOutcome o = set.apply(result(fail("BAK-001", "mod.a")), on("2026-01-01"));
        assertEquals(LocalDate.of(2030, 1, 1), o.result().findings().get(0).waiver().expires());
        assertEquals(0, o.expired());
        assertTrue(o.unmatched().isEmpty(), "every entry matched the finding");
    }

    @Test
    void waiversThatMatchNoFailingOrUnknownFindingAreUnmatched() {
        WaiverSet set = set(entry("BAK-001", "module.legacy.*", "2030-01-01") + entry("ENC-001", "a", "2030-01-01")
                + entry("BAK-005", "gone", "2030-01-01"));
        WaiverOutcome o = set.apply(result(fail("BAK-001", "module.legacy.x"),
                finding("ENC-001", "a", Status.PASS, "k", "f", 1)), on("2026-01-01"));
        assertEquals(List.of(2, 3), o.unmatched().stream().map(WaiverEntry::number).toList(),
                "a waiver over a passing finding is stale too");
        assertTrue(new Review(o.result(), null, o).notes().contains(
                "warning: w.yaml: waiver 2 (line 6: ENC-001 a) matches no failing or unknown finding"));
    }
}
