package io.pactport.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pactport.core.remote.RemoteModel.Deployment;
import io.pactport.core.remote.RemoteModel.Verification;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer finds an environment's uuid and a pact version's URLs once per target, not for every event, and looks
 * them up again when the target says they are gone (an environment deleted and made again). A tiny broker counts the
 * requests.
 */
class BrokerWriterLookupsTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** The broker's environments: name to uuid. */
    private final Map<String, String> environments = new ConcurrentHashMap<>();

    private final List<String> deployedTo = new CopyOnWriteArrayList<>();
    private final List<String> verifiedBy = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(method + " " + path);
                if (path.equals("/environments") && method.equals("GET")) {
                    StringBuilder list = new StringBuilder();
                    environments.forEach((name, uuid) -> list.append(list.isEmpty() ? "" : ",")
                            .append("{\"uuid\":\"" + uuid + "\",\"name\":\"" + name + "\",\"production\":true}"));
                    answer(exchange, 200, "{\"_embedded\":{\"environments\":[" + list + "]}}");
                } else if (path.startsWith("/environments/")) {
                    String uuid = path.split("/")[2];
                    answer(
                            exchange,
                            environments.containsValue(uuid) ? 200 : 404,
                            "{\"_embedded\":{\"deployedVersions\":[]}}");
                } else if (path.contains("/deployed-versions/environment/")) {
                    String uuid = path.substring(path.lastIndexOf('/') + 1);
                    if (environments.containsValue(uuid)) {
                        deployedTo.add(uuid);
                        answer(exchange, 201, "{}");
                    } else {
                        answer(exchange, 404, "{}");
                    }
                } else if (path.startsWith("/pacts/") && method.equals("GET")) {
                    String base = "http://127.0.0.1:" + server.getAddress().getPort();
                    answer(
                            exchange,
                            200,
                            "{\"_links\":{\"pb:latest-verification-results\":{\"href\":\"" + base
                                    + "/latest\"},\"pb:publish-verification-results\":{\"href\":\"" + base
                                    + "/publish\"}}}");
                } else if (path.equals("/publish")) {
                    verifiedBy.add(body);
                    answer(exchange, 201, "{}");
                } else if (path.equals("/latest")) {
                    answer(exchange, 404, "{}");
                } else {
                    answer(exchange, 200, "{}");
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
    void anEnvironmentIsListedOnceAndAgainOnlyWhenItsUuidIsGone() {
        environments.put("production", "uuid-1");
        BrokerWriter writer = writer();
        writer.deployment(new Deployment("Foo", "1", "production", null), true);
        writer.deployment(new Deployment("Foo", "2", "production", null), true);
        assertThat(count("GET /environments")).isEqualTo(1);
        assertThat(deployedTo).containsExactly("uuid-1", "uuid-1");

        environments.put("production", "uuid-2"); // deleted and made again on the target
        writer.deployment(new Deployment("Foo", "3", "production", null), true);
        assertThat(count("GET /environments")).isEqualTo(2);
        assertThat(deployedTo).containsExactly("uuid-1", "uuid-1", "uuid-2");
    }

    @Test
    void aPactVersionIsFoundOnceForAllItsVerificationResults() {
        BrokerWriter writer = writer();
        for (String providerVersion : List.of("p-1", "p-2", "p-3")) {
            writer.verification(new Verification("Foo", "Bar", "abc", "c-1", providerVersion, true, null, null), null);
        }
        assertThat(requests.stream().filter(r -> r.startsWith("GET /pacts/")).count())
                .isEqualTo(1);
        assertThat(verifiedBy).hasSize(3);
    }

    private long count(String request) {
        return requests.stream().filter(request::equals).count();
    }

    private BrokerWriter writer() {
        return new BrokerWriter(new PactBrokerClient(
                "http://127.0.0.1:" + server.getAddress().getPort(), BrokerCredentials.NONE, Duration.ofSeconds(5)));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/hal+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
