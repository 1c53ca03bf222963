package io.pactport.core.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small broker for writer tests: it records every write ({@code METHOD path}, with its body) and answers each
 * request as its {@link Answers} say.
 */
public final class RecordingBroker implements AutoCloseable {

    /** A request's answer. */
    public record Answer(int status, String body) {}

    /** How the broker answers a request. */
    @FunctionalInterface
    public interface Answers {
        Answer to(String method, String path);
    }

    private final HttpServer server;
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public RecordingBroker(Answers answers) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                if (!method.equals("GET")) {
                    writes.add(method + " " + path);
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                Answer answer = answers.to(method, path);
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** A writer to this broker, without credentials. */
    public BrokerWriter writer() {
        return new BrokerWriter(new PactBrokerClient(
                "http://127.0.0.1:" + server.getAddress().getPort(), BrokerCredentials.NONE, Duration.ofSeconds(5)));
    }

    /** The writes in the order they came, as {@code METHOD path} (the path as sent, still encoded). */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** The bodies of {@link #writes()}, in the same order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
