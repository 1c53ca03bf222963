package io.pactport.api.webhooks;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server on a free loopback port that records every request and answers with the statuses queued for its
 * path (200 when none are), to stand for a CI server or a git host that webhooks call. {@link #tls()} serves HTTPS with
 * a self-signed certificate made for it, as an in-house server would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body, Instant at) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> String.join(", ", e.getValue()))
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final String certificatePem;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        this(plain(), null);
    }

    /** An HTTPS receiver whose certificate (for {@code localhost} and {@code 127.0.0.1}) no authority signed. */
    public static WebhookReceiver tls() {
        try {
            Path dir = Files.createTempDirectory("webhook-tls");
            Path keystore = dir.resolve("server.p12");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-keystore",
                    keystore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            String pem = keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "server",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return new WebhookReceiver(server, pem.substring(pem.indexOf("-----BEGIN")));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not make the test's TLS server", e);
        }
    }

    private static final String PASSWORD = "changeit";

    private static String keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }

    private static HttpServer plain() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookReceiver(HttpServer server, String certificatePem) {
        this.server = server;
        this.certificatePem = certificatePem;
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    Instant.now()));
            Deque<Integer> queued = statuses.get(exchange.getRequestURI().getPath());
            Integer status = queued == null ? null : queued.poll();
            byte[] answer = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The HTTPS receiver's certificate in PEM, as an operator would configure it. */
    public String certificatePem() {
        return certificatePem;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Answers the next requests to {@code path} with these statuses, in order. */
    public void answer(String path, Integer... codes) {
        statuses.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(codes));
    }

    public List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits until {@code count} requests match, and returns them; fails after {@code timeout}. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            List<Received> found = matching(filter);
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(
                "expected " + count + " matching webhook requests within " + timeout + ", got " + matching(filter));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
