package io.plumbline.cli;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's Chromium, headless, with one page open on a file, driven through the DevTools protocol. */
final class Browser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process browser;
    final Cdp page;

    private Browser(Process browser, Cdp page) {
        this.browser = browser;
        this.page = page;
    }

    /** Starts Chromium and opens {@code html}, waiting until the document is loaded. */
    static Browser open(Path html) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assertTrue(Files.isExecutable(chromium), "Debian's chromium is installed by scripts/test.sh");
        Process browser = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
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
        Cdp page = new Cdp(http, pageWs);
        page.call("Page.enable", Map.of());
        page.call("Page.navigate", Map.of("url", html.toUri().toString()));
        for (int i = 0; i < 100 && !"complete".equals(page.eval("document.readyState").asText()); i++) {
            Thread.sleep(100);
        }
        return new Browser(browser, page);
    }

    @Override
    public void close() {
        browser.destroyForcibly();
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
