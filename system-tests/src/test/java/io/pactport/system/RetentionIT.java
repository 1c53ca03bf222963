package io.pactport.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventDeserializer;
import io.pactport.core.events.EventType;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The packaged retention-service next to broker-api: pacts published through broker-api's API, a clean started over
 * retention-service's API, the deleted versions' events on {@code pactport.retention.v1} (relayed by broker-api from
 * the outbox rows the clean wrote with its deletes), and the kept data still served. An invalid selector stops the
 * start with a message naming the variable.
 */
class RetentionIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCleanStartedOverHttpDeletesWhatNoSelectorKeepsAndPublishesItsEvents() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("retention");
        String consumer = "Shop-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>(Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                "PACTFLOW_BASIC_AUTH_USERNAME",
                "admin",
                "PACTFLOW_BASIC_AUTH_PASSWORD",
                "s3cret"));
        try (ServiceProcess api = ServiceProcess.start("broker-api", env)) {
            api.awaitReady(START);
            for (String version : List.of("1.0.0", "2.0.0", "3.0.0")) {
                var published = send(
                        api, "PUT", "/pacts/provider/Stock/consumer/" + consumer + "/version/" + version, """
                        {"consumer":{"name":"%s"},"provider":{"name":"Stock"},
                         "interactions":[{"description":"v%s","request":{"method":"GET","path":"/"},
                                          "response":{"status":200}}],
                         "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(
                                        consumer, version));
                assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
            }
            env.put("PACT_BROKER_DATABASE_CLEAN_KEEP_VERSION_SELECTORS", "[{\"latest\":true}]");
            try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
                retention.awaitReady(START);
                var started = send(retention, "POST", "/retention/runs", "");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                long id = JSON.readTree(started.body()).get("id").asLong();
                JsonNode run = awaitRun(retention, id);
                assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
                assertThat(run.get("versionsDeleted").asInt()).isEqualTo(2);
                // the Pact Broker name of the variable was accepted, with a warning naming the new one
                assertThat(retention.output()).contains("PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS");
            }
            assertThat(send(api, "GET", "/pacticipants/" + consumer + "/versions/1.0.0", null)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(send(api, "GET", "/pacts/provider/Stock/consumer/" + consumer + "/version/3.0.0", null)
                            .statusCode())
                    .isEqualTo(200);
            List<CloudEvent> events = awaitEvents(consumer);
            assertThat(events).extracting(CloudEvent::type).contains(EventType.RETENTION_VERSIONS_DELETED.type());
            assertThat(events.get(0).data().toString())
                    .contains("1.0.0", "2.0.0")
                    .doesNotContain("3.0.0");
        }
    }

    @Test
    void anInvalidKeepSelectorStopsTheStartNamingTheVariable() throws Exception {
        TestDatabase db = TestPostgres.newDatabase("retention_invalid");
        Map<String, String> env = Map.of(
                "PACTFLOW_DATABASE_URL",
                db.rubyUrl(),
                "PACTFLOW_DATABASE_AUTO_MIGRATE",
                "true",
                "KAFKA_BOOTSTRAP_SERVERS",
                TestKafka.bootstrapServers(),
                "PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS",
                "[{\"latest\":true,\"max_age\":30}]");
        try (ServiceProcess retention = ServiceProcess.start("retention-service", env)) {
            assertThat(retention.awaitExit(START)).isNotZero();
            assertThat(retention.output())
                    .contains("PACTFLOW_DATABASE_CLEAN_KEEP_VERSION_SELECTORS: selector 1:"
                            + " \"latest\" cannot be combined with \"max_age\"");
        }
    }

    private static HttpResponse<String> send(ServiceProcess service, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json");
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitRun(ServiceProcess retention, long id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(
                    send(retention, "GET", "/retention/runs/" + id, null).body());
            if (!"running".equals(run.get("status").asText())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + id + " did not finish:\n" + retention.output());
    }

    private static List<CloudEvent> awaitEvents(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "retention-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<CloudEvent> found = new ArrayList<>();
        try (var kafka = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            kafka.subscribe(List.of(Topics.RETENTION));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && found.isEmpty()) {
                for (var record : kafka.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        assertThat(found).as("events keyed " + key + " on " + Topics.RETENTION).isNotEmpty();
        return found;
    }
}
