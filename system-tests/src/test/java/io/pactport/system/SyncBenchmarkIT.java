package io.pactport.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Fan-out lag per target at a steady event rate (opt-in: {@code -Dpactport.bench=true}; rate and duration with
 * {@code -Dpactport.bench.rate=500 -Dpactport.bench.seconds=20}). Two targets: a real broker-api on its own database,
 * and a broker that answers at once (what the sync itself costs). Events are tags added to versions, spread over 50
 * pacticipants, written straight to Kafka the way broker-api's relay writes them. Prints p50/p99 per target.
 */
class SyncBenchmarkIT {

    @Test
    void fanOutLagPerTarget() throws Exception {
        assumeTrue(Boolean.getBoolean("pactport.bench"), "opt-in: -Dpactport.bench=true");
        int rate = Integer.getInteger("pactport.bench.rate", 500);
        int seconds = Integer.getInteger("pactport.bench.seconds", 20);
        TestDatabase pactportDatabase = TestPostgres.newDatabase("bench-pactport");
        TestDatabase targetDatabase = TestPostgres.newDatabase("bench-target");
        HttpServer instant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // enough threads for the sync's lanes: this target must not be what limits the fan-out
        instant.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        instant.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
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
            env.put("PACTFLOW_SYNC_TARGETS_0__NAME", "broker-api");
            env.put("PACTFLOW_SYNC_TARGETS_0__URL", "http://127.0.0.1:" + target.port);
            env.put("PACTFLOW_SYNC_TARGETS_1__NAME", "instant");
            env.put("PACTFLOW_SYNC_TARGETS_1__URL", "http://127.0.0.1:" + instant.getAddress().getPort());
            try (ServiceProcess sync = ServiceProcess.start("parallel-sync-service", env)) {
                sync.awaitReady(Duration.ofSeconds(180));
                String run = UUID.randomUUID().toString().substring(0, 6);
                // the service's percentiles cover a sliding window: sample them through the run, keep the highest
                Map<String, Double> highest = new java.util.concurrent.ConcurrentHashMap<>();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            sample(sync, highest);
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            // the next sample
                        }
                    }
                });
                sampler.start();
                produce(rate, seconds, run);
                long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (System.nanoTime() < deadline && !sync.get("/sync/targets").body()
                        .matches("(?s).*\"lagEvents\":0,.*\"lagEvents\":0,.*")) {
                    Thread.sleep(500);
                }
                sample(sync, highest);
                sampler.interrupt();
                System.out.println("[bench] " + rate + " events/s for " + seconds + " s");
                System.out.println("[bench] targets: " + sync.get("/sync/targets").body());
                highest.forEach((series, value) -> System.out.println("[bench] highest " + series + " " + value));
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

    private static void sample(ServiceProcess sync, Map<String, Double> highest) throws Exception {
        for (String line : sync.get("/q/metrics").body().split("\n")) {
            if (line.startsWith("pactport_sync_delivery_lag_seconds{")
                    || line.startsWith("pactport_sync_delivery_lag_seconds_max")) {
                int space = line.lastIndexOf(' ');
                highest.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Math::max);
            }
        }
    }

    private static void produce(int rate, int seconds, String run) throws InterruptedException {
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
                String pacticipant = "Bench-" + run + "-" + (i % 50);
                ObjectNode data = CloudEventJson.mapper().createObjectNode().put("pacticipant", pacticipant)
                        .put("version", Integer.toString(i / 50)).put("tag", "t" + (i % 3));
                producer.send(new ProducerRecord<>(Topics.PACTICIPANTS, pacticipant, CloudEvent.of("bench-" + run
                        + "-" + i, "/bench", EventType.TAG_ADDED.type(), pacticipant,
                        OffsetDateTime.now(ZoneOffset.UTC), data)));
            }
            producer.flush();
        }
    }
}
