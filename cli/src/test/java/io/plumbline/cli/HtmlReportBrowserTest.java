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

    private static Path screenshot(String name) throws Exception {
        JsonNode shot = page.call("Page.captureScreenshot", Map.of("format", "png"));
        Path png = dir.resolve(name);
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
        return png;
    }
}
