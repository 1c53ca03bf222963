package io.pactport.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's fault handling against a tiny HTTP server playing a broken broker (faults only). */
class PactBrokerClientTest {

    private HttpServer server;
    private final Map<String, String> authorization = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                authorization.put(path, auth == null ? "" : auth);
                switch (path) {
                    case "/slow" -> {
                        sleep(2000);
                        answer(exchange, 200, "{}");
                    }
                    case "/boom" -> answer(exchange, 500, "{\"error\":{\"message\":\"boom\"}}");
                    case "/conflict" -> answer(exchange, 409, "{\"error\":\"changed content\"}");
                    case "/locked" -> answer(exchange, 401, "");
                    case "/missing" -> answer(exchange, 404, "{\"error\":\"not found\"}");
                    default -> answer(exchange, 200, "{\"name\":\"Foo\"}");
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aSlowAnswerIsATimeoutThatCanHeal() {
        var client = client(BrokerCredentials.NONE, Duration.ofMillis(300));
        assertThatThrownBy(() -> client.get("/slow")).isInstanceOfSatisfying(RemoteBrokerException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.retriable()).isTrue();
        });
    }

    @Test
    void fiveHundredsAndAuthenticationCanHealOtherFourHundredsCannot() {
        var client = client(BrokerCredentials.NONE, Duration.ofSeconds(5));
        assertThatThrownBy(() -> client.get("/boom"))
                .isInstanceOfSatisfying(
                        RemoteBrokerException.class,
                        e -> assertThat(e.retriable()).isTrue());
        assertThatThrownBy(() -> client.get("/locked"))
                .isInstanceOfSatisfying(
                        RemoteBrokerException.class,
                        e -> assertThat(e.retriable()).isTrue());
        assertThatThrownBy(() -> client.put("/conflict", Map.of()))
                .isInstanceOfSatisfying(RemoteBrokerException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.answer()).contains("changed content");
                    assertThat(e.getMessage()).contains("PUT", "/conflict", "409", "changed content");
                });
    }

    @Test
    void notFoundIsAnAnswer() {
        var answer = client(BrokerCredentials.NONE, Duration.ofSeconds(5)).get("/missing");
        assertThat(answer.found()).isFalse();
    }

    @Test
    void credentialsAreSentButNeverShown() {
        client(BrokerCredentials.basic("sync", "s3cret"), Duration.ofSeconds(5)).get("/basic");
        client(BrokerCredentials.bearer("t0ken"), Duration.ofSeconds(5)).get("/bearer");
        assertThat(authorization.get("/basic"))
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder().encodeToString("sync:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(authorization.get("/bearer")).isEqualTo("Bearer t0ken");
        assertThat(BrokerCredentials.basic("sync", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(BrokerCredentials.bearer("t0ken").toString()).doesNotContain("t0ken");
        assertThatThrownBy(() -> client(BrokerCredentials.basic("sync", "s3cret"), Duration.ofSeconds(5))
                        .get("/boom"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> new PactBrokerClient(
                        "http://user:pw@localhost:1", BrokerCredentials.NONE, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
    }

    private PactBrokerClient client(BrokerCredentials credentials, Duration timeout) {
        return new PactBrokerClient("http://127.0.0.1:" + server.getAddress().getPort(), credentials, timeout);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
