package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventDeserializer;
import io.pactport.core.events.EventType;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * An acknowledged write never loses its event: broker-api answers a publication while Kafka is unreachable, is then
 * killed with SIGKILL, and after a restart with Kafka back the event is delivered.
 */
class OutboxDurabilityIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void anAcknowledgedPublicationSurvivesKill9AndItsEventIsDeliveredAfterRestart() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("durability");
        String consumer = "Consumer-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> kafkaDown = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + ServiceProcess.freePort());

        try (ServiceProcess api = ServiceProcess.start("broker-api", kafkaDown)) {
            api.awaitAnswer("/q/health/live", START);
            var published = api.put(
                    "/pacts/provider/Provider/consumer/" + consumer + "/version/1.0.0", """
                    {"consumer":{"name":"%s"},"provider":{"name":"Provider"},
                     "interactions":[{"description":"a request","request":{"method":"GET","path":"/"},
                                      "response":{"status":200}}],
                     "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer));
            assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            assertThat(unsentEvents(db, consumer + "/Provider")).isEqualTo(1);
            api.kill();
        }

        Map<String, String> kafkaUp =
                Map.of("PACTFLOW_DATABASE_URL", db.rubyUrl(), "KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        try (ServiceProcess api = ServiceProcess.start("broker-api", kafkaUp)) {
            api.awaitReady(START);
            CloudEvent event = awaitEvent(consumer + "/Provider");
            assertThat(event.type()).isEqualTo(EventType.PACT_PUBLISHED.type());
            assertThat(event.data().toString()).contains(consumer, "1.0.0");
            assertThat(unsentEvents(db, consumer + "/Provider")).isZero();
        }
    }

    private static long unsentEvents(TestDatabase db, String key) throws Exception {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM pactport_outbox WHERE sent_at IS NULL AND event_key = '"
                                + key + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CloudEvent awaitEvent(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "durability-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            kafka.subscribe(List.of(Topics.CONTRACTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : kafka.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())
                            && EventType.PACT_PUBLISHED
                                    .type()
                                    .equals(record.value().type())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no " + EventType.PACT_PUBLISHED.type() + " event for " + key + " within 60 s");
    }
}
