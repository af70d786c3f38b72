package io.plumbline.reports;

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
}
