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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * itself costs). Events are tags added to versions, spread over 50 pacticipants, written straight to Kafka the way
 * broker-api's relay writes them, at {@code -Dpactport.benchmark.sync.rate} events/s (500) for 60 s ×
 * {@code -Dpactport.benchmark.scale} (at least 10 s). Per target, the lag from the event on Kafka to its write on the
 * target: the service's own {@code pactport_sync_delivery_lag} (a sliding window of about two minutes, read as soon as
 * the target has every event, so it covers the whole run up to scale 2), and for the instant target also as measured at
 * the target itself. The figures go to {@code target/benchmark/sync.md}.
 */
@EnabledIfSystemProperty(named = "pactport.benchmark", matches = "true")
class SyncBenchmark {

    private static final int PACTICIPANTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fanOutLagPerTarget() throws Exception {
        int rate = Integer.getInteger("pactport.benchmark.sync.rate", 500);
        // one target alone shows its own lag without the other's work on the same cores
        List<String> targets = List.of(System.getProperty("pactport.benchmark.sync.targets", "broker-api,instant")
                .split(","));
        double scale = Double.parseDouble(System.getProperty("pactport.benchmark.scale", "1"));
        int seconds = Math.max(10, (int) Math.round(60 * scale));
        String run = UUID.randomUUID().toString().substring(0, 6);
        TestDatabase pactportDatabase = TestPostgres.newDatabase("bench-pactport");
        TestDatabase targetDatabase = TestPostgres.newDatabase("bench-target");
        // the instant target records when each event's PUT reached it: the lag measured outside the service
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> arrivedAfter = new CopyOnWriteArrayList<>();
        HttpServer instant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // enough threads for the sync's lanes: this target must not be what limits the fan-out
        instant.setExecutor(Executors.newFixedThreadPool(16));
        instant.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Long sent = sentAt.remove(exchange.getRequestURI().getPath());
                if (sent != null) {
                    arrivedAfter.add(System.currentTimeMillis() - sent);
                }
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 404 : 201, -1);
            }
        });
        instant.start();
        String noKafka = "127.0.0.1:" + ServiceProcess.freePort();
        try (ServiceProcess target = ServiceProcess.start("broker-api", Map.of("PACTFLOW_DATABASE_URL",
                targetDatabase.rubyUrl(), "PACTFLOW_DATABASE_AUTO_MIGRATE", "true", "KAFKA_BOOTSTRAP_SERVERS",
                noKafka))) {
            target.awaitAnswer("/q/health/live", Duration.ofSeconds(180));
            Map<String, String> env = new HashMap<>();
            env.put("PACTFLOW_DATABASE_URL", pactportDatabase.rubyUrl());
            env.put("PACTFLOW_DATABASE_AUTO_MIGRATE", "true");
            env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
            String groupPrefix = "bench-" + UUID.randomUUID() + "-";
            env.put("PACTFLOW_SYNC_CONSUMER_GROUP_PREFIX", groupPrefix);
            // events other tests in this JVM left on the topics would count as minutes of lag: start at the end
            startAtTheEnd(groupPrefix + "broker-api");
            startAtTheEnd(groupPrefix + "instant");
            Map<String, String> urls = Map.of("broker-api", "http://127.0.0.1:" + target.port, "instant",
                    "http://127.0.0.1:" + instant.getAddress().getPort());
            for (int i = 0; i < targets.size(); i++) {
                env.put("PACTFLOW_SYNC_TARGETS_" + i + "__NAME", targets.get(i));
                env.put("PACTFLOW_SYNC_TARGETS_" + i + "__URL", urls.get(targets.get(i)));
            }
            try (ServiceProcess sync = ServiceProcess.start("parallel-sync-service", env)) {
                sync.awaitReady(Duration.ofSeconds(180));
                double achieved = produce(rate, seconds, run, sentAt);
                // each target's percentiles are read as soon as it has every event: the service's window slides on
                // while a slower target catches up
                Map<String, Double> lag = new HashMap<>();
                java.util.Set<String> caughtUp = new java.util.HashSet<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
                while (System.nanoTime() < deadline && caughtUp.size() < targets.size()) {
                    for (JsonNode t : JSON.readTree(sync.get("/sync/targets").body())) {
                        String name = t.path("name").asText();
                        if (t.path("delivered").asLong() >= (long) rate * seconds && caughtUp.add(name)) {
                            lagMetrics(sync).forEach((series, value) -> {
                                if (series.startsWith(name + "|")) {
                                    lag.put(series, value);
                                }
                            });
                        }
                    }
                    Thread.sleep(250);
                }
                List<String> lines = new ArrayList<>();
                lines.add("Fan-out of `tag.added` events: " + rate + " events/s asked, " + String.format("%.1f",
                        achieved) + " events/s produced, for " + seconds + " s (" + rate * seconds + " events, "
                        + PACTICIPANTS + " pacticipants; scale " + scale + "), load average at the end "
                        + BenchmarkEnvironment.loadAverage());
                lines.add("");
                lines.add("| target | delivered | lag p50 ms | lag p95 ms | lag p99 ms | lag max ms | target p99 ms |");
                lines.add("|---|---|---|---|---|---|---|");
                String status = sync.get("/sync/targets").body();
                for (String name : targets) {
                    lines.add("| " + name + " | " + delivered(status, name) + " | " + ms(lag, name, "0.5") + " | "
                            + ms(lag, name, "0.95") + " | " + ms(lag, name, "0.99") + " | " + ms(lag, name, "max")
                            + " | 500 |");
                }
                List<Long> measured = new ArrayList<>(arrivedAfter);
                java.util.Collections.sort(measured);
                if (targets.contains("instant")) {
                    lines.add("| instant, measured at the target | " + measured.size() + " | " + at(measured, 0.5)
                            + " | " + at(measured, 0.95) + " | " + at(measured, 0.99) + " | " + at(measured, 1)
                            + " | 500 |");
                }
                Path results = Path.of("target", "benchmark", "sync.md");
                Files.createDirectories(results.getParent());
                Files.writeString(results, String.join("\n", lines) + "\n");
                System.out.println(String.join("\n", lines));
            }
        } finally {
            instant.stop(0);
        }
    }

    private static void startAtTheEnd(String group) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(),
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

    /** {@code target|quantile} (or {@code target|max}) to seconds, from the service's lag timer. */
    private static Map<String, Double> lagMetrics(ServiceProcess sync) throws Exception {
        Map<String, Double> values = new HashMap<>();
        var series = java.util.regex.Pattern.compile("pactport_sync_delivery_lag_seconds(_max)?\\{(.*)\\} (\\S+)");
        for (String line : sync.get("/q/metrics").body().split("\n")) {
            var m = series.matcher(line);
            if (m.matches()) {
                var target = java.util.regex.Pattern.compile("target=\"([^\"]*)\"").matcher(m.group(2));
                var quantile = java.util.regex.Pattern.compile("quantile=\"([^\"]*)\"").matcher(m.group(2));
                if (target.find()) {
                    String key = m.group(1) != null ? "max" : quantile.find() ? quantile.group(1) : null;
                    if (key != null) {
                        values.put(target.group(1) + "|" + key, Double.parseDouble(m.group(3)));
                    }
                }
            }
        }
        return values;
    }

    private static String ms(Map<String, Double> lag, String target, String key) {
        Double seconds = lag.get(target + "|" + key);
        return seconds == null ? "n/a" : String.format("%.0f", seconds * 1000);
    }

    private static String delivered(String status, String target) {
        var m = java.util.regex.Pattern.compile("\"name\":\"" + target + "\".*?\"delivered\":(\\d+)")
                .matcher(status);
        return m.find() ? m.group(1) : "?";
    }

    private static String at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        return Long.toString(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)));
    }

    /** Returns the rate achieved. */
    private static double produce(int rate, int seconds, String run, Map<String, Long> sentAt)
            throws InterruptedException {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer())) {
            long start = System.nanoTime();
            int total = rate * seconds;
            for (int i = 0; i < total; i++) {
                long due = start + (long) i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String pacticipant = "Bench-" + run + "-" + (i % PACTICIPANTS);
                String version = Integer.toString(i / PACTICIPANTS);
                String tag = "t" + (i % 3);
                ObjectNode data = CloudEventJson.mapper().createObjectNode().put("pacticipant", pacticipant)
                        .put("version", version).put("tag", tag);
                sentAt.put("/pacticipants/" + pacticipant + "/versions/" + version + "/tags/" + tag,
                        System.currentTimeMillis());
                producer.send(new ProducerRecord<>(Topics.PACTICIPANTS, pacticipant, CloudEvent.of("bench-" + run
                        + "-" + i, "/bench", EventType.TAG_ADDED.type(), pacticipant,
                        OffsetDateTime.now(ZoneOffset.UTC), data)));
            }
            producer.flush();
            return total / ((System.nanoTime() - start) / 1e9);
        }
    }
}
