package io.pactport.sync.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pactport.core.events.EventSamples;
import io.pactport.core.events.EventType;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every event the sync writes, as broker-core's golden sample carries it, becomes the writes its fields name on the
 * target: a field renamed in the contract fails here, not silently in production. The target is a small broker that
 * records what it is asked to write and answers every read with an empty document.
 */
class EventDeliverySamplesTest {

    private HttpServer server;
    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                if (!method.equals("GET")) {
                    writes.add(method + " " + exchange.getRequestURI().getRawPath());
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                }
                byte[] body = (method.equals("POST") ? "{\"uuid\":\"env-1\"}" : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(method.equals("GET") ? 200 : 201, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PACTICIPANT_CREATED    | PATCH /pacticipants/Foo
            PACTICIPANT_UPDATED    | PATCH /pacticipants/Foo
            PACTICIPANT_DELETED    | DELETE /pacticipants/Foo
            LABEL_ADDED            | PUT /pacticipants/Foo/labels/payments
            LABEL_REMOVED          | DELETE /pacticipants/Foo/labels/payments
            VERSION_CREATED        | PATCH /pacticipants/Foo/versions/1.0.0, PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            VERSION_UPDATED        | PATCH /pacticipants/Foo/versions/1.0.0, PUT /pacticipants/Foo/branches/main/versions/1.0.0, PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            VERSION_DELETED        | DELETE /pacticipants/Foo/versions/1.0.0
            BRANCH_VERSION_ADDED   | PUT /pacticipants/Foo/branches/main/versions/1.0.0
            BRANCH_VERSION_REMOVED | DELETE /pacticipants/Foo/branches/main/versions/1.0.0
            BRANCH_DELETED         | DELETE /pacticipants/Foo/branches/feat%2Fx
            TAG_ADDED              | PUT /pacticipants/Foo/versions/1.0.0/tags/dev
            TAG_REMOVED            | DELETE /pacticipants/Foo/versions/1.0.0/tags/dev
            ENVIRONMENT_CREATED    | POST /environments
            DEPLOYMENT_RECORDED    | POST /environments, PATCH /pacticipants/Foo/versions/1.0.0, POST /pacticipants/Foo/versions/1.0.0/deployed-versions/environment/env-1
            RELEASE_RECORDED       | POST /environments, PATCH /pacticipants/Foo/versions/1.0.0, POST /pacticipants/Foo/versions/1.0.0/released-versions/environment/env-1
            PACT_DELETED           | DELETE /pacts/provider/Bar/consumer/Foo
            INTEGRATION_DELETED    | DELETE /integrations/provider/Bar/consumer/Foo
            """)
    void theSampleIsWrittenWhereItsFieldsSay(EventType type, String expected) {
        EventDelivery.deliver(target(), EventSamples.cloudEvent(type));

        assertThat(writes).containsExactly(expected.split(", "));
    }

    @Test
    void aPublishedPactIsWrittenAsTheSampleCarriesItToTheLetter() {
        EventDelivery.deliver(target(), EventSamples.cloudEvent(EventType.PACT_PUBLISHED));

        assertThat(writes).startsWith("PUT /pacts/provider/Bar/consumer/Foo/version/1.0.0");
        assertThat(bodies.get(0)).isEqualTo(EventSamples.json(EventType.PACT_PUBLISHED).get("content").toString())
                .contains("\"price\":1.10", "\"big\":12345678901234567890.5");
        assertThat(writes).contains("PUT /pacticipants/Foo/branches/main/versions/1.0.0",
                "PUT /pacticipants/Foo/versions/1.0.0/tags/dev");
    }

    private BrokerWriter target() {
        return new BrokerWriter(new PactBrokerClient("http://127.0.0.1:" + server.getAddress().getPort(),
                BrokerCredentials.NONE, Duration.ofSeconds(5)));
    }
}
