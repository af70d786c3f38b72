package io.plumbline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plumbline.api.Plumbline;
import io.plumbline.engine.Result;
import io.plumbline.reports.html.History;
import io.plumbline.reports.html.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's content and trend; the browser test in cli reads the rendered page itself. */
class HtmlReportTest {
    @TempDir
    Path history;

    private static Result run(String... variants) {
        Plumbline.Check check = Plumbline.check();
        for (String v : variants) {
            check.input(Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources",
                    "io", "plumbline", "reference").resolve(v));
        }
        return check.run();
    }

    private void save(Result r, String name, Instant when) throws Exception {
        Path f = history.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            JsonReport.write(r, "test", out);
        }
        Files.setLastModifiedTime(f, FileTime.from(when));
    }

    @Test
    void trendShowsEveryRunAndWhatChangedSinceTheLast() throws Exception {
        save(run("terraform/reference.tfplan.json"), "night-1.json", Instant.parse("2026-11-20T02:00:00Z"));
        save(run("variants/terraform/BAK-001-short-retention.tfplan.json"), "night-2.json",
                Instant.parse("2026-11-21T02:00:00Z"));
        Result tonight = run("variants/terraform/NET-003-public-instance.tfplan.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(tonight, "test", Instant.parse("2026-11-22T02:00:00Z"), History.read(history), out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertTrue(html.contains("night-1.json") && html.contains("night-2.json") && html.contains("this run"), html);
        int since = html.indexOf("Since <span class=\"mono\">night-2.json</span>");
        assertTrue(since > 0, "compared with the latest earlier run");
        String newList = html.substring(html.indexOf("class=\"new-failure\""));
        assertTrue(newList.contains("NET-003"), "the public instance is new");
        String fixedList = html.substring(html.indexOf("class=\"fixed-failure\""));
        assertTrue(fixedList.contains("BAK-001 module.aurora.aws_rds_cluster.this"), "retention was fixed");
    }

    @Test
    void withoutHistoryThereIsNoTrend() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(run("terraform/reference.tfplan.json"), "test", Instant.EPOCH, out);
        String html = out.toString(StandardCharsets.UTF_8);
        assertFalse(html.contains("id=\"trend\""));
        assertFalse(html.contains("http://") && html.contains("<link"), "no external resource");
        assertFalse(html.contains("<script src"), "self-contained");
    }

    @Test
    void historyThatIsNotAResultIsRefusedNamingTheFile() throws Exception {
        Files.writeString(history.resolve("x.json"), "{\"name\": \"left-pad\"}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.plumbline.source.InputException.class,
                () -> History.read(history));
        assertTrue(e.getMessage().contains("x.json"), e.getMessage());
    }

    @Test
    void aLiveAuditShowsItsAccountsRegionsAndWhatWasNotCollected() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        HtmlReport.write(ResultSchemaTest.incompleteLiveAudit(), "test", Instant.EPOCH, out);
        String html = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<table id=\"live-scopes\">")
                && html.contains("<td class=\"mono\">111111111111</td><td>eu-west-1</td><td>1</td>"), html);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("<table id=\"not-collected\">")
                && html.contains("rds:DescribeDBInstances"), "the gap is listed");
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("AccessDenied: &lt;not authorized&gt;"),
                "error text is escaped");
    }

    private static String html(Result r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HtmlReport.write(r, "test", Instant.parse("2026-12-07T02:40:31Z"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void failuresComeFirstBySeverityThenRuleUnderASentenceAnAuditorCanQuote() {
        // NET-009 (critical) fails on the nodes' group, ENC-001 (high) on the Aurora cluster.
        Result r = run("variants/terraform/ENC-001-unencrypted.tfplan.json",
                "variants/terraform/NET-009-ssh-open.tfplan.json");
        String html = html(r);
        int failures = html.indexOf("<section id=\"failures\">");
        assertTrue(failures > 0 && failures < html.indexOf("<section id=\"controls\">")
                && failures < html.indexOf("<section id=\"findings\">"), "failures before the control matrix");
        int net009 = html.indexOf("<tr class=\"failure\" data-rule=\"NET-009\"");
        int enc001 = html.indexOf("<tr class=\"failure\" data-rule=\"ENC-001\"");
        assertTrue(net009 > 0 && enc001 > net009, "critical before high");
        long passing = r.rules().size() - 2;
        assertTrue(html.contains("<p class=\"summary\" id=\"summary\">" + passing + " of " + r.rules().size()
                + " rules pass; 2 fail (1 critical, 1 high) on 2 resources."), html.substring(0, 3000));
    }

    @Test
    void witnessPathsAreFoldedAndLocationsBreakAtSeparators() {
        String html = html(run("variants/terraform/NET-007-aurora-from-alb.tfplan.json"));
        assertTrue(html.matches("(?s).*<details class=\"hops\"><summary>Witness path: \\d+ hops</summary>.*"),
                "hops folded under one line");
        assertTrue(html.contains("terraform/<wbr>NET-<wbr>007-<wbr>aurora-<wbr>from-<wbr>alb.<wbr>tfplan.<wbr>json"),
                "a location may break after its separators");
        assertFalse(html.contains("break-all") || html.contains("overflow-wrap: anywhere"),
                "no rule that breaks a location between any two letters");
    }

    @Test
    void unverifiedMappingsAreSaidInWordsNeverAsAQuestionMark() {
        String html = html(run("terraform/reference.tfplan.json"));
        String controls = html.substring(html.indexOf("<section id=\"controls\">"),
                html.indexOf("<section id=\"findings\">"));
        assertFalse(controls.matches("(?s).*[A-Z]{2}-\\d+(\\(\\d+\\))?\\?.*"), "no control id with a ?");
        assertTrue(controls.contains("<td class=\"mono\">NIST AC-4</td>"), controls);
        assertTrue(controls.contains("NET-007</a> <span class=\"badge pass\">PASS</span> "
                + "<span class=\"unverified\">(mapping not verified)</span>"), controls);
        assertFalse(html.contains("AC-4?") || html.contains("SC-7?"));
    }

    @Test
    void theTimestampReadsAsADateAndTheResourceCountsAgree() {
        Result r = run("terraform/reference.tfplan.json", "cloudformation/reference.cfn.yaml");
        String html = html(r);
        assertTrue(html.contains("<time id=\"generated-at\" datetime=\"2026-12-07T02:40:31Z\">7 December 2026, "
                + "02:40 UTC</time>"), html.substring(0, 3000));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<span class=\"input-resources\">(\\d+)</span>")
                .matcher(html);
        int sum = 0;
        int inputs = 0;
        while (m.find()) {
            sum += Integer.parseInt(m.group(1));
            inputs++;
        }
        assertEquals(2, inputs);
        assertTrue(html.contains("<span id=\"resource-count\">" + sum + "</span> resources"),
                "the header counts what the inputs table counts");
        assertEquals(r.model().resources().size(), sum);
    }
}
