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
 * document as in the AWS Query API error format); with {@link #throttling}, the first N requests of a service get the
 * throttling error AWS returns (EC2: HTTP 503 {@code RequestLimitExceeded} in EC2's Response/Errors document; query
 * services: HTTP 400 {@code Throttling} in an ErrorResponse), as documented in the EC2 and Query API error references.
 * With {@link #answering}, a test's {@link Answer} may reply to requests itself (an operation moto does not serve);
 * everything else is forwarded to moto unchanged.
 */
public final class DenyingProxy implements AutoCloseable {

    private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI upstream;
    private final Set<String> deniedServices;
    private final java.util.Map<String, Integer> throttleFirst;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> seen =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger throttled = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Answer answer;

    /** A reply of the proxy itself. */
    public record Reply(int status, String contentType, byte[] body) {
    }

    /** Answers a request itself, or returns null to let it through to moto. */
    public interface Answer {
        Reply answer(String method, String path, java.util.Map<String, List<String>> headers, byte[] body);
    }

    /** A proxy that lets {@code answer} reply to the requests it chooses and forwards the rest to moto. */
    public static DenyingProxy answering(URI upstream, Answer answer) throws IOException {
        DenyingProxy p = new DenyingProxy(upstream, Set.of(), java.util.Map.of());
        p.answer = answer;
        return p;
    }

    public DenyingProxy(URI upstream, Set<String> deniedServices) throws IOException {
        this(upstream, deniedServices, java.util.Map.of());
    }

    private Set<String> optedOutRegions = Set.of();

    /**
     * Answers every request signed for one of {@code regions} as AWS answers a region the account has not enabled
     * (EC2: 401 {@code OptInRequired}; other services: 403 {@code UnrecognizedClientException} / {@code
     * InvalidClientTokenId} / {@code InvalidAccessKeyId}, each in its protocol's error format).
     */
    public static DenyingProxy regionsOptedOut(URI upstream, Set<String> regions) throws IOException {
        DenyingProxy p = new DenyingProxy(upstream, Set.of(), java.util.Map.of());
        p.optedOutRegions = Set.copyOf(regions);
        return p;
    }

    private static final Set<String> QUERY_SERVICES = Set.of("rds", "elasticache", "elasticloadbalancing",
            "autoscaling", "sts", "iam");

    private boolean optedOut(HttpExchange ex, String auth) throws IOException {
        for (String region : optedOutRegions) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/" + java.util.regex.Pattern.quote(region)
                    + "/([a-z0-9-]+)/aws4_request").matcher(auth);
            if (!m.find()) continue;
            String service = m.group(1);
            int status;
            String type;
            String body;
            if (service.equals("ec2")) {
                status = 401;
                type = "text/xml";
                body = "<Response><Errors><Error><Code>OptInRequired</Code><Message>You are not subscribed to this "
                        + "service.</Message></Error></Errors><RequestID>opted-out</RequestID></Response>";
            } else if (service.equals("s3")) {
                status = 403;
                type = "application/xml";
                body = "<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not "
                        + "exist in our records.</Message></Error>";
            } else if (QUERY_SERVICES.contains(service)) {
                status = 403;
                type = "text/xml";
                body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The "
                        + "security token included in the request is invalid.</Message></Error></ErrorResponse>";
            } else {
                status = 403;
                type = "application/x-amz-json-1.1";
                ex.getResponseHeaders().add("x-amzn-ErrorType", "UnrecognizedClientException");
                body = "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in "
                        + "the request is invalid.\"}";
            }
            send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    /** Throttles the first {@code firstN.get(service)} requests of each service (Integer.MAX_VALUE: all of them). */
    public static DenyingProxy throttling(URI upstream, java.util.Map<String, Integer> firstN) throws IOException {
        return new DenyingProxy(upstream, Set.of(), firstN);
    }

    private DenyingProxy(URI upstream, Set<String> deniedServices, java.util.Map<String, Integer> throttleFirst)
            throws IOException {
        this.upstream = upstream;
        this.deniedServices = deniedServices;
        this.throttleFirst = java.util.Map.copyOf(throttleFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** How many requests were answered with a throttling error. */
    public int throttled() {
        return throttled.get();
    }

    /** How many requests signed for {@code service} reached the proxy (throttled or not). */
    public int requests(String service) {
        var n = seen.get(service);
        return n == null ? 0 : n.get();
    }

    private boolean throttle(HttpExchange ex, String auth) throws IOException {
        for (var e : throttleFirst.entrySet()) {
            if (!auth.contains("/" + e.getKey() + "/aws4_request")) continue;
            int n = seen.computeIfAbsent(e.getKey(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
            if (n > e.getValue()) return false;
            throttled.incrementAndGet();
            boolean ec2 = e.getKey().equals("ec2");
            byte[] err = (ec2
                    ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>RequestLimitExceeded"
                    + "</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>throttled-by-test"
                    + "-proxy</RequestID></Response>"
                    : "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
                    + "</Message></Error><RequestId>throttled-by-test-proxy</RequestId></ErrorResponse>")
                    .getBytes(StandardCharsets.UTF_8);
            send(ex, ec2 ? 503 : 400, "text/xml", err);
            return true;
        }
        return false;
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
            if (throttle(ex, auth) || optedOut(ex, auth)) return;
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
                    send(ex, 403, "text/xml", err);
                    return;
                }
            }
            Answer a = answer;
            Reply reply = a == null ? null : a.answer(ex.getRequestMethod(), ex.getRequestURI().toString(),
                    ex.getRequestHeaders(), body);
            if (reply != null) {
                send(ex, reply.status(), reply.contentType(), reply.body());
                return;
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
            send(ex, r.statusCode(), null, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers with {@code body} (no body when empty); {@code contentType} null keeps the headers already set. */
    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
