package io.pactport.sync.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pactport.core.events.Topics;
import io.pactport.core.remote.BrokerCredentials;
import io.pactport.core.remote.BrokerWriter;
import io.pactport.core.remote.PactBrokerClient;
import io.pactport.core.testing.TestKafka;
import io.pactport.sync.delivery.TargetStats;
import io.pactport.sync.model.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the lane tests need of the shared test Kafka (the topics with several partitions, a group of their own) and the
 * consumers they start against their target.
 */
final class LaneTestKafka {

    private LaneTestKafka() {}

    /**
     * A dead-letter producer for the test's consumers, the topics created and the test's {@code group} at their end.
     */
    static DeadLetters prepare(String group) throws Exception {
        DeadLetters deadLetters = new DeadLetters(settings("dead-letter-producer"), Clock.systemUTC());
        createTopics();
        startGroupAtTheEnd(group);
        return deadLetters;
    }

    /** A consumer in {@code group} with {@code lanes} lanes that writes to {@code target}, backing off briefly. */
    static TargetConsumer consumer(String name, HttpServer target, DeadLetters deadLetters, String group, int lanes) {
        BrokerWriter writer = new BrokerWriter(new PactBrokerClient(
                "http://127.0.0.1:" + target.getAddress().getPort(), BrokerCredentials.NONE, Duration.ofSeconds(5)));
        TargetSync sync = new TargetSync(
                name,
                EnumSet.allOf(EventKind.class),
                writer,
                deadLetters,
                new TargetStats(name, new SimpleMeterRegistry(), Clock.systemUTC()),
                Duration.ofMillis(5),
                Duration.ofMillis(50));
        return new TargetConsumer(sync, settings("target-consumer"), group, lanes, Duration.ofSeconds(5));
    }

    /** The topics TargetConsumer reads, with 4 partitions each (several partitions are what the tests are about). */
    private static void createTopics() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(Topics.PACTICIPANTS, 4, (short) 1),
                            new NewTopic(Topics.CONTRACTS, 4, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The group starts at the topics' current end: other tests' events are none of this test's business. */
    private static void startGroupAtTheEnd(String group) {
        try (var consumer = plainConsumer(group)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TargetConsumer.TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, o) -> end.put(p, new OffsetAndMetadata(o)));
            consumer.commitSync(end);
        }
    }

    /** A consumer in {@code group} that commits only when told, to read or set the group's offsets. */
    static KafkaConsumer<String, String> plainConsumer(String group) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /**
     * The settings the service gives one of its Kafka clients ({@code target-consumer}, {@code redrive-consumer},
     * {@code dead-letter-producer}), as its application.properties sets them, with the test Kafka's address.
     */
    static Map<String, Object> settings(String client) {
        String prefix = "pactflow.sync.kafka." + client + ".";
        Properties properties = new Properties();
        try (InputStream in = LaneTestKafka.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name ->
                        settings.put(name.substring(prefix.length()).replace("\"", ""), properties.getProperty(name)));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        return settings;
    }

    static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
