package io.pactport.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.pactport.core.events.CloudEvent;
import io.pactport.core.events.CloudEventJson;
import io.pactport.core.events.CloudEventSerializer;
import io.pactport.core.events.EventType;
import io.pactport.core.events.Topics;
import io.pactport.core.testing.TestDatabase;
import io.pactport.core.testing.TestKafka;
import io.pactport.core.testing.TestPostgres;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Fan-out lag per target at a steady event rate, with the other benchmarks (opt-in: {@code -Pbenchmark}, see README
 * "Performance"). Two targets: a real broker-api on its own database, and a broker that answers at once (what the sync
 * itself costs). Events are tags added to existing versions (as in CI, where a version reaches the old brokers with its
 * pact publication before it is tagged), spread over 50 pacticipants, written straight to Kafka the way broker-api's
 * relay writes them, at {@code -Dpactport.benchmark.sync.rate} events/s (500): first for
 * {@code -Dpactport.benchmark.sync.warmup} seconds (90) to warm up (on 2 cores the JVMs' compilers are still busy a
 * minute after the start, taking a third of the CPU; the consumer groups join), then,
 * once every target has caught up, for 60 s × {@code -Dpactport.benchmark.scale} (at least 10 s), measured. The lag of
 * a measured event is from its hand-over to the Kafka producer to its arrival at the target: the instant target notes
 * when each PUT arrives; the broker-api target's tag rows carry the time their transaction started. The figures go to
 * {@code target/benchmark/sync.md}.
 */
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class SyncBenchmark {

    private static final int PACTICIPANTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One phase's events: pacticipants {@code prefix-0 … prefix-49}, {@code count} events in all. */
    private record Phase(String prefix, int count) {

        String pacticipant(int i) {
            return prefix + "-" + (i % PACTICIPANTS);
        }

        String version(int i) {
            return Integer.toString(i / PACTICIPANTS);
        }

        String tag(int i) {
            return "t" + (i % 3);
        }

        String path(int i) {
            return "/pacticipants/" + pacticipant(i) + "/versions/" + version(i) + "/tags/" + tag(i);
        }
    }

    @Test
    void fanOutLagPerTarget() throws Exception {
        int rate = Integer.getInteger("pactport.benchmark.sync.rate", 500);
        // one target alone shows its own lag without the other's work on the same cores
        List<String> targets = List.of(System.getProperty("pactport.benchmark.sync.targets", "broker-api,instant")
                .split(","));
        double scale = Double.parseDouble(System.getProperty("pactport.benchmark.scale", "1"));
        int seconds = Math.max(10, (int) Math.round(60 * scale));
        int warmUpSeconds = Integer.getInteger("pactport.benchmark.sync.warmup", 90);
        String run = UUID.randomUUID().toString().substring(0, 6);
        Phase warmUp = new Phase("Bench-" + run + "-w", rate * warmUpSeconds);
        Phase measured = new Phase("Bench-" + run + "-m", rate * seconds);
        TestDatabase pactportDatabase = TestPostgres.newDatabase("bench-pactport");
        TestDatabase targetDatabase = TestPostgres.newDatabase("bench-target");
        // the instant target notes when each measured event's PUT reached it
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> instantArrivals = new ConcurrentHashMap<>();
        HttpServer instant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // enough threads for the sync's lanes: this target must not be what limits the fan-out
        instant.setExecutor(Executors.newFixedThreadPool(16));
        instant.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestMethod().equals("PUT")) {
                    instantArrivals.putIfAbsent(exchange.getRequestURI().getPath(), System.currentTimeMillis());
                }
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 404 : 201, -1);
            }
        });
        instant.start();
        String noKafka = "127.0.0.1:" + ServiceProcess.freePort();
        try (ServiceProcess target = ServiceProcess.start(
                "broker-api",
                Map.of(
                        "PACTFLOW_DATABASE_URL",
                        targetDatabase.rubyUrl(),
                        "PACTFLOW_DATABASE_AUTO_MIGRATE",
                        "true",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        noKafka))) {
            target.awaitAnswer("/q/health/live", Duration.ofSeconds(180));
            createVersions(targetDatabase, warmUp);
            createVersions(targetDatabase, measured);
            Map<String, String> env = new HashMap<>();
            env.put("PACTFLOW_DATABASE_URL", pactportDatabase.rubyUrl());
            env.put("PACTFLOW_DATABASE_AUTO_MIGRATE", "true");
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            String groupPrefix = "bench-" + UUID.randomUUID() + "-";
            env.put("PACTFLOW_SYNC_CONSUMER_GROUP_PREFIX", groupPrefix);
            // events other tests in this JVM left on the topics would count as minutes of lag: start at the end
            startAtTheEnd(groupPrefix + "broker-api");
            startAtTheEnd(groupPrefix + "instant");
            Map<String, String> urls = Map.of(
                    "broker-api",
                    "http://127.0.0.1:" + target.port,
                    "instant",
                    "http://127.0.0.1:" + instant.getAddress().getPort());
            for (int i = 0; i < targets.size(); i++) {
                env.put("PACTFLOW_SYNC_TARGETS_" + i + "__NAME", targets.get(i));
                env.put("PACTFLOW_SYNC_TARGETS_" + i + "__URL", urls.get(targets.get(i)));
            }
            try (ServiceProcess sync = ServiceProcess.start("parallel-sync-service", env)) {
                sync.awaitReady(Duration.ofSeconds(180));
                produce(rate, warmUp, null);
                awaitDelivered(sync, targets, warmUp.count());
                double achieved = produce(rate, measured, sentAt);
                boolean complete = awaitDelivered(sync, targets, warmUp.count() + measured.count());
                List<String> lines = new ArrayList<>();
                lines.add("Fan-out of `tag.added` events to existing versions: " + rate + " events/s asked, "
                        + String.format("%.1f", achieved) + " events/s produced, for " + seconds + " s ("
                        + measured.count() + " events, " + PACTICIPANTS + " pacticipants; scale " + scale + ") after "
                        + warmUpSeconds + " s of warm-up at the same rate; load average at the end "
                        + BenchmarkEnvironment.loadAverage() + (complete ? "" : "; NOT every event arrived in time"));
                lines.add("");
                lines.add("Lag: from the event's hand-over to the Kafka producer to its arrival at the target.");
                lines.add("");
                lines.add("| target | measured events arrived | lag p50 ms | lag p95 ms | lag p99 ms | lag max ms"
                        + " | target p99 ms |");
                lines.add("|---|---|---|---|---|---|---|");
                for (String name : targets) {
                    Map<String, Long> arrivals =
                            name.equals("instant") ? instantArrivals : tagCreationTimes(targetDatabase, measured);
                    List<Long> lags = new ArrayList<>();
                    sentAt.forEach((path, sent) -> {
                        Long arrived = arrivals.get(path);
                        if (arrived != null) {
                            lags.add(arrived - sent);
                        }
                    });
                    Collections.sort(lags);
                    lines.add("| " + name + " | " + lags.size() + " of " + measured.count() + " | " + at(lags, 0.5)
                            + " | " + at(lags, 0.95) + " | " + at(lags, 0.99) + " | " + at(lags, 1) + " | 500 |");
                }
                BenchmarkEnvironment.writeResults("sync.md", lines);
            }
        } finally {
            instant.stop(0);
        }
    }

    /**
     * The phase's pacticipants and versions on the broker-api target, created an hour ago, as the pact publications
     * before the tags would have left them (so the Pact Broker's first-tag-as-branch rule for new versions does not
     * apply).
     */
    private static void createVersions(TestDatabase db, Phase phase) throws SQLException {
        int versions = (phase.count() + PACTICIPANTS - 1) / PACTICIPANTS;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO pacticipants (name, display_name, created_at, updated_at)"
                    + " SELECT '" + phase.prefix() + "-' || k, '" + phase.prefix() + "-' || k,"
                    + " now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM generate_series(0, "
                    + (PACTICIPANTS - 1) + ") k");
            s.execute("INSERT INTO versions (number, pacticipant_id, \"order\", created_at, updated_at)"
                    + " SELECT n::text, p.id, nextval('version_order_sequence'),"
                    + " now() AT TIME ZONE 'UTC' - interval '1 hour', now() AT TIME ZONE 'UTC' - interval '1 hour'"
                    + " FROM generate_series(0, " + (versions - 1) + ") n CROSS JOIN pacticipants p"
                    + " WHERE p.name LIKE '" + phase.prefix() + "-%' ORDER BY n, p.id");
        }
    }

    /** When each of the phase's tags was written on the broker-api target (its transaction's start), by path. */
    private static Map<String, Long> tagCreationTimes(TestDatabase db, Phase phase) throws SQLException {
        Map<String, Long> times = new HashMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT p.name, v.number, t.name,"
                        + " (extract(epoch FROM t.created_at) * 1000)::bigint FROM tags t"
                        + " JOIN versions v ON v.id = t.version_id JOIN pacticipants p ON p.id = v.pacticipant_id"
                        + " WHERE p.name LIKE '" + phase.prefix() + "-%'")) {
            while (rows.next()) {
                times.put(
                        "/pacticipants/" + rows.getString(1) + "/versions/" + rows.getString(2) + "/tags/"
                                + rows.getString(3),
                        rows.getLong(4));
            }
        }
        return times;
    }

    /** Waits (at most 10 minutes) until every target has {@code total} events; whether they all did. */
    private static boolean awaitDelivered(ServiceProcess sync, List<String> targets, long total) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            long caughtUp = 0;
            for (JsonNode t : JSON.readTree(sync.get("/sync/targets").body())) {
                if (targets.contains(t.path("name").asText())
                        && t.path("delivered").asLong() >= total) {
                    caughtUp++;
                }
            }
            if (caughtUp == targets.size()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void startAtTheEnd(String group) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CONTRACTS, Topics.PACTICIPANTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> end.put(p, new OffsetAndMetadata(offset)));
            if (!end.isEmpty()) {
                consumer.commitSync(end);
            }
        }
    }

    private static String at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        return Long.toString(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)));
    }

    /** Writes the phase's events at {@code rate}, noting when each was handed over when {@code sentAt} is given. */
    private static double produce(int rate, Phase phase, Map<String, Long> sentAt) throws InterruptedException {
        // Kafka's default linger (5 ms), as broker-api's relay has
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < phase.count(); i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String pacticipant = phase.pacticipant(i);
                ObjectNode data = CloudEventJson.mapper()
                        .createObjectNode()
                        .put("pacticipant", pacticipant)
                        .put("version", phase.version(i))
                        .put("tag", phase.tag(i));
                if (sentAt != null) {
                    sentAt.put(phase.path(i), System.currentTimeMillis());
                }
                producer.send(new ProducerRecord<>(
                        Topics.PACTICIPANTS,
                        pacticipant,
                        CloudEvent.of(
                                phase.prefix() + "-" + i,
                                "/bench",
                                EventType.TAG_ADDED.type(),
                                pacticipant,
                                OffsetDateTime.now(ZoneOffset.UTC),
                                data)));
            }
            producer.flush();
            return phase.count() / ((System.nanoTime() - start) / 1e9);
        }
    }
}
