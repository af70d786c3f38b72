package io.plumbline.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * JUnit 5 extension: installs the pinned moto (live/scripts/moto-server.sh, project-local venv under target/), starts
 * {@code moto_server} on a free loopback port once per test run, waits until it answers, and stops it when the run
 * ends. A missing python/pip is a failure, never a skip.
 */
public final class MotoServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final String REGION = "eu-west-1";
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private static MotoServer running;

    private Process process;
    private int port;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        synchronized (MotoServer.class) {
            if (running == null) {
                MotoServer s = new MotoServer();
                s.start();
                context.getRoot().getStore(Namespace.GLOBAL).put(MotoServer.class.getName(), s);
                running = s;
            }
        }
    }

    public static MotoServer get() {
        if (running == null) throw new IllegalStateException("MotoServer extension not registered");
        return running;
    }

    private static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        Path p = basedir != null ? Path.of(basedir) : Path.of("").toAbsolutePath();
        if (!Files.exists(p.resolve("scripts/moto-server.sh")) && Files.exists(p.resolve("live/scripts/moto-server.sh"))) {
            p = p.resolve("live");
        }
        // another module's tests (the cli's) use the live module's harness and its venv
        if (!Files.exists(p.resolve("scripts/moto-server.sh")) && Files.exists(p.resolve("../live/scripts/moto-server.sh"))) {
            p = p.resolve("../live").normalize();
        }
        return p;
    }

    private void start() throws Exception {
        Path dir = moduleDir();
        Path script = dir.resolve("scripts/moto-server.sh");
        Path log = dir.resolve("target/moto-server.log");
        Files.createDirectories(log.getParent());
        long t0 = System.nanoTime();
        Process install = new ProcessBuilder(List.of("bash", script.toString(), "install")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!install.waitFor(15, TimeUnit.MINUTES) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("installing moto failed; see " + log);
        }
        long t1 = System.nanoTime();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        process = new ProcessBuilder(List.of("bash", script.toString(), "run", String.valueOf(port)))
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // Belt and braces: stop the server even if JUnit never closes the store (JVM killed by a timeout...).
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "moto-server-stop"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) throw new IllegalStateException("moto_server exited; see " + log);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint().resolve("/moto-api/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) break;
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("moto_server did not answer on port " + port + " within 60s");
            }
            Thread.sleep(100);
        }
        System.err.printf("moto: install/check %.1fs, start %.1fs, port %d%n", (t1 - t0) / 1e9,
                (System.nanoTime() - t1) / 1e9, port);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Wipes every account and region, then seeds the id generator (deterministic ids). */
    public void reset() {
        post("/moto-api/reset");
        post("/moto-api/seed?a=42");
    }

    private void post(String path) {
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint().resolve(path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
        } catch (IOException e) {
            throw new IllegalStateException(path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Options for an audit of the emulator: static fake credentials, no retries (moto answers 500 when unemulated). */
    public AuditOptions options() {
        return new AuditOptions(endpoint(), List.of(REGION), CREDENTIALS, Duration.ofSeconds(30), RetryMode.ADAPTIVE_V2);
    }

    /** Overrides for seeding clients (not read-only: seeding writes). */
    public static ClientOverrideConfiguration seedingOverrides() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30)).build();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

}
