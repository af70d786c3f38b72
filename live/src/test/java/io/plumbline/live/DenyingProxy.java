package io.plumbline.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fault-injecting HTTP proxy on loopback: requests signed for a denied service (credential scope
 * {@code .../REGION/SERVICE/aws4_request}) get the query-protocol AccessDenied error AWS returns (HTTP 403, ErrorResponse
 * document as in the AWS Query API error format); everything else is forwarded to moto unchanged.
 */
public final class DenyingProxy implements AutoCloseable {

    private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI upstream;
    private final Set<String> deniedServices;

    public DenyingProxy(URI upstream, Set<String> deniedServices) throws IOException {
        this.upstream = upstream;
        this.deniedServices = deniedServices;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String form = new String(body, StandardCharsets.UTF_8);
            for (String svc : deniedServices) {
                // "rds" denies the whole service; "rds:DescribeDBInstances" one action of a query-protocol service.
                int colon = svc.indexOf(':');
                String service = colon < 0 ? svc : svc.substring(0, colon);
                boolean actionMatches = colon < 0 || form.contains("Action=" + svc.substring(colon + 1) + "&")
                        || form.endsWith("Action=" + svc.substring(colon + 1));
                if (auth.contains("/" + service + "/aws4_request") && actionMatches) {
                    byte[] err = ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: "
                            + "arn:aws:iam::123456789012:user/auditor is not authorized to perform this " + svc
                            + " action</Message></Error><RequestId>denied-by-test-proxy</RequestId></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/xml");
                    ex.sendResponseHeaders(403, err.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(err);
                    }
                    return;
                }
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().toString()))
                    .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT))) for (String v : vs) rb.header(k, v);
            });
            HttpResponse<byte[]> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((k, vs) -> {
                if (!HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                    ex.getResponseHeaders().put(k, List.copyOf(vs));
                }
            });
            byte[] rbody = r.body();
            ex.sendResponseHeaders(r.statusCode(), rbody.length == 0 ? -1 : rbody.length);
            if (rbody.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(rbody);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
