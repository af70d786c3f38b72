package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auditor's HTML report, written by a real run and read in a real browser: Debian's Chromium, headless, driven
 * through the DevTools protocol. Checks the totals, a filter that hides PASS rows, that a hostile value stays text,
 * and saves a screenshot under the build directory.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser opened;
    private static Browser.Cdp page;
    private static JsonNode result;
    private static Path dir;

    @BeforeAll
    static void renderAndOpen() throws Exception {
        dir = Path.of(System.getProperty("plumbline.root"), "cli", "target", "browser-test");
        Files.createDirectories(dir);
        Path hostile = Path.of(System.getProperty("plumbline.root"), "cli", "src", "test", "resources", "html",
                "hostile.cfn.yaml");
        Path variant = Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources",
                "io", "plumbline", "reference", "variants", "terraform", "MAZ-006-az-unset.tfplan.json");
        CommandLineTest.Run run = CommandLineTest.plumbline("check", hostile.toString(), variant.toString(),
                "--format", "html,json", "--out", dir.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        result = JSON.readTree(dir.resolve("plumbline.json").toFile());

        opened = Browser.open(dir.resolve("plumbline.html"));
        page = opened.page;
    }

    @AfterAll
    static void close() {
        if (opened != null) opened.close();
    }

    @Test
    void totalsMatchTheRun() throws Exception {
        for (String status : new String[] {"PASS", "FAIL", "UNKNOWN", "NOT_APPLICABLE"}) {
            String shown = page.eval("document.querySelector('#status-totals tr[data-status=\"" + status
                    + "\"] .count').textContent").asText();
            assertEquals(result.path("summary").path(status).asText(), shown, status);
        }
        assertEquals(result.path("findings").size(), page.eval("document.querySelectorAll('tr.finding').length").asInt());
    }

    @Test
    void unticking_PASS_hidesPassingRows() throws Exception {
        int pass = result.path("summary").path("PASS").asInt();
        int all = result.path("findings").size();
        assertTrue(pass > 0);
        page.eval("(() => { const b = document.querySelector('input[name=status][value=PASS]'); b.click(); return b.checked; })()");
        assertEquals(0, page.eval("Array.from(document.querySelectorAll('tr.finding[data-status=PASS]'))"
                + ".filter(r => r.offsetParent !== null).length").asInt());
        assertEquals(all - pass, page.eval("Array.from(document.querySelectorAll('tr.finding'))"
                + ".filter(r => r.offsetParent !== null).length").asInt());
        assertTrue(page.eval("document.getElementById('visible-count').textContent").asText()
                .startsWith((all - pass) + " of " + all));
        screenshot("report-without-pass.png");
        page.eval("document.querySelector('input[name=status][value=PASS]').click()");
    }

    @Test
    void hostileValuesStayText() throws Exception {
        assertEquals(0, page.eval("document.querySelectorAll('img').length").asInt(), "no element was injected");
        assertTrue(page.eval("document.body.textContent.includes('<img src=x onerror=alert(1)>')").asBoolean(),
                "the value is shown as text");
        assertFalse(Files.readString(dir.resolve("plumbline.html")).contains("<img src=x"),
                "escaped in the file itself");
    }

    @Test
    void screenshotOfTheFirstScreen() throws Exception {
        Path png = screenshot("report.png");
        assertTrue(Files.size(png) > 10_000, "a real picture");
    }

    /**
     * The reference example and a failing variant as an auditor sees them: screenshots kept under the build
     * directory ({@code reference-report.png}, {@code failing-report.png}); the failures lead, every location column
     * is wide enough to read (never a column of single characters), and the header counts what the inputs table does.
     */
    @Test
    void theReferenceAndAFailingVariantReadWellInTheBrowser() throws Exception {
        Path reference = Path.of(System.getProperty("plumbline.root"), "infra-reference", "src", "main", "resources",
                "io", "plumbline", "reference");
        Object[][] cases = {
                {"reference", new String[] {reference.resolve("terraform/reference.tfplan.json").toString(),
                        reference.resolve("cloudformation/reference.cfn.yaml").toString()}, 0},
                {"failing", new String[] {
                        reference.resolve("variants/terraform/NET-007-aurora-from-alb.tfplan.json").toString(),
                        reference.resolve("variants/terraform/NET-009-ssh-open.tfplan.json").toString(),
                        reference.resolve("variants/terraform/MAZ-006-az-unset.tfplan.json").toString()}, 1}};
        for (Object[] c : cases) {
            Path out = dir.resolve((String) c[0]);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check"));
            args.addAll(java.util.List.of((String[]) c[1]));
            args.addAll(java.util.List.of("--format", "html", "--out", out.toString()));
            CommandLineTest.Run run = CommandLineTest.plumbline(args.toArray(String[]::new));
            assertEquals((int) c[2], run.exit(), run.out() + run.err());
            try (Browser b = Browser.open(out.resolve("plumbline.html"))) {
                Browser.Cdp p = b.page;
                JsonNode shot = p.call("Page.captureScreenshot", Map.of("format", "png"));
                Path png = dir.resolve(c[0] + "-report.png");
                Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
                assertTrue(Files.size(png) > 10_000, "a real picture");
                int narrowest = p.eval("Math.min(...Array.from(document.querySelectorAll('td.loc'))"
                        + ".filter(td => td.offsetParent !== null).map(td => td.getBoundingClientRect().width))")
                        .asInt();
                assertTrue(narrowest >= 150, c[0] + ": the narrowest location column is " + narrowest + " px");
                int inputs = p.eval("Array.from(document.querySelectorAll('.input-resources'))"
                        + ".reduce((n, e) => n + Number(e.textContent), 0)").asInt();
                assertEquals(p.eval("document.getElementById('resource-count').textContent").asInt(), inputs);
                int failuresTop = p.eval("document.getElementById('failures').getBoundingClientRect().top").asInt();
                int controlsTop = p.eval("document.getElementById('controls').getBoundingClientRect().top").asInt();
                assertTrue(failuresTop < controlsTop, "failures first");
                String summary = p.eval("document.getElementById('summary').textContent").asText();
                assertTrue(summary.matches("\\d+ of \\d+ rules pass; .*\\."), summary);
                if ((int) c[2] == 1) {
                    assertTrue(p.eval("document.querySelectorAll('tr.failure').length").asInt() >= 2);
                    assertTrue(p.eval("document.querySelectorAll('#failures details.hops:not([open])').length")
                            .asInt() >= 1, "the witness path of NET-007 is folded");
                }
            }
        }
    }

    private static Path screenshot(String name) throws Exception {
        JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"));
        Path png = dir.resolve(name);
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
        return png;
    }
}
