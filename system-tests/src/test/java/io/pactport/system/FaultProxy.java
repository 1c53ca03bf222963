package io.pactport.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP proxy in front of a real broker that can play a broken one: answer 503 to everything ("down"), or only
 * from the n-th request on. Faults only; everything else is the real broker's answer.
 */
final class FaultProxy implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> FORWARDED = List.of("Content-Type", "Accept", "Authorization");

    private final HttpServer server;
    private final String backend;
    /** Requests still let through; negative = all of them. */
    private final AtomicInteger allowance = new AtomicInteger(-1);

    final AtomicInteger requests = new AtomicInteger();

    FaultProxy(String backend) throws IOException {
        this.backend = backend;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                int left = allowance.getAndUpdate(n -> n > 0 ? n - 1 : n);
                if (left == 0) {
                    byte[] body = "{\"error\":\"the proxy plays a broker that is down\"}".getBytes();
                    exchange.sendResponseHeaders(503, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                byte[] requestBody;
                try (InputStream in = exchange.getRequestBody()) {
                    requestBody = in.readAllBytes();
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(backend + exchange.getRequestURI().toString()))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                exchange.getRequestMethod(),
                                requestBody.length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(requestBody));
                for (String header : FORWARDED) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        request.header(header, value);
                    }
                }
                HttpResponse<byte[]> response;
                try {
                    response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(502, -1);
                    return;
                }
                response.headers()
                        .firstValue("Content-Type")
                        .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                response.headers()
                        .firstValue("Location")
                        .ifPresent(v -> exchange.getResponseHeaders().add("Location", v));
                byte[] body = response.body();
                exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request from now on gets 503. */
    void down() {
        allowance.set(0);
    }

    /** Requests pass again. */
    void up() {
        allowance.set(-1);
    }

    /** The next {@code n} requests pass, every later one gets 503. */
    void failAfter(int n) {
        allowance.set(n);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
