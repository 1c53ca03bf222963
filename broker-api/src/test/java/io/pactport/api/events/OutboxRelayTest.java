package io.pactport.api.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventDeserializer;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import io.pactport.core.events.PactportEvent;
import io.pactport.core.events.PactportEvent.IntegrationDeleted;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.events.PactportEvent.VerificationPublished;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxRelayTest {

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TestDatabase database;

    @Test
    void committedEventsReachKafkaInOrderWithTheOutboxIdAsEventId() throws Exception {
        String consumer = "Consumer-" + UUID.randomUUID();
        String key = consumer + "/Provider";
        List<PactportEvent> events = List.of(
                published(consumer, 1),
                new VerificationPublished(
                        consumer, "Provider", "sha", "1", "2", null, List.of(), true, null, 1, false, null, null),
                published(consumer, 2));
        pool.withTransaction(tx -> outbox.append(tx, events.get(0))
                        .chain(() -> outbox.append(tx, events.get(1)))
                        .chain(() -> outbox.append(tx, events.get(2))))
                .await()
                .indefinitely();

        List<CloudEvent> received = consume(Topics.CONTRACTS, key, 3);

        assertThat(received).extracting(CloudEventJson::payload).containsExactlyElementsOf(events);
        assertThat(received)
                .extracting(CloudEvent::type)
                .containsExactly(
                        EventType.PACT_PUBLISHED.type(),
                        EventType.VERIFICATION_PUBLISHED.type(),
                        EventType.PACT_PUBLISHED.type());
        assertThat(received).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(key);
            assertThat(e.source()).isEqualTo(OutboxRelay.SOURCE);
            assertThat(e.time()).isNotNull();
        });
        List<Long> ids = received.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(unsentFor(key)).isZero();
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublished() throws Exception {
        String key = "RolledBack-" + UUID.randomUUID() + "/Provider";
        try {
            pool.withTransaction(tx -> outbox.append(tx, new IntegrationDeleted(key.split("/")[0], "Provider"))
                            .chain(() -> tx.query("SELECT 1/0").execute()))
                    .await()
                    .indefinitely();
        } catch (RuntimeException expected) {
            // the change failed, so its event must go with it
        }
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM pactport_outbox WHERE event_key = '" + key + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void exposesTheBacklogAndPublishLatency() {
        Response response = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(response.asString()).contains("pactport_outbox_backlog");
        assertThat(response.asString()).contains("pactport_outbox_publish_latency");
    }

    private static PactPublished published(String consumer, int revision) {
        return new PactPublished(
                consumer,
                "Provider",
                "1",
                null,
                List.of(),
                List.of(),
                null,
                "sha",
                revision,
                "created",
                true,
                "{\"interactions\":[]}");
    }

    private List<CloudEvent> consume(String topic, String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<CloudEvent> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        received.add(record.value());
                    }
                }
            }
        }
        assertThat(received).as("events for %s on %s", key, topic).hasSize(count);
        return received;
    }

    private long unsentFor(String key) throws Exception {
        try (Connection c = database.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM pactport_outbox WHERE sent_at IS NULL AND event_key = '"
                                + key + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
