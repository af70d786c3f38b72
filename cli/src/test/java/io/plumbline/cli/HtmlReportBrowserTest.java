package io.plumbline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static Process browser;
    private static Cdp page;
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

        Path chromium = Path.of("/usr/bin/chromium");
        assertTrue(Files.isExecutable(chromium), "Debian's chromium is installed by scripts/test.sh");
        browser = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("plumbline-chromium"),
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,1600", "about:blank")
                .redirectErrorStream(true).start();
        String wsBrowser = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("DevTools listening on (ws://\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while (wsBrowser == null && System.nanoTime() < deadline && (line = r.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) wsBrowser = m.group(1);
        }
        assertTrue(wsBrowser != null, "chromium announced its DevTools endpoint");
        Thread drain = new Thread(() -> r.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        URI base = URI.create(wsBrowser.replace("ws://", "http://")).resolve("/json/list");
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        for (JsonNode t : JSON.readTree(http.send(HttpRequest.newBuilder(base).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            if ("page".equals(t.path("type").asText())) pageWs = t.path("webSocketDebuggerUrl").asText();
        }
        assertTrue(pageWs != null, "a page target");
        page = new Cdp(http, pageWs);
        page.call("Page.enable", Map.of());
        page.call("Page.navigate", Map.of("url", dir.resolve("plumbline.html").toUri().toString()));
        for (int i = 0; i < 100 && !"complete".equals(page.eval("document.readyState").asText()); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.destroyForcibly();
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

    /** A minimal Chrome DevTools Protocol client: one request at a time, answers matched by id. */
    static final class Cdp implements WebSocket.Listener {
        private final WebSocket ws;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(HttpClient http, String url) {
            ws = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", JSON.valueToTree(params));
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ws.sendText(JSON.writeValueAsString(msg), true).join();
            JsonNode reply = answer.get(30, TimeUnit.SECONDS);
            if (reply.has("error")) throw new AssertionError(method + ": " + reply.get("error"));
            return reply.path("result");
        }

        JsonNode eval(String expression) throws Exception {
            JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (r.has("exceptionDetails")) throw new AssertionError(expression + ": " + r.get("exceptionDetails"));
            return r.path("result").path("value");
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(partial.toString());
                    CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                    if (f != null) f.complete(msg);
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
