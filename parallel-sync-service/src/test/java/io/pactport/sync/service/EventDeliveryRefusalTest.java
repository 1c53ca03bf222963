package io.pactport.sync.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.EventType;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.core.remote.RemoteBrokerException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A publication event the target refuses (it holds other content for the consumer version: 409) writes nothing there:
 * not the version's build URL, branch or tags either. The target is a small broker that holds that pact and refuses
 * any other; ParallelSyncIT has the same refusal from a real broker-api.
 */
class EventDeliveryRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                boolean pact = request.endsWith("/pacts/provider/Bar/consumer/Foo/version/1");
                byte[] body = pact ? "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"},\"_links\":{}}"
                        .getBytes(StandardCharsets.UTF_8) : "{}".getBytes(StandardCharsets.UTF_8);
                int status = 200;
                if (!request.startsWith("GET ")) {
                    writes.add(request);
                    status = pact ? 409 : 201;
                }
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aRefusedPactLeavesTheVersionsBuildUrlBranchAndTagsUnwritten() {
        ObjectNode data = JSON.createObjectNode().put("consumer", "Foo").put("provider", "Bar")
                .put("consumerVersionNumber", "1").put("buildUrl", "http://ci/foo/1").put("sha", "abc");
        data.putArray("branches").add("feat/x");
        data.putArray("tags").add("dev");
        ObjectNode content = data.putObject("content");
        content.putObject("consumer").put("name", "Foo");
        content.putObject("provider").put("name", "Bar");
        content.putArray("interactions");
        CloudEvent event = CloudEvent.of("event-1", "/pactport/broker-api", EventType.PACT_PUBLISHED.type(), "Foo/Bar",
                OffsetDateTime.now(), data);
        BrokerWriter target = new BrokerWriter(new PactBrokerClient("http://127.0.0.1:" + server.getAddress().getPort(),
                BrokerCredentials.NONE, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> EventDelivery.deliver(target, event))
                .isInstanceOfSatisfying(RemoteBrokerException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(writes).containsExactly("PUT /pacts/provider/Bar/consumer/Foo/version/1");
    }
}
