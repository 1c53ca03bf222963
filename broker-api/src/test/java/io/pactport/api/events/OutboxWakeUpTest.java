package io.pactport.api.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.EventType;
import io.pactport.core.events.PactportEvent;
import io.pactport.core.events.PactportEvent.PactPublished;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.KafkaResource;
import io.pactport.core.testing.PostgresResource;
import io.pactport.core.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay is woken by the commit of a write, not by its poll: the poll is set to 10 minutes here (and first runs 10
 * minutes after the start), so only the notification can deliver an event within the seconds these tests allow.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.SlowPoll.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class OutboxWakeUpTest {

    /** Far beyond any delivery these tests accept. */
    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pactflow.outbox.poll-interval", "10m");
        }
    }

    /** Well within the poll interval; what it allows is Kafka's time on a loaded machine, not the wake-up's. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(OutboxWakeUpTest.class);

    private static boolean warm;

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    TestDatabase database;

    /**
     * The application's first event waits for the producer's first connection and its topic's metadata; one sent and
     * received before the tests keeps that out of what they time.
     */
    @BeforeEach
    void warmUpTheProducer() {
        if (warm) {
            return;
        }
        String name = "WarmUp-" + UUID.randomUUID();
        try (TopicTail tail = new TopicTail(bootstrapServers, Topics.PACTICIPANTS)) {
            given().contentType("application/json")
                    .body(Map.of("name", name))
                    .post("/pacticipants")
                    .then()
                    .statusCode(201);
            assertThat(tail.await(name::equals, 1, Duration.ofSeconds(60))).hasSize(1);
        }
        warm = true;
    }

    @Test
    void anAcknowledgedWritesEventIsOnKafkaWithinSecondsThoughThePollIsMinutesAway() {
        String name = "WokenUp-" + UUID.randomUUID();
        try (TopicTail tail = new TopicTail(bootstrapServers, Topics.PACTICIPANTS)) {
            long written = System.nanoTime();
            given().contentType("application/json")
                    .body(Map.of("name", name))
                    .post("/pacticipants")
                    .then()
                    .statusCode(201);

            List<ConsumerRecord<String, CloudEvent>> received = tail.await(name::equals, 1, PROMPTLY);

            assertThat(received)
                    .as("pacticipant.created for %s within %s of the write", name, PROMPTLY)
                    .hasSize(1);
            assertThat(received.get(0).value().type()).isEqualTo(EventType.PACTICIPANT_CREATED.type());
            Duration took = Duration.ofNanos(System.nanoTime() - written);
            LOG.infof("pacticipant.created was on Kafka %d ms after the POST was sent", took.toMillis());
            assertThat(took).isLessThan(PROMPTLY);
        }
    }

    @Test
    void aBurstOfConcurrentWritesArrivesExactlyOnceAndInOrderPerKey() {
        String run = UUID.randomUUID().toString();
        List<String> consumers =
                IntStream.range(0, 4).mapToObj(k -> "Burst" + k + "-" + run).toList();
        List<String> keys =
                consumers.stream().map(consumer -> consumer + "/Provider").toList();
        int perKey = 25;
        try (TopicTail tail = new TopicTail(bootstrapServers, Topics.CONTRACTS)) {
            // the keys write at once, each key's writes one transaction after another (each its own commit and wake-up)
            CompletableFuture.allOf(consumers.stream()
                            .map(consumer -> CompletableFuture.runAsync(() -> {
                                for (int revision = 1; revision <= perKey; revision++) {
                                    PactportEvent event = published(consumer, revision);
                                    pool.withTransaction(tx -> outbox.append(tx, event))
                                            .await()
                                            .indefinitely();
                                }
                            }))
                            .toArray(CompletableFuture[]::new))
                    .join();

            List<ConsumerRecord<String, CloudEvent>> received =
                    tail.await(keys::contains, keys.size() * perKey, Duration.ofSeconds(20));

            assertThat(received).hasSize(keys.size() * perKey);
            assertThat(received).extracting(r -> r.value().id()).doesNotHaveDuplicates();
            for (String key : keys) {
                List<CloudEvent> ofKey = received.stream()
                        .filter(r -> r.key().equals(key))
                        .map(r -> r.value())
                        .toList();
                assertThat(ofKey)
                        .extracting(e -> ((PactPublished) CloudEventJson.payload(e)).revision())
                        .as("the events of %s in the order they were written", key)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(1, perKey).boxed().toList());
            }
        }
    }

    @Test
    void aKilledListeningConnectionIsReplacedAndWritesAfterItStillArrivePromptly() throws Exception {
        assertThat(terminateListener())
                .as("the listener's session was found and ended")
                .isEqualTo(1);
        String name = "AfterKill-" + UUID.randomUUID();
        try (TopicTail tail = new TopicTail(bootstrapServers, Topics.PACTICIPANTS)) {
            given().contentType("application/json")
                    .body(Map.of("name", name))
                    .post("/pacticipants")
                    .then()
                    .statusCode(201);

            assertThat(tail.await(name::equals, 1, PROMPTLY))
                    .as("pacticipant.created for %s", name)
                    .hasSize(1);
        }
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (listeners() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(listeners()).as("listening sessions after the reconnection").isEqualTo(1);
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

    private int terminateListener() throws Exception {
        return count("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?");
    }

    private int listeners() throws Exception {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
    }

    private int count(String sql) throws Exception {
        try (Connection c = database.connect();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, OutboxNotifications.APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
